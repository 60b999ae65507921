package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.io.FeedException;
import dev.lede.model.ArticleJson;
import dev.lede.model.FetchRecord;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile XML: external entities must never be resolved (no file read, no request), entity bombs
 * refused. The loopback server stands in for the attacker's DTD host and records any request.
 */
class XmlSecurityTest {
  private static final String SECRET = "TOP-SECRET-7f3a9c";
  private final TestServer server = TestServer.start();
  @TempDir Path tmp;

  @AfterEach
  void tearDown() {
    server.close();
  }

  private String xxeFileFeed() throws Exception {
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, SECRET, StandardCharsets.UTF_8);
    return TestServer.fixtureText("xxe-file.xml")
        .replace("@SECRET_URI@", secret.toUri().toString());
  }

  @Test
  void externalFileEntity_refusedAndNeverRead() throws Exception {
    byte[] feed = xxeFileFeed().getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new Feeds().parse(feed, null, URI.create("https://xxe.example/")))
        .isInstanceOf(BadContentException.class)
        .hasMessageContaining("internal subset")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  @Test
  void externalParameterEntity_refusedWithoutRequest() {
    byte[] feed = server.fixture("xxe-parameter.xml").getBytes(StandardCharsets.UTF_8);
    server.serve("/evil.dtd", "application/xml-dtd", "<!ENTITY leak \"x\">");
    assertThatThrownBy(() -> new Feeds().parse(feed, null, URI.create("https://xxe.example/")))
        .isInstanceOf(BadContentException.class);
    assertThat(server.requests).isEmpty();
  }

  @Test
  void externalDtdOnly_strippedNeverFetched_feedStillRead() throws Exception {
    byte[] feed = server.fixture("external-dtd.xml").getBytes(StandardCharsets.UTF_8);
    FeedParser.Feed f = new Feeds().parse(feed, null, URI.create("https://dtd.example/"));
    assertThat(f.items()).extracting(FeedParser.Item::title).containsExactly("Still readable");
    assertThat(server.requests).isEmpty();
  }

  @Test
  void romeItself_refusesDoctypes_evenWithoutOurPrecheck() throws Exception {
    String xxe = xxeFileFeed();
    assertThatThrownBy(() -> RomeFeedParser.romeInput().build(new StringReader(xxe)))
        .isInstanceOf(FeedException.class)
        .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(SECRET));
    String param = server.fixture("xxe-parameter.xml");
    assertThatThrownBy(() -> RomeFeedParser.romeInput().build(new StringReader(param)))
        .isInstanceOf(FeedException.class);
    assertThat(server.requests).isEmpty();
  }

  @Test
  void sitemapWithExternalEntity_refusedWithoutRequest() {
    String sitemap =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE urlset [<!ENTITY % r SYSTEM \""
            + server.base()
            + "/evil.dtd\"> %r;]>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://s.example/a</loc></url></urlset>";
    assertThatThrownBy(
            () ->
                SitemapReader.parse(
                    sitemap.getBytes(StandardCharsets.UTF_8),
                    "application/xml",
                    null,
                    URI.create("https://s.example/sitemap.xml")))
        .isInstanceOf(BadContentException.class);
    assertThat(server.requests).isEmpty();
  }

  @Test
  void doctypeWithBracketInQuotedSystemId_isStrippedNotRefused() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?><!-- c --><!DOCTYPE rss SYSTEM \"https://x.example/[v1]/rss.dtd\"><rss version=\"2.0\"/>";
    assertThat(XmlSafety.clean(xml)).isEqualTo("<!-- c --><rss version=\"2.0\"/>");
  }

  @Test
  void hostileFeedServedOverHttp_recordedAsFailed_secretNeverStored() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", xxeFileFeed());
    server.serve("/bomb.xml", "application/rss+xml", TestServer.fixtureText("billion-laughs.xml"));
    server.serve("/evil.xml", "application/rss+xml", server.fixture("xxe-parameter.xml"));
    try (TestKit kit = new TestKit();
        Ingest ingest = kit.ingest(TestKit.options().build())) {
      IngestReport r =
          ingest.ingest(
              List.of(
                  server.base() + "/feed.xml",
                  server.base() + "/bomb.xml",
                  server.base() + "/evil.xml"));
      assertThat(r.sourcesRead()).isZero();
      assertThat(r.failed()).isEqualTo(3);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(kit.sink.all()).isEmpty();
      assertThat(kit.sink.log)
          .filteredOn(x -> x.outcome() == FetchRecord.Outcome.FAILED)
          .extracting(FetchRecord::url)
          .contains(
              server.base() + "/feed.xml",
              server.base() + "/bomb.xml",
              server.base() + "/evil.xml");
      assertThat(kit.sink.log).allSatisfy(x -> assertThat(x.reason()).doesNotContain(SECRET));
      kit.sink.all().forEach(a -> assertThat(ArticleJson.toJson(a)).doesNotContain(SECRET));
      assertThat(server.requestsTo("/evil.dtd")).isEmpty();
    }
  }
}
