package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {
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
  void fetch_sendsUserAgentWithContactAndAcceptEncoding() throws Exception {
    server.serve("/page", "text/html; charset=utf-8", "<p>hello</p>");
    FetchResult r =
        kit.fetcher(TestKit.options().build())
            .fetch(server.url("/page"), ContentKind.PAGE, Validators.NONE);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
    assertThat(r.mediaType()).isEqualTo("text/html");
    assertThat(r.charset()).isEqualTo("utf-8");
    TestServer.Seen seen = server.requestsTo("/page").get(0);
    assertThat(seen.header("User-Agent"))
        .startsWith("Lede/")
        .contains("+https://lede.example/contact");
    assertThat(seen.header("Accept-Encoding")).isEqualTo("gzip, deflate");
    assertThat(seen.header("Accept")).startsWith("text/html");
  }

  @Test
  void conditionalGet_etagAnswered304() throws Exception {
    server.on(
        "/feed",
        ex -> {
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            TestServer.send(ex, 304, null, new byte[0]);
          } else {
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Mon, 05 Jan 2026 08:00:00 GMT");
            TestServer.send(
                ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
          }
        });
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    FetchResult first = f.fetch(server.url("/feed"), ContentKind.FEED, Validators.NONE);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.validators())
        .isEqualTo(new Validators("\"v1\"", "Mon, 05 Jan 2026 08:00:00 GMT"));
    FetchResult second = f.fetch(server.url("/feed"), ContentKind.FEED, first.validators());
    assertThat(second.notModified()).isTrue();
    assertThat(second.body()).isEmpty();
    assertThat(second.validators()).isEqualTo(first.validators());
    assertThat(server.requestsTo("/feed").get(1).header("If-Modified-Since"))
        .isEqualTo("Mon, 05 Jan 2026 08:00:00 GMT");
  }

  @Test
  void redirects_followedAndCounted() throws Exception {
    server
        .redirect("/a", 301, "/b")
        .redirect("/b", 302, server.base() + "/c")
        .serve("/c", "text/html", "<p>c</p>");
    FetchResult r =
        kit.fetcher(TestKit.options().build())
            .fetch(server.url("/a"), ContentKind.PAGE, Validators.NONE);
    assertThat(r.url()).isEqualTo(server.url("/c"));
    assertThat(r.redirects()).isEqualTo(2);
  }

  @Test
  void redirectLoop_refused() {
    server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");
    assertThatThrownBy(
            () ->
                kit.fetcher(TestKit.options().build())
                    .fetch(server.url("/a"), ContentKind.PAGE, Validators.NONE))
        .isInstanceOf(FetchException.class)
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.REDIRECT_LOOP));
  }

  @Test
  void redirects_atMostFive() {
    for (int i = 0; i < 7; i++) {
      server.redirect("/r" + i, 302, "/r" + (i + 1));
    }
    server.serve("/r7", "text/html", "<p>end</p>");
    assertThatThrownBy(
            () ->
                kit.fetcher(TestKit.options().build())
                    .fetch(server.url("/r0"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS))
        .hasMessageContaining("more than 5 redirects");
    assertThat(server.requestsTo("/r6")).isEmpty();
  }

  @Test
  void redirect_toOtherScheme_refused() {
    server.redirect("/a", 302, "file:///etc/passwd");
    assertThatThrownBy(
            () ->
                kit.fetcher(TestKit.options().build())
                    .fetch(server.url("/a"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.BAD_URL));
  }

  @Test
  void slowResponse_timesOut() {
    server.on(
        "/slow",
        ex -> {
          try {
            server.release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    IngestOptions o =
        TestKit.options()
            .readTimeout(Duration.ofMillis(300))
            .requestTimeout(Duration.ofSeconds(2))
            .maxAttempts(1)
            .build();
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> kit.fetcher(o).fetch(server.url("/slow"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.TIMEOUT))
        .hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void slowBody_readTimeoutWhileStreaming() {
    server.on(
        "/trickle",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          out.write("<p>start".getBytes(StandardCharsets.UTF_8));
          out.flush();
          try {
            server.release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    IngestOptions o = TestKit.options().readTimeout(Duration.ofMillis(300)).maxAttempts(1).build();
    assertThatThrownBy(
            () -> kit.fetcher(o).fetch(server.url("/trickle"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.TIMEOUT));
  }

  @Test
  void gzip_decodedByUs() throws Exception {
    byte[] html = "<p>compressed page</p>".repeat(100).getBytes(StandardCharsets.UTF_8);
    server.serve("/gz", 200, "text/html", TestServer.gzip(html), "Content-Encoding", "gzip");
    FetchResult r =
        kit.fetcher(TestKit.options().build())
            .fetch(server.url("/gz"), ContentKind.PAGE, Validators.NONE);
    assertThat(r.body()).isEqualTo(html);
    assertThat(r.wireBytes()).isLessThan(html.length);
  }

  @Test
  void deflate_zlibAndRaw_decoded() throws Exception {
    byte[] html = "<p>deflated page</p>".repeat(50).getBytes(StandardCharsets.UTF_8);
    server.serve("/zlib", 200, "text/html", deflate(html, false), "Content-Encoding", "deflate");
    server.serve("/raw", 200, "text/html", deflate(html, true), "Content-Encoding", "deflate");
    PoliteFetcher f = kit.fetcher(TestKit.options().minHostDelay(Duration.ZERO).build());
    assertThat(f.fetch(server.url("/zlib"), ContentKind.PAGE, Validators.NONE).body())
        .isEqualTo(html);
    assertThat(f.fetch(server.url("/raw"), ContentKind.PAGE, Validators.NONE).body())
        .isEqualTo(html);
  }

  @Test
  void gzipBomb_refusedByRatio() {
    byte[] bomb = TestServer.gzip(new byte[50 * 1024 * 1024]); // 50 MB of zeros, about 50 KB
    assertThat(bomb.length).isLessThan(100_000);
    server.serve("/bomb", 200, "text/html", bomb, "Content-Encoding", "gzip");
    IngestOptions o = TestKit.options().maxBodyBytes(100L * 1024 * 1024).build();
    assertThatThrownBy(
            () -> kit.fetcher(o).fetch(server.url("/bomb"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.DECOMPRESSION_BOMB))
        .hasMessageContaining("decompression bomb");
  }

  @Test
  void gzipBomb_refusedBySizeWhenUnderRatio() {
    byte[] bomb = TestServer.gzip(new byte[20 * 1024 * 1024]);
    server.serve("/bomb", 200, "text/html", bomb, "Content-Encoding", "gzip");
    IngestOptions o = TestKit.options().maxBodyBytes(512 * 1024).build();
    assertThatThrownBy(
            () -> kit.fetcher(o).fetch(server.url("/bomb"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.TOO_LARGE));
  }

  @Test
  void oversizeBody_declared_refusedBeforeReading() {
    server.serve("/big", 200, "text/html", new byte[300 * 1024]);
    IngestOptions o = TestKit.options().maxBodyBytes(100 * 1024).build();
    assertThatThrownBy(
            () -> kit.fetcher(o).fetch(server.url("/big"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.TOO_LARGE))
        .hasMessageContaining("declares 307200 bytes");
  }

  @Test
  void oversizeBody_chunked_refusedWhileStreaming() {
    server.on(
        "/chunked",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0); // chunked: no length announced
          try (OutputStream out = ex.getResponseBody()) {
            byte[] chunk = new byte[16 * 1024];
            for (int i = 0; i < 64; i++) {
              out.write(chunk);
            }
          }
        });
    IngestOptions o = TestKit.options().maxBodyBytes(100 * 1024).build();
    assertThatThrownBy(
            () -> kit.fetcher(o).fetch(server.url("/chunked"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.TOO_LARGE))
        .hasMessageContaining("exceeds 102400 bytes");
  }

  @Test
  void contentType_imageForPage_refused() {
    server.serve("/pic", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThatThrownBy(
            () ->
                kit.fetcher(TestKit.options().build())
                    .fetch(server.url("/pic"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.UNACCEPTABLE_TYPE))
        .hasMessageContaining("image/png");
  }

  @Test
  void tooManyRequests_retriedAfterRetryAfter() throws Exception {
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    server.on(
        "/busy",
        ex -> {
          if (calls.incrementAndGet() == 1) {
            ex.getResponseHeaders().add("Retry-After", "7");
            TestServer.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
          } else {
            TestServer.send(ex, 200, "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
          }
        });
    FetchResult r =
        kit.fetcher(TestKit.options().build())
            .fetch(server.url("/busy"), ContentKind.PAGE, Validators.NONE);
    assertThat(r.status()).isEqualTo(200);
    assertThat(kit.time.sleeps).contains(Duration.ofSeconds(7));
  }

  @Test
  void serviceUnavailable_longRetryAfter_defersHostWithoutWaiting() {
    server.serve(
        "/down",
        503,
        "text/plain",
        "maintenance".getBytes(StandardCharsets.UTF_8),
        "Retry-After",
        "3600");
    server.serve("/other", "text/html", "<p>x</p>");
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    assertThatThrownBy(() -> f.fetch(server.url("/down"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.DEFERRED))
        .satisfies(
            e -> assertThat(((FetchException) e).retryAfter()).isEqualTo(Duration.ofHours(1)));
    assertThat(kit.time.slept()).isLessThan(Duration.ofMinutes(1));
    // the whole host waits: another URL on it is not requested in this run
    assertThatThrownBy(() -> f.fetch(server.url("/other"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.DEFERRED));
    assertThat(server.requestsTo("/other")).isEmpty();
  }

  @Test
  void serverErrors_retriedWithExponentialBackoff() throws Exception {
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    server.on(
        "/flaky",
        ex -> {
          int n = calls.incrementAndGet();
          TestServer.send(
              ex, n < 3 ? 502 : 200, "text/html", "<p>x</p>".getBytes(StandardCharsets.UTF_8));
        });
    IngestOptions o =
        TestKit.options().minHostDelay(Duration.ZERO).backoffBase(Duration.ofSeconds(2)).build();
    FetchResult r = kit.fetcher(o).fetch(server.url("/flaky"), ContentKind.PAGE, Validators.NONE);
    assertThat(r.status()).isEqualTo(200);
    assertThat(kit.time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void notFound_notRetried() {
    PoliteFetcher f = kit.fetcher(TestKit.options().build());
    assertThatThrownBy(() -> f.fetch(server.url("/missing"), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(404))
        .hasMessageContaining("HTTP 404");
    assertThat(server.requestsTo("/missing")).hasSize(1);
  }

  private static byte[] deflate(byte[] raw, boolean nowrap) throws Exception {
    var bos = new java.io.ByteArrayOutputStream();
    try (DeflaterOutputStream d =
        new DeflaterOutputStream(bos, new Deflater(Deflater.DEFAULT_COMPRESSION, nowrap))) {
      d.write(raw);
    }
    return bos.toByteArray();
  }
}
