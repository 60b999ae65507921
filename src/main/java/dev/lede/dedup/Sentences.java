package dev.lede.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Sentence-level comparison of two fingerprints (two half-sentence hashes per sentence, see {@link
 * Fingerprinter}): a sentence of one text matches a sentence of the other when either half is the
 * same. Measured on the text with fewer sentences: the share of its sentences found in the other,
 * whether the matches keep their order (longest increasing run of positions over matches), and
 * whether the opening three sentences of either text occur in the other (lead).
 *
 * @param share matched sentences over the sentences of the text with fewer
 * @param order longest ordered run over matched sentences (1 with a single match)
 * @param lead the larger of the two texts' shares of their first three sentences found in the other
 */
record Sentences(double share, double order, double lead) {

  static Sentences match(int[] a, int[] b) {
    int na = a.length / 2;
    int nb = b.length / 2;
    if (na == 0 || nb == 0) {
      return new Sentences(0, 0, 0);
    }
    boolean aShorter = na <= nb;
    int[] small = aShorter ? a : b;
    int[] big = aShorter ? b : a;
    int[] pos = positions(small, index(big));
    int matched = 0;
    for (int p : pos) {
      matched += p >= 0 ? 1 : 0;
    }
    double share = matched / (double) (small.length / 2);
    double order = matched == 0 ? 0 : increasingRun(pos) / (double) matched;
    double lead = Math.max(leadShare(a, index(b)), leadShare(b, index(a)));
    return new Sentences(share, order, lead);
  }

  /** Half-hash → sentence position (first occurrence). */
  private static Map<Integer, Integer> index(int[] s) {
    Map<Integer, Integer> m = new HashMap<>();
    for (int i = 0; i < s.length; i++) {
      m.putIfAbsent(s[i], i / 2);
    }
    return m;
  }

  private static int[] positions(int[] s, Map<Integer, Integer> other) {
    int[] pos = new int[s.length / 2];
    for (int i = 0; i < pos.length; i++) {
      Integer p = other.get(s[2 * i]);
      if (p == null) {
        p = other.get(s[2 * i + 1]);
      }
      pos[i] = p == null ? -1 : p;
    }
    return pos;
  }

  private static double leadShare(int[] s, Map<Integer, Integer> other) {
    int n = Math.min(3, s.length / 2);
    int found = 0;
    for (int i = 0; i < n; i++) {
      if (other.containsKey(s[2 * i]) || other.containsKey(s[2 * i + 1])) {
        found++;
      }
    }
    return n == 0 ? 0 : found / (double) n;
  }

  /** Length of the longest strictly increasing subsequence of the non-negative positions. */
  private static int increasingRun(int[] pos) {
    int[] tails = new int[pos.length];
    int len = 0;
    for (int p : pos) {
      if (p < 0) {
        continue;
      }
      int at = Arrays.binarySearch(tails, 0, len, p);
      if (at < 0) {
        at = -at - 1;
      }
      tails[at] = p;
      if (at == len) {
        len++;
      }
    }
    return len;
  }
}
