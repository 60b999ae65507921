package dev.lede.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class UrlsTest {

  @Test
  void normalize_lowercasesSchemeAndHost_dropsDefaultPortAndFragment() {
    assertThat(Urls.normalize("HTTPS://News.Example.COM:443/World/Story?id=7#comments"))
        .isEqualTo("https://news.example.com/World/Story?id=7");
    assertThat(Urls.normalize("http://example.com:80")).isEqualTo("http://example.com/");
    assertThat(Urls.normalize("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
  }

  @Test
  void normalize_dropsTrackingParameters_keepsOthersInOrder() {
    assertThat(
            Urls.normalize(
                "https://example.com/a?utm_source=tw&b=2&fbclid=XYZ&a=1&gclid=1&UTM_Medium=x"))
        .isEqualTo("https://example.com/a?b=2&a=1");
    assertThat(Urls.normalize("https://example.com/a?utm_source=tw"))
        .isEqualTo("https://example.com/a");
    assertThat(Urls.normalize("https://example.com/a?")).isEqualTo("https://example.com/a");
  }

  @Test
  void normalize_removesDotSegments_andNormalisesEscapes() {
    assertThat(Urls.normalize("https://example.com/a/./b/../c"))
        .isEqualTo("https://example.com/a/c");
    assertThat(Urls.normalize("https://example.com/%7euser/%2f%c3%a9"))
        .isEqualTo("https://example.com/~user/%2F%C3%A9");
  }

  @Test
  void normalize_idnHostBecomesPunycode() {
    assertThat(Urls.normalize("https://bücher.example/x"))
        .isEqualTo("https://xn--bcher-kva.example/x");
  }

  @Test
  void normalize_rejectsNonHttp() {
    assertThatThrownBy(() -> Urls.normalize("ftp://example.com/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Urls.normalize("javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Urls.normalize("/relative/path"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Urls.isHttpUrl("mailto:a@b.c")).isFalse();
  }

  @Test
  void normalize_isIdempotent_onRandomUrls() {
    long seed = System.nanoTime();
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    String alphabet = "abcXYZ019-._~%/?&=#:;@!$'()*+,";
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder("https://Host").append(i).append(".example/");
      int len = rnd.nextInt(30);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String url = sb.toString();
      if (!Urls.isHttpUrl(url)) {
        continue;
      }
      String once = Urls.normalize(url);
      assertThat(Urls.normalize(once)).as("seed %d, url %s", seed, url).isEqualTo(once);
    }
  }
}
