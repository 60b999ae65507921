package dev.lede.store.sqlite;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The blob formats of the dedup state's packed lists (migration V004): a posting list is the oldest
 * article keys filed under one lookup key, 4 bytes big-endian each, ascending; a term list is the
 * stories most recently filed under one story term, 16 bytes each (story id, then the time it was
 * filed, 8 bytes big-endian each), most recent first, ties by story id. Both are capped, so a list
 * costs a bounded read and rewrite however common its key is.
 */
final class PackedLists {
  private static final int ARTICLE_BYTES = 4;
  static final int TERM_BYTES = 16;

  private PackedLists() {}

  /** The article keys of a posting list, ascending. */
  static long[] articles(byte[] list) {
    long[] out = new long[list.length / ARTICLE_BYTES];
    for (int i = 0; i < out.length; i++) {
      int o = i * ARTICLE_BYTES;
      out[i] =
          ((list[o] & 0xffL) << 24)
              | ((list[o + 1] & 0xffL) << 16)
              | ((list[o + 2] & 0xffL) << 8)
              | (list[o + 3] & 0xffL);
    }
    return out;
  }

  /** How many article keys a posting list holds. */
  static int articleCount(byte @Nullable [] list) {
    return list == null ? 0 : list.length / ARTICLE_BYTES;
  }

  /**
   * The stored list with {@code added} merged in: distinct, ascending, the oldest {@code cap} kept.
   */
  static long[] mergeArticles(byte @Nullable [] stored, Collection<Long> added, int cap) {
    long[] old = stored == null ? new long[0] : articles(stored);
    long[] all = Arrays.copyOf(old, old.length + added.size());
    int n = old.length;
    for (long a : added) {
      if (a < 0 || a > 0xffffffffL) {
        throw new IllegalArgumentException("article key out of range: " + a);
      }
      all[n++] = a;
    }
    Arrays.sort(all, 0, n);
    int m = 0;
    for (int i = 0; i < n && m < cap; i++) {
      if (m == 0 || all[i] != all[m - 1]) {
        all[m++] = all[i];
      }
    }
    return Arrays.copyOf(all, m);
  }

  static byte[] encodeArticles(long[] articles) {
    byte[] out = new byte[articles.length * ARTICLE_BYTES];
    for (int i = 0; i < articles.length; i++) {
      long a = articles[i];
      int o = i * ARTICLE_BYTES;
      out[o] = (byte) (a >>> 24);
      out[o + 1] = (byte) (a >>> 16);
      out[o + 2] = (byte) (a >>> 8);
      out[o + 3] = (byte) a;
    }
    return out;
  }

  /** How many entries a term list holds. */
  static int termCount(byte[] list) {
    return list.length / TERM_BYTES;
  }

  /** The story of entry {@code i} of a term list. */
  static long story(byte[] list, int i) {
    return readLong(list, i * TERM_BYTES);
  }

  /** The time entry {@code i} of a term list was filed. */
  static long seen(byte[] list, int i) {
    return readLong(list, i * TERM_BYTES + 8);
  }

  /**
   * A term list with {@code added} (story → time filed) merged in: one entry per story with its
   * latest time, most recent first (ties by story id), the {@code cap} most recent kept.
   */
  static byte[] mergeTerms(byte @Nullable [] stored, Map<Long, Long> added, int cap) {
    Map<Long, Long> all = new java.util.HashMap<>(added);
    if (stored != null) {
      for (int i = 0; i < termCount(stored); i++) {
        all.merge(story(stored, i), seen(stored, i), Math::max);
      }
    }
    long[][] entries = new long[all.size()][];
    int n = 0;
    for (Map.Entry<Long, Long> e : all.entrySet()) {
      entries[n++] = new long[] {e.getKey(), e.getValue()};
    }
    Arrays.sort(
        entries, (x, y) -> x[1] != y[1] ? Long.compare(y[1], x[1]) : Long.compare(x[0], y[0]));
    int m = Math.min(cap, n);
    byte[] out = new byte[m * TERM_BYTES];
    for (int i = 0; i < m; i++) {
      writeLong(out, i * TERM_BYTES, entries[i][0]);
      writeLong(out, i * TERM_BYTES + 8, entries[i][1]);
    }
    return out;
  }

  private static long readLong(byte[] b, int o) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[o + i] & 0xffL);
    }
    return v;
  }

  private static void writeLong(byte[] b, int o, long v) {
    for (int i = 7; i >= 0; i--) {
      b[o + i] = (byte) v;
      v >>>= 8;
    }
  }
}
