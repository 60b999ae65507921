package dev.lede.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clustering scores of a predicted partition against a gold one over the same items.
 *
 * <p>BCubed (Bagga and Baldwin 1998; Amigó et al. 2009): per item, precision is the share of its
 * predicted cluster that shares its gold class, recall the share of its gold class that shares its
 * predicted cluster; both averaged over items, F1 their harmonic mean. Pairwise: precision and
 * recall over the item pairs put together.
 */
public final class ClusterMetrics {
  private ClusterMetrics() {}

  /** Scores; all in [0, 1]. */
  public record Scores(
      double bcubedP, double bcubedR, double bcubedF1, double pairP, double pairR, double pairF1) {}

  /** Scores predicted labels against gold labels; item {@code i} has {@code pred[i], gold[i]}. */
  public static Scores score(List<String> pred, List<String> gold) {
    if (pred.size() != gold.size()) {
      throw new IllegalArgumentException("pred and gold differ in size");
    }
    int n = pred.size();
    Map<String, Integer> predSize = count(pred);
    Map<String, Integer> goldSize = count(gold);
    Map<String, Integer> both = new HashMap<>();
    for (int i = 0; i < n; i++) {
      both.merge(pred.get(i) + "\u0000" + gold.get(i), 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    for (int i = 0; i < n; i++) {
      int overlap = both.get(pred.get(i) + "\u0000" + gold.get(i));
      p += overlap / (double) predSize.get(pred.get(i));
      r += overlap / (double) goldSize.get(gold.get(i));
    }
    p /= n;
    r /= n;
    long tp = 0;
    for (int c : both.values()) {
      tp += (long) c * (c - 1) / 2;
    }
    long predPairs = 0;
    for (int c : predSize.values()) {
      predPairs += (long) c * (c - 1) / 2;
    }
    long goldPairs = 0;
    for (int c : goldSize.values()) {
      goldPairs += (long) c * (c - 1) / 2;
    }
    double pp = predPairs == 0 ? 1 : tp / (double) predPairs;
    double pr = goldPairs == 0 ? 1 : tp / (double) goldPairs;
    return new Scores(p, r, f1(p, r), pp, pr, f1(pp, pr));
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static Map<String, Integer> count(List<String> labels) {
    Map<String, Integer> m = new HashMap<>();
    for (String l : labels) {
      m.merge(l, 1, Integer::sum);
    }
    return m;
  }
}
