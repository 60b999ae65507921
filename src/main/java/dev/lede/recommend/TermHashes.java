package dev.lede.recommend;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A set of short strings (names, headline words) kept as the sorted array of their 64-bit hashes,
 * for the overlap measures of a fresh related list: the near-copy check against the article, the
 * pairwise near-copy collapse of the candidates and the same-event check compare dozens of such
 * sets per list, up to a thousand pairs. Over {@code Set.of} sets each comparison hashed and probed
 * every element of one set in the other (the collapse alone was about 5% of a fresh list); over
 * sorted hashes it is one merge of two short {@code long} arrays, without touching the strings.
 *
 * <p>The hash is 64-bit FNV-1a over the UTF-16 code units followed by MurmurHash3's 64-bit
 * finaliser (so that strings differing in their last characters differ in every bit). Two distinct
 * strings share a hash with probability about 2<sup>-64</sup> per pair: for sets of a few dozen
 * strings the counts below equal those of the string sets except with negligible probability (a
 * collision would count two different strings as one shared string).
 */
final class TermHashes {
  static final TermHashes EMPTY = new TermHashes(new long[0]);

  private final long[] sorted;

  private TermHashes(long[] sorted) {
    this.sorted = sorted;
  }

  /** The set of these strings (duplicates count once). */
  static TermHashes of(Collection<String> strings) {
    if (strings.isEmpty()) {
      return EMPTY;
    }
    long[] h = new long[strings.size()];
    int n = 0;
    for (String s : strings) {
      h[n++] = hash(s);
    }
    Arrays.sort(h);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || h[i] != h[i - 1]) {
        h[distinct++] = h[i];
      }
    }
    return new TermHashes(distinct == h.length ? h : Arrays.copyOf(h, distinct));
  }

  /**
   * The set of the strings with these hashes ({@link #hash}; duplicates count once). The array is
   * sorted in place and may be kept.
   */
  static TermHashes ofHashes(long[] h) {
    if (h.length == 0) {
      return EMPTY;
    }
    Arrays.sort(h);
    int distinct = 0;
    for (int i = 0; i < h.length; i++) {
      if (i == 0 || h[i] != h[i - 1]) {
        h[distinct++] = h[i];
      }
    }
    return new TermHashes(distinct == h.length ? h : Arrays.copyOf(h, distinct));
  }

  /** The union of these sets. */
  static TermHashes union(List<TermHashes> sets) {
    int n = 0;
    for (TermHashes t : sets) {
      n += t.sorted.length;
    }
    if (n == 0) {
      return EMPTY;
    }
    long[] h = new long[n];
    int k = 0;
    for (TermHashes t : sets) {
      System.arraycopy(t.sorted, 0, h, k, t.sorted.length);
      k += t.sorted.length;
    }
    Arrays.sort(h);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || h[i] != h[i - 1]) {
        h[distinct++] = h[i];
      }
    }
    return new TermHashes(distinct == n ? h : Arrays.copyOf(h, distinct));
  }

  /** Elements in the set. */
  int size() {
    return sorted.length;
  }

  /** Elements both sets hold. */
  int common(TermHashes o) {
    long[] a = sorted;
    long[] b = o.sorted;
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        n++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  /** |a ∩ b| / |a ∪ b|; 0 when either set is empty. */
  double jaccard(TermHashes o) {
    if (sorted.length == 0 || o.sorted.length == 0) {
      return 0;
    }
    int inter = common(o);
    return (double) inter / (sorted.length + o.sorted.length - inter);
  }

  static long hash(String s) {
    return hash(s, 0, s.length());
  }

  /** The hash of {@code s.substring(from, to)}, without making the substring. */
  static long hash(String s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TermHashes t && Arrays.equals(sorted, t.sorted);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sorted);
  }

  @Override
  public String toString() {
    return "TermHashes" + Arrays.toString(sorted);
  }
}
