package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.FetchRecord;
import dev.lede.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Feeds end to end: loopback server, the real fetch stack, an in-memory sink and registry. */
class FeedIngestTest {
  private final TestServer server = TestServer.start();
  private final TestKit kit = new TestKit();

  @AfterEach
  void tearDown() throws Exception {
    kit.close();
    server.close();
  }

  private String rss(String... items) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Loopback News</title>"
        + "<link>"
        + server.base()
        + "/</link><description>d</description><language>en</language>"
        + String.join("", items)
        + "</channel></rss>";
  }

  private String item(String slug, String title, String pubDate, String description) {
    return "<item><title>"
        + title
        + "</title><link>"
        + server.base()
        + "/news/"
        + slug
        + "</link>"
        + "<guid>"
        + server.base()
        + "/news/"
        + slug
        + "</guid><pubDate>"
        + pubDate
        + "</pubDate>"
        + "<author>desk@loopback.example (Rita Moss)</author><category>Local</category>"
        + "<description>"
        + description
        + "</description></item>";
  }

  private void page(String slug, String body) {
    server.serve(
        "/news/" + slug,
        "text/html; charset=utf-8",
        "<!doctype html><html><head><title>Page "
            + slug
            + "</title></head><body><article>"
            + body
            + "</article></body></html>");
  }

  @Test
  void summaryOnlyItems_pageFetchedAndMerged() {
    server.serve(
        "/feed.xml",
        "application/rss+xml",
        rss(item("a", "Bridge reopens", "Mon, 05 Jan 2026 08:00:00 GMT", "Short summary.")));
    page(
        "a",
        "<p>The bridge reopened on Monday morning after repairs that took eleven weeks.</p>"
            + "<p>Traffic was light, the harbour authority said, and the ferries kept their usual"
            + " timetable for the rest of the week.</p>");
    IngestReport r =
        kit.ingest(TestKit.options().build()).ingest(List.of(server.base() + "/feed.xml"));
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.failed()).isZero();
    assertThat(r.exitCode()).isZero();
    Article a = kit.sink.byUrl(server.base() + "/news/a");
    assertThat(a.text())
        .contains("The bridge reopened on Monday morning")
        .contains("Traffic was light, the harbour authority said");
    assertThat(a.published()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z")); // from the feed
    assertThat(a.bylines()).containsExactly("Rita Moss");
    assertThat(a.tags()).containsExactly("Local");
    assertThat(a.language()).isEqualTo("en");
    assertThat(server.requestsTo("/news/a")).hasSize(1);
  }

  @Test
  void fullTextOff_storesTheFeedVersion_withoutPageRequest() {
    server.serve(
        "/feed.xml",
        "application/rss+xml",
        rss(item("a", "Bridge reopens", "Mon, 05 Jan 2026 08:00:00 GMT", "Short summary.")));
    page("a", "<p>Full page.</p>");
    IngestReport r =
        kit.ingest(TestKit.options().fetchFullText(false).build())
            .ingest(List.of(server.base() + "/feed.xml"));
    assertThat(r.created()).isEqualTo(1);
    assertThat(kit.sink.all().get(0).text()).isEqualTo("Short summary.");
    assertThat(kit.sink.all().get(0).title()).isEqualTo("Bridge reopens");
    assertThat(server.requestsTo("/news/a")).isEmpty();
  }

  @Test
  void brokenPage_keepsFeedVersion_andLogsWhy() {
    server.serve(
        "/feed.xml",
        "application/rss+xml",
        rss(item("gone", "Gone story", "Mon, 05 Jan 2026 08:00:00 GMT", "Only a summary.")));
    IngestReport r =
        kit.ingest(TestKit.options().build()).ingest(List.of(server.base() + "/feed.xml"));
    assertThat(r.created()).isEqualTo(1);
    assertThat(kit.sink.all().get(0).text()).isEqualTo("Only a summary.");
    assertThat(kit.sink.log)
        .anySatisfy(
            x -> {
              assertThat(x.url()).isEqualTo(server.base() + "/news/gone");
              assertThat(x.outcome()).isEqualTo(FetchRecord.Outcome.FAILED);
              assertThat(x.httpStatus()).isEqualTo(404);
            });
  }

  @Test
  void gzippedFeed_addedAsSource_andIngestedOnceAndWhenPolled() {
    byte[] gz =
        TestServer.gzip(
            rss(
                    item("a", "First", "Mon, 05 Jan 2026 08:00:00 GMT", "Summary a."),
                    item("b", "Second", "Mon, 05 Jan 2026 06:00:00 GMT", "Summary b."))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    server.serve("/feed.xml.gz", 200, "application/gzip", gz);
    Ingest ingest = kit.ingest(TestKit.options().fetchFullText(false).build());

    IngestReport once = ingest.ingest(List.of(server.base() + "/feed.xml.gz"));
    assertThat(once.failed()).isZero();
    assertThat(once.created()).isEqualTo(2);

    Source src =
        ingest.newSource(
            server.base() + "/feed.xml.gz", "gz", null, "", Source.RightsPolicy.EXCERPT, true);
    assertThat(src.kind()).isEqualTo(Source.Kind.FEED);
    kit.registry.add(src);
    IngestReport polled = ingest.poll("gz");
    assertThat(polled.failed()).isZero();
    assertThat(ingest.status("gz").consecutiveFailures()).isZero();
    assertThat(kit.sink.all())
        .extracting(Article::title)
        .containsExactlyInAnyOrder("First", "Second");
  }

  @Test
  void registeredFeed_conditionalPolls_skipSeenItems_adaptInterval() {
    AtomicReference<String> feed =
        new AtomicReference<>(
            rss(
                item("a", "First", "Mon, 05 Jan 2026 08:00:00 GMT", "Summary a."),
                item("b", "Second", "Mon, 05 Jan 2026 06:00:00 GMT", "Summary b."),
                item("c", "Third", "Mon, 05 Jan 2026 04:00:00 GMT", "Summary c.")));
    AtomicReference<String> etag = new AtomicReference<>("\"1\"");
    server.on(
        "/feed.xml",
        ex -> {
          if (etag.get().equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            TestServer.send(ex, 304, null, new byte[0]);
            return;
          }
          ex.getResponseHeaders().add("ETag", etag.get());
          TestServer.send(
              ex,
              200,
              "application/rss+xml",
              feed.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    for (String s : List.of("a", "b", "c", "d")) {
      page(s, "<p>Full text of story " + s + ", long enough to be the article body itself.</p>");
    }
    kit.registry.add(
        new Source(
            "loop",
            Source.Kind.FEED,
            server.base() + "/feed.xml",
            "Loopback",
            Source.RightsPolicy.FULL_TEXT,
            true,
            false,
            kit.time.instant()));
    Ingest ingest = kit.ingest(TestKit.options().build());

    IngestReport first = ingest.poll("loop");
    assertThat(first.created()).isEqualTo(3);
    SourceStatus s1 = ingest.status("loop");
    assertThat(s1.consecutiveFailures()).isZero();
    assertThat(s1.lastSuccessAt()).isNotNull();
    // 3 items in the 8 h before now (12:00): one per 2 h 40 min; polling twice as often is 1 h 20
    // min, averaged with the initial 1 h: about 1 h 10 min
    assertThat(s1.interval()).isBetween(Duration.ofMinutes(69), Duration.ofMinutes(71));
    assertThat(s1.nextPollAt()).isEqualTo(s1.lastPollAt().plus(s1.interval()));

    IngestReport second = ingest.poll("loop");
    assertThat(second.notModified()).isEqualTo(1);
    assertThat(second.created()).isZero();
    assertThat(server.requestsTo("/feed.xml").get(1).header("If-None-Match")).isEqualTo("\"1\"");

    feed.set(
        rss(
            item("d", "Fourth", "Mon, 05 Jan 2026 10:00:00 GMT", "Summary d."),
            item("a", "First", "Mon, 05 Jan 2026 08:00:00 GMT", "Summary a."),
            item("b", "Second", "Mon, 05 Jan 2026 06:00:00 GMT", "Summary b."),
            item("c", "Third", "Mon, 05 Jan 2026 04:00:00 GMT", "Summary c.")));
    etag.set("\"2\"");
    IngestReport third = ingest.poll("loop");
    assertThat(third.created()).isEqualTo(1);
    assertThat(third.skipped()).isEqualTo(3);
    assertThat(server.requestsTo("/news/a")).hasSize(1); // not fetched again
    assertThat(server.requestsTo("/news/d")).hasSize(1);
    assertThat(kit.sink.sourceOf).containsValue("loop");
  }

  @Test
  void pollDue_pollsOnlyDueSources_andFailuresBackOff() {
    server.serve(
        "/ok.xml",
        "application/rss+xml",
        rss(item("a", "A", "Mon, 05 Jan 2026 08:00:00 GMT", "Summary a that is long enough? no.")));
    page("a", "<p>Body a.</p>");
    kit.registry.add(
        new Source(
            "ok",
            Source.Kind.FEED,
            server.base() + "/ok.xml",
            "",
            Source.RightsPolicy.FULL_TEXT,
            true,
            false,
            kit.time.instant()));
    kit.registry.add(
        new Source(
            "bad",
            Source.Kind.FEED,
            server.base() + "/missing.xml",
            "",
            Source.RightsPolicy.FULL_TEXT,
            true,
            false,
            kit.time.instant()));
    kit.registry.add(
        new Source(
            "off",
            Source.Kind.FEED,
            server.base() + "/ok.xml",
            "",
            Source.RightsPolicy.FULL_TEXT,
            true,
            true,
            kit.time.instant()));
    Ingest ingest = kit.ingest(TestKit.options().build());

    IngestReport r1 = ingest.pollDue();
    assertThat(r1.sources()).isEqualTo(2); // paused source left out
    assertThat(r1.sourcesRead()).isEqualTo(1);
    assertThat(r1.exitCode()).isZero();
    SourceStatus bad = ingest.status("bad");
    assertThat(bad.consecutiveFailures()).isEqualTo(1);
    assertThat(bad.lastError()).contains("HTTP 404");
    assertThat(bad.nextPollAt())
        .isEqualTo(
            kit.time
                .instant()
                .plus(Duration.ofHours(2))
                .minus(Duration.between(bad.lastPollAt(), kit.time.instant())));

    IngestReport r2 = ingest.pollDue();
    assertThat(r2.sources()).isZero(); // nothing due yet

    kit.time.advance(Duration.ofHours(3));
    IngestReport r3 = ingest.pollDue();
    assertThat(r3.sources()).isEqualTo(2);
    assertThat(ingest.status("bad").consecutiveFailures()).isEqualTo(2);
    assertThat(
            Duration.between(ingest.status("bad").lastPollAt(), ingest.status("bad").nextPollAt()))
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void oneBadSource_doesNotStopTheOthers() {
    server.serve(
        "/good.xml",
        "application/rss+xml",
        rss(item("a", "A", "Mon, 05 Jan 2026 08:00:00 GMT", "x")));
    page("a", "<p>Body.</p>");
    server.serve(
        "/broken.xml", "application/rss+xml", TestServer.fixtureText("broken-unclosed.xml"));
    IngestReport r =
        kit.ingest(TestKit.options().build())
            .ingest(
                List.of(
                    server.base() + "/broken.xml",
                    server.base() + "/good.xml",
                    server.base() + "/nothing.xml",
                    "/no/such/path"));
    assertThat(r.sources()).isEqualTo(4);
    assertThat(r.sourcesRead()).isEqualTo(1);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.failed()).isEqualTo(3);
    assertThat(r.exitCode()).isZero();
    assertThat(kit.sink.failures())
        .extracting(FetchRecord::reason)
        .anySatisfy(x -> assertThat(x).contains("not a well-formed feed"))
        .anySatisfy(x -> assertThat(x).contains("HTTP 404"))
        .anySatisfy(x -> assertThat(x).contains("no such file or folder"));
  }

  @Test
  void watch_pollsInBackground_andStopsCleanly() throws Exception {
    server.serve(
        "/feed.xml",
        "application/rss+xml",
        rss(item("a", "A", "Mon, 05 Jan 2026 08:00:00 GMT", "x")));
    page("a", "<p>Body.</p>");
    kit.registry.add(
        new Source(
            "w",
            Source.Kind.FEED,
            server.base() + "/feed.xml",
            "",
            Source.RightsPolicy.FULL_TEXT,
            true,
            false,
            kit.time.instant()));
    Ingest ingest = kit.ingest(TestKit.options().watchTick(Duration.ofMillis(50)).build());
    try (Ingest.Watch w = ingest.watch()) {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (kit.sink.all().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    assertThat(kit.sink.all()).hasSize(1);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("lede-watch") && t.isAlive());
  }
}
