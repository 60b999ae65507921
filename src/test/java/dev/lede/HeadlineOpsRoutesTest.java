package dev.lede;

import static dev.lede.testing.TestArticles.withId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.headline.HeadlineService;
import dev.lede.headline.HeadlineTest;
import dev.lede.headline.sqlite.SqliteHeadlineStore;
import dev.lede.model.TeaserEvent;
import dev.lede.web.Site;
import dev.lede.web.SiteConfig;
import dev.lede.web.SiteServices;
import dev.lede.web.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' page of headline tests and the visitor cookie, over a real data folder whose
 * headline tests live in {@code headlines.db}.
 */
class HeadlineOpsRoutesTest {
  static final String TOKEN = "operator-token-for-tests-0123456789";
  static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path tmp;
  Lede lede;
  LedeSite services;
  Site site;
  String variant;

  @BeforeEach
  void start() {
    lede =
        Lede.open(
            tmp.resolve("data"),
            Lede.Options.defaults().withFsyncEachCommit(false).withCommand("test"));
    lede.submit(
        withId(
            "fire",
            "Fire kills nine in Chittagong slum",
            "A fire killed nine people in a slum in Chittagong, Bangladesh, officials said."),
        null);
    lede.submit(withId("other", "Harbour reopens", "The harbour reopened on Monday."), null);
    lede.refresh();
    services = LedeSite.over(lede, InstantSource.system());
    HeadlineService h = services.headlines();
    variant = h.addVariant("fire", "Nine killed in Chittagong slum fire", "editor").variant().id();
    Instant now = Instant.now();
    for (int i = 0; i < 30; i++) {
      String visitor = "visitor-" + i;
      String v = i % 2 == 0 ? HeadlineTest.ORIGINAL : variant;
      h.record(
          new TeaserEvent(TeaserEvent.Type.IMPRESSION, "fire", "other", 0, v, visitor, now), UA);
      if (i % 10 == 1) { // i = 1, 11, 21: the variant's visitors only
        h.record(new TeaserEvent(TeaserEvent.Type.CLICK, "fire", "other", 0, v, visitor, now), UA);
      }
    }
    site =
        Site.start(
            services,
            new SiteConfig(
                "http://127.0.0.1",
                false,
                "Test Times",
                null,
                ZoneId.of("UTC"),
                List.of(),
                List.of(Tokens.hash(TOKEN)),
                true),
            "127.0.0.1",
            0);
  }

  @AfterEach
  void stop() {
    if (site != null) {
      site.close();
    }
    if (services != null) {
      services.close();
    }
    if (lede != null) {
      lede.close();
    }
  }

  HttpResponse<String> send(String method, String path, String cookie, String form)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
            .header("User-Agent", UA);
    if (!cookie.isEmpty()) {
      b.header("Cookie", cookie);
    }
    if (method.equals("POST")) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String signIn() throws Exception {
    HttpResponse<String> r = send("POST", "/ops/login", "", "token=" + TOKEN);
    assertThat(r.statusCode()).isEqualTo(303);
    String c = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(c).startsWith("lede_ops=");
    return c.substring(0, c.indexOf(';'));
  }

  @Test
  void editorsPage_needsTheOperatorSession() throws Exception {
    HttpResponse<String> r = send("GET", "/ops/headlines", "", "");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/ops?msg=");
    assertThat(r.body()).doesNotContain("Chittagong");
    HttpResponse<String> p = send("POST", "/ops/headlines/fire/promote", "", "variant=" + variant);
    assertThat(p.statusCode()).isEqualTo(401);
    assertThat(services.headlines().report().get(0).status())
        .isEqualTo(HeadlineTest.Status.RUNNING);
  }

  @Test
  void editorsPage_showsEachTestWithChartAndFigures_andPromotes() throws Exception {
    String session = signIn();
    HttpResponse<String> r = send("GET", "/ops/headlines", session, "");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    Document d = Jsoup.parse(r.body());
    assertThat(d.select("h2").text()).contains("fire").contains("RUNNING");
    assertThat(d.select("figure svg")).hasSize(1);
    assertThat(d.select("figure svg").attr("aria-label")).contains("fire");
    var rows = d.select("table tbody tr");
    assertThat(rows).hasSize(2);
    // each arm 15 impressions (even visitors saw the original); 3 clicks on the variant, none on
    // the original
    assertThat(rows.get(0).select("td").get(0).text()).isEqualTo("original");
    assertThat(rows.get(0).select("td").get(2).text()).isEqualTo("15");
    assertThat(rows.get(0).select("td").get(3).text()).isEqualTo("0");
    assertThat(rows.get(1).select("td").get(0).text()).startsWith(variant);
    assertThat(rows.get(1).select("td").get(1).text())
        .isEqualTo("Nine killed in Chittagong slum fire");
    assertThat(rows.get(1).select("td").get(2).text()).isEqualTo("15");
    assertThat(rows.get(1).select("td").get(3).text()).isEqualTo("3");
    assertThat(rows.get(1).select("td").get(4).text()).isEqualTo("20.00%");
    assertThat(rows.get(1).select("td").get(5).text()).matches("\\d+\\.\\d\\d–\\d+\\.\\d\\d%");
    assertThat(Double.parseDouble(rows.get(1).select("td").get(6).text())).isBetween(0.9, 1.0);
    assertThat(d.select("form[action=/ops/headlines/fire/promote]")).hasSize(2);

    HttpResponse<String> p =
        send(
            "POST",
            "/ops/headlines/fire/promote",
            session,
            "variant=" + variant + "&canonical=true");
    assertThat(p.statusCode()).isEqualTo(303);
    assertThat(p.headers().firstValue("Location").orElseThrow()).startsWith("/ops/headlines?msg=");
    assertThat(services.headlines().canonicalHeadline("fire"))
        .isEqualTo("Nine killed in Chittagong slum fire");
    Document after = Jsoup.parse(send("GET", "/ops/headlines", session, "").body());
    assertThat(after.select("h2").text()).contains("PROMOTED").contains("winner " + variant);

    // the promotion is in the data folder's headline store
    services.close();
    try (SqliteHeadlineStore store = SqliteHeadlineStore.open(tmp.resolve("data"))) {
      HeadlineTest t = store.test("fire").orElseThrow();
      assertThat(t.status()).isEqualTo(HeadlineTest.Status.PROMOTED);
      assertThat(t.winner()).isEqualTo(variant);
      assertThat(t.canonical()).isTrue();
      assertThat(store.counts("fire").get(variant).impressions()).isEqualTo(15);
    }
    services = null;
  }

  @Test
  void aTeaserOnlyPromotion_changesTeasers_notFeedsSitemapsOrThePage() throws Exception {
    String session = signIn();
    HttpResponse<String> p =
        send("POST", "/ops/headlines/fire/promote", session, "variant=" + variant);
    assertThat(p.statusCode()).isEqualTo(303);
    assertThat(services.headlines().teaserHeadline("fire"))
        .isEqualTo("Nine killed in Chittagong slum fire");

    // teasers (a list page) show the promoted variant
    Document latest = Jsoup.parse(send("GET", "/latest", "", "").body());
    assertThat(latest.select("li.teaser h3").eachText())
        .contains("Nine killed in Chittagong slum fire")
        .doesNotContain("Fire kills nine in Chittagong slum");
    // the page, the feeds and the news sitemap keep the original
    Document page = Jsoup.parse(send("GET", "/a/fire", "", "").body());
    assertThat(page.select("h1").text()).isEqualTo("Fire kills nine in Chittagong slum");
    for (String feed : List.of("/feed.rss", "/feed.atom", "/feed.json", "/sitemap-news.xml")) {
      String body = send("GET", feed, "", "").body();
      assertThat(body).as(feed).contains("Fire kills nine in Chittagong slum");
      assertThat(body).as(feed).doesNotContain("Nine killed in Chittagong slum fire");
    }
  }

  @Test
  void eventsNamingNoStoredArticle_areNotCounted() {
    long clicks = services.counted(TeaserEvent.Type.CLICK);
    Instant now = Instant.now();
    services.recordEvents(
        List.of(
            new SiteServices.ObservedEvent(
                new TeaserEvent(
                    TeaserEvent.Type.CLICK, "no-such-article", "other", 0, null, null, now),
                UA)));
    assertThat(services.counted(TeaserEvent.Type.CLICK)).isEqualTo(clicks);
    services.recordEvents(
        List.of(
            new SiteServices.ObservedEvent(
                new TeaserEvent(TeaserEvent.Type.CLICK, "other", "fire", 0, null, null, now), UA)));
    assertThat(services.counted(TeaserEvent.Type.CLICK)).isEqualTo(clicks + 1);
  }

  @Test
  void unknownVariant_isReportedNotPromoted() throws Exception {
    String session = signIn();
    HttpResponse<String> p = send("POST", "/ops/headlines/fire/promote", session, "variant=nope");
    assertThat(p.statusCode()).isEqualTo(303);
    assertThat(p.headers().firstValue("Location").orElseThrow()).contains("No%20variant");
    assertThat(services.headlines().report().get(0).status())
        .isEqualTo(HeadlineTest.Status.RUNNING);
  }

  @Test
  void visitorCookie_isSetOnlyWhileATestRuns() throws Exception {
    HttpResponse<String> r = send("GET", "/r/fire?from=other&slot=0", "", "");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("lede_v="));

    assertThat(services.stopHeadlineTest("fire")).isTrue();
    HttpResponse<String> off = send("GET", "/r/fire?from=other&slot=0", "", "");
    assertThat(off.statusCode()).isEqualTo(302);
    assertThat(off.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lede_v="));
  }
}
