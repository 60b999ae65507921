package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lede.Lede;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.ingest.IngestOptions;
import dev.lede.model.Source;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lede serve}'s background polling: a feed on a loopback server registered as a source of a
 * real data folder is read into the store on the {@code lede-watch} thread; a paused source is
 * never requested; closing the poller stops the thread.
 */
class ServePollingTest {
  @TempDir Path dir;
  private HttpServer server;
  private ExecutorService serverThreads;
  private String base;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads =
        Executors.newFixedThreadPool(2, Thread.ofPlatform().name("poll-http-", 0).factory());
    server.setExecutor(serverThreads);
    server.createContext("/", this::serve);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      if (!path.endsWith(".xml")) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      String topic = path.contains("paused") ? "Lighthouse" : "Harbour";
      StringBuilder body = new StringBuilder();
      for (int i = 1; i <= 3; i++) {
        body.append("<p>The ")
            .append(topic)
            .append(" committee met on Tuesday evening for the ")
            .append(i)
            .append(" time this year and explained its plans to residents in the town hall.</p>");
      }
      String feed =
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title>Loopback Gazette</title><link>%s/</link><description>News</description>
          <item><title>%s committee sets out its plans</title><link>%s/news/%s</link>
          <guid>%s/news/%s</guid><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate>
          <description>Summary.</description>
          <content:encoded><![CDATA[%s]]></content:encoded></item>
          </channel></rss>
          """
              .formatted(base, topic, base, topic, base, topic, body);
      byte[] b = feed.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
    }
  }

  @Test
  void serve_pollsActiveSourcesInTheBackground_neverPausedOnes_andStopsOnClose() throws Exception {
    try (Lede lede = Lede.open(dir.resolve("data"))) {
      Instant now = Instant.now();
      lede.sources()
          .putSource(
              new Source(
                  "gazette",
                  Source.Kind.FEED,
                  base + "/feed.xml",
                  "Loopback Gazette",
                  Source.RightsPolicy.FULL_TEXT,
                  false,
                  false,
                  now));
      lede.sources()
          .putSource(
              new Source(
                  "asleep",
                  Source.Kind.FEED,
                  base + "/paused.xml",
                  "Paused Post",
                  Source.RightsPolicy.FULL_TEXT,
                  false,
                  true,
                  now));
      IngestOptions options =
          IngestOptions.builder()
              .allowPrivate(true)
              .watchTick(Duration.ofMillis(100))
              .progress(IngestOptions.ProgressMode.NONE)
              .build();
      AutoCloseable poller = SiteRunner.startPolling(lede, options);
      List<SearchHit> hits = List.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      try {
        while (hits.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(100);
          lede.refresh();
          hits = lede.search(SearchQuery.of("harbour committee")).hits();
        }
        assertThat(Thread.getAllStackTraces().keySet())
            .extracting(Thread::getName)
            .contains("lede-watch");
      } finally {
        poller.close();
      }
      assertThat(hits).as("the active feed's article reached the store").isNotEmpty();
      assertThat(lede.article(hits.get(0).id()).orElseThrow().sourceId()).isEqualTo("gazette");
      assertThat(requests).containsKey("/feed.xml").doesNotContainKey("/paused.xml");
      assertThat(Thread.getAllStackTraces().keySet())
          .extracting(Thread::getName)
          .doesNotContain("lede-watch");
    }
  }
}
