package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {
  private final FeedParser parser = new Feeds();

  private FeedParser.Feed parse(String fixture, String base) throws BadContentException {
    return parser.parse(TestServer.fixtureBytes(fixture), null, URI.create(base));
  }

  @Test
  void rss091_withNetscapeDoctypeAndHtmlEntities() throws Exception {
    FeedParser.Feed f = parse("rss091.xml", "https://gazette.example/rss");
    assertThat(f.format()).startsWith("rss_0.91");
    assertThat(f.title()).isEqualTo("Harbour Gazette");
    assertThat(f.language()).isEqualTo("en-gb");
    assertThat(f.items()).hasSize(2);
    FeedParser.Item first = f.items().get(0);
    assertThat(first.title()).isEqualTo("Café reopens after flood");
    assertThat(first.link()).isEqualTo("https://gazette.example/news/cafe-reopens");
    assertThat(HtmlText.plain(first.summaryHtml()))
        .isEqualTo("The seafront café opened its doors again on Monday.");
  }

  @Test
  void latin1Declared_decoded() throws Exception {
    FeedParser.Feed f = parse("latin1.xml", "https://latin.example/");
    assertThat(f.title()).isEqualTo("Café Latin-1");
    assertThat(f.items().get(0).title()).isEqualTo("Naïve résumé");
  }

  @Test
  void wrongHeaderCharset_documentDeclarationWins() throws Exception {
    byte[] utf8 = TestServer.fixtureBytes("rss10.rdf"); // declares utf-8
    String withAccent =
        new String(utf8, StandardCharsets.UTF_8).replace("Council approves", "Conseil approuvé");
    FeedParser.Feed f =
        parser.parse(
            withAccent.getBytes(StandardCharsets.UTF_8),
            "iso-8859-1",
            URI.create("https://valley.example/rss"));
    assertThat(f.items().get(0).title()).isEqualTo("Conseil approuvé new bridge");
  }

  @Test
  void missingCharset_utf8Detected() throws Exception {
    String xml =
        "<rss version=\"2.0\"><channel><title>Zürich Zeitung</title><link>https://z.example/</link>"
            + "<description>x</description><item><title>Grüße</title><link>https://z.example/1</link></item></channel></rss>";
    FeedParser.Feed f =
        parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, URI.create("https://z.example/"));
    assertThat(f.title()).isEqualTo("Zürich Zeitung");
    assertThat(f.items().get(0).title()).isEqualTo("Grüße");
  }

  @Test
  void rss10_rdfWithDublinCore() throws Exception {
    FeedParser.Feed f = parse("rss10.rdf", "https://valley.example/rss");
    assertThat(f.format()).isEqualTo("rss_1.0");
    assertThat(f.title()).isEqualTo("Valley Times");
    FeedParser.Item item = f.items().get(0);
    assertThat(item.title()).isEqualTo("Council approves new bridge");
    assertThat(item.link()).isEqualTo("https://valley.example/2026/01/bridge");
    assertThat(item.authors()).containsExactly("Mara Quint");
    assertThat(item.published()).isEqualTo(Instant.parse("2026-01-04T08:30:00Z"));
    assertThat(item.categories()).containsExactly("Infrastructure");
  }

  @Test
  void rss20_fieldsAreMappedAndMarkupStripped() throws Exception {
    FeedParser.Feed f = parse("rss20.xml", "https://ledger.example/feed.xml");
    assertThat(f.format()).isEqualTo("rss_2.0");
    assertThat(f.language()).isEqualTo("en-us");
    FeedParser.Item item = f.items().get(0);
    assertThat(item.title()).isEqualTo("Mayor resigns amid budget row");
    assertThat(item.guid()).isEqualTo("ledger-2026-0042");
    assertThat(item.link())
        .isEqualTo("https://ledger.example/politics/mayor-resigns?utm_source=rss");
    assertThat(item.published()).isEqualTo(Instant.parse("2026-01-05T08:15:00Z"));
    assertThat(item.authors()).containsExactly("Ada Brook");
    assertThat(item.categories()).containsExactly("Politics", "City Hall");
    assertThat(item.imageUrl()).isEqualTo("https://ledger.example/img/mayor-large.jpg");

    Article a = FeedArticles.fromItem(item, f);
    assertThat(a.title()).isEqualTo("Mayor resigns amid budget row");
    assertThat(a.description()).isEqualTo("The mayor stepped down on Monday.");
    assertThat(a.siteName()).isEqualTo("The Northern Ledger");
    assertThat(a.blocks())
        .containsSubsequence(
            new Block.Heading(2, "What happens next"),
            new Block.Image(
                "https://ledger.example/img/mayor.jpg",
                "The mayor",
                "The mayor leaves City Hall on Monday.",
                "Jon Reyes/Ledger Photo"),
            new Block.ListBlock(
                false, java.util.List.of("Budget vote delayed", "Deputy takes over")),
            new Block.Quote("We will get through this together."));
    assertThat(a.text())
        .startsWith("The mayor of Northport resigned on Monday")
        .doesNotContain("track()")
        .doesNotContain("<");
    assertThat(FeedArticles.summaryOnly(item, a)).isFalse();

    FeedParser.Item second = f.items().get(1);
    assertThat(second.authors()).containsExactly("Ben Ortiz");
    Article b = FeedArticles.fromItem(second, f);
    assertThat(b.text()).isEqualTo("Heavy snow closed all schools on Sunday & Monday.");
    assertThat(FeedArticles.summaryOnly(second, b)).isTrue();
  }

  @Test
  void atom_relativeLinksXhtmlContentAndAuthors() throws Exception {
    FeedParser.Feed f = parse("atom.xml", "https://coast.example/atom.xml");
    assertThat(f.format()).isEqualTo("atom_1.0");
    FeedParser.Item item = f.items().get(0);
    assertThat(item.title()).isEqualTo("Storm batters coast");
    assertThat(item.link()).isEqualTo("https://coast.example/2026/01/05/storm");
    assertThat(item.guid()).isEqualTo("tag:coast.example,2026:storm");
    assertThat(item.published()).isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
    assertThat(item.updated()).isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
    assertThat(item.authors()).containsExactly("Lena Fischer", "Omar Haddad");
    assertThat(item.categories()).containsExactly("weather", "coast");
    Article a = FeedArticles.fromItem(item, f);
    // the enclosure link (an image) leads, then the three paragraphs of the xhtml content
    assertThat(a.blocks()).hasSize(4);
    assertThat(a.blocks().get(0))
        .isEqualTo(new Block.Image("https://coast.example/img/storm.jpg", "", "", ""));
    assertThat(a.blocks().get(3))
        .isEqualTo(new Block.Paragraph("Schools in three districts stayed closed."));
    assertThat(a.published()).isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
    assertThat(a.modified()).isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
    assertThat(FeedArticles.summaryOnly(item, a)).isFalse();
  }

  @Test
  void jsonFeed11() throws Exception {
    FeedParser.Feed f = parse("jsonfeed.json", "https://mountain.example/feed.json");
    assertThat(f.format()).isEqualTo("json_feed_1.1");
    assertThat(f.title()).isEqualTo("Mountain Post");
    assertThat(f.language()).isEqualTo("en");
    FeedParser.Item item = f.items().get(0);
    assertThat(item.guid()).isEqualTo("mp-1001");
    assertThat(item.published()).isEqualTo(Instant.parse("2026-01-05T06:45:00Z"));
    assertThat(item.updated()).isEqualTo(Instant.parse("2026-01-05T07:00:00Z"));
    assertThat(item.authors()).containsExactly("Ines Berg", "Tom Vale");
    assertThat(item.categories()).containsExactly("Weather", "Alps");
    Article a = FeedArticles.fromItem(item, f);
    assertThat(a.description()).isEqualTo("Warning raised <after> heavy snow");
    assertThat(a.blocks())
        .first()
        .isEqualTo(new Block.Image("https://mountain.example/img/avalanche.jpg", "", "", ""));
    assertThat(a.blocks()).hasSize(4);

    FeedParser.Item second = f.items().get(1);
    assertThat(second.guid()).isEqualTo("1002");
    assertThat(second.published()).isNull(); // "not a date": the date is dropped, not the item
    Article b = FeedArticles.fromItem(second, f);
    assertThat(b.blocks())
        .containsExactly(
            new Block.Paragraph("The pass road reopened on Sunday."),
            new Block.Paragraph("Chains remain mandatory."));
  }

  @Test
  void podcastExtensions_doNotBreakParsing() throws Exception {
    FeedParser.Feed f = parse("podcast.xml", "https://brief.example/feed");
    assertThat(f.title()).isEqualTo("The Daily Brief");
    FeedParser.Item item = f.items().get(0);
    assertThat(item.title()).isEqualTo("Episode 212: Budget talks");
    assertThat(item.link()).isEqualTo("https://brief.example/episodes/212");
    assertThat(item.imageUrl()).isEmpty(); // an audio enclosure is not an image
    assertThat(HtmlText.plain(item.summaryHtml())).isEqualTo("Budget talks resume in the capital.");
  }

  @Test
  void unclosedTags_refusedWithReason() {
    assertThatThrownBy(() -> parse("broken-unclosed.xml", "https://broken.example/"))
        .isInstanceOf(BadContentException.class)
        .hasMessageStartingWith("not a well-formed feed");
  }

  @Test
  void billionLaughs_refusedBeforeExpansion() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> parse("billion-laughs.xml", "https://lol.example/"))
        .isInstanceOf(BadContentException.class)
        .hasMessageContaining("internal subset");
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void summaryOnly_teaserContentAndShortDescriptions() {
    FeedParser.Feed f = new FeedParser.Feed("rss_2.0", "T", "", "en", java.util.List.of());
    String longText = "The council met for six hours on Tuesday to discuss the plan. ".repeat(5);
    FeedParser.Item teaser = item("<p>" + longText + "Continue reading &raquo;</p>", "");
    FeedParser.Item full = item("<p>" + longText + "</p>", "");
    FeedParser.Item shortDescription = item("", "<p>Short summary.</p>");
    FeedParser.Item longDescription = item("", "<p>" + longText.repeat(2) + "</p>");
    assertThat(FeedArticles.summaryOnly(teaser, FeedArticles.fromItem(teaser, f))).isTrue();
    assertThat(FeedArticles.summaryOnly(full, FeedArticles.fromItem(full, f))).isFalse();
    assertThat(
            FeedArticles.summaryOnly(shortDescription, FeedArticles.fromItem(shortDescription, f)))
        .isTrue();
    assertThat(FeedArticles.summaryOnly(longDescription, FeedArticles.fromItem(longDescription, f)))
        .isFalse();
  }

  private static FeedParser.Item item(String content, String summary) {
    return new FeedParser.Item(
        "g",
        "https://x.example/a",
        "Title",
        null,
        null,
        java.util.List.of(),
        java.util.List.of(),
        summary,
        content,
        "",
        "",
        "");
  }

  @Test
  void htmlPage_isNotAFeed() {
    byte[] html =
        "<!doctype html><html><head><title>x</title></head><body><p>hi</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(html, null, URI.create("https://x.example/")))
        .isInstanceOf(BadContentException.class);
  }

  @Test
  void jsonFeedDates_outsideFourDigitYears_readAsUndated() {
    assertThat(JsonFeedParser.date("2024-03-05T12:00:00+01:00"))
        .isEqualTo(java.time.Instant.parse("2024-03-05T11:00:00Z"));
    assertThat(JsonFeedParser.date("+20250-03-01T10:00:00Z")).isNull();
    assertThat(JsonFeedParser.date("0012-03-01T10:00:00Z")).isNull();
    assertThat(JsonFeedParser.date("not a date")).isNull();
  }

  @Test
  void jsonWithoutVersion_isNotAFeed() {
    byte[] json = "{\"items\": []}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(json, null, URI.create("https://x.example/")))
        .isInstanceOf(BadContentException.class)
        .hasMessageContaining("not a JSON Feed");
  }
}
