package dev.lede.headline;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A seeded simulator of readers for headline tests. Each run draws a test: 2 to 4 arms, the
 * original's click rate from Beta(3, 197) (mean 1.5%, most between 0.3% and 4%: the click rates of
 * the Upworthy Research Archive, Matias et al., Scientific Data 2021), and each variant's rate as
 * the original's times (1 + lift) with lift ~ Normal(0, {@code liftSd}) — small differences, as in
 * that archive. Impressions arrive in batches of the bandit's batch size; within a batch the
 * allocation is fixed and arms and clicks are drawn as multinomial and binomial counts (exact for a
 * randomised allocation). Once the stopping rule declares a winner, the winner gets all traffic.
 *
 * <p>Reported against two baselines in the same runs: a fixed uniform split (a 50/50 A/B test with
 * two arms) and no test (always the original). Regret is expected regret: the click rate of the
 * best arm minus that of the arm served, summed over impressions; clicks gained are the difference
 * in expected clicks.
 */
public final class BanditSimulation {
  private BanditSimulation() {}

  /** Averages over runs at one horizon. */
  public record Horizon(
      long impressions,
      double regretBandit,
      double regretUniform,
      double regretNone,
      double clicksGainedVsUniform,
      double clicksGainedVsNone,
      double decidedShare,
      double correctWinnerShare,
      double wrongWinnerShare) {}

  /** The simulation's settings and averages. */
  public record Result(int runs, long seed, double liftSd, List<Horizon> horizons) {
    public Result {
      horizons = List.copyOf(horizons);
    }
  }

  /** Runs {@code runs} seeded tests up to the largest horizon. */
  public static Result run(
      int runs, long[] horizons, long seed, double liftSd, ThompsonBandit.Config config) {
    long[] hs = horizons.clone();
    Arrays.sort(hs);
    int h = hs.length;
    double[][] sums = new double[h][8];
    for (int r = 0; r < runs; r++) {
      SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + r);
      simulate(rng, hs, liftSd, config, sums);
    }
    List<Horizon> out = new ArrayList<>();
    for (int i = 0; i < h; i++) {
      double[] s = sums[i];
      out.add(
          new Horizon(
              hs[i],
              s[0] / runs,
              s[1] / runs,
              s[2] / runs,
              (s[1] - s[0]) / runs,
              (s[2] - s[0]) / runs,
              s[3] / runs,
              s[4] / runs,
              s[5] / runs));
    }
    return new Result(runs, seed, liftSd, out);
  }

  private static void simulate(
      RandomGenerator rng,
      long[] hs,
      double liftSd,
      ThompsonBandit.Config config,
      double[][] sums) {
    int k = 2 + rng.nextInt(3);
    double[] ctr = new double[k];
    ctr[0] = Beta.sample(3, 197, rng);
    for (int i = 1; i < k; i++) {
      ctr[i] = Math.min(0.5, Math.max(1e-5, ctr[0] * (1 + liftSd * rng.nextGaussian())));
    }
    int best = 0;
    double mean = 0;
    for (int i = 0; i < k; i++) {
      if (ctr[i] > ctr[best]) {
        best = i;
      }
      mean += ctr[i] / k;
    }
    ThompsonBandit bandit = new ThompsonBandit(k, config, InstantSource.fixed(Instant.EPOCH), rng);
    long served = 0;
    double regret = 0;
    int next = 0;
    long batch = config.batchEvents();
    while (next < hs.length) {
      long n = Math.min(batch, hs[next] - served);
      double[] alloc = allocation(bandit);
      long left = n;
      double mass = 1;
      for (int i = 0; i < k; i++) {
        long ni = i == k - 1 ? left : Beta.binomial(left, Math.min(1, alloc[i] / mass), rng);
        mass -= alloc[i];
        left -= ni;
        if (ni > 0) {
          bandit.add(i, ni, Beta.binomial(ni, ctr[i], rng));
          regret += ni * (ctr[best] - ctr[i]);
        }
      }
      served += n;
      bandit.refresh();
      if (served == hs[next]) {
        double[] s = sums[next];
        s[0] += regret;
        s[1] += served * (ctr[best] - mean);
        s[2] += served * (ctr[best] - ctr[0]);
        if (bandit.winner().isPresent()) {
          s[3] += 1;
          if (bandit.winner().getAsInt() == best) {
            s[4] += 1;
          } else {
            s[5] += 1;
          }
        }
        next++;
      }
    }
  }

  private static double[] allocation(ThompsonBandit b) {
    double[] a = new double[b.arms()];
    if (b.winner().isPresent()) {
      a[b.winner().getAsInt()] = 1;
      return a;
    }
    return b.allocation();
  }
}
