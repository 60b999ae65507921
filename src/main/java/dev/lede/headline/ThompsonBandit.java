package dev.lede.headline;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * A Beta-Bernoulli Thompson-sampling bandit for one headline test, with batched updates.
 *
 * <p>Each arm (the original headline and up to three variants) has a Beta(prior + clicks, prior +
 * impressions - clicks) posterior over its click rate. Traffic is not sampled anew per impression:
 * at each refresh — every {@code batchEvents} impressions or {@code batchInterval}, whichever comes
 * first — the bandit estimates by Monte Carlo each arm's posterior probability of being best and
 * serves that share of traffic (randomised probability matching, the batched form of Thompson
 * sampling: Scott, "A modern Bayesian look at the multi-armed bandit", 2010; Chapelle and Li, "An
 * empirical evaluation of Thompson sampling", NIPS 2011, which shows delayed, batched updates cost
 * little; Yahoo's front page, arXiv 1908.06256). Batching keeps rendered pages cacheable and makes
 * the allocation a pure function of a stored snapshot.
 *
 * <p>Every arm keeps at least {@code minShare} of traffic until a winner is declared, so a slow
 * start cannot starve an arm (an exploration floor). The stopping rule declares a winner when its
 * probability of being best reaches {@code stopProbability} and every arm has at least {@code
 * minImpressions} impressions (Scott 2015, "Multi-armed bandit experiments in the online service
 * economy", uses the same 95% rule with a value-remaining refinement we do not need here).
 *
 * <p>{@link #choose(double)} maps a position in [0, 1) through the cumulative allocation, so a
 * visitor whose position is a hash of (visitor, test) keeps their arm while shares move little. Not
 * thread-safe: callers synchronise (the service keeps one bandit per test under a lock).
 */
public final class ThompsonBandit {

  /**
   * Settings of a bandit.
   *
   * @param batchEvents impressions between two refreshes of the allocation
   * @param batchInterval time between two refreshes, whatever the traffic
   * @param minShare the exploration floor: each arm's least share of traffic, at most 1/arms
   * @param stopProbability posterior probability of being best that declares a winner
   * @param minImpressions impressions every arm needs before a winner may be declared
   * @param draws Monte Carlo draws for the probabilities of being best
   * @param prior the Beta prior's two parameters (1 = uniform)
   */
  public record Config(
      int batchEvents,
      Duration batchInterval,
      double minShare,
      double stopProbability,
      long minImpressions,
      int draws,
      double prior) {
    public Config {
      Objects.requireNonNull(batchInterval, "batchInterval");
      if (batchEvents < 1 || draws < 100 || prior <= 0) {
        throw new IllegalArgumentException("batchEvents >= 1, draws >= 100 and prior > 0 required");
      }
      if (minShare < 0 || minShare > 0.25) {
        throw new IllegalArgumentException("minShare must be in [0, 0.25], was " + minShare);
      }
      if (stopProbability <= 0.5 || stopProbability >= 1) {
        throw new IllegalArgumentException(
            "stopProbability must be in (0.5, 1), was " + stopProbability);
      }
    }

    /** Refresh every 1,000 impressions or 60 s; 5% floor; stop at 95% with 2,000 impressions. */
    public static Config defaults() {
      return new Config(1000, Duration.ofSeconds(60), 0.05, 0.95, 2000, 4000, 1);
    }
  }

  /** Largest number of arms: the original and three variants (four cacheable page versions). */
  public static final int MAX_ARMS = 4;

  private final Config config;
  private final InstantSource clock;
  private final RandomGenerator rng;
  private final long[] impressions;
  private final long[] clicks;
  private final double[] allocation;
  private final double[] probabilityBest;
  private long sinceRefresh;
  private Instant lastRefresh;
  private int winner = -1;

  public ThompsonBandit(int arms, Config config, InstantSource clock, RandomGenerator rng) {
    if (arms < 1 || arms > MAX_ARMS) {
      throw new IllegalArgumentException("a test has 1 to " + MAX_ARMS + " arms, not " + arms);
    }
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rng = Objects.requireNonNull(rng, "rng");
    impressions = new long[arms];
    clicks = new long[arms];
    allocation = new double[arms];
    probabilityBest = new double[arms];
    Arrays.fill(allocation, 1.0 / arms);
    Arrays.fill(probabilityBest, 1.0 / arms);
    lastRefresh = clock.instant();
  }

  public int arms() {
    return impressions.length;
  }

  /** The arm for a position in [0, 1): the interval of the cumulative allocation it falls in. */
  public int choose(double position) {
    if (winner >= 0) {
      return winner;
    }
    double acc = 0;
    for (int i = 0; i < allocation.length; i++) {
      acc += allocation[i];
      if (position < acc) {
        return i;
      }
    }
    return allocation.length - 1;
  }

  /** Counts impressions and clicks of an arm; refreshes the allocation when a batch is due. */
  public void observe(int arm, long newImpressions, long newClicks) {
    if (newImpressions < 0 || newClicks < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    impressions[arm] += newImpressions;
    clicks[arm] += newClicks;
    sinceRefresh += newImpressions;
    Instant now = clock.instant();
    if (sinceRefresh >= config.batchEvents()
        || !now.isBefore(lastRefresh.plus(config.batchInterval()))) {
      refresh();
    }
  }

  /** Adds counts without refreshing (the simulator refreshes once per batch itself). */
  void add(int arm, long newImpressions, long newClicks) {
    impressions[arm] += newImpressions;
    clicks[arm] += newClicks;
  }

  /** Recomputes the probabilities of being best, the allocation and the stopping rule. */
  public void refresh() {
    sinceRefresh = 0;
    lastRefresh = clock.instant();
    int k = arms();
    double[] p = probabilityBest(impressions, clicks, config.prior(), config.draws(), rng);
    System.arraycopy(p, 0, probabilityBest, 0, k);
    double floor = Math.min(config.minShare(), 1.0 / k);
    for (int i = 0; i < k; i++) {
      allocation[i] = floor + (1 - k * floor) * p[i];
    }
    if (winner < 0 && k > 1) {
      int best = 0;
      for (int i = 1; i < k; i++) {
        if (p[i] > p[best]) {
          best = i;
        }
      }
      boolean enough = true;
      for (long n : impressions) {
        enough &= n >= config.minImpressions();
      }
      if (enough && p[best] >= config.stopProbability()) {
        winner = best;
      }
    }
  }

  /** Each arm's posterior probability of having the highest click rate, by Monte Carlo. */
  static double[] probabilityBest(
      long[] impressions, long[] clicks, double prior, int draws, RandomGenerator rng) {
    int k = impressions.length;
    double[] wins = new double[k];
    for (int d = 0; d < draws; d++) {
      int best = 0;
      double bestValue = -1;
      for (int i = 0; i < k; i++) {
        // Clicks beyond impressions (counts from before clicks were tied to impressions) are
        // read as a click rate of 1, not as a negative shape.
        long c = Math.min(clicks[i], impressions[i]);
        double v = Beta.sample(prior + c, prior + impressions[i] - c, rng);
        if (v > bestValue) {
          bestValue = v;
          best = i;
        }
      }
      wins[best]++;
    }
    for (int i = 0; i < k; i++) {
      wins[i] /= draws;
    }
    return wins;
  }

  /** The winner declared by the stopping rule, if any. */
  public OptionalInt winner() {
    return winner < 0 ? OptionalInt.empty() : OptionalInt.of(winner);
  }

  public double[] allocation() {
    return allocation.clone();
  }

  public double[] probabilityBest() {
    return probabilityBest.clone();
  }

  public long impressions(int arm) {
    return impressions[arm];
  }

  public long clicks(int arm) {
    return clicks[arm];
  }
}
