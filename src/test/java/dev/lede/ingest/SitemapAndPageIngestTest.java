package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SitemapAndPageIngestTest {
  private final TestServer server = TestServer.start();
  private final TestKit kit = new TestKit();

  @AfterEach
  void tearDown() throws Exception {
    kit.close();
    server.close();
  }

  private void page(String path, String title, String body) {
    server.serve(path, "text/html; charset=utf-8", pageHtml(title, body));
  }

  private static String pageHtml(String title, String body) {
    return "<!doctype html><html><head><title>"
        + title
        + "</title></head><body><p>"
        + body
        + "</p></body></html>";
  }

  /** Registers a sitemap source of this server's {@code path}. */
  private void addSitemapSource(String id, String path) {
    kit.registry.add(
        new Source(
            id,
            Source.Kind.SITEMAP,
            server.base() + path,
            "",
            Source.RightsPolicy.EXCERPT,
            true,
            false,
            kit.time.instant()));
  }

  /** A sitemap index listing this server's sitemaps at {@code paths}. */
  private String sitemapIndex(String... paths) {
    StringBuilder sb =
        new StringBuilder("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (String p : paths) {
      sb.append("<sitemap><loc>").append(server.base()).append(p).append("</loc></sitemap>");
    }
    return sb.append("</sitemapindex>").toString();
  }

  private String newsUrl(String loc, String title, String date) {
    return "<url><loc>"
        + server.base()
        + loc
        + "</loc><news:news><news:publication><news:name>Loop Daily</news:name>"
        + "<news:language>en</news:language></news:publication><news:publication_date>"
        + date
        + "</news:publication_date><news:title>"
        + title
        + "</news:title><news:keywords>Harbour, Ferries</news:keywords></news:news></url>";
  }

  @Test
  void sitemapIndex_withNewsSitemap_newsMetadataUsed() {
    server.serve(
        "/sitemap_index.xml",
        "application/xml",
        "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>"
            + server.base()
            + "/news-sitemap.xml</loc></sitemap>"
            + "<sitemap><loc>"
            + server.base()
            + "/pages.xml.gz</loc></sitemap></sitemapindex>");
    server.serve(
        "/news-sitemap.xml",
        "application/xml",
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
            + newsUrl("/n/ferry", "Ferry strike ends", "2026-01-05T07:00:00+00:00")
            + "</urlset>");
    byte[] gz =
        TestServer.gzip(
            ("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    + "<url><loc>"
                    + server.base()
                    + "/p/about</loc><lastmod>2025-12-01</lastmod></url></urlset>")
                .getBytes(StandardCharsets.UTF_8));
    server.serve("/pages.xml.gz", 200, "application/x-gzip", gz);
    page(
        "/n/ferry",
        "Ferry strike ends | Loop Daily",
        "The ferry strike ended on Monday after talks.");
    page("/p/about", "About us", "We are a small newsroom.");

    IngestReport r =
        kit.ingest(TestKit.options().build()).ingest(List.of(server.base() + "/sitemap_index.xml"));
    assertThat(r.created()).isEqualTo(2);
    assertThat(r.failed()).isZero();
    Article ferry = kit.sink.byUrl(server.base() + "/n/ferry");
    assertThat(ferry.title()).isEqualTo("Ferry strike ends"); // news:title over the page's <title>
    assertThat(ferry.published()).isEqualTo(Instant.parse("2026-01-05T07:00:00Z"));
    assertThat(ferry.siteName()).isEqualTo("Loop Daily");
    assertThat(ferry.language()).isEqualTo("en");
    assertThat(ferry.tags()).containsExactly("Harbour", "Ferries");
    assertThat(ferry.text()).contains("The ferry strike ended on Monday");
    Article about = kit.sink.byUrl(server.base() + "/p/about");
    assertThat(about.text()).contains("small newsroom");
  }

  @Test
  void textSitemap_andNonHttpUrlsIgnored() throws Exception {
    String text = server.base() + "/t/1\n" + server.base() + "/t/2\n";
    SitemapReader.Parsed p =
        SitemapReader.parse(
            text.getBytes(StandardCharsets.UTF_8), "text/plain", null, server.url("/sitemap.txt"));
    assertThat(p.entries())
        .extracting(e -> e.url().toString())
        .containsExactly(server.base() + "/t/1", server.base() + "/t/2");
    String xml =
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>file:///etc/passwd</loc></url>"
            + "<url><loc>ftp://files.example/a</loc></url><url><loc>https://ok.example/a</loc></url></urlset>";
    SitemapReader.Parsed q =
        SitemapReader.parse(
            xml.getBytes(StandardCharsets.UTF_8),
            "application/xml",
            null,
            java.net.URI.create("https://ok.example/sitemap.xml"));
    assertThat(q.entries())
        .extracting(e -> e.url().toString())
        .containsExactly("https://ok.example/a");
  }

  @Test
  void sitemapCap_takesTheNewestUrls() {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (int i = 1; i <= 6; i++) {
      sb.append("<url><loc>")
          .append(server.base())
          .append("/a/")
          .append(i)
          .append("</loc><lastmod>2026-01-0")
          .append(i)
          .append("</lastmod></url>");
      page("/a/" + i, "Story " + i, "Body of story " + i + ".");
    }
    server.serve("/sitemap.xml", "application/xml", sb.append("</urlset>").toString());
    IngestReport r =
        kit.ingest(TestKit.options().sitemapMaxUrls(3).build())
            .ingest(List.of(server.base() + "/sitemap.xml"));
    assertThat(r.created()).isEqualTo(3);
    assertThat(server.requestsTo("/a/6")).hasSize(1);
    assertThat(server.requestsTo("/a/4")).hasSize(1);
    assertThat(server.requestsTo("/a/3")).isEmpty();
    assertThat(server.requestsTo("/a/1")).isEmpty();
  }

  @Test
  void registeredSitemap_secondPollSkipsSeenUrls() {
    server.serve(
        "/sitemap.xml",
        "text/xml",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
            + server.base()
            + "/a/1</loc><lastmod>2026-01-04</lastmod></url></urlset>");
    page("/a/1", "One", "Body one.");
    addSitemapSource("sm", "/sitemap.xml");
    Ingest ingest = kit.ingest(TestKit.options().build());
    assertThat(ingest.poll("sm").created()).isEqualTo(1);
    IngestReport second = ingest.poll("sm");
    assertThat(second.skipped()).isEqualTo(1);
    assertThat(server.requestsTo("/a/1")).hasSize(1);
  }

  /** Serves the current text of {@code body} with an ETag, answering 304 to a matching one. */
  private void conditional(String path, AtomicReference<String> body) {
    server.on(
        path,
        ex -> {
          String etag = "\"" + Integer.toHexString(body.get().hashCode()) + "\"";
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            TestServer.send(ex, 304, null, new byte[0]);
            return;
          }
          ex.getResponseHeaders().add("ETag", etag);
          TestServer.send(ex, 200, "application/xml", body.get().getBytes(StandardCharsets.UTF_8));
        });
  }

  private String urlset(String... paths) {
    StringBuilder sb =
        new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (String p : paths) {
      sb.append("<url><loc>").append(server.base()).append(p).append("</loc></url>");
    }
    return sb.append("</urlset>").toString();
  }

  @Test
  void registeredSitemapIndex_answering304_stillPollsItsSitemapsConditionally() {
    AtomicReference<String> index = new AtomicReference<>(sitemapIndex("/sm1.xml", "/sm2.xml"));
    AtomicReference<String> sm1 = new AtomicReference<>(urlset("/page1.html"));
    AtomicReference<String> sm2 = new AtomicReference<>(urlset("/page2.html"));
    conditional("/smi.xml", index);
    conditional("/sm1.xml", sm1);
    conditional("/sm2.xml", sm2);
    page("/page1.html", "One", "Body one.");
    page("/page2.html", "Two", "Body two.");
    page("/page7.html", "Seven", "Body seven.");
    addSitemapSource("smi", "/smi.xml");
    Ingest ingest = kit.ingest(TestKit.options().build());
    assertThat(ingest.poll("smi").created()).isEqualTo(2);

    sm1.set(urlset("/page1.html", "/page7.html"));
    IngestReport second = ingest.poll("smi");
    assertThat(second.created()).isEqualTo(1);
    assertThat(kit.sink.byUrl(server.base() + "/page7.html").text()).contains("Body seven.");
    assertThat(server.requestsTo("/smi.xml")).hasSize(2);
    assertThat(server.requestsTo("/smi.xml").get(1).header("If-None-Match")).isNotEmpty();
    // each sitemap asked with its own validators: the unchanged one answers 304
    assertThat(server.requestsTo("/sm1.xml").get(1).header("If-None-Match")).isNotEmpty();
    assertThat(server.requestsTo("/sm2.xml")).hasSize(2);
    assertThat(server.requestsTo("/sm2.xml").get(1).header("If-None-Match")).isNotEmpty();
    assertThat(second.notModified()).isEqualTo(2); // the index and sm2.xml
    assertThat(server.requestsTo("/page1.html")).hasSize(1);
  }

  @Test
  void aSitemapWithAPageLeftForLater_isReadInFullNextTime_evenThoughUnchanged() {
    AtomicReference<String> index = new AtomicReference<>(sitemapIndex("/sm1.xml"));
    AtomicReference<String> sm1 = new AtomicReference<>(urlset("/page1.html", "/page2.html"));
    conditional("/smi.xml", index);
    conditional("/sm1.xml", sm1);
    page("/page1.html", "One", "Body one.");
    // page2 is down (a retryable 503) at the first poll, up at the second
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    server.on(
        "/page2.html",
        ex -> {
          if (down.get()) {
            TestServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
          } else {
            TestServer.send(
                ex,
                200,
                "text/html; charset=utf-8",
                pageHtml("Two", "Body two.").getBytes(StandardCharsets.UTF_8));
          }
        });
    addSitemapSource("smi", "/smi.xml");
    Ingest ingest = kit.ingest(TestKit.options().build());
    assertThat(ingest.poll("smi").created()).isEqualTo(1);

    down.set(false);
    IngestReport second = ingest.poll("smi");
    assertThat(second.created()).isEqualTo(1);
    assertThat(kit.sink.byUrl(server.base() + "/page2.html").text()).contains("Body two.");
    // the unchanged sitemap was asked for in full, not with the validators of the first poll
    assertThat(server.requestsTo("/sm1.xml")).hasSize(2);
    assertThat(server.requestsTo("/sm1.xml").get(1).header("If-None-Match")).isNullOrEmpty();
    assertThat(server.requestsTo("/page1.html")).hasSize(1); // what was handled is not re-read
  }

  @Test
  void singlePage_urlSniffedAsPage_redirectFinalUrlKept() {
    server.redirect("/short", 301, "/story/long-name");
    page("/story/long-name", "A story", "Story text here.");
    IngestReport r =
        kit.ingest(TestKit.options().build()).ingest(List.of(server.base() + "/short"));
    assertThat(r.created()).isEqualTo(1);
    Article a = kit.sink.all().get(0);
    assertThat(a.url()).isEqualTo(server.base() + "/story/long-name");
    assertThat(a.text()).isEqualTo("Story text here.");
  }

  private String pageWithCanonical(String title, String body, String canonical) {
    return "<!doctype html><html><head><title>"
        + title
        + "</title><link rel=\"canonical\" href=\""
        + canonical
        + "\"></head><body><p>"
        + body
        + "</p></body></html>";
  }

  @Test
  void page_canonicalOnAnotherSite_ignored_sameSiteCanonicalKept() {
    String page0 = server.base() + "/page0.html";
    server.serve(
        "/page0.html",
        "text/html; charset=utf-8",
        pageWithCanonical("Harbour reopens", "The harbour reopened on Monday.", page0));
    server.serve(
        "/evil.html",
        "text/html; charset=utf-8",
        pageWithCanonical("Harbour closed for ever", "Replaced text.", page0));
    server.serve(
        "/page0-amp.html",
        "text/html; charset=utf-8",
        pageWithCanonical("Harbour reopens", "The harbour reopened on Monday, AMP.", page0));
    kit.answer("localhost", "127.0.0.1");
    String evil = "http://localhost:" + server.port() + "/evil.html";

    IngestReport r =
        kit.ingest(TestKit.options().build())
            .ingest(List.of(page0, evil, server.base() + "/page0-amp.html"));

    assertThat(r.created()).isEqualTo(2); // page0 and the page on localhost, each its own
    Article other = kit.sink.byUrl(evil);
    assertThat(other.canonicalUrl()).isEmpty();
    assertThat(other.text()).isEqualTo("Replaced text.");
    assertThat(kit.sink.all())
        .filteredOn(a -> a.canonicalUrl().equals(page0))
        .singleElement()
        .satisfies(a -> assertThat(a.text()).startsWith("The harbour reopened on Monday"));
  }

  @Test
  void feedServedAsTextHtml_sniffedByContent() {
    server.serve("/feed", "text/html", TestServer.fixtureText("rss10.rdf"));
    IngestReport r =
        kit.ingest(TestKit.options().fetchFullText(false).build())
            .ingest(List.of(server.base() + "/feed"));
    assertThat(r.created()).isEqualTo(1);
    assertThat(kit.sink.all().get(0).title()).isEqualTo("Council approves new bridge");
  }

  @Test
  void jsonFeedServed_sniffed() {
    server.serve("/feed.json", "application/feed+json", TestServer.fixtureText("jsonfeed.json"));
    IngestReport r =
        kit.ingest(TestKit.options().fetchFullText(false).build())
            .ingest(List.of(server.base() + "/feed.json"));
    assertThat(r.created()).isEqualTo(2);
    assertThat(kit.sink.all())
        .extracting(Article::title)
        .containsExactlyInAnyOrder("Avalanche warning raised to level 4", "Pass road reopens");
  }

  @Test
  void gzipSitemapBomb_refused() {
    server.serve(
        "/sitemap.xml.gz", 200, "application/gzip", TestServer.gzip(new byte[30 * 1024 * 1024]));
    IngestReport r =
        kit.ingest(TestKit.options().maxBodyBytes(64L * 1024 * 1024).build())
            .ingest(List.of(server.base() + "/sitemap.xml.gz"));
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(kit.sink.failures())
        .anySatisfy(x -> assertThat(x.reason()).contains("decompression bomb"));
  }

  @Test
  void newSource_detectsKindAndName() {
    server.serve("/rss", "application/rss+xml", TestServer.fixtureText("rss20.xml"));
    server.serve(
        "/map.xml",
        "application/xml",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>");
    page("/page.html", "P", "text");
    Ingest ingest = kit.ingest(TestKit.options().build());
    Source feed =
        ingest.newSource(
            server.base() + "/rss", null, null, "", Source.RightsPolicy.FULL_TEXT, true);
    assertThat(feed.kind()).isEqualTo(Source.Kind.FEED);
    assertThat(feed.name()).isEqualTo("The Northern Ledger");
    assertThat(feed.id()).isEqualTo("127-0-0-1-rss");
    assertThat(
            ingest
                .newSource(
                    server.base() + "/map.xml", "m", null, "", Source.RightsPolicy.FULL_TEXT, true)
                .kind())
        .isEqualTo(Source.Kind.SITEMAP);
    assertThat(
            ingest
                .newSource(
                    server.base() + "/page.html",
                    "p",
                    null,
                    "",
                    Source.RightsPolicy.FULL_TEXT,
                    true)
                .kind())
        .isEqualTo(Source.Kind.PAGE);
  }
}
