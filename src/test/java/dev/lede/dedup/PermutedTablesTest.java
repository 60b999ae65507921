package dev.lede.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PermutedTablesTest {

  @Test
  void lookup_findsExactlyTheFingerprintsWithinThreeBits_asBruteForceDoes() {
    long seed = System.nanoTime();
    System.out.println("PermutedTablesTest seed " + seed);
    SplittableRandom r = new SplittableRandom(seed);
    int n = 20_000;
    long[] fps = new long[n];
    PostingTable[] tables = new PostingTable[PermutedTables.TABLES];
    for (int t = 0; t < tables.length; t++) {
      tables[t] = new PostingTable();
    }
    List<Long> queries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // a third of the fingerprints are near copies of earlier ones (0–5 bits flipped)
      long fp =
          i > 0 && r.nextInt(3) == 0 ? flip(fps[r.nextInt(i)], r.nextInt(6), r) : r.nextLong();
      fps[i] = fp;
      for (int t = 0; t < tables.length; t++) {
        tables[t].add(PermutedTables.key(fp, t), i);
      }
      if (r.nextInt(20) == 0) {
        queries.add(flip(fp, r.nextInt(5), r));
      }
    }
    for (long q : queries) {
      TreeSet<Long> expected = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        if (SimHash.distance(q, fps[i]) <= PermutedTables.MAX_DISTANCE) {
          expected.add((long) i);
        }
      }
      TreeSet<Long> found = new TreeSet<>();
      for (int t = 0; t < tables.length; t++) {
        tables[t].get(
            PermutedTables.key(q, t),
            PostingTable.PER_KEY,
            a -> {
              if (SimHash.distance(q, fps[(int) a]) <= PermutedTables.MAX_DISTANCE) {
                found.add(a);
              }
            });
      }
      assertThat(found).as("query %x (seed %d)", q, seed).isEqualTo(expected);
    }
    assertThat(queries).hasSizeGreaterThan(500);
  }

  @Test
  void key_usesTwoOfFiveBlocks() {
    long fp = 0;
    // flipping three bits in three different blocks leaves some table's key unchanged
    long other = fp ^ 1L ^ (1L << 20) ^ (1L << 40);
    int same = 0;
    for (int t = 0; t < PermutedTables.TABLES; t++) {
      same += PermutedTables.key(fp, t) == PermutedTables.key(other, t) ? 1 : 0;
    }
    assertThat(same).isEqualTo(1);
  }

  private static long flip(long fp, int bits, SplittableRandom r) {
    long out = fp;
    for (int b = 0; b < bits; b++) {
      out ^= 1L << r.nextInt(64);
    }
    return out;
  }
}
