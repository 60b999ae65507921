package dev.lede.dedup;

/**
 * Decides whether two articles that candidate generation brought together are the same piece of
 * writing. Candidates are deliberately loose (real reprints can share as little as 30% of their
 * word 3-grams: Silcock et al., ICLR 2023, NEWS-COPY), so this step carries the precision.
 *
 * <p>The evidence, all from the two {@link Sketch}es:
 *
 * <ul>
 *   <li><b>containment</b> of the shorter text in the longer, estimated from the MinHash Jaccard
 *       {@code J} and the shingle counts as {@code J (|A| + |B|) / ((1 + J) min(|A|, |B|))} (Broder
 *       1997: resemblance and containment) — a trimmed copy has low Jaccard but high containment;
 *   <li><b>sentences</b> shared verbatim (normalised), as a share of the shorter text's sentences,
 *       and whether they keep their <b>order</b> (the longest common ordered run) — two reports of
 *       one event share a quote or two, a copy shares most sentences;
 *   <li><b>lead</b>: whether the opening sentences of one text appear in the other;
 *   <li><b>names and numbers</b>: the Jaccard of the two bottom-k samples of capitalised words and
 *       numbers — a copy keeps them, a templated article about someone else does not (the Wikinews
 *       interviews share half of their 3-grams but not the names).
 * </ul>
 *
 * The decision combines them into one score (see {@link #score}) compared with a threshold; the
 * shorter text must also carry a minimal share of the longer one ({@code minLengthRatio}), so that
 * a two-paragraph brief is not the copy of a feature that quotes it.
 */
final class Verifier {
  /** What was measured, and the decision. */
  record Verdict(
      boolean duplicate,
      double score,
      double jaccard,
      double containment,
      double sentenceShare,
      double order,
      double lead,
      double names,
      double lengthRatio) {}

  private final double threshold;
  private final double minLengthRatio;

  Verifier(double threshold, double minLengthRatio) {
    this.threshold = threshold;
    this.minLengthRatio = minLengthRatio;
  }

  Verdict verify(Sketch a, Sketch b) {
    if (!a.nearEligible() || !b.nearEligible()) {
      boolean same = a.exact() != 0 && a.exact() == b.exact();
      return new Verdict(same, same ? 1 : 0, same ? 1 : 0, same ? 1 : 0, 0, 0, 0, 0, 1);
    }
    double j = MinHash.jaccard(a.minhash(), b.minhash());
    int small = Math.min(a.shingles(), b.shingles());
    int big = Math.max(a.shingles(), b.shingles());
    double containment = Math.min(1, j * (a.shingles() + b.shingles()) / ((1 + j) * small));
    double ratio = big == 0 ? 0 : small / (double) big;
    Sentences m = Sentences.match(a.sentences(), b.sentences());
    double sentenceShare = m.share();
    double order = m.order();
    double lead = m.lead();
    double names = names(a.names(), b.names());
    double score = score(containment, sentenceShare, order, lead, names);
    boolean dup = score >= threshold && ratio >= minLengthRatio;
    return new Verdict(dup, score, j, containment, sentenceShare, order, lead, names, ratio);
  }

  /**
   * One number for "same writing", a weighted mean: containment and verbatim sentences carry the
   * decision, names and the lead break the ties between a trimmed or padded copy and a rewrite of
   * the same wire story (which shares some sentences but has its own lead and its own names).
   * Weights (1, 1.25, 0.5, 0.5) and the default threshold 0.70 were chosen on the development seed
   * of the copy generator: the lowest count of look-alike real pairs (same ECB+ topic, templated
   * Wikinews interviews) at a copy recall of about 0.99; order did not help (copies are reordered
   * too).
   */
  static double score(
      double containment, double sentenceShare, double order, double lead, double names) {
    return (containment + 1.25 * sentenceShare + 0.5 * names + 0.5 * lead) / 3.25;
  }

  /** Jaccard of two bottom-k samples: among the k smallest of the union, the share in both. */
  static double names(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1;
    }
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int k = Math.min(Sketch.NAMES, Math.max(a.length, b.length));
    int i = 0;
    int j = 0;
    int seen = 0;
    int both = 0;
    while (seen < k && (i < a.length || j < b.length)) {
      long x = i < a.length ? Integer.toUnsignedLong(a[i]) : Long.MAX_VALUE;
      long y = j < b.length ? Integer.toUnsignedLong(b[j]) : Long.MAX_VALUE;
      if (x == y) {
        both++;
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
      seen++;
    }
    return both / (double) seen;
  }
}
