package dev.lede.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class FeedsTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final FeedMeta META =
      new FeedMeta(
          "Lede — Science & <Tech>",
          "https://news.example/section/science",
          "https://news.example/section/science/feed.rss",
          "Latest science stories",
          "en",
          Instant.parse("2026-11-27T10:00:00Z"));
  private static final FeedEntry HOSTILE =
      new FeedEntry(
          "https://news.example/a/42",
          "Probe finds <script>alert(1)</script> & \"water\"\u0001 on Mars",
          "https://news.example/a/42",
          "Scientists say the find changes \u0007everything…",
          "",
          Instant.parse("2026-11-26T08:30:00Z"),
          null,
          List.of("Ana Ruiz"),
          List.of("Space", "Mars"),
          null);
  private static final FeedEntry PLAIN =
      new FeedEntry(
          "https://news.example/a/43",
          "A second story",
          "https://news.example/a/43",
          "Lead.",
          "Full text.",
          null,
          null,
          List.of(),
          List.of(),
          "https://news.example/img/43.jpg");

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void rss_isWellFormedWithRequiredElements_andEscapesText() throws Exception {
    String xml = Feeds.rss(META, List.of(HOSTILE, PLAIN));
    Document d = parse(xml);
    Element channel = (Element) d.getElementsByTagName("channel").item(0);
    assertThat(d.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
    for (String required : List.of("title", "link", "description")) {
      assertThat(channel.getElementsByTagName(required).getLength()).isPositive();
    }
    assertThat(d.getElementsByTagName("item").getLength()).isEqualTo(2);
    Element first = (Element) d.getElementsByTagName("item").item(0);
    assertThat(first.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Probe finds <script>alert(1)</script> & \"water\" on Mars");
    assertThat(first.getElementsByTagName("pubDate").item(0).getTextContent())
        .isEqualTo("Thu, 26 Nov 2026 08:30:00 GMT");
    assertThat(xml).doesNotContain("<script>");
    assertThat(d.getElementsByTagNameNS(ATOM, "link").getLength()).isEqualTo(1);
  }

  @Test
  void rfc822_clampsYearsItCannotWrite() {
    assertThat(Feeds.rfc822(java.time.Instant.parse("2024-03-05T12:00:00Z")))
        .isEqualTo("Tue, 5 Mar 2024 12:00:00 GMT");
    assertThat(Feeds.rfc822(java.time.Instant.parse("+20250-03-01T10:00:00Z")))
        .isEqualTo("Fri, 31 Dec 9999 23:59:59 GMT");
  }

  @Test
  void atom_hasIdTitleUpdatedAndAuthorPerEntry() throws Exception {
    Document d = parse(Feeds.atom(META, List.of(HOSTILE, PLAIN)));
    Element feed = d.getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(feed.getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      Element e = (Element) feed.getElementsByTagNameNS(ATOM, "entry").item(i);
      for (String required : List.of("id", "title", "updated", "author")) {
        assertThat(e.getElementsByTagNameNS(ATOM, required).getLength())
            .as("entry %d %s", i, required)
            .isPositive();
      }
      // updated must be an RFC 3339 timestamp
      Instant.parse(e.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent());
    }
  }

  @Test
  void jsonFeed_followsVersion11Shape() throws Exception {
    JsonNode n = new ObjectMapper().readTree(Feeds.jsonFeed(META, List.of(HOSTILE, PLAIN)));
    assertThat(n.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(n.path("title").asText()).isEqualTo(META.title());
    assertThat(n.path("items").size()).isEqualTo(2);
    for (JsonNode item : n.path("items")) {
      assertThat(item.path("id").isTextual()).isTrue();
      assertThat(item.has("content_text") || item.has("content_html")).isTrue();
      if (item.has("date_published")) {
        Instant.parse(item.path("date_published").asText());
      }
      if (item.has("authors")) {
        assertThat(item.path("authors").get(0).path("name").asText()).isNotBlank();
      }
    }
    assertThat(n.path("items").get(1).path("image").asText()).endsWith("/img/43.jpg");
  }

  @Test
  void sitemaps_urlsetIndexAndNews() throws Exception {
    Document u =
        parse(
            Sitemaps.urlset(
                List.of(new Sitemaps.Url("https://news.example/a/1?x=1&y=2", Instant.EPOCH))));
    assertThat(
            u.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")
                .item(0)
                .getTextContent())
        .isEqualTo("https://news.example/a/1?x=1&y=2");
    Document i =
        parse(
            Sitemaps.index(List.of(new Sitemaps.Url("https://news.example/sitemap-1.xml", null))));
    assertThat(i.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
    Document n =
        parse(
            Sitemaps.news(
                "Lede",
                List.of(
                    new Sitemaps.NewsUrl(
                        "https://news.example/a/1", "Title & more", Instant.EPOCH, "en"))));
    String newsNs = "http://www.google.com/schemas/sitemap-news/0.9";
    assertThat(n.getElementsByTagNameNS(newsNs, "title").item(0).getTextContent())
        .isEqualTo("Title & more");
    assertThat(n.getElementsByTagNameNS(newsNs, "publication_date").getLength()).isEqualTo(1);
    assertThat(n.getElementsByTagNameNS(newsNs, "name").item(0).getTextContent()).isEqualTo("Lede");
  }

  @Test
  void shareLinks_encodeUrlAndTitle() {
    var links = ShareLinks.forArticle("https://news.example/a/1?x=1&y=2", "Quake & tsunami");
    assertThat(links)
        .extracting(ShareLinks.Link::network)
        .containsExactly(
            "x", "facebook", "linkedin", "reddit", "whatsapp", "telegram", "bluesky", "email");
    assertThat(links.get(0).href())
        .isEqualTo(
            "https://x.com/intent/post?url=https%3A%2F%2Fnews.example%2Fa%2F1%3Fx%3D1%26y%3D2&text=Quake%20%26%20tsunami");
  }
}
