package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobotsTest {
  private final TestServer server = TestServer.start();
  private final TestKit kit = new TestKit();

  @AfterEach
  void tearDown() throws Exception {
    kit.close();
    server.close();
  }

  private static FetchException.Kind kindOf(Throwable t) {
    return ((FetchException) t).kind();
  }

  @Test
  void disallowedPath_notRequested() throws Exception {
    server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
    server.serve("/private/a", "text/html", "<p>secret</p>");
    server.serve("/public/b", "text/html", "<p>open</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    assertThatThrownBy(() -> f.fetch(server.url("/private/a"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.ROBOTS_DENIED))
        .hasMessageContaining("disallows");
    assertThat(f.fetch(server.url("/public/b"), ContentKind.PAGE, Validators.NONE).status())
        .isEqualTo(200);
    assertThat(server.requestsTo("/private/a")).isEmpty();
    assertThat(server.requestsTo("/robots.txt")).hasSize(1); // cached
  }

  @Test
  void groupForOurToken_winsOverWildcard() throws Exception {
    server.serve(
        "/robots.txt",
        "text/plain",
        "User-agent: *\nAllow: /\n\nUser-agent: lede\nDisallow: /news/\n");
    server.serve("/news/x", "text/html", "<p>x</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    assertThatThrownBy(() -> f.fetch(server.url("/news/x"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.ROBOTS_DENIED));
  }

  @Test
  void redirectTarget_checkedAgainstRobots() {
    server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /hidden\n");
    server.redirect("/open", 302, "/hidden");
    server.serve("/hidden", "text/html", "<p>x</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    assertThatThrownBy(() -> f.fetch(server.url("/open"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.ROBOTS_DENIED));
    assertThat(server.requestsTo("/hidden")).isEmpty();
  }

  @Test
  void serverError_disallowsEverything() {
    server.serve("/robots.txt", 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
    server.serve("/page", "text/html", "<p>x</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().maxAttempts(1).build());
    assertThatThrownBy(() -> f.fetch(server.url("/page"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.ROBOTS_DENIED))
        .hasMessageContaining("unreachable");
    assertThat(server.requestsTo("/page")).isEmpty();
  }

  @Test
  void notFound_allowsEverything() throws Exception {
    server.serve("/page", "text/html", "<p>x</p>");
    FetchResult r =
        kit.fetcher(TestKit.options().build())
            .fetch(server.url("/page"), ContentKind.PAGE, Validators.NONE);
    assertThat(r.status()).isEqualTo(200);
    assertThat(server.requestsTo("/robots.txt")).hasSize(1);
  }

  @Test
  void cache_expiresAfterTtl() throws Exception {
    server.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
    server.serve("/page", "text/html", "<p>x</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    f.fetch(server.url("/page"), ContentKind.PAGE, Validators.NONE);
    kit.time.advance(Duration.ofHours(23));
    f.fetch(server.url("/page"), ContentKind.PAGE, Validators.NONE);
    assertThat(server.requestsTo("/robots.txt")).hasSize(1);
    kit.time.advance(Duration.ofHours(2));
    f.fetch(server.url("/page"), ContentKind.PAGE, Validators.NONE);
    assertThat(server.requestsTo("/robots.txt")).hasSize(2);
  }

  @Test
  void crawlDelay_honouredUpToCap() throws Exception {
    server.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 5\n");
    server.serve("/a", "text/html", "<p>a</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    f.fetch(server.url("/a"), ContentKind.PAGE, Validators.NONE);
    f.fetch(server.url("/a"), ContentKind.PAGE, Validators.NONE);
    f.fetch(server.url("/a"), ContentKind.PAGE, Validators.NONE);
    // robots.txt is followed by the minimum pause (its delay is not known before it is read);
    // from then on every request waits out the 5 s Crawl-delay
    assertThat(kit.time.sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void crawlDelay_cappedAt30Seconds() throws Exception {
    server.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 600\n");
    server.serve("/a", "text/html", "<p>a</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    f.fetch(server.url("/a"), ContentKind.PAGE, Validators.NONE);
    f.fetch(server.url("/a"), ContentKind.PAGE, Validators.NONE);
    assertThat(kit.time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  @Test
  void oversizeRobots_readUpTo500KiB() throws Exception {
    StringBuilder sb = new StringBuilder("User-agent: *\nDisallow: /early\n");
    while (sb.length() < 700 * 1024) {
      sb.append("# padding padding padding padding padding padding padding padding\n");
    }
    sb.append("Disallow: /late\n");
    server.serve("/robots.txt", "text/plain", sb.toString());
    server.serve("/late", "text/html", "<p>x</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    assertThatThrownBy(() -> f.fetch(server.url("/early"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.ROBOTS_DENIED));
    // the rule beyond 500 KiB is ignored: /late is fetched
    assertThat(f.fetch(server.url("/late"), ContentKind.PAGE, Validators.NONE).status())
        .isEqualTo(200);
  }
}
