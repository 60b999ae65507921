package dev.lede.dedup;

/**
 * The permuted-table lookup of Manku, Jain and Das Sarma (WWW 2007) for "all fingerprints within
 * Hamming distance 3 of a query".
 *
 * <p>The 64 bits are split into 5 blocks (13, 13, 13, 13, 12 bits). Two fingerprints that differ in
 * at most 3 bits differ in at most 3 blocks, so they agree exactly on at least 2 of the 5. There is
 * one table per pair of blocks (C(5,2) = 10 tables); in table {@code t} a fingerprint is filed
 * under the 25–26 bits of its two blocks (the paper's "permute so these blocks lead, then match the
 * prefix"). A query looks up its own key in each table and checks the real distance of what it
 * finds. With about 2^25 keys per table a million fingerprints leave a bucket nearly always empty
 * unless something similar is there, so the check costs a few probes, and each fingerprint costs 10
 * postings of 8 bytes. (Fewer, wider blocks mean fewer postings but fuller buckets: 4 blocks of 16
 * bits give 4 tables with about 15 random neighbours per bucket at 1M.)
 */
final class PermutedTables {
  /** The distance the tables are complete for. */
  static final int MAX_DISTANCE = 3;

  static final int TABLES = 10;

  private static final int[] WIDTH = {13, 13, 13, 13, 12};
  private static final int[] SHIFT = {0, 13, 26, 39, 52};
  private static final int[][] PAIRS = new int[TABLES][];

  static {
    int t = 0;
    for (int i = 0; i < WIDTH.length; i++) {
      for (int j = i + 1; j < WIDTH.length; j++) {
        PAIRS[t++] = new int[] {i, j};
      }
    }
  }

  private PermutedTables() {}

  /** The key of fingerprint {@code fp} in table {@code table} (0..9). */
  static int key(long fp, int table) {
    int i = PAIRS[table][0];
    int j = PAIRS[table][1];
    long a = (fp >>> SHIFT[i]) & ((1L << WIDTH[i]) - 1);
    long b = (fp >>> SHIFT[j]) & ((1L << WIDTH[j]) - 1);
    return (int) ((a << WIDTH[j]) | b);
  }
}
