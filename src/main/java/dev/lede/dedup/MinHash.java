package dev.lede.dedup;

/**
 * MinHash over word 3-gram shingles (Broder, "On the resemblance and containment of documents",
 * 1997): {@link #K} minimum hash values of a document's shingles; the share of positions where two
 * signatures agree estimates the Jaccard similarity of the shingle sets (standard error {@code
 * sqrt(J(1-J)/K)}, 0.044 at J = 0.5 with K = 128; 64 values were too noisy near the decision
 * threshold on the development seed).
 *
 * <p>The K values come from one hash per shingle, not K: one-permutation hashing (Li, Owen and
 * Zhang, NIPS 2012) splits the hash range into K bins by the top 7 bits and keeps the minimum of
 * the rest in each bin; bins left empty by a short text borrow the value of the next non-empty bin
 * to the right, shifted by a per-distance constant ("densification by rotation", Shrivastava and
 * Li, ICML 2014), which keeps the estimate unbiased and the signature usable for LSH. That is one
 * pass over the shingles instead of 128 — the largest cost of a fingerprint otherwise.
 *
 * <p>Candidates come from LSH banding: the first {@code bands × rows} values are cut into bands and
 * each band is filed under a hash of its values; two documents meet in some band with probability
 * {@code 1 - (1 - J^rows)^bands}. The default 20 bands of 3 rows gives 0.93 at J = 0.5 and 0.99 at
 * J = 0.6 while two unrelated news articles (J below 0.01) almost never meet; rows = 2 would be
 * looser still but lets common phrases ("said in a statement") pull in hundreds of strangers per
 * article at a million articles. Copies that keep only a part of a long text (low Jaccard, high
 * containment) are found by the sentence lookups instead, and decided by {@link Verifier}.
 */
final class MinHash {
  static final int K = 128;
  private static final long EMPTY = 0xffffffffL + 1;
  private static final long ROTATION = 0x9e3779b9L;

  private MinHash() {}

  /** The signature of {@code n} (already well mixed) shingle hashes. */
  static int[] signature(long[] shingles, int n) {
    long[] min = new long[K];
    java.util.Arrays.fill(min, EMPTY);
    for (int s = 0; s < n; s++) {
      long x = shingles[s];
      int bin = (int) (x >>> 57);
      long v = x & 0xffffffffL;
      if (v < min[bin]) {
        min[bin] = v;
      }
    }
    int[] sig = new int[K];
    for (int i = 0; i < K; i++) {
      long v = min[i];
      int d = 1;
      while (v == EMPTY && d < K) {
        long borrowed = min[(i + d) % K];
        if (borrowed != EMPTY) {
          v = (borrowed + d * ROTATION) & 0xffffffffL;
        }
        d++;
      }
      sig[i] = (int) (v == EMPTY ? 0xffffffffL : v);
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
