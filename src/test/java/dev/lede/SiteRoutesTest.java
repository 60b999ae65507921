package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.demo.DemoCorpus;
import dev.lede.demo.DemoItem;
import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Source;
import dev.lede.model.TeaserEvent;
import dev.lede.store.Submission;
import dev.lede.web.Site;
import dev.lede.web.SiteConfig;
import dev.lede.web.Tokens;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * The site's routes over a real data folder (SQLite + Lucene) holding a slice of the demo corpus,
 * served on a random loopback port and read with the JDK's HTTP client.
 */
class SiteRoutesTest {
  static final String TOKEN = "test-token-for-writes-0123456789";
  static final String BASE = "https://news.example";
  static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir static Path tmp;
  static Lede lede;
  static LedeSite services;
  static Site site;
  static Site readOnly;
  static List<DemoItem> slice;
  static String imageUrl = "https://images.example/seawall.jpg";

  @BeforeAll
  static void start() throws Exception {
    lede = Lede.open(tmp.resolve("data"));
    Instant now = Instant.now();
    lede.sources()
        .putSource(
            new Source(
                DemoData.WIKINEWS,
                Source.Kind.FILE,
                "https://en.wikinews.org/",
                "Wikinews",
                Source.RightsPolicy.FULL_TEXT,
                false,
                true,
                now));
    lede.sources()
        .putSource(
            new Source(
                "Courier", // a capital: the index keeps source ids lower-cased
                Source.Kind.FEED,
                "https://courier.example/feed.xml",
                "The Courier",
                Source.RightsPolicy.EXCERPT,
                false,
                true,
                now));
    // Every fourth article: a slice across all the years (the newer ones carry no categories).
    slice = new ArrayList<>();
    for (int i = 0; i < DemoCorpus.items().size(); i += 4) {
      slice.add(DemoCorpus.items().get(i));
    }
    List<Submission> batch = new ArrayList<>();
    for (DemoItem i : slice) {
      batch.add(new Submission(i.article(), DemoData.WIKINEWS));
    }
    // A fresh article (for the news sitemap) with a lead image that has a local copy.
    batch.add(
        new Submission(
            Article.builder()
                .id("fresh-1")
                .url("https://local.example/fresh-1")
                .title("Harbour town opens its rebuilt seawall")
                .published(now.minus(Duration.ofHours(2)))
                .section("Environment")
                .tags(List.of("Coasts"))
                .language("en")
                .bylines(List.of("Mara Lindqvist"))
                .blocks(
                    List.of(
                        new Block.Image(
                            imageUrl,
                            "The rebuilt seawall",
                            "The new wall at dawn",
                            "Harbour Press Photo"),
                        new Block.Paragraph(
                            "The harbour town opened its rebuilt seawall on Monday after two years of"
                                + " work, the council said."),
                        new Block.Paragraph("Fishermen welcomed the wall.")))
                .build(),
            null));
    // Hostile text: must come out escaped.
    batch.add(
        new Submission(
            Article.builder()
                .id("hostile-1")
                .title("<script>alert('t')</script> Hostile headline")
                .published(now.minus(Duration.ofDays(3)))
                .language("en")
                .section("Politics")
                .tags(List.of("<b>tag</b>"))
                .blocks(
                    List.of(
                        new Block.Paragraph(
                            "A paragraph with <img src=x onerror=alert(1)> markup and \"quotes\" &"
                                + " ampersands, long enough to be a lead paragraph for the teaser.")))
                .build(),
            null));
    // A story: an original, a near-copy from another publisher, and a follow-up of the same event.
    batch.add(new Submission(tram("tram-orig", "Marrow Bay opens tram line", TRAM, now, 3), null));
    batch.add(
        new Submission(
            tram(
                "tram-copy",
                "WATCH: Tram finally rolls in Marrow Bay",
                "Share this article\n\n" + TRAM + "\n\nReuters contributed to this report.",
                now,
                2),
            null));
    // An article of an excerpt-only source.
    batch.add(
        new Submission(
            Article.builder()
                .id("courier-1")
                .url("https://courier.example/2026/lighthouse")
                .title("Lighthouse keeper retires after forty years")
                .published(now.minus(Duration.ofDays(4)))
                .section("Culture")
                .language("en")
                .blocks(
                    List.of(
                        new Block.Paragraph(
                            "The last keeper of the Skerry Point lighthouse retired on Friday after"
                                + " forty years of climbing its 112 steps every evening."),
                        new Block.Paragraph(
                            "Her logbooks, which record every storm since 1986, go to the county"
                                + " archive, where volunteers will copy them for the public.")))
                .build(),
            "Courier"));
    lede.submitAll(batch);
    lede.submit(
        tram(
            "tram-next", "Marrow Bay tram line carries 40,000 on first weekend", TRAM_NEXT, now, 1),
        null);
    lede.refresh();
    services = LedeSite.over(lede, InstantSource.system());
    services.images().put(imageUrl, jpeg());
    SiteConfig cfg =
        new SiteConfig(
            BASE,
            false,
            "Test Times",
            BASE + "/logo.png",
            ZoneId.of("UTC"),
            List.of(Tokens.hash(TOKEN)),
            List.of(),
            true);
    site = Site.start(services, cfg, "127.0.0.1", 0);
    readOnly =
        Site.start(
            services,
            new SiteConfig(
                BASE, false, "Test Times", null, ZoneId.of("UTC"), List.of(), List.of(), false),
            "127.0.0.1",
            0);
  }

  static final String TRAM =
      """
      The city of Marrow Bay opened its new tram line on Saturday, linking the harbour district \
      with the university campus in eleven minutes and ending years of complaints about crowded buses.

      Mayor Tilde Anker cut the ribbon at the harbour stop, where several hundred residents waited \
      for the first ride despite the rain and the strong wind coming in from the sea.

      The line cost 240 million crowns and took four years to build, two more than planned, after \
      the contractor found old quay walls under the main street and had to call in archaeologists.

      Trams will run every six minutes at peak hours and every quarter of an hour late at night, \
      the transport authority said, and tickets bought for the buses remain valid on the trams.""";

  static final String TRAM_NEXT =
      """
      More than 40,000 people rode the new Marrow Bay tram line on its first weekend, the \
      transport authority said on Monday, twice the number it had expected for the opening days.

      Mayor Tilde Anker said the line between the harbour district and the university campus \
      showed that the 240 million crowns and the four years of works had been worth it.

      Trams ran every six minutes on Saturday and Sunday, and extra trams were added in the \
      evening when crowds waited at the harbour stop after the opening concert.

      The authority said it would count riders again next month before deciding whether to \
      extend the Marrow Bay line to the northern district.""";

  static Article tram(String id, String title, String text, Instant now, int hoursAgo) {
    List<Block> blocks = new ArrayList<>();
    for (String para : text.split("\n\n")) {
      blocks.add(new Block.Paragraph(para.strip()));
    }
    return Article.builder()
        .id(id)
        .url("https://" + id + ".example/story")
        .siteName(id.equals("tram-copy") ? "Farm Daily" : "Harbour Wire")
        .title(title)
        .published(now.minus(Duration.ofHours(hoursAgo)))
        .section("Transport")
        .language("en")
        .blocks(blocks)
        .build();
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
    if (readOnly != null) {
      readOnly.close();
    }
    if (services != null) {
      services.close();
    }
    if (lede != null) {
      lede.close();
    }
  }

  static byte[] jpeg() throws Exception {
    BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(30, 90, 140));
    g.fillRect(0, 0, 640, 360);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  static HttpResponse<String> get(Site s, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .header("User-Agent", UA)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return get(site, path);
  }

  static Document html(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    return Jsoup.parse(r.body(), BASE + path);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static DemoItem newest() {
    return slice.get(slice.size() - 1);
  }

  /** The newest item of the slice that has tags. */
  static DemoItem tagged() {
    for (int i = slice.size() - 1; i >= 0; i--) {
      if (!slice.get(i).article().tags().isEmpty()) {
        return slice.get(i);
      }
    }
    throw new IllegalStateException("no article of the slice has tags");
  }

  static org.w3c.dom.Document xml(String body) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder b = f.newDocumentBuilder();
    return b.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  // ---- pages

  @Test
  void front_showsTopStoriesLatestSectionsAndTheWikinewsCredit() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body(), BASE);
    assertThat(d.title()).isEqualTo("Test Times");
    assertThat(d.select("#top-h").text()).isEqualTo("Top stories");
    assertThat(d.select("#latest-h").text()).isEqualTo("Latest");
    assertThat(d.select("main li.teaser")).hasSizeGreaterThan(10);
    // the tram story (its newest report an hour old) leads, and its link sits in its own teaser
    Element lead = d.select("section[aria-labelledby=top-h] li").first();
    assertThat(lead).isNotNull();
    assertThat(lead.hasClass("teaser")).isTrue();
    assertThat(lead.select("h3").text())
        .isEqualTo("Marrow Bay tram line carries 40,000 on first weekend");
    assertThat(lead.select("a.story-more").text()).isEqualTo("2 articles in this story");
    assertThat(lead.select("a.story-more").attr("href"))
        .isEqualTo("/story/" + enc(lede.storyOf("tram-orig").orElseThrow()));
    assertThat(d.select("section[aria-labelledby=top-h] li:not(.teaser)")).isEmpty();
    assertThat(d.select("nav.sections a").eachText()).contains("Front page", "Latest", "Politics");
    assertThat(d.select("footer").text()).contains("From Wikinews, CC BY 2.5");
    assertThat(d.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
        .isEqualTo("/feed.rss");
    assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/");
  }

  @Test
  void article_hasHeadlineTimeShareAndFollowRelatedAndAttribution() throws Exception {
    DemoItem item = newest();
    Article a = item.article();
    Document d = html("/a/" + enc(item.id()));
    assertThat(d.select("h1#headline").text()).isEqualTo(a.title());
    assertThat(d.select("article time").first().attr("datetime"))
        .isEqualTo(a.published().toString());
    assertThat(d.select(".bar[aria-label^=Share and Follow]")).hasSize(2);
    Element bar = d.select(".bar").first();
    assertThat(bar.select("a[data-network]").eachAttr("data-network"))
        .contains(
            "x", "facebook", "linkedin", "reddit", "whatsapp", "telegram", "bluesky", "email");
    assertThat(bar.select("form[action=/following] input[name=kind]").eachAttr("value"))
        .contains("section", "source");
    assertThat(bar.select("a[type=application/rss+xml]")).isNotEmpty();
    assertThat(d.select("#ymal").text()).isEqualTo("You May Also Like");
    Element related = d.select("section.related").first();
    assertThat(related.select("li.teaser")).hasSize(8);
    for (Element t : related.select("li.teaser")) {
      assertThat(t.select("h3 a").attr("href"))
          .startsWith("/r/")
          .contains("from=" + enc(item.id()));
      assertThat(t.select("h3 a").attr("data-direct")).startsWith("/a/");
    }
    Element credit = d.select("p.attribution a:contains(From Wikinews)").first();
    assertThat(credit).isNotNull();
    assertThat(credit.attr("href")).isEqualTo(a.canonicalUrl());
    assertThat(d.select("p.attribution").text()).doesNotContain("— https://");
    assertThat(d.select("link[rel=canonical]").attr("href"))
        .isEqualTo(BASE + "/a/" + enc(item.id()));
    assertThat(d.select("meta[property=og:title]").attr("content")).isEqualTo(a.title());
    assertThat(d.select("meta[name=twitter:card]").attr("content")).isNotEmpty();
    assertThat(d.select("link[rel=alternate][type=application/atom+xml]")).isNotEmpty();

    JsonNode ld = JSON.readTree(d.select("script[type=application/ld+json]").first().data());
    assertThat(ld.path("@context").asText()).isEqualTo("https://schema.org");
    assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
    assertThat(ld.path("headline").asText()).isEqualTo(a.title());
    assertThat(Instant.parse(ld.path("datePublished").asText())).isEqualTo(a.published());
    assertThat(ld.path("publisher").path("name").asText()).isEqualTo("Test Times");
    assertThat(ld.path("publisher").path("logo").path("url").asText())
        .isEqualTo(BASE + "/logo.png");
    assertThat(ld.path("mainEntityOfPage").path("@id").asText())
        .isEqualTo(BASE + "/a/" + enc(item.id()));
  }

  @Test
  void article_leadImageServedFromOwnOriginWithCaptionCreditAndLongCache() throws Exception {
    Document d = html("/a/fresh-1");
    Element img = d.select("article figure img").first();
    assertThat(img).isNotNull();
    String src = img.attr("src");
    assertThat(src).matches("/img/[0-9a-f]{24}-article\\.jpg");
    assertThat(img.attr("alt")).isEqualTo("The rebuilt seawall");
    assertThat(d.select("article figcaption").text()).contains("The new wall at dawn");
    assertThat(d.select("article figcaption .credit").text()).isEqualTo("Harbour Press Photo");
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + src)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
    assertThat(ImageIO.read(new ByteArrayInputStream(r.body())).getWidth()).isEqualTo(640);
    assertThat(get("/img/000000000000000000000000-thumb.jpg").statusCode()).isEqualTo(404);
    JsonNode ld = JSON.readTree(d.select("script[type=application/ld+json]").first().data());
    assertThat(ld.path("image").toString()).contains(BASE + src);
    assertThat(ld.path("author").get(0).path("name").asText()).isEqualTo("Mara Lindqvist");
  }

  @Test
  void lists_sectionTagSourceStoryAndLatestArePaginated() throws Exception {
    Document latest = html("/latest");
    assertThat(latest.select("main li.teaser")).hasSize(20);
    assertThat(latest.select("a[rel=next]").attr("href")).isEqualTo("/latest?page=2");
    Document p2 = html("/latest?page=2");
    assertThat(p2.select("a[rel=prev]")).isNotEmpty();
    assertThat(get("/latest?page=999").statusCode()).isEqualTo(404);
    assertThat(get("/latest?page=abc").statusCode()).isEqualTo(400);

    Document section = html("/section/Politics");
    assertThat(section.select("h1").text()).isEqualTo("Politics");
    assertThat(section.select("main li.teaser")).isNotEmpty();
    assertThat(section.select("form[action=/following] input[name=key]").attr("value"))
        .isEqualTo("Politics");
    assertThat(section.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
        .isEqualTo("/section/Politics/feed.rss");

    String tag = tagged().article().tags().get(0);
    Document tagPage = html("/tag/" + enc(tag));
    assertThat(tagPage.select("h1").text()).isEqualTo(tag);
    assertThat(tagPage.select("main li.teaser h3").eachText()).contains(tagged().article().title());

    Document source = html("/source/wikinews");
    assertThat(source.select("h1").text()).isEqualTo("Wikinews");
    assertThat(source.select("main li.teaser")).hasSize(20);
    assertThat(get("/source/nope").statusCode()).isEqualTo(404);

    Document story = html("/story/" + enc(lede.storyOf(newest().id()).orElseThrow()));
    assertThat(story.select("main li.teaser h3").eachText()).contains(newest().article().title());
  }

  @Test
  void article_showsItsCopiesAndMoreOnTheStory_andACopyIsListedOnce() throws Exception {
    assertThat(lede.duplicateOf("tram-copy")).contains("tram-orig");
    assertThat(lede.storyOf("tram-next")).isEqualTo(lede.storyOf("tram-orig")).isPresent();

    Document d = html("/a/tram-orig");
    Element also = d.select("p.meta:contains(Also published by)").first();
    assertThat(also).isNotNull();
    assertThat(also.select("a").eachText()).containsExactly("Farm Daily");
    assertThat(also.select("a").attr("href")).isEqualTo("https://tram-copy.example/story");
    Element more = d.select("section.story-more").first();
    assertThat(more).isNotNull();
    assertThat(more.select("li.teaser h3").eachText())
        .containsExactly("Marrow Bay tram line carries 40,000 on first weekend");
    assertThat(more.select("a:contains(The whole story)").attr("href"))
        .isEqualTo("/story/" + enc(lede.storyOf("tram-orig").orElseThrow()));
    // the copy's page points search engines at the original
    assertThat(html("/a/tram-copy").select("link[rel=canonical]").attr("href"))
        .isEqualTo(BASE + "/a/tram-orig");

    List<String> latest = html("/latest").select("main li.teaser h3").eachText();
    assertThat(latest).containsOnlyOnce("Marrow Bay opens tram line");
    assertThat(latest).doesNotContain("WATCH: Tram finally rolls in Marrow Bay");
    assertThat(latest).contains("Marrow Bay tram line carries 40,000 on first weekend");

    Document story = html("/story/" + enc(lede.storyOf("tram-orig").orElseThrow()));
    assertThat(story.select("main li.teaser h3").eachText())
        .containsExactlyInAnyOrder(
            "Marrow Bay opens tram line", "Marrow Bay tram line carries 40,000 on first weekend");
    List<String> top = html("/").select("main li.teaser h3, main .top h3, main h3").eachText();
    assertThat(top).doesNotContain("WATCH: Tram finally rolls in Marrow Bay");
  }

  @Test
  void articlePage_hasAStableETag_answers304_setsNoCookieWithoutTests_andCountsImpressions()
      throws Exception {
    long before = services.counted(TeaserEvent.Type.IMPRESSION);
    String path = "/a/" + enc(newest().id());
    HttpResponse<String> first = get(path);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(get(path).headers().firstValue("ETag")).contains(etag);
    HttpResponse<String> again =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                .header("User-Agent", UA)
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    // If-None-Match is a list compared weakly (RFC 9110): W/ and other tags around it still match
    assertThat(conditional(path, "\"zzz\", W/" + etag).statusCode()).isEqualTo(304);
    assertThat(conditional(path, "*").statusCode()).isEqualTo(304);
    assertThat(conditional(path, "\"zzz\"").statusCode()).isEqualTo(200);
    // the same when the page is rendered again (its cache entry lasts a second)
    Thread.sleep(1_500);
    assertThat(conditional(path, "W/" + etag).statusCode()).isEqualTo(304);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (services.counted(TeaserEvent.Type.IMPRESSION) == before
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(services.counted(TeaserEvent.Type.IMPRESSION)).isGreaterThan(before);
  }

  static HttpResponse<String> conditional(String path, String ifNoneMatch) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
            .header("User-Agent", UA)
            .header("If-None-Match", ifNoneMatch)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void otherPages_feedsAndApi_carryQuotedETags_andAnswer304() throws Exception {
    for (String path : List.of("/", "/latest", "/feed.rss", "/sitemap.xml", "/api/articles")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      String etag = r.headers().firstValue("ETag").orElseThrow();
      assertThat(etag).as(path).matches("W/\"[^\"]+\"");
      assertThat(conditional(path, etag).statusCode()).as(path).isEqualTo(304);
      String opaque = etag.substring(2); // the strong form names the same tag, compared weakly
      assertThat(conditional(path, "\"other\", " + opaque).statusCode()).as(path).isEqualTo(304);
      assertThat(conditional(path, "\"other\"").statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void search_highlightsAndFilters() throws Exception {
    Document d = html("/search?q=seawall");
    assertThat(d.select("ol.teasers li.teaser h3").eachText())
        .contains("Harbour town opens its rebuilt seawall");
    assertThat(d.select("ol.teasers mark")).isNotEmpty();
    Document none = html("/search?q=seawall&section=Politics");
    assertThat(none.select("ol.teasers li.teaser")).isEmpty();
    assertThat(none.text()).contains("No articles match");
    assertThat(get("/search?q=x&since=notadate").statusCode()).isEqualTo(400);
    // a date the query parser rejects is the client's error on the page and in the API alike
    for (String q : List.of("published:2025-13-01", "since:2025-99-99", "until:yesterday")) {
      assertThat(get("/search?q=" + enc(q)).statusCode()).as(q).isEqualTo(400);
      HttpResponse<String> api = get("/api/search?q=" + enc(q));
      assertThat(api.statusCode()).as(q).isEqualTo(400);
      assertThat(api.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
  }

  @Test
  void notFound_isAFriendlyPageAndProblemJsonUnderApi() throws Exception {
    HttpResponse<String> r = get("/a/no-such-article");
    assertThat(r.statusCode()).isEqualTo(404);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select("h1").text()).isEqualTo("Page not found");
    assertThat(d.select("a[href=/]")).isNotEmpty();
    HttpResponse<String> nowhere = get("/no/such/page");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("Page not found");
    // a section or tag without articles is not a page (nor a feed), not a 200 "nothing here"
    for (String path :
        List.of("/section/Nope", "/tag/nope", "/section/Nope/feed.rss", "/tag/nope/feed.json")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(get("/section/Politics").statusCode()).isEqualTo(200);
    assertThat(get("/section/Politics/feed.rss").statusCode()).isEqualTo(200);

    HttpResponse<String> api = get("/api/articles/no-such-article");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = JSON.readTree(api.body());
    assertThat(p.path("status").asInt()).isEqualTo(404);
    assertThat(p.path("title").asText()).isNotEmpty();
    assertThat(p.path("instance").asText()).isEqualTo("/api/articles/no-such-article");
  }

  @Test
  void everyResponse_carriesSecurityHeadersAndPagesHaveNoInlineScript() throws Exception {
    for (String path : List.of("/", "/a/" + enc(newest().id()), "/search?q=court", "/nope")) {
      HttpResponse<String> r = get(path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
      assertThat(csp).doesNotContain("unsafe-inline");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
      Document d = Jsoup.parse(r.body());
      for (Element s : d.select("script")) {
        boolean external = !s.attr("src").isEmpty() && s.data().isBlank();
        boolean data = s.attr("type").equals("application/ld+json");
        assertThat(external || data).as(path + ": " + s.outerHtml()).isTrue();
      }
      for (Element e : d.getAllElements()) {
        for (var attr : e.attributes()) {
          assertThat(attr.getKey()).as(path).doesNotStartWith("on");
        }
      }
      // No third-party requests: every script, style and image comes from our own origin.
      for (Element e : d.select("script[src], link[rel=stylesheet], img[src]")) {
        String u = e.hasAttr("src") ? e.attr("src") : e.attr("href");
        assertThat(u.startsWith("/") || u.startsWith(BASE + "/")).as(path + ": " + u).isTrue();
      }
    }
  }

  @Test
  void hostileArticleText_isEscapedEverywhere() throws Exception {
    HttpResponse<String> r = get("/a/hostile-1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(r.body()).contains("&lt;script&gt;alert(");
    Document d = Jsoup.parse(r.body());
    assertThat(d.select("h1#headline").text())
        .isEqualTo("<script>alert('t')</script> Hostile headline");
    assertThat(d.select("article .body p").first().text()).contains("<img src=x onerror=alert(1)>");
    JsonNode ld = JSON.readTree(d.select("script[type=application/ld+json]").first().data());
    assertThat(ld.path("headline").asText()).startsWith("<script>");
    assertThat(d.select("script[type=application/ld+json]").first().data())
        .doesNotContain("</script");
    HttpResponse<String> rss = get("/section/Politics/feed.rss");
    xml(rss.body()); // still well-formed
    assertThat(rss.body()).doesNotContain("<script>");
  }

  // ---- feeds, sitemaps, robots

  @Test
  void rssFeed_isRss20WithRequiredElements() throws Exception {
    HttpResponse<String> r = get("/feed.rss");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
    org.w3c.dom.Document x = xml(r.body());
    assertThat(x.getDocumentElement().getTagName()).isEqualTo("rss");
    assertThat(x.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
    org.w3c.dom.Element channel = (org.w3c.dom.Element) x.getElementsByTagName("channel").item(0);
    for (String req : List.of("title", "link", "description")) {
      assertThat(channel.getElementsByTagName(req).getLength()).as(req).isPositive();
    }
    NodeList items = x.getElementsByTagName("item");
    assertThat(items.getLength()).isEqualTo(30);
    for (int i = 0; i < items.getLength(); i++) {
      org.w3c.dom.Element it = (org.w3c.dom.Element) items.item(i);
      assertThat(it.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
      assertThat(it.getElementsByTagName("link").item(0).getTextContent()).startsWith(BASE + "/a/");
      assertThat(it.getElementsByTagName("guid").getLength()).isEqualTo(1);
      String pub = it.getElementsByTagName("pubDate").item(0).getTextContent();
      java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(pub);
    }
    HttpResponse<String> section = get("/section/Politics/feed.rss");
    assertThat(section.statusCode()).isEqualTo(200);
    assertThat(xml(section.body()).getElementsByTagName("item").getLength()).isPositive();
    assertThat(get("/source/nope/feed.rss").statusCode()).isEqualTo(404);
  }

  @Test
  void atomFeed_hasRequiredElements() throws Exception {
    HttpResponse<String> r = get("/tag/" + enc(tagged().article().tags().get(0)) + "/feed.atom");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    org.w3c.dom.Document x = xml(r.body());
    org.w3c.dom.Element feed = x.getDocumentElement();
    String atom = "http://www.w3.org/2005/Atom";
    assertThat(feed.getLocalName()).isEqualTo("feed");
    assertThat(feed.getNamespaceURI()).isEqualTo(atom);
    for (String req : List.of("id", "title", "updated")) {
      assertThat(feed.getElementsByTagNameNS(atom, req).getLength()).as(req).isPositive();
    }
    NodeList entries = feed.getElementsByTagNameNS(atom, "entry");
    assertThat(entries.getLength()).isPositive();
    for (int i = 0; i < entries.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) entries.item(i);
      for (String req : List.of("id", "title", "updated", "link")) {
        assertThat(e.getElementsByTagNameNS(atom, req).getLength()).as(req).isPositive();
      }
      Instant.parse(e.getElementsByTagNameNS(atom, "updated").item(0).getTextContent());
    }
  }

  @Test
  void jsonFeed_isVersion11WithRequiredFields() throws Exception {
    HttpResponse<String> r = get("/feed.json");
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/feed+json");
    JsonNode f = JSON.readTree(r.body());
    assertThat(f.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(f.path("title").asText()).isEqualTo("Test Times");
    assertThat(f.path("feed_url").asText()).isEqualTo(BASE + "/feed.json");
    assertThat(f.path("items")).hasSize(30);
    for (JsonNode it : f.path("items")) {
      assertThat(it.path("id").asText()).isNotBlank();
      assertThat(it.path("url").asText()).startsWith(BASE + "/a/");
      assertThat(it.has("content_html") || it.has("content_text")).isTrue();
      if (it.has("date_published")) {
        Instant.parse(it.path("date_published").asText());
      }
    }
  }

  @Test
  void sitemaps_andRobots() throws Exception {
    HttpResponse<String> r = get("/sitemap.xml");
    org.w3c.dom.Document x = xml(r.body());
    String sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    assertThat(x.getDocumentElement().getLocalName()).isEqualTo("urlset");
    assertThat(x.getDocumentElement().getNamespaceURI()).isEqualTo(sm);
    NodeList locs = x.getElementsByTagNameNS(sm, "loc");
    // the slice, fresh-1, hostile-1 and the tram story's original and follow-up (a copy's page
    // is canonicalised to its original, so it is not listed)
    assertThat(locs.getLength()).isEqualTo(slice.size() + 4);
    assertThat(r.body()).contains(BASE + "/a/tram-orig").doesNotContain(BASE + "/a/tram-copy");
    // nor is an excerpt-only source's article, whose page's canonical URL is the publisher's
    assertThat(r.body()).doesNotContain(BASE + "/a/courier-1");
    assertThat(locs.item(0).getTextContent()).startsWith(BASE + "/a/");

    org.w3c.dom.Document news = xml(get("/sitemap-news.xml").body());
    String ns = "http://www.google.com/schemas/sitemap-news/0.9";
    NodeList titles = news.getElementsByTagNameNS(ns, "title");
    List<String> newsTitles = new ArrayList<>();
    for (int i = 0; i < titles.getLength(); i++) {
      newsTitles.add(titles.item(i).getTextContent());
    }
    // the last 48 hours, the tram story's copy left out
    assertThat(newsTitles)
        .containsExactlyInAnyOrder(
            "Harbour town opens its rebuilt seawall",
            "Marrow Bay opens tram line",
            "Marrow Bay tram line carries 40,000 on first weekend");
    assertThat(news.getElementsByTagNameNS(ns, "publication_date").getLength()).isEqualTo(3);
    assertThat(news.getElementsByTagNameNS(ns, "name").item(0).getTextContent())
        .isEqualTo("Test Times");

    String robots = get("/robots.txt").body();
    assertThat(robots)
        .contains("Sitemap: " + BASE + "/sitemap.xml")
        .contains("Sitemap: " + BASE + "/sitemap-news.xml")
        .contains("Disallow: /r/");
  }

  // ---- API

  @Test
  void api_listGetSearchRelatedAndOpenApi() throws Exception {
    JsonNode list = JSON.readTree(get("/api/articles?pageSize=10").body());
    assertThat(list.path("items")).hasSize(10);
    assertThat(list.path("hasMore").asBoolean()).isTrue();
    JsonNode bySource = JSON.readTree(get("/api/articles?source=wikinews&pageSize=100").body());
    assertThat(bySource.path("items")).hasSize(slice.size());

    DemoItem item = newest();
    JsonNode a = JSON.readTree(get("/api/articles/" + enc(item.id())).body());
    assertThat(a.path("id").asText()).isEqualTo(item.id());
    assertThat(a.path("title").asText()).isEqualTo(item.article().title());
    assertThat(a.path("source").asText()).isEqualTo("wikinews");
    assertThat(a.path("page").asText()).isEqualTo(BASE + "/a/" + enc(item.id()));

    JsonNode s = JSON.readTree(get("/api/search?q=seawall").body());
    assertThat(s.path("items").get(0).path("id").asText()).isEqualTo("fresh-1");
    assertThat(s.path("items").get(0).path("snippet").asText()).contains("<mark>");
    assertThat(get("/api/search").statusCode()).isEqualTo(400);

    JsonNode rel = JSON.readTree(get("/api/related/" + enc(item.id())).body());
    assertThat(rel.path("related")).hasSize(8);
    List<String> ids = new ArrayList<>();
    rel.path("related").forEach(n -> ids.add(n.path("id").asText()));
    assertThat(ids).doesNotContain(item.id()).doesNotHaveDuplicates();
    rel.path("related").forEach(n -> assertThat(n.path("reason").asText()).isNotEmpty());

    // an excerpt-only source's article is its excerpt, as on its page; the token reads it whole
    JsonNode ex = JSON.readTree(get("/api/articles/courier-1").body());
    assertThat(ex.path("excerptOnly").asBoolean()).isTrue();
    assertThat(ex.path("text").asText()).startsWith("The last keeper").doesNotContain("logbooks");
    assertThat(ex.path("blocks")).isEmpty();
    assertThat(ex.path("url").asText()).isEqualTo("https://courier.example/2026/lighthouse");
    HttpResponse<String> whole =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + site.port() + "/api/articles/courier-1"))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(whole.body()).path("text").asText()).contains("logbooks");
    assertThat(JSON.readTree(whole.body()).path("blocks")).hasSize(2);

    JsonNode oa = JSON.readTree(get("/api/openapi.json").body());
    assertThat(oa.path("openapi").asText()).startsWith("3.");
    assertThat(oa.path("paths").has("/api/articles")).isTrue();
  }

  @Test
  void api_writesNeedTheBearerTokenAndAreDisabledWithoutOne() throws Exception {
    String body =
        "{\"id\":\"api-1\",\"title\":\"Council approves new ferry timetable\","
            + "\"text\":\"The council approved a new ferry timetable on Tuesday.\\n\\nIt starts in May.\","
            + "\"published\":\"2023-05-02T10:00:00Z\",\"section\":\"Politics\"}";
    HttpResponse<String> noToken = send(site, "POST", "/api/articles", body, null);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(send(site, "POST", "/api/articles", body, "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> disabled = send(readOnly, "POST", "/api/articles", body, TOKEN);
    assertThat(disabled.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(disabled.body()).path("detail").asText()).contains("disabled");

    HttpResponse<String> created = send(site, "POST", "/api/articles", body, TOKEN);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/articles/api-1");
    assertThat(JSON.readTree(created.body()).path("status").asText()).isEqualTo("NEW");
    assertThat(get("/api/articles/api-1").statusCode()).isEqualTo(200);
    assertThat(send(site, "POST", "/api/articles", "{\"title\":\"no text\"}", TOKEN).statusCode())
        .isEqualTo(400);

    assertThat(send(readOnly, "DELETE", "/api/articles/api-1", null, TOKEN).statusCode())
        .isEqualTo(403);
    assertThat(send(site, "DELETE", "/api/articles/api-1", null, null).statusCode()).isEqualTo(401);
    assertThat(send(site, "DELETE", "/api/articles/api-1", null, TOKEN).statusCode())
        .isEqualTo(204);
    assertThat(get("/api/articles/api-1").statusCode()).isEqualTo(404);
    Thread.sleep(1100); // pages are cached for at most a second
    assertThat(get("/a/api-1").statusCode()).isEqualTo(404);
    assertThat(send(site, "DELETE", "/api/articles/api-1", null, TOKEN).statusCode())
        .isEqualTo(404);
  }

  static HttpResponse<String> send(Site s, String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .header("User-Agent", UA)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---- events

  @Test
  void clickRedirect_recordsTheClickAndRedirectsToTheArticle() throws Exception {
    String target = slice.get(3).id();
    String from = newest().id();
    long before = services.counted(TeaserEvent.Type.CLICK);
    HttpResponse<String> r = get("/r/" + enc(target) + "?from=" + enc(from) + "&slot=2");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/a/" + enc(target));
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (services.counted(TeaserEvent.Type.CLICK) == before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(services.counted(TeaserEvent.Type.CLICK)).isEqualTo(before + 1);
    assertThat(get("/r/no-such-article?from=x&slot=1").statusCode()).isEqualTo(404);
  }

  @Test
  void following_keepsFollowsInACookieAndExportsOpml() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + "/following"))
                .header("User-Agent", UA)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString("kind=section&key=Politics&label=Politics"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(303);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("lede_follow=").containsIgnoringCase("HttpOnly");
    String pair = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + "/following"))
                .header("User-Agent", UA)
                .header("Cookie", pair)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Document d = Jsoup.parse(page.body());
    assertThat(d.select("table a[href=/section/Politics]").text()).isEqualTo("Politics");
    assertThat(d.select("main li.teaser")).isNotEmpty();
    HttpResponse<String> opml =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + site.port() + "/following.opml"))
                .header("Cookie", pair)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    org.w3c.dom.Document x = xml(opml.body());
    org.w3c.dom.Element outline = (org.w3c.dom.Element) x.getElementsByTagName("outline").item(0);
    assertThat(outline.getAttribute("xmlUrl")).isEqualTo(BASE + "/section/Politics/feed.rss");
    // a cookie with a broken %-escape loses that entry, not the page
    for (String path : List.of("/following", "/following.opml")) {
      HttpResponse<String> b =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                  .header("User-Agent", UA)
                  .header(
                      "Cookie", "lede_follow=section:%zz&" + pair.substring(pair.indexOf('=') + 1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(b.statusCode()).as(path).isEqualTo(200);
      assertThat(b.body()).as(path).contains("/section/Politics");
    }
  }

  @Test
  void healthAndMetrics() throws Exception {
    assertThat(get("/healthz").body()).isEqualTo("ok");
    get("/");
    assertThat(get("/metrics").body()).contains("lede_http_requests");
  }
}
