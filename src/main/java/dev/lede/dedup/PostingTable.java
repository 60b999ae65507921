package dev.lede.dedup;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * An insert-only multimap from a 32-bit lookup key to article keys, packed one posting per {@code
 * long} ({@code key << 32 | article + 1}; 0 marks an empty slot) in an open-addressing table with
 * linear probing, kept at most 70% full: about 11.5 bytes per posting and no object per entry.
 *
 * <p>Postings of one key are kept oldest first and only the first {@link #PER_KEY} are stored:
 * lookups never ask for more (a key shared by that many articles is a common phrase, or one story's
 * many copies of which the oldest suffice), and the cap keeps probe runs short.
 */
final class PostingTable {
  /** At most this many postings are kept per key. */
  static final int PER_KEY = 64;

  private long[] slots = new long[1024];
  private int size;

  /** Adds a posting; returns false when the key already holds {@link #PER_KEY} postings. */
  boolean add(int key, long article) {
    if (article < 0 || article >= 0xffffffffL) {
      throw new IllegalArgumentException("article key out of range: " + article);
    }
    if ((size + 1) * 10L > slots.length * 7L) {
      grow();
    }
    long packed = pack(key, article);
    int mask = slots.length - 1;
    int count = 0;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long v = slots[i];
      if (v == 0) {
        if (count >= PER_KEY) {
          return false;
        }
        slots[i] = packed;
        size++;
        return true;
      }
      if ((int) (v >>> 32) == key) {
        if (v == packed) {
          return true;
        }
        count++;
      }
    }
  }

  /** The articles under {@code key}, oldest (smallest key) first, at most {@code limit}. */
  void get(int key, int limit, LongConsumer out) {
    int mask = slots.length - 1;
    long[] found = null;
    int n = 0;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long v = slots[i];
      if (v == 0) {
        break;
      }
      if ((int) (v >>> 32) == key) {
        if (found == null) {
          found = new long[8];
        } else if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = (v & 0xffffffffL) - 1;
      }
    }
    if (found == null) {
      return;
    }
    Arrays.sort(found, 0, n);
    for (int k = 0; k < Math.min(n, limit); k++) {
      out.accept(found[k]);
    }
  }

  int size() {
    return size;
  }

  long bytes() {
    return slots.length * 8L;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long v : old) {
      if (v != 0) {
        int i = slot((int) (v >>> 32), mask);
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = v;
      }
    }
  }

  private static long pack(int key, long article) {
    return ((long) key << 32) | (article + 1);
  }

  private static int slot(int key, int mask) {
    return (int) Hashing.mix(key) & mask;
  }
}
