package dev.lede.headline;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What editors see of a test: per arm, impressions, clicks, click rate with a 95% credible interval
 * (Beta posterior with a uniform prior) and the posterior probability of being best.
 */
public record TestReport(
    String articleId,
    HeadlineTest.Status status,
    @Nullable String winner,
    boolean canonical,
    List<Arm> arms) {

  public TestReport {
    arms = List.copyOf(arms);
  }

  /** One arm of the report. */
  public record Arm(
      String variantId,
      String text,
      long impressions,
      long clicks,
      double ctr,
      double low,
      double high,
      double probabilityBest) {}
}
