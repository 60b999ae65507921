package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Article text is untrusted: a 100 kB paragraph built to make a scan retry from every character
 * (one capitalised run without spaces, a list of names, an endless "and N others" list, commas
 * without words) must be checked in about the time of any long article. The bound is loose (a
 * linear guard takes tens of milliseconds here; a quadratic scan over such a paragraph takes
 * minutes), so the test fails on a super-linear scan, not on a slow machine.
 */
class GuardHostileTextTest {
  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A", // one 100 kB capitalised word
        "Aa ", // capitalised words
        "Bo and 1 others, ", // a list that never ends
        "Ann Lee, a chief of the city, ", // appositions without end
        ", ", // commas without words
        "said 12 people said \"", // speech and quotes without end
        "3 and 4 and ", // counts joined without end
      })
  void aHugeHostileParagraph_isCheckedInBoundedTime(String unit) {
    String body = unit.repeat(100_000 / unit.length());
    Article a =
        Article.builder()
            .id("hostile")
            .title("Storm hits the coast")
            .blocks(List.of(new Block.Paragraph(body), new Block.Paragraph("The storm hit.")))
            .build();

    FaithfulnessGuard.Verdict v =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> guard.check(a, "Storm kills 7 on the coast"));

    assertThat(v.accepted()).isFalse(); // 7 is nowhere in the article
  }
}
