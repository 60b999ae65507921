package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lede.Lede;
import dev.lede.model.ArticleJson;
import dev.lede.model.FetchRecord;
import dev.lede.store.StoredArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code lede ingest} and {@code lede sources} through {@link Main} on real data folders (SQLite
 * store and Lucene index in a temp folder), reading a feed from an HTTP server on loopback.
 */
class IngestEndToEndTest {
  @TempDir Path dir;
  private Path data;
  private HttpServer server;
  private ExecutorService serverThreads;
  private String base;

  /** Path to response body; the feed answers 304 to a matching If-None-Match. */
  private final Map<String, String> pages = new ConcurrentHashMap<>();

  private final AtomicInteger feedRequests = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();

  private record Result(int code, String out, String err) {
    List<JsonNode> lines() throws IOException {
      List<JsonNode> out = new ArrayList<>();
      for (String l : out().split("\n")) {
        if (!l.isBlank()) {
          out.add(ArticleJson.mapper().readTree(l));
        }
      }
      return out;
    }
  }

  @BeforeEach
  void startServer() throws IOException {
    data = dir.resolve("data");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads =
        Executors.newFixedThreadPool(2, Thread.ofPlatform().name("e2e-http-", 0).factory());
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
      String body = pages.get(path);
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
      if (path.endsWith(".xml")) {
        feedRequests.incrementAndGet();
        ex.getResponseHeaders().add("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          notModified.incrementAndGet();
          ex.sendResponseHeaders(304, -1);
          return;
        }
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
      } else {
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      }
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
    }
  }

  private static String paragraphs(String topic, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("<p>The ")
          .append(topic)
          .append(" story continues with paragraph ")
          .append(i + 1)
          .append(", in which officials explained the decision to residents at a public meeting")
          .append(" held in the town hall on Tuesday evening.</p>");
    }
    return sb.toString();
  }

  /** An RSS 2.0 feed: items 1 and 2 carry their full text, item 3 only a summary. */
  private void publishFeed(String secondTitle) {
    String item =
        """
        <item><title>%s</title><link>%s</link><guid>%s</guid>
        <pubDate>Tue, 03 Nov 2026 10:0%d:00 GMT</pubDate><description>Summary.</description>
        <content:encoded><![CDATA[%s]]></content:encoded></item>
        """;
    String feed =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Loopback Gazette</title><link>%s/</link><description>News</description>
        %s%s
        <item><title>Ferry timetable changes</title><link>%s/news/3</link><guid>%s/news/3</guid>
        <pubDate>Tue, 03 Nov 2026 10:03:00 GMT</pubDate>
        <description>The ferry timetable changes next week.</description></item>
        </channel></rss>
        """
            .formatted(
                base,
                item.formatted(
                    "Harbour bridge reopens after repairs",
                    base + "/news/1",
                    base + "/news/1",
                    1,
                    paragraphs("harbour bridge", 4)),
                item.formatted(
                    secondTitle,
                    base + "/news/2",
                    base + "/news/2",
                    2,
                    paragraphs("council budget", 4)),
                base,
                base);
    pages.put("/feed.xml", feed);
    pages.put(
        "/news/3",
        "<html><head><title>Ferry timetable changes</title></head><body><article>"
            + "<h1>Ferry timetable changes</h1>"
            + paragraphs("ferry timetable", 5)
            + "</article></body></html>");
  }

  private Result lede(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private Result ingest(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ingest",
                "--data",
                data.toString(),
                "--progress",
                "none",
                "--allow-private",
                "--delay",
                "0s"));
    args.addAll(List.of(more));
    return lede(args.toArray(String[]::new));
  }

  private JsonNode stats() throws IOException {
    Result r = lede("stats", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return ArticleJson.mapper().readTree(r.out());
  }

  @Test
  void feedOnLoopback_storedAndIndexed_reingestUnchanged_updateIsNewVersion() throws Exception {
    publishFeed("Council approves the budget");
    Result first = ingest(base + "/feed.xml");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).as("stdout carries only documented output").isEmpty();
    assertThat(first.err()).contains("new 3, updated 0, unchanged 0, failed 0");

    JsonNode s = stats();
    assertThat(s.get("articles").asLong()).isEqualTo(3);
    assertThat(s.get("indexed").asLong()).isEqualTo(3);

    Result search = lede("search", "--data", data.toString(), "ferry timetable");
    assertThat(search.code()).as(search.err()).isZero();
    List<JsonNode> hits = search.lines();
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).get("title").asText()).isEqualTo("Ferry timetable changes");
    assertThat(hits.get(0).get("url").asText()).isEqualTo(base + "/news/3");
    String ferryId = hits.get(0).get("id").asText();

    Result again = ingest("--json", base + "/feed.xml");
    assertThat(again.code()).isZero();
    JsonNode report = ArticleJson.mapper().readTree(again.out());
    assertThat(report.get("new").asInt()).isZero();
    assertThat(report.get("updated").asInt()).isZero();
    assertThat(report.get("unchanged").asInt()).isEqualTo(3);

    publishFeed("Council approves the budget after a long debate");
    Result updated = ingest("--articles", base + "/feed.xml");
    assertThat(updated.code()).as(updated.err()).isZero();
    assertThat(updated.err()).contains("new 0, updated 1, unchanged 2, failed 0");
    assertThat(updated.lines())
        .extracting(n -> n.get("outcome").asText())
        .containsExactlyInAnyOrder("updated", "unchanged", "unchanged");
    assertThat(updated.lines()).extracting(n -> n.get("id").asText()).contains(ferryId);

    try (Lede lede = Lede.open(data, DataDirOption.options("test"))) {
      StoredArticle council = lede.articleByUrl(base + "/news/2").orElseThrow();
      assertThat(council.article().title())
          .isEqualTo("Council approves the budget after a long debate");
      assertThat(lede.versions(council.article().id())).hasSize(1);
      assertThat(lede.stats().articles()).isEqualTo(3);
      assertThat(lede.stats().indexed()).isEqualTo(3);
    }
  }

  @Test
  void sourceAdded_polled_conditionalGet_stateAndFetchLogPersisted() throws Exception {
    publishFeed("Council approves the budget");
    Result add =
        lede(
            "sources",
            "add",
            "--data",
            data.toString(),
            "--allow-private",
            "--id",
            "gazette",
            "--rights",
            "excerpt",
            base + "/feed.xml");
    assertThat(add.code()).as(add.err()).isZero();
    JsonNode added = ArticleJson.mapper().readTree(add.out());
    assertThat(added.get("kind").asText()).isEqualTo("feed");
    assertThat(added.get("name").asText()).isEqualTo("Loopback Gazette");

    Result poll =
        lede(
            "sources",
            "poll",
            "--data",
            data.toString(),
            "--allow-private",
            "--delay",
            "0s",
            "--progress",
            "none");
    assertThat(poll.code()).as(poll.err()).isZero();
    assertThat(poll.out()).isEmpty();
    assertThat(poll.err()).contains("new 3");
    assertThat(stats().get("articles").asLong()).isEqualTo(3);
    assertThat(stats().get("sources").asLong()).isEqualTo(1);

    int before = notModified.get();
    Result again =
        lede(
            "sources",
            "poll",
            "--data",
            data.toString(),
            "--allow-private",
            "--delay",
            "0s",
            "--progress",
            "none",
            "--json",
            "gazette");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(ArticleJson.mapper().readTree(again.out()).get("notModified").asInt()).isEqualTo(1);
    assertThat(notModified.get()).as("the ETag was kept in the store").isEqualTo(before + 1);

    Result list = lede("sources", "list", "--data", data.toString());
    List<JsonNode> sources = list.lines();
    assertThat(sources).hasSize(1);
    JsonNode g = sources.get(0);
    assertThat(g.get("id").asText()).isEqualTo("gazette");
    assertThat(g.get("rights").asText()).isEqualTo("excerpt");
    assertThat(g.get("lastSuccess").isNull()).isFalse();
    assertThat(g.get("failures").asInt()).isZero();
    assertThat(g.get("interval").asLong()).isPositive();

    assertThat(lede("sources", "pause", "--data", data.toString(), "gazette").code()).isZero();
    assertThat(
            lede("sources", "list", "--data", data.toString())
                .lines()
                .get(0)
                .get("paused")
                .asBoolean())
        .isTrue();
    assertThat(lede("sources", "resume", "--data", data.toString(), "gazette").code()).isZero();

    // a broken feed: the poll fails, the reason goes to the fetch log and the source's state
    pages.put("/feed.xml", "<rss><channel><item><title>unclosed");
    Result broken =
        lede(
            "sources",
            "poll",
            "--data",
            data.toString(),
            "--allow-private",
            "--delay",
            "0s",
            "--progress",
            "none");
    assertThat(broken.code()).isEqualTo(1);
    JsonNode failing = lede("sources", "list", "--data", data.toString()).lines().get(0);
    assertThat(failing.get("failures").asInt()).isEqualTo(1);
    assertThat(failing.get("lastError").asText()).isNotBlank();
    try (Lede lede = Lede.open(data, DataDirOption.options("test"))) {
      List<FetchRecord> log = lede.sources().fetches("gazette", null, 50);
      assertThat(log)
          .anySatisfy(
              f -> {
                assertThat(f.outcome()).isEqualTo(FetchRecord.Outcome.FAILED);
                assertThat(f.reason()).isNotBlank();
              });
      assertThat(log).anySatisfy(f -> assertThat(f.httpStatus()).isEqualTo(304));
      assertThat(lede.article(lede.articleByUrl(base + "/news/1").orElseThrow().article().id()))
          .isPresent();
    }

    assertThat(lede("sources", "remove", "--data", data.toString(), "gazette").code()).isZero();
    assertThat(lede("sources", "list", "--data", data.toString()).out()).isEmpty();
    assertThat(stats().get("articles").asLong())
        .as("a removed source's articles stay")
        .isEqualTo(3);
  }

  @Test
  void jsonl_idsKept_searchable_exitCodes() throws Exception {
    Path f = dir.resolve("corpus.jsonl");
    Files.writeString(
        f,
        """
        {"id": "c-1", "title": "Lighthouse keeper retires", "date": "2024-05-01", \
        "categories": ["Coast"], "text": "After forty <b>years</b> the keeper retires.\\n\\nA party."}
        {"id": "c-2", "text": "Orchard harvest\\nApples were picked early this year."}
        not json
        """,
        StandardCharsets.UTF_8);
    Result r = ingest("--articles", f.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("new 2", "failed 1");
    assertThat(r.lines()).extracting(n -> n.get("id").asText()).containsExactly("c-1", "c-2");

    Result hit = lede("search", "--data", data.toString(), "lighthouse");
    assertThat(hit.lines())
        .singleElement()
        .satisfies(h -> assertThat(h.get("id").asText()).isEqualTo("c-1"));
    try (Lede lede = Lede.open(data, DataDirOption.options("test"))) {
      var a = lede.article("c-1").orElseThrow().article();
      assertThat(a.text()).contains("After forty years the keeper retires.").doesNotContain("<b>");
      assertThat(a.tags()).containsExactly("Coast");
      assertThat(lede.article("c-2").orElseThrow().article().title()).isEqualTo("Orchard harvest");
    }

    Result missing = ingest(dir.resolve("nope.jsonl").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.out()).isEmpty();
    assertThat(lede("ingest", "--data", data.toString()).code()).as("no SOURCE").isEqualTo(2);
    assertThat(lede("sources", "poll", "--data", data.toString(), "nope").code()).isEqualTo(2);
  }

  @Test
  void dataFolderInUse_clearErrorNamingTheHolder() throws Exception {
    Path f = dir.resolve("one.jsonl");
    Files.writeString(f, "{\"id\": \"x\", \"text\": \"T\\nBody.\"}\n", StandardCharsets.UTF_8);
    try (Lede holder = Lede.open(data, DataDirOption.options("serve"))) {
      Result r = ingest(f.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("lede serve");
      assertThat(holder.stats().articles()).isZero();
    }
  }
}
