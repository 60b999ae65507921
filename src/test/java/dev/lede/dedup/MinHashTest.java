package dev.lede.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHashTest {

  @Test
  void jaccardEstimate_isAccurateOnSetsOfKnownOverlap() {
    long seed = System.nanoTime();
    System.out.println("MinHashTest seed " + seed);
    SplittableRandom r = new SplittableRandom(seed);
    for (double target : new double[] {0.1, 0.3, 0.5, 0.8}) {
      double sumError = 0;
      int trials = 200;
      for (int t = 0; t < trials; t++) {
        int shared = 400;
        // |A ∩ B| = shared, |A ∪ B| = shared / target
        int own = (int) Math.round((shared / target - shared) / 2);
        long[] a = new long[shared + own];
        long[] b = new long[shared + own];
        for (int i = 0; i < shared; i++) {
          a[i] = b[i] = Hashing.mix(r.nextLong());
        }
        for (int i = shared; i < shared + own; i++) {
          a[i] = Hashing.mix(r.nextLong());
          b[i] = Hashing.mix(r.nextLong());
        }
        double truth = shared / (double) (shared + 2 * own);
        double est =
            MinHash.jaccard(MinHash.signature(a, a.length), MinHash.signature(b, b.length));
        sumError += est - truth;
        assertThat(est).as("seed %d target %.1f", seed, target).isCloseTo(truth, within(0.25));
      }
      // unbiased: the mean error over many trials is small
      assertThat(sumError / trials)
          .as("seed %d target %.1f", seed, target)
          .isCloseTo(0, within(0.02));
    }
  }

  @Test
  void bands_meetForSimilarSets_notForDisjointOnes() {
    long[] a = new long[300];
    long[] b = new long[300];
    long[] c = new long[300];
    for (int i = 0; i < 300; i++) {
      a[i] = Hashing.mix(i);
      b[i] = i < 270 ? a[i] : Hashing.mix(10_000 + i);
      c[i] = Hashing.mix(50_000 + i);
    }
    int[] sa = MinHash.signature(a, 300);
    int[] sb = MinHash.signature(b, 300);
    int[] sc = MinHash.signature(c, 300);
    int ab = 0;
    int ac = 0;
    for (int band = 0; band < 20; band++) {
      ab += MinHash.bandKey(sa, band, 3) == MinHash.bandKey(sb, band, 3) ? 1 : 0;
      ac += MinHash.bandKey(sa, band, 3) == MinHash.bandKey(sc, band, 3) ? 1 : 0;
    }
    assertThat(ab).isPositive();
    assertThat(ac).isZero();
    assertThat(MinHash.jaccard(sa, sa)).isEqualTo(1.0);
  }
}
