package dev.lede.headline;

import java.util.random.RandomGenerator;

/**
 * Beta and binomial sampling and Beta quantiles, written for the bandit: Beta(a, b) as X/(X+Y) of
 * two Gamma draws (Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS
 * 2000), binomials by geometric waiting times (cheap when n*p is small, as click counts are), and
 * quantiles by bisection on the regularised incomplete beta function (continued fraction after
 * Lentz). All randomness comes from the caller's generator, so runs are reproducible.
 */
final class Beta {
  private Beta() {}

  static double sample(double a, double b, RandomGenerator rng) {
    double x = gamma(a, rng);
    double y = gamma(b, rng);
    return x / (x + y);
  }

  static double gamma(double shape, RandomGenerator rng) {
    if (shape < 1) {
      // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
      return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** A Binomial(n, p) draw. */
  static long binomial(long n, double p, RandomGenerator rng) {
    if (p <= 0 || n <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(n, 1 - p, rng);
    }
    if (n * p > 1000) {
      double mean = n * p;
      double sd = Math.sqrt(mean * (1 - p));
      long k = Math.round(mean + sd * rng.nextGaussian());
      return Math.max(0, Math.min(n, k));
    }
    double logq = Math.log1p(-p);
    long k = 0;
    long pos = 0;
    while (true) {
      pos += (long) Math.floor(Math.log(1 - rng.nextDouble()) / logq) + 1;
      if (pos > n) {
        return k;
      }
      k++;
    }
  }

  /** The q-quantile of Beta(a, b). */
  static double quantile(double q, double a, double b) {
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (regularizedIncomplete(mid, a, b) < q) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  static double regularizedIncomplete(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(lnFront) * continuedFraction(x, a, b) / a;
    }
    return 1 - Math.exp(lnFront) * continuedFraction(1 - x, b, a) / b;
  }

  private static double continuedFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double f = d;
    for (int m = 1; m <= 300; m++) {
      int m2 = 2 * m;
      double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + num * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      f *= d * c;
      num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + num * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = d * c;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-12) {
        break;
      }
    }
    return f;
  }

  /** log Gamma by the Lanczos approximation (g = 7, n = 9). */
  static double lgamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
    }
    double[] g = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    x -= 1;
    double a = g[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += g[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
