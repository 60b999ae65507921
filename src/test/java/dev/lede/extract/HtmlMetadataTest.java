package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Metadata sources and their order of precedence, one small page each. */
class HtmlMetadataTest {
  private static final String BODY =
      "<article><p>" + HtmlFixtures.prose(0) + "</p><p>" + HtmlFixtures.prose(1) + "</p></article>";

  private static Article page(String head, String body, String url) {
    String html = "<html><head>" + head + "</head><body>" + body + "</body></html>";
    return Extractor.fromHtml(html, URI.create(url));
  }

  private static Article page(String head) {
    return page(head, BODY, "https://news.example/story");
  }

  @Test
  void extract_readsOpenGraphAndArticleMetaWhenThereIsNoJsonLd() {
    Article a =
        page(
            """
            <title>Bridge repairs start next week - Valley News</title>
            <meta property="og:site_name" content="Valley News">
            <meta property="og:title" content="Bridge repairs start next week">
            <meta property="og:url" content="https://valley.example/bridge-repairs">
            <meta property="og:locale" content="en_US">
            <meta property="article:published_time" content="2023-06-01T14:00:00-04:00">
            <meta property="article:modified_time" content="2023-06-02T09:00:00Z">
            <meta property="article:section" content="Transport">
            <meta property="article:tag" content="bridges">
            <meta property="article:tag" content="roadworks">
            <meta name="author" content="By Priya Natarajan">
            <meta name="description" content="The old iron bridge closes to cars for six weeks.">
            """);
    assertThat(a.title()).isEqualTo("Bridge repairs start next week");
    assertThat(a.siteName()).isEqualTo("Valley News");
    assertThat(a.canonicalUrl()).isEqualTo("https://valley.example/bridge-repairs");
    assertThat(a.language()).isEqualTo("en-US");
    assertThat(a.published()).isEqualTo(Instant.parse("2023-06-01T18:00:00Z"));
    assertThat(a.modified()).isEqualTo(Instant.parse("2023-06-02T09:00:00Z"));
    assertThat(a.section()).isEqualTo("Transport");
    assertThat(a.tags()).containsExactly("bridges", "roadworks");
    assertThat(a.bylines()).containsExactly("Priya Natarajan");
    assertThat(a.description()).isEqualTo("The old iron bridge closes to cars for six weeks.");
  }

  @Test
  void extract_readsParselyAndSailthruMeta() {
    Article a =
        page(
            """
            <meta name="parsely-title" content="Library reopens after flood">
            <meta name="parsely-pub-date" content="2022-11-20T07:15:00.000Z">
            <meta name="parsely-author" content="Ana Ruiz">
            <meta name="parsely-section" content="Culture">
            <meta name="parsely-tags" content="libraries, floods">
            """);
    assertThat(a.title()).isEqualTo("Library reopens after flood");
    assertThat(a.published()).isEqualTo(Instant.parse("2022-11-20T07:15:00Z"));
    assertThat(a.bylines()).containsExactly("Ana Ruiz");
    assertThat(a.section()).isEqualTo("Culture");
    assertThat(a.tags()).containsExactly("libraries", "floods");
  }

  @Test
  void extract_readsDublinCoreMeta() {
    Article a =
        page(
            """
            <meta name="DC.title" content="Harvest festival draws record crowd">
            <meta name="DC.creator" content="Lena Fischer">
            <meta name="DC.date.issued" content="2021-09-18">
            <meta name="DC.language" content="de">
            """);
    assertThat(a.title()).isEqualTo("Harvest festival draws record crowd");
    assertThat(a.bylines()).containsExactly("Lena Fischer");
    assertThat(a.published()).isEqualTo(Instant.parse("2021-09-18T00:00:00Z"));
    assertThat(a.language()).isEqualTo("de");
  }

  @Test
  void extract_takesPeopleFromJsonLdAuthorsAndSkipsOrganisations() {
    Article a =
        page(
            """
            <script type="application/ld+json">
            [{"@type": "Organization", "name": "Valley News"},
             {"@type": ["NewsArticle"], "headline": "Council approves budget",
              "author": [{"@type": "Person", "name": "Sam Keller"}, "Ruth Adeyemi",
                         {"@type": "Organization", "name": "Valley News Desk"}],
              "datePublished": "2020-02-29T23:30:00Z"}]
            </script>
            """);
    assertThat(a.title()).isEqualTo("Council approves budget");
    assertThat(a.bylines()).containsExactly("Sam Keller", "Ruth Adeyemi");
    assertThat(a.published()).isEqualTo(Instant.parse("2020-02-29T23:30:00Z"));
  }

  @Test
  void extract_fallsBackToVisibleBylineWhenStructuredAuthorIsAnOrganisation() {
    Article a =
        page(
            """
            <script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Storm closes schools",
             "author": {"@type": "Organization", "name": "Reuters"}}
            </script>
            """,
            "<article><h1>Storm closes schools</h1><div class=\"byline\">By JOHN MBEKI,"
                + " Staff Writer</div><p>"
                + HtmlFixtures.prose(2)
                + "</p><p>"
                + HtmlFixtures.prose(3)
                + "</p></article>",
            "https://news.example/storm");
    assertThat(a.bylines()).containsExactly("John Mbeki");
    assertThat(a.text()).doesNotContain("JOHN MBEKI");
  }

  @Test
  void extract_skipsBrokenJsonLdAndUsesTheMetaTags() {
    Article a =
        page(
            """
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            <meta property="og:title" content="Ferry strike called off">
            """);
    assertThat(a.title()).isEqualTo("Ferry strike called off");
  }

  @Test
  void extract_prefersStructuredDatesOverUrlAndBodyDates() {
    Article a =
        page(
            """
            <script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "H", "datePublished": "2019-05-04T10:00:00Z"}
            </script>
            """,
            "<article><time datetime=\"2011-01-01\">1 Jan 2011</time><p>"
                + HtmlFixtures.prose(4)
                + "</p></article>",
            "https://news.example/2010/03/03/story");
    assertThat(a.published()).isEqualTo(Instant.parse("2019-05-04T10:00:00Z"));
  }

  @Test
  void extract_usesTimeElementThenUrlDateWhenNothingIsDeclared() {
    Article withTime =
        page(
            "",
            "<article><time datetime=\"2018-07-07T12:00:00+02:00\" pubdate>7 July</time><p>"
                + HtmlFixtures.prose(5)
                + "</p></article>",
            "https://news.example/2010/03/03/story");
    assertThat(withTime.published()).isEqualTo(Instant.parse("2018-07-07T10:00:00Z"));
    Article fromUrl = page("", BODY, "https://news.example/2010/03/03/story");
    assertThat(fromUrl.published()).isEqualTo(Instant.parse("2010-03-03T00:00:00Z"));
  }

  @Test
  void extract_cleansSiteNameFromDocumentTitle() {
    assertThat(page("<title>Parking fees to rise in March | Valley News</title>").title())
        .isEqualTo("Parking fees to rise in March");
    assertThat(
            page("<title>Valley News - Parking fees to rise in March</title>"
                    + "<meta property=\"og:site_name\" content=\"Valley News\">")
                .title())
        .isEqualTo("Parking fees to rise in March");
  }

  @Test
  void extract_makesCanonicalUrlAbsolute() {
    Article a = page("<link rel=\"canonical\" href=\"/story?id=7\">");
    assertThat(a.canonicalUrl()).isEqualTo("https://news.example/story?id=7");
  }

  @Test
  void extract_readsLanguageFromHtmlLang() {
    Article a =
        Extractor.fromHtml(
            "<html lang=\"fr-FR\"><body>" + BODY + "</body></html>",
            URI.create("https://news.example/"));
    assertThat(a.language()).isEqualTo("fr-FR");
  }
}
