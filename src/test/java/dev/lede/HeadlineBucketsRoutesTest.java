package dev.lede;

import static dev.lede.testing.TestArticles.withId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.web.Site;
import dev.lede.web.SiteConfig;
import dev.lede.web.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headline tests on the site: visitor buckets (a visitor keeps their variant, pages are cached per
 * (page, bucket)), the cookie only while a test runs and never when switched off, the canonical
 * headline kept in the title, JSON-LD and feeds, the editors' API for variants while the site holds
 * the data folder, and changes showing within a second.
 */
class HeadlineBucketsRoutesTest {
  static final String OPERATOR = "operator-token-for-tests-0123456789";
  static final String API = "api-token-for-tests-0123456789abcdef";
  static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";

  /** Crawlers' requests are not counted, so the bandit's shares stay put while a test reads. */
  static final String BOT =
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  static final String ORIGINAL = "Fire kills nine in Chittagong slum";
  static final String VARIANT = "Nine killed in Chittagong slum fire";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path tmp;
  Lede lede;
  LedeSite services;
  Site site;
  Site cookieOff;
  Site readOnly;

  @BeforeEach
  void start() {
    lede =
        Lede.open(
            tmp.resolve("data"),
            Lede.Options.defaults().withFsyncEachCommit(false).withCommand("test"));
    lede.submit(
        withId(
            "fire",
            ORIGINAL,
            "A fire killed nine people in a slum in Chittagong, Bangladesh, officials said on"
                + " Sunday.\n\nFirefighters needed three hours to put the fire out."),
        null);
    lede.submit(
        withId(
            "other",
            "Harbour reopens after storm",
            "The harbour reopened on Monday after the storm.\n\nShips queued outside."),
        null);
    lede.refresh();
    services = LedeSite.over(lede, InstantSource.system());
    site = start(true, List.of(Tokens.hash(OPERATOR)));
    cookieOff = start(false, List.of(Tokens.hash(OPERATOR)));
    readOnly = start(true, List.of());
  }

  Site start(boolean cookie, List<String> operatorTokens) {
    return Site.start(
        services,
        new SiteConfig(
            "http://127.0.0.1",
            false,
            "Test Times",
            null,
            ZoneId.of("UTC"),
            List.of(Tokens.hash(API)),
            operatorTokens,
            cookie),
        "127.0.0.1",
        0);
  }

  @AfterEach
  void stop() {
    for (Site s : new Site[] {site, cookieOff, readOnly}) {
      if (s != null) {
        s.close();
      }
    }
    if (services != null) {
      services.close();
    }
    if (lede != null) {
      lede.close();
    }
  }

  static HttpResponse<String> send(
      Site s, String method, String path, String cookie, String ua, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .header("User-Agent", ua);
    if (!cookie.isEmpty()) {
      b.header("Cookie", cookie);
    }
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> page(Site s, String path, String cookie, String ua) throws Exception {
    HttpResponse<String> r = send(s, "GET", path, cookie, ua, "", null);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r;
  }

  /** The "fire" teaser on a page: its headline and variant ("" for the original). */
  static String[] fireTeaser(HttpResponse<String> r) {
    Document d = Jsoup.parse(r.body());
    Element a = d.selectFirst("a[data-article=fire]");
    assertThat(a).as("the fire teaser on the page").isNotNull();
    return new String[] {a.text(), a.attr("data-variant")};
  }

  static List<String> visitorIds(int n) {
    SplittableRandom rng = new SplittableRandom(7);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[16];
      rng.nextBytes(b);
      out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }
    return out;
  }

  String addVariant() {
    return services.headlines().addVariant("fire", VARIANT, "editor").variant().id();
  }

  @Test
  void aVisitorKeepsTheirVariant_andPagesAreCachedPerBucket() throws Exception {
    String variant = addVariant();
    // A newcomer gets a cookie, and the page says it varies by cookie.
    HttpResponse<String> first = page(site, "/a/other", "", BOT);
    String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith("lede_v=")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/");
    assertThat(first.headers().firstValue("Vary").orElse("")).contains("Cookie");

    List<String> ids = visitorIds(40);
    Map<String, String> variantOf = new HashMap<>();
    Map<String, Set<String>> variantsByEtag = new HashMap<>();
    for (String id : ids) {
      HttpResponse<String> r = page(site, "/a/other", "lede_v=" + id, BOT);
      assertThat(r.headers().firstValue("Set-Cookie")).as("a known visitor").isEmpty();
      String[] t = fireTeaser(r);
      assertThat(t[0]).isEqualTo(t[1].isEmpty() ? ORIGINAL : VARIANT);
      variantOf.put(id, t[1]);
      variantsByEtag
          .computeIfAbsent(r.headers().firstValue("ETag").orElseThrow(), k -> new HashSet<>())
          .add(t[1]);
    }
    // Both arms are shown, each cached page version shows one variant, at most four versions.
    assertThat(new HashSet<>(variantOf.values())).containsExactlyInAnyOrder("", variant);
    assertThat(variantsByEtag).hasSizeBetween(2, 4);
    assertThat(variantsByEtag.values()).allSatisfy(v -> assertThat(v).hasSize(1));

    // The same visitor sees the same variant on later requests, also after the cache expired.
    Thread.sleep(1100);
    for (String id : ids) {
      for (int i = 0; i < 2; i++) {
        assertThat(fireTeaser(page(site, "/a/other", "lede_v=" + id, BOT))[1])
            .as("visitor " + id)
            .isEqualTo(variantOf.get(id));
      }
    }
  }

  @Test
  void noTestRunning_setsNoCookie_andServesOnePageToEveryone() throws Exception {
    Set<String> etags = new HashSet<>();
    for (String id : visitorIds(10)) {
      HttpResponse<String> r = page(site, "/a/other", "lede_v=" + id, UA);
      assertThat(fireTeaser(r)).containsExactly(ORIGINAL, "");
      etags.add(r.headers().firstValue("ETag").orElseThrow());
    }
    HttpResponse<String> anonymous = page(site, "/a/other", "", UA);
    assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(anonymous.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    etags.add(anonymous.headers().firstValue("ETag").orElseThrow());
    assertThat(etags).hasSize(1);
  }

  @Test
  void cookieSwitchedOff_setsNone_andDrawsTheBucketPerRequest() throws Exception {
    addVariant();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      HttpResponse<String> r = page(cookieOff, "/a/other", "", BOT);
      assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
      seen.add(fireTeaser(r)[0]);
    }
    assertThat(seen).containsExactlyInAnyOrder(ORIGINAL, VARIANT);
    // A click carries no visitor cookie either.
    HttpResponse<String> click =
        send(cookieOff, "GET", "/r/fire?from=other&slot=0", "", UA, "", null);
    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void titleJsonLdAndFeeds_keepTheOriginalHeadlineDuringATest() throws Exception {
    addVariant();
    for (String id : visitorIds(8)) {
      Document d = Jsoup.parse(page(site, "/a/fire", "lede_v=" + id, BOT).body());
      assertThat(d.title()).contains(ORIGINAL);
      assertThat(d.selectFirst("h1").text()).isEqualTo(ORIGINAL);
      JsonNode ld = JSON.readTree(d.selectFirst("script[type=application/ld+json]").data());
      assertThat(ld.path("headline").asText()).isEqualTo(ORIGINAL);
      assertThat(d.select("meta[property=og:title]").attr("content")).isEqualTo(ORIGINAL);
    }
    for (String feed : List.of("/feed.rss", "/feed.atom", "/feed.json")) {
      String body = page(site, feed, "", UA).body();
      assertThat(body).as(feed).contains(ORIGINAL).doesNotContain(VARIANT);
    }
  }

  @Test
  void editorsAddAndRemoveVariantsThroughTheApi_andTheChangeShowsWithinASecond() throws Exception {
    String path = "/api/articles/fire/headlines";
    String body = "{\"text\":\"" + VARIANT + "\"}";
    // Token checks: none or a wrong one is refused; without operator tokens editing is off.
    assertThat(send(site, "GET", path, "", UA, "", null).statusCode()).isEqualTo(401);
    assertThat(send(site, "POST", path, "", UA, "wrong", body).statusCode()).isEqualTo(401);
    assertThat(send(site, "POST", path, "", UA, API, body).statusCode())
        .as("the API write token is not an operator token")
        .isEqualTo(401);
    assertThat(send(readOnly, "POST", path, "", UA, OPERATOR, body).statusCode()).isEqualTo(403);
    assertThat(
            send(site, "GET", "/api/articles/nope/headlines", "", UA, OPERATOR, null).statusCode())
        .isEqualTo(404);

    // Every visitor's page is cached without a test first.
    List<String> ids = visitorIds(16);
    for (String id : ids) {
      assertThat(fireTeaser(page(site, "/a/other", "lede_v=" + id, BOT))[1]).isEmpty();
    }

    // The guard rejects an unfaithful variant (a changed number), with its reasons.
    HttpResponse<String> bad =
        send(
            site,
            "POST",
            path,
            "",
            UA,
            OPERATOR,
            "{\"text\":\"Fire kills 90 in Chittagong slum\"}");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
    JsonNode badJson = JSON.readTree(bad.body());
    assertThat(badJson.path("accepted").asBoolean(true)).isFalse();
    assertThat(badJson.path("reasons")).isNotEmpty();

    HttpResponse<String> added = send(site, "POST", path, "", UA, OPERATOR, body);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode addedJson = JSON.readTree(added.body());
    assertThat(addedJson.path("accepted").asBoolean()).isTrue();
    String variant = addedJson.path("variant").path("id").asText();
    assertThat(variant).isNotEmpty();
    assertThat(addedJson.path("variant").path("text").asText()).isEqualTo(VARIANT);
    assertThat(send(site, "POST", path, "", UA, OPERATOR, body).statusCode())
        .as("the same text again")
        .isEqualTo(200);
    JsonNode listed = JSON.readTree(send(site, "GET", path, "", UA, OPERATOR, null).body());
    assertThat(listed.path("variants")).hasSize(1);
    assertThat(listed.path("variants").get(0).path("id").asText()).isEqualTo(variant);

    // Within a second every cached page has been re-rendered with the test on.
    Thread.sleep(1050);
    Set<String> shown = new HashSet<>();
    for (String id : ids) {
      shown.add(fireTeaser(page(site, "/a/other", "lede_v=" + id, BOT))[1]);
    }
    assertThat(shown).contains(variant);

    assertThat(send(site, "DELETE", path + "/nope", "", UA, OPERATOR, null).statusCode())
        .isEqualTo(404);
    assertThat(send(site, "DELETE", path + "/" + variant, "", UA, "", null).statusCode())
        .isEqualTo(401);
    assertThat(send(site, "DELETE", path + "/" + variant, "", UA, OPERATOR, null).statusCode())
        .isEqualTo(204);
    Thread.sleep(1050);
    for (String id : ids) {
      HttpResponse<String> r = page(site, "/a/other", "lede_v=" + id, BOT);
      assertThat(fireTeaser(r)).containsExactly(ORIGINAL, "");
    }
    assertThat(page(site, "/a/other", "", BOT).headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void aNewRelatedItemShowsWithinASecond() throws Exception {
    assertThat(page(site, "/a/fire", "", UA).body()).doesNotContain("data-article=\"fire-toll\"");
    String article =
        "{\"id\":\"fire-toll\",\"title\":\"Chittagong slum fire toll rises to twelve\","
            + "\"text\":\"The toll of the fire in a Chittagong slum rose to twelve, officials said"
            + " on Monday.\\n\\nThree of the injured died in hospital.\","
            + "\"published\":\"2024-05-06T10:00:00Z\",\"section\":\"World\"}";
    HttpResponse<String> created = send(site, "POST", "/api/articles", "", UA, API, article);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Thread.sleep(1050);
    Document d = Jsoup.parse(page(site, "/a/fire", "", UA).body());
    assertThat(d.select("a[data-article=fire-toll]")).isNotEmpty();
  }
}
