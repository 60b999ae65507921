package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.testing.Chromium;
import dev.lede.web.Site;
import dev.lede.web.SiteConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site in a real headless Chromium over the whole demo: front page → article (Share and Follow
 * bars, eight related teasers), following a section, search, and no request leaving the site.
 * Screenshots of the front and an article at phone (390 px) and desktop (1280 px) widths go to
 * {@code target/screenshots/}; with {@code LEDE_SCREENSHOTS=1} in the environment they also refresh
 * the committed copies in {@code docs/screenshots/} (see README).
 */
@Tag("browser")
class SiteBrowserIT {
  @TempDir static Path tmp;
  static Lede lede;
  static Site site;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    Chromium.binary(); // skip (or fail under CI) before loading anything when there is no browser
    lede = Lede.open(tmp.resolve("data"));
    DemoData.load(lede, Instant.now(), n -> {});
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    site =
        Site.start(
            LedeSite.over(lede, InstantSource.system()),
            SiteConfig.local("127.0.0.1", port),
            "127.0.0.1",
            port);
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
    if (lede != null) {
      lede.close();
    }
  }

  @Test
  void reader_opensAnArticleFollowsASectionAndSearches() throws Exception {
    try (Chromium browser = Chromium.launch()) {
      Chromium.Page page = browser.newPage(1280, 900, false);
      page.recordRequests();
      page.navigate(base + "/");
      assertThat(page.eval("document.title").asText()).isEqualTo("Lede");
      assertThat(page.eval("document.querySelectorAll('main li.teaser').length").asInt())
          .isGreaterThan(10);
      screenshot(page, "front-desktop.png");

      page.clickAndWait("main > section.block li.teaser h3 a");
      assertThat(page.eval("location.pathname").asText()).startsWith("/a/");
      assertThat(
              page.eval(
                      "document.querySelectorAll('.bar[aria-label^=\"Share and Follow\"]').length")
                  .asInt())
          .isEqualTo(2);
      assertThat(
              page.eval(
                      "[...document.querySelectorAll('.bar')].every(b => b.getBoundingClientRect().height > 0"
                          + " && getComputedStyle(b).visibility !== 'hidden')")
                  .asBoolean())
          .as("both Share and Follow bars are visible")
          .isTrue();
      assertThat(page.eval("document.querySelector('.bar').innerText").asText())
          .contains("Share", "Follow");
      assertThat(page.eval("document.querySelectorAll('section.related li.teaser').length").asInt())
          .isEqualTo(8);
      assertThat(page.eval("document.querySelector('#ymal').innerText").asText())
          .isEqualToIgnoringCase("You May Also Like");
      String section =
          page.eval(
                  "document.querySelector('.bar input[name=kind][value=section] ~ input[name=key]').value")
              .asText();
      assertThat(section).isNotEmpty();
      screenshot(page, "article-desktop.png");

      page.clickAndWait(".bar form:has(input[name=kind][value=section]) button[type=submit]");
      assertThat(page.eval("location.pathname").asText()).isEqualTo("/following");
      assertThat(
              page.eval("[...document.querySelectorAll('main table a')].map(a => a.innerText)")
                  .toString())
          .contains(section);
      assertThat(page.eval("document.querySelectorAll('main li.teaser').length").asInt())
          .isPositive();

      page.navigate(base + "/");
      page.eval("document.querySelector('#q').value = 'election'");
      page.clickAndWait("form.search button[type=submit]");
      assertThat(page.eval("location.pathname + location.search").asText())
          .isEqualTo("/search?q=election");
      assertThat(page.eval("document.querySelectorAll('ol.teasers li.teaser').length").asInt())
          .isPositive();
      assertThat(page.eval("document.querySelectorAll('ol.teasers mark').length").asInt())
          .isPositive();

      List<String> requests = page.requests();
      assertThat(requests).isNotEmpty();
      assertThat(requests).allMatch(u -> u.startsWith(base + "/") || u.startsWith("data:"));

      Chromium.Page phone = browser.newPage(390, 844, true);
      phone.navigate(base + "/");
      assertThat(
              phone.eval("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
          .as("no horizontal scrolling on a phone")
          .isTrue();
      screenshot(phone, "front-phone.png");
      phone.clickAndWait("#top-h ~ ul li.teaser h3 a");
      assertThat(
              phone.eval("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
          .isTrue();
      screenshot(phone, "article-phone.png");
    }
  }

  private static void screenshot(Chromium.Page page, String name) throws Exception {
    Path project = Path.of(System.getProperty("lede.project.dir", "."));
    Path out = project.resolve("target/screenshots").resolve(name);
    page.screenshot(out);
    assertThat(Files.size(out)).isGreaterThan(5_000);
    if ("1".equals(System.getenv("LEDE_SCREENSHOTS"))) {
      Path docs = project.resolve("docs/screenshots");
      Files.createDirectories(docs);
      Files.copy(out, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
