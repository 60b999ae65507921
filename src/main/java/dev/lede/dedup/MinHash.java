package dev.lede.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash over word 3-gram shingles (Broder, "On the resemblance and containment of documents",
 * 1997): for each of {@link #K} hash functions the smallest hash over a document's shingles; the
 * share of positions where two signatures agree estimates the Jaccard similarity of the shingle
 * sets (standard error {@code sqrt(J(1-J)/K)}, 0.06 at J = 0.5 with K = 64).
 *
 * <p>Candidates come from LSH banding: the first {@code bands × rows} values are cut into bands and
 * each band is filed under a hash of its values; two documents meet in some band with probability
 * {@code 1 - (1 - J^rows)^bands}. The default 20 bands of 3 rows gives 0.93 at J = 0.5 and 0.99 at
 * J = 0.6 while two unrelated news articles (J below 0.01) almost never meet; rows = 2 would be
 * looser still but lets common phrases ("said in a statement") pull in hundreds of strangers per
 * article at a million articles. Copies that keep only a part of a long text (low Jaccard, high
 * containment) are found by the sentence lookups instead, and decided by {@link Verifier}.
 *
 * <p>The hash functions are multiply-shift ({@code (a·x + b) >>> 32} with odd random {@code a})
 * over an already mixed 64-bit shingle hash: about a nanosecond each. Their constants come from a
 * fixed seed and are part of the stored fingerprint format.
 */
final class MinHash {
  static final int K = 64;

  private static final long[] A = new long[K];
  private static final long[] B = new long[K];

  static {
    SplittableRandom r = new SplittableRandom(0x5eed_d0c5L);
    for (int i = 0; i < K; i++) {
      A[i] = r.nextLong() | 1L;
      B[i] = r.nextLong();
    }
  }

  private MinHash() {}

  /** The signature of {@code n} shingle hashes (all 0xffffffff when there are none). */
  static int[] signature(long[] shingles, int n) {
    long[] min = new long[K];
    Arrays.fill(min, 0xffffffffL);
    for (int s = 0; s < n; s++) {
      long x = shingles[s];
      for (int i = 0; i < K; i++) {
        long h = (A[i] * x + B[i]) >>> 32;
        if (h < min[i]) {
          min[i] = h;
        }
      }
    }
    int[] sig = new int[K];
    for (int i = 0; i < K; i++) {
      sig[i] = (int) min[i];
    }
    return sig;
  }

  /** Estimated Jaccard similarity of the two shingle sets. */
  static double jaccard(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < K; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) K;
  }

  /** The lookup key of band {@code band} ({@code rows} values from {@code band × rows}). */
  static int bandKey(int[] sig, int band, int rows) {
    long h = band;
    for (int r = 0; r < rows; r++) {
      h = Hashing.combine(h, sig[band * rows + r]);
    }
    return (int) (h >>> 32);
  }
}
