package dev.lede.store.sqlite;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} to {@code int} (linear probing, no boxing): the dedup
 * state's document-frequency cache and per-transaction increments, read and written a few hundred
 * times per article. Key 0 is kept aside in its own slot.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int size;
  private boolean hasZero;
  private int zeroValue;

  LongIntMap(int capacity) {
    int n = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
    keys = new long[n];
    values = new int[n];
    used = new boolean[n];
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /** The value of {@code key}, or {@code missing} when absent. */
  int get(long key, int missing) {
    if (key == 0) {
      return hasZero ? zeroValue : missing;
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
    }
    return missing;
  }

  void put(long key, int value) {
    if (key == 0) {
      hasZero = true;
      zeroValue = value;
      return;
    }
    int i = find(key);
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      size++;
    }
    values[i] = value;
    grow();
  }

  /** Adds {@code delta} to the value of {@code key} (0 when absent). */
  void add(long key, int delta) {
    if (key == 0) {
      zeroValue = (hasZero ? zeroValue : 0) + delta;
      hasZero = true;
      return;
    }
    int i = find(key);
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      values[i] = 0;
      size++;
    }
    values[i] += delta;
    grow();
  }

  /** Adds {@code delta} to the value of {@code key} when present. */
  void addIfPresent(long key, int delta) {
    if (key == 0) {
      if (hasZero) {
        zeroValue += delta;
      }
      return;
    }
    int i = find(key);
    if (used[i]) {
      values[i] += delta;
    }
  }

  void clear() {
    Arrays.fill(used, false);
    size = 0;
    hasZero = false;
  }

  /** The keys in ascending order. */
  long[] sortedKeys() {
    long[] out = new long[size()];
    int k = 0;
    if (hasZero) {
      out[k++] = 0;
    }
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        out[k++] = keys[i];
      }
    }
    Arrays.sort(out);
    return out;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    if (size * 2 <= keys.length) {
      return;
    }
    long[] ok = keys;
    int[] ov = values;
    boolean[] ou = used;
    keys = new long[ok.length * 2];
    values = new int[ok.length * 2];
    used = new boolean[ok.length * 2];
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ou[i]) {
        int j = find(ok[i]);
        used[j] = true;
        keys[j] = ok[i];
        values[j] = ov[i];
        size++;
      }
    }
  }
}
