package dev.lede.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitorsTest {
  static Visitors visitors(String base, boolean cookie) {
    return new Visitors(
        new SiteConfig(base, false, "T", null, ZoneId.of("UTC"), List.of(), List.of(), cookie));
  }

  @Test
  void bucket_isStablePerId_inRange_andSpreadsIdsOverEveryBucket() {
    int[] counts = new int[SiteServices.HEADLINE_BUCKETS];
    for (int i = 0; i < 4000; i++) {
      String id = Visitors.newId();
      int b = Visitors.bucket(id);
      assertThat(Visitors.bucket(id)).isEqualTo(b);
      counts[b]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(850, 1150); // 1000 expected each
    }
  }

  @Test
  void valid_acceptsOnlyOurIds() {
    String id = Visitors.newId();
    assertThat(id).hasSize(22);
    assertThat(Visitors.valid(id)).isEqualTo(id);
    assertThat(Visitors.valid(null)).isNull();
    assertThat(Visitors.valid("short")).isNull();
    assertThat(Visitors.valid("abcdefghijklmnop;q=1")).isNull();
    assertThat(Visitors.valid("a".repeat(44))).isNull();
  }

  @Test
  void choose_setsACookieOnlyForATestedPage_andNeverWhenSwitchedOff() {
    Visitors on = visitors("https://news.example", true);
    Visitors.Choice untested = on.choose(false, null);
    assertThat(untested.setCookie()).isNull();
    assertThat(untested.bucket()).isZero();
    assertThat(untested.visitor()).isNull();

    Visitors.Choice fresh = on.choose(true, null);
    assertThat(fresh.visitor()).isNotNull();
    assertThat(fresh.bucket()).isEqualTo(Visitors.bucket(fresh.visitor()));
    assertThat(fresh.setCookie())
        .isEqualTo(
            "lede_v="
                + fresh.visitor()
                + "; Path=/; Max-Age=15552000; HttpOnly; SameSite=Lax; Secure");

    String known = Visitors.newId();
    Visitors.Choice again = on.choose(true, known);
    assertThat(again.setCookie()).isNull();
    assertThat(again).isEqualTo(new Visitors.Choice(known, Visitors.bucket(known), null));
    // An untested page still passes a known visitor on (for counting), in bucket 0.
    assertThat(on.choose(false, known)).isEqualTo(new Visitors.Choice(known, 0, null));

    Visitors off = visitors("http://127.0.0.1:8080", false);
    boolean[] seen = new boolean[SiteServices.HEADLINE_BUCKETS];
    for (int i = 0; i < 200; i++) {
      Visitors.Choice c = off.choose(true, known);
      assertThat(c.setCookie()).isNull();
      assertThat(c.visitor()).isNull();
      seen[c.bucket()] = true;
    }
    assertThat(seen).containsOnly(true);
    assertThat(visitors("http://x.example", true).setCookie("abc")).doesNotContain("Secure");
  }

  @Test
  void acceptsGzip_honoursQualityZero() {
    assertThat(ArticleRoute.acceptsGzip(null)).isFalse();
    assertThat(ArticleRoute.acceptsGzip("gzip, deflate, br")).isTrue();
    assertThat(ArticleRoute.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
    assertThat(ArticleRoute.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(ArticleRoute.acceptsGzip("deflate, br")).isFalse();
  }
}
