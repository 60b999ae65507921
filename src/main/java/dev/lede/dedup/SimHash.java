package dev.lede.dedup;

/**
 * SimHash (Charikar, STOC 2002): a 64-bit fingerprint of a weighted feature set such that the
 * Hamming distance between two fingerprints estimates the angle between the feature vectors. Manku,
 * Jain and Das Sarma (WWW 2007) used it for 8 billion web pages with 64-bit fingerprints and a
 * threshold of 3 differing bits, which is the threshold {@link PermutedTables} is built for.
 *
 * <p>Features here are the body's content words (stop words left out, as they say nothing about
 * which text this is), weighted by {@code 1 + ln(tf)} so that a word repeated ten times does not
 * outvote the rest. Word order plays no part: reordered paragraphs give the same fingerprint, while
 * trimming or adding text moves it. That makes SimHash the cheap first net for copies that kept
 * nearly all of the text; heavier edits are left to {@link MinHash} and sentence lookups.
 */
final class SimHash {
  private SimHash() {}

  /** +1 or -1 for each of the 8 bits of a byte value. */
  private static final int[][] SIGNS = new int[256][8];

  static {
    for (int v = 0; v < 256; v++) {
      for (int j = 0; j < 8; j++) {
        SIGNS[v][j] = ((v >>> j) & 1) != 0 ? 1 : -1;
      }
    }
  }

  /**
   * The fingerprint of {@code n} distinct features with their weights. Weights are counted in
   * sixteenths, and the 64 counters are updated a byte at a time through a sign table (the bits are
   * random, so a branch per bit would be mispredicted half of the time).
   */
  static long of(long[] features, double[] weights, int n) {
    int[] v = new int[64];
    for (int f = 0; f < n; f++) {
      long h = features[f];
      int w = (int) Math.round(weights[f] * 16);
      for (int b = 0; b < 8; b++) {
        int[] signs = SIGNS[(int) (h >>> (8 * b)) & 0xff];
        int base = 8 * b;
        for (int j = 0; j < 8; j++) {
          v[base + j] += signs[j] * w;
        }
      }
    }
    long fp = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (v[bit] > 0) {
        fp |= 1L << bit;
      }
    }
    return fp;
  }

  /** Number of differing bits. */
  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
