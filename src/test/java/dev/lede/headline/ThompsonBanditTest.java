package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThompsonBanditTest {

  @Test
  void bandit_convergesOnTheBetterArmOfTwo() {
    SplittableRandom rng = new SplittableRandom(42);
    ThompsonBandit b =
        new ThompsonBandit(
            2, ThompsonBandit.Config.defaults(), InstantSource.fixed(Instant.EPOCH), rng);
    double[] ctr = {0.02, 0.03};
    long[] served = new long[2];
    for (int t = 0; t < 200_000; t++) {
      int arm = b.choose(rng.nextDouble());
      served[arm]++;
      b.observe(arm, 1, rng.nextDouble() < ctr[arm] ? 1 : 0);
    }
    assertThat(b.winner()).hasValue(1);
    assertThat(served[1]).isGreaterThan(served[0] * 3);
  }

  @Test
  void allocation_keepsTheExplorationFloor() {
    SplittableRandom rng = new SplittableRandom(7);
    ThompsonBandit.Config cfg =
        new ThompsonBandit.Config(100, Duration.ofMinutes(1), 0.1, 0.999, 1_000_000, 1000, 1);
    ThompsonBandit b = new ThompsonBandit(3, cfg, InstantSource.fixed(Instant.EPOCH), rng);
    b.observe(0, 5000, 500);
    b.observe(1, 5000, 10);
    b.observe(2, 5000, 10);
    b.refresh();
    for (double a : b.allocation()) {
      assertThat(a).isGreaterThanOrEqualTo(0.1);
    }
    assertThat(b.allocation()[0]).isGreaterThan(0.75);
    assertThat(b.winner()).isEmpty(); // too few impressions for the stopping rule
  }

  @Test
  void observe_refreshesAfterTheBatchIntervalEvenWithLittleTraffic() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
    ThompsonBandit.Config cfg =
        new ThompsonBandit.Config(1_000_000, Duration.ofSeconds(30), 0.05, 0.95, 10, 1000, 1);
    ThompsonBandit b = new ThompsonBandit(2, cfg, now::get, new SplittableRandom(1));
    b.observe(0, 100, 50);
    b.observe(1, 100, 0);
    assertThat(b.allocation()).containsExactly(0.5, 0.5); // no refresh yet
    now.set(Instant.EPOCH.plusSeconds(31));
    b.observe(1, 1, 0);
    assertThat(b.allocation()[0]).isGreaterThan(0.9);
    assertThat(b.winner()).hasValue(0);
  }

  @Test
  void probabilityBest_readsClicksBeyondImpressionsAsARateOfOne_notANegativeShape() {
    // 0 impressions and 204 clicks (counts stored before clicks were tied to impressions) against
    // 1,000 impressions with 20 clicks: the first arm is at most as good as "every view a click",
    // which with no views is only the prior's guess
    double[] p =
        ThompsonBandit.probabilityBest(
            new long[] {0, 1000}, new long[] {204, 20}, 1, 4000, new SplittableRandom(5));
    assertThat(p[0]).isBetween(0.9, 1.0); // Beta(1, 1) beats a 2% rate almost always...
    double[] q =
        ThompsonBandit.probabilityBest(
            new long[] {1000, 1000}, new long[] {2000, 20}, 1, 4000, new SplittableRandom(5));
    assertThat(q[0]).isEqualTo(1.0); // ...and 1,000 of 1,000 beats it always, with no exception
    double[] r =
        ThompsonBandit.probabilityBest(
            new long[] {10, 10}, new long[] {50, 10}, 1, 4000, new SplittableRandom(5));
    assertThat(r[0] + r[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r[0]).isBetween(0.3, 0.7); // both arms read as 10 clicks of 10
  }

  @Test
  void choose_isStableForAPosition() {
    ThompsonBandit b =
        new ThompsonBandit(
            4,
            ThompsonBandit.Config.defaults(),
            InstantSource.fixed(Instant.EPOCH),
            new SplittableRandom(3));
    assertThat(b.choose(0.10)).isEqualTo(0);
    assertThat(b.choose(0.30)).isEqualTo(1);
    assertThat(b.choose(0.60)).isEqualTo(2);
    assertThat(b.choose(0.99)).isEqualTo(3);
  }

  @Test
  void simulation_banditBeatsUniformSplitAndIsSeeded() {
    long[] hs = {10_000, 100_000};
    ThompsonBandit.Config cfg =
        new ThompsonBandit.Config(1000, Duration.ofMinutes(1), 0.05, 0.95, 2000, 500, 1);
    BanditSimulation.Result r = BanditSimulation.run(40, hs, 11, 0.2, cfg);
    BanditSimulation.Result again = BanditSimulation.run(40, hs, 11, 0.2, cfg);
    assertThat(again).isEqualTo(r);
    BanditSimulation.Horizon last = r.horizons().get(1);
    assertThat(last.regretBandit()).isLessThan(last.regretUniform());
    assertThat(last.correctWinnerShare()).isGreaterThan(last.wrongWinnerShare());
  }

  @Test
  void betaQuantile_matchesKnownValues() {
    // Beta(1, 1) is uniform; Beta(2, 2) has median 0.5.
    assertThat(Beta.quantile(0.25, 1, 1))
        .isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(Beta.quantile(0.5, 2, 2)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    // Beta(2, 1) has CDF x^2: the 0.81 quantile is 0.9.
    assertThat(Beta.quantile(0.81, 2, 1)).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
  }
}
