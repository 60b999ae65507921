package dev.lede.web.view;

import java.util.List;

/**
 * The editors' page of headline tests: per test its status, the click rates with credible intervals
 * as a server-rendered SVG chart, and per arm impressions, clicks, CTR, interval, probability of
 * being best and a promote button.
 *
 * @param message a confirmation or error from the last action, or empty
 */
public record HeadlineTestsView(Layout page, List<Test> tests, String message) {
  public HeadlineTestsView {
    tests = List.copyOf(tests);
  }

  /** One test. {@code chartSvg} is server-rendered, escaped SVG. */
  public record Test(
      String articleId,
      String articleHref,
      String status,
      String winner,
      boolean canonical,
      boolean running,
      List<Arm> arms,
      String chartSvg) {
    public Test {
      arms = List.copyOf(arms);
    }
  }

  /** One arm, its figures already formatted. */
  public record Arm(
      String variantId,
      String text,
      String impressions,
      String clicks,
      String ctr,
      String interval,
      String probabilityBest,
      boolean winner) {}
}
