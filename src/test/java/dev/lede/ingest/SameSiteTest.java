package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SameSiteTest {
  @Test
  void sameSite_byRegistrableDomain() {
    URI news = URI.create("https://news.bbc.co.uk/1/hi/world/123.stm");
    assertThat(SameSite.sameSite("https://www.bbc.co.uk/news/world-123", news)).isTrue();
    assertThat(SameSite.sameSite("http://BBC.co.uk/x", news)).isTrue();
    assertThat(SameSite.sameSite("https://www.itv.co.uk/news/world-123", news)).isFalse();
    assertThat(SameSite.sameSite("https://co.uk/x", news)).isFalse();
    URI alice = URI.create("https://alice.github.io/post");
    assertThat(SameSite.sameSite("https://bob.github.io/post", alice)).isFalse(); // private suffix
    URI ip = URI.create("http://127.0.0.1:8080/a");
    assertThat(SameSite.sameSite("http://127.0.0.1:9090/b", ip)).isTrue();
    assertThat(SameSite.sameSite("http://localhost:8080/b", ip)).isFalse();
    assertThat(SameSite.sameSite("javascript:alert(1)", ip)).isFalse();
    assertThat(SameSite.sameSite("http://exa mple.com/", ip)).isFalse();
  }
}
