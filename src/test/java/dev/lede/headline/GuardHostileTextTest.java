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
        "\"Aa bb. ", // quotations opened and never closed
        "\"Aa,\" said Bo. \"Cc dd.\" ", // attributed quotations, each followed by an unattributed
        // one
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

  /**
   * A speaker's quotation that runs on: one 50 kB sentence naming the speaker, then thousands of
   * quoted sentences, checked with variants that give a quotation and a claim to a speaker (the
   * quotation and source checks look for the speaker's sentences among thousands).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bo Lee: 'cc dd ee' as storm kills 7",
        "Bo Lee says storm killed 7 on the coast",
        "Ann Roe: 'the storm hit' 7 towns",
      })
  void aLongRunOnQuotation_isCheckedInBoundedTime(String variant) {
    String speaker = "\"Aa,\" said Bo Lee, " + "a chief of the city ".repeat(2_500) + "on Friday.";
    String body = speaker + " \"Cc dd ee.\"".repeat(4_000);
    Article a =
        Article.builder()
            .id("hostile-voices")
            .title("Storm hits the coast")
            .blocks(List.of(new Block.Paragraph(body), new Block.Paragraph("The storm hit.")))
            .build();

    FaithfulnessGuard.Verdict v =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> guard.check(a, variant));

    assertThat(v.accepted()).isFalse(); // 7 is nowhere in the article
  }
}
