package dev.lede.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The page we wrote in the seed's shape: the shape is there, and none of the seed's text. */
class SeedShapedPageTest {
  private static List<String> lines() {
    return new String(DemoCorpus.seedShapedPage(), StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void page_hasTheSeedsParts() throws IOException {
    List<String> lines = lines();
    assertThat(lines.get(0)).isNotBlank().doesNotEndWith(".");
    assertThat(lines.get(1)).isEqualTo("Share and Follow");
    assertThat(lines.stream().filter("Share and Follow"::equals)).hasSize(2);
    assertThat(lines).contains("Northwind Press contributed to this report.");
    // an alt line followed by a caption that ends with a credit in parentheses
    int caption = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches(".+\\. \\([A-Z][^()]+/[^()]+\\)$")) {
        caption = i;
      }
    }
    assertThat(caption).isGreaterThan(2);
    assertThat(lines.get(caption - 2)).isNotBlank().doesNotEndWith(".");
    int more = lines.indexOf("You May Also Like");
    assertThat(more).isGreaterThan(caption);
    assertThat(lines.get(more - 1)).isEqualTo("Share and Follow");
  }

  @Test
  void youMayAlsoLike_hasEightTeasersWithHeadlineAlternativeAndExcerpt() throws IOException {
    List<String> lines = lines();
    List<String> block = lines.subList(lines.indexOf("You May Also Like") + 1, lines.size());
    List<String> nonBlank = block.stream().filter(l -> !l.isBlank()).toList();
    assertThat(nonBlank).hasSize(24);
    for (int t = 0; t < 8; t++) {
      String headline = nonBlank.get(3 * t);
      String alternative = nonBlank.get(3 * t + 1);
      String excerpt = nonBlank.get(3 * t + 2);
      assertThat(headline).doesNotEndWith("…");
      assertThat(alternative).isNotEqualTo(headline).doesNotEndWith("…");
      assertThat(excerpt).endsWith("…");
    }
  }

  @Test
  void page_sharesNoTextWithTheSeed() throws IOException {
    Set<String> seed = new HashSet<>();
    for (String l :
        Files.readAllLines(SharedData.require("seed/article-page.txt"), StandardCharsets.UTF_8)) {
      for (String s : l.split("(?<=[.!?…])\\s+")) {
        if (s.length() > 25) {
          seed.add(s.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    for (String l : lines()) {
      for (String s : l.split("(?<=[.!?…])\\s+")) {
        assertThat(seed).doesNotContain(s.strip().toLowerCase(Locale.ROOT));
      }
    }
  }
}
