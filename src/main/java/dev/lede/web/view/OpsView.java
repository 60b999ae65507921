package dev.lede.web.view;

import java.util.List;

/**
 * The operator's page: sources with their health (last fetch, status, last error, articles per day
 * as an SVG sparkline) and forms to add, pause, remove sources, set their rights policy, and hide
 * or delete an article.
 *
 * @param message a confirmation or error from the last action, or empty
 */
public record OpsView(Layout page, List<Row> sources, String message, boolean signedIn) {
  public OpsView {
    sources = List.copyOf(sources);
  }

  /** One source. {@code sparklineSvg} is server-rendered, escaped SVG. */
  public record Row(
      String id,
      String name,
      String kind,
      String location,
      String rights,
      boolean paused,
      String lastFetch,
      String status,
      String lastError,
      String sparklineSvg) {}
}
