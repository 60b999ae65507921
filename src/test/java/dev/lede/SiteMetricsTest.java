package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.recommend.Related;
import dev.lede.testing.TestArticles;
import dev.lede.web.Site;
import dev.lede.web.SiteConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteMetricsTest {
  @TempDir Path dir;

  private static final SiteConfig CONFIG =
      new SiteConfig(
          "https://news.example.org",
          false,
          "Test Times",
          null,
          ZoneId.of("UTC"),
          List.of(),
          List.of(),
          false);

  @Test
  void metrics_publishTheRelatedRefreshersBacklogAndLag_whenTheSiteServesFromIt() throws Exception {
    try (Lede lede = Lede.open(dir.resolve("data"))) {
      lede.submit(
          TestArticles.withId(
              "quake-1",
              "Quake shakes Marrow Bay",
              "A strong quake shook Marrow Bay on Monday, the coast guard said."),
          null);
      lede.submit(
          TestArticles.withId(
              "quake-2",
              "Marrow Bay counts damage after quake",
              "Marrow Bay counted the damage of Monday's quake, the coast guard said."),
          null);
      lede.refresh();
      try (LedeRelated related =
              LedeRelated.open(lede, Related.Settings.defaults(), InstantSource.system(), true);
          LedeSite services = LedeSite.over(lede, InstantSource.system())) {
        services.useRelated(related.related());
        try (Site site = Site.start(services, CONFIG, "127.0.0.1", 0)) {
          String metrics = get(site, "/metrics");
          assertThat(metrics)
              .contains("lede_related_refresh_pending")
              .contains("lede_related_refresh_lists_computed")
              .contains("lede_related_refresh_lag_p50_seconds")
              .contains("lede_related_refresh_lag_p99_seconds")
              .contains("lede_related_floor_hints_held")
              .contains("lede_related_floor_hints_missed");
          // The refresher works through the two arrivals: their lists get computed, and the
          // gauges follow (read at each scrape, not when the site started).
          long deadline = System.nanoTime() + 20_000_000_000L;
          double computed = 0;
          double pending = -1;
          while (System.nanoTime() < deadline) {
            metrics = get(site, "/metrics");
            computed = value(metrics, "lede_related_refresh_lists_computed");
            pending = value(metrics, "lede_related_refresh_pending");
            if (computed >= 2 && pending == 0) {
              break;
            }
            Thread.sleep(100);
          }
          assertThat(computed).isGreaterThanOrEqualTo(2);
          assertThat(pending).isZero();
          assertThat(value(metrics, "lede_related_refresh_lag_p99_seconds"))
              .isGreaterThanOrEqualTo(0);
        }
      }
    }
  }

  @Test
  void metrics_haveNoRelatedGauges_whenTheSiteRanksOnItsOwn() throws Exception {
    try (Lede lede = Lede.open(dir.resolve("data"));
        LedeSite services = LedeSite.over(lede, InstantSource.system());
        Site site = Site.start(services, CONFIG, "127.0.0.1", 0)) {
      assertThat(get(site, "/metrics")).contains("jvm_").doesNotContain("lede_related_");
    }
  }

  private static String get(Site site, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      return r.body();
    }
  }

  /** The value of a gauge without labels in a Prometheus text exposition. */
  private static double value(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
    assertThat(m.find()).as("%s in%n%s", name, metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
