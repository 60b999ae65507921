package dev.lede.dedup;

import java.util.Arrays;

/**
 * Turns an article's {@link CleanText} body into a {@link Sketch}: exact hash, SimHash, MinHash,
 * sentence hashes and a sample of names and numbers. The headline takes no part (content farms
 * rewrite it; two different texts can share it).
 *
 * <p>Bodies shorter than {@code minExactTokens} words get no fingerprint at all and bodies shorter
 * than {@code minNearTokens} only an exact hash: a headline-only or one-line article must never be
 * the "near duplicate" of everything that starts the same way. At most {@link #MAX_TOKENS} words
 * are read, so a 500 KB page costs what a long article costs.
 */
final class Fingerprinter {
  static final int MAX_TOKENS = 20_000;
  static final int MIN_SENTENCE_TOKENS = 6;
  static final int MIN_HALF_TOKENS = 10;

  private final int minExactTokens;
  private final int minNearTokens;

  Fingerprinter(int minExactTokens, int minNearTokens) {
    this.minExactTokens = minExactTokens;
    this.minNearTokens = minNearTokens;
  }

  Sketch sketch(CleanText text, long time, boolean dated, boolean wire, String source) {
    return sketch(Tokens.of(text.lines(), MAX_TOKENS), time, dated, wire, source);
  }

  /** The sketch of a body already tokenised ({@code Tokens.of(lines, MAX_TOKENS)}). */
  Sketch sketch(Tokens tokens, long time, boolean dated, boolean wire, String source) {
    int n = tokens.size();
    long[] h = new long[n];
    for (int i = 0; i < n; i++) {
      h[i] = tokens.hash(i);
    }
    long exact = 0;
    if (n >= minExactTokens) {
      exact = 0x1234_5678_9abcL;
      for (int i = 0; i < n; i++) {
        exact = Hashing.combine(exact, h[i]);
      }
      exact = exact == 0 ? 1 : exact;
    }
    long simhash = simhash(h, n);
    long[] shingles = shingles(h, n);
    int distinct = shingles.length;
    int[] minhash = n >= minNearTokens ? MinHash.signature(shingles, distinct) : new int[0];
    return new Sketch(
        time,
        dated,
        wire,
        source,
        exact,
        simhash,
        n,
        distinct,
        minhash,
        sentences(tokens, h),
        names(tokens, h));
  }

  private static long simhash(long[] h, int n) {
    long[] content = new long[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!Stopwords.isStopHash(h[i])) {
        content[m++] = h[i];
      }
    }
    Arrays.sort(content, 0, m);
    long[] features = new long[m];
    double[] weights = new double[m];
    int f = 0;
    for (int i = 0; i < m; ) {
      int j = i;
      while (j < m && content[j] == content[i]) {
        j++;
      }
      features[f] = content[i];
      weights[f] = 1 + Math.log(j - i);
      f++;
      i = j;
    }
    return SimHash.of(features, weights, f);
  }

  /** Distinct word 3-gram hashes (the words themselves when there are fewer than three). */
  private static long[] shingles(long[] h, int n) {
    long[] s;
    if (n < 3) {
      s = Arrays.copyOf(h, n);
    } else {
      s = new long[n - 2];
      for (int i = 0; i + 2 < n; i++) {
        s[i] = Hashing.combine(Hashing.combine(h[i], h[i + 1]), h[i + 2]);
      }
    }
    Arrays.sort(s);
    int d = 0;
    for (int i = 0; i < s.length; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        s[d++] = s[i];
      }
    }
    return Arrays.copyOf(s, d);
  }

  /**
   * Two hashes per sentence of {@link #MIN_SENTENCE_TOKENS}+ words: of its first and of its second
   * half (the whole sentence twice when it has fewer than {@link #MIN_HALF_TOKENS} words). A typo
   * or a changed word breaks one half only, so a sentence still matches its copy by the other half.
   */
  private static int[] sentences(Tokens t, long[] h) {
    int[] out = new int[32];
    int k = 0;
    int start = 0;
    for (int i = 0; i < t.size() && k < 2 * Sketch.MAX_SENTENCES; i++) {
      if (t.has(i, Tokens.SENTENCE_START)) {
        start = i;
      }
      if (t.has(i, Tokens.SENTENCE_END)) {
        int len = i - start + 1;
        if (len >= MIN_SENTENCE_TOKENS) {
          int mid = len >= MIN_HALF_TOKENS ? start + len / 2 : i + 1;
          int first = span(h, start, mid);
          int second = mid > i ? first : span(h, mid, i + 1);
          if (k + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          out[k++] = first;
          out[k++] = second;
        }
        start = i + 1;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private static int span(long[] h, int from, int to) {
    long s = 0x5e47e4ceL;
    for (int j = from; j < to; j++) {
      s = Hashing.combine(s, h[j]);
    }
    return (int) (s >>> 32);
  }

  /** The {@link Sketch#NAMES} smallest hashes of names and numbers (a bottom-k sample). */
  private static int[] names(Tokens t, long[] h) {
    long[] found = new long[t.size()];
    int m = 0;
    for (int i = 0; i < t.size(); i++) {
      boolean name = t.has(i, Tokens.CAPITAL) && !t.has(i, Tokens.SENTENCE_START);
      if ((name || t.has(i, Tokens.DIGIT)) && t.length(i) >= 2 && !Stopwords.isStopHash(h[i])) {
        found[m++] = h[i] >>> 32;
      }
    }
    Arrays.sort(found, 0, m);
    int[] out = new int[Math.min(m, Sketch.NAMES)];
    int k = 0;
    for (int i = 0; i < m && k < out.length; i++) {
      if (i == 0 || found[i] != found[i - 1]) {
        out[k++] = (int) found[i];
      }
    }
    return Arrays.copyOf(out, k);
  }
}
