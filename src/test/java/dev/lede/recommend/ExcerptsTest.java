package dev.lede.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class ExcerptsTest {
  @Test
  void teaser_isTheDescription_elseTheFirstParagraphOfMoreThan40Characters() {
    dev.lede.model.Article dated =
        dev.lede.model.Article.builder()
            .title("Anime fans gather in Dallas")
            .blocks(
                java.util.List.of(
                    new dev.lede.model.Block.Paragraph("Friday, May 31, 2019"),
                    new dev.lede.model.Block.Paragraph(
                        "Many thousands of anime and manga fans descended on Dallas this weekend.")))
            .build();
    assertThat(Excerpts.teaser(dated))
        .isEqualTo("Many thousands of anime and manga fans descended on Dallas this weekend.");
    assertThat(Excerpts.teaser(dated.toBuilder().description("The publisher's summary.").build()))
        .isEqualTo("The publisher's summary.");
    dev.lede.model.Article shortOnly =
        dated.toBuilder()
            .blocks(java.util.List.of(new dev.lede.model.Block.Paragraph("Short item only.")))
            .build();
    assertThat(Excerpts.teaser(shortOnly)).isEqualTo("Short item only.");
    assertThat(Excerpts.teaser(shortOnly.toBuilder().blocks(java.util.List.of()).build()))
        .isEmpty();
  }

  private static final String LEAD =
      "Roughly 600 North Korean troops have been killed fighting alongside Russia against Ukraine,"
          + " South Korean lawmakers said on Wednesday, citing the country's intelligence agency.";

  @Test
  void excerpt_shortTextIsKeptWhole() {
    assertThat(Excerpts.excerpt("A short lead.")).isEqualTo("A short lead.");
  }

  @Test
  void excerpt_cutsAtWordBoundaryWithEllipsis() {
    String e = Excerpts.excerpt(LEAD, 100);
    assertThat(e).endsWith("…");
    String body = e.substring(0, e.length() - 1);
    assertThat(LEAD).startsWith(body);
    // the character after the cut in the original is a space or punctuation: no word was split
    char next = LEAD.charAt(body.length());
    assertThat(Character.isLetterOrDigit(next)).isFalse();
    assertThat(body.length()).isLessThanOrEqualTo(100);
    assertThat(body).doesNotEndWith(",").doesNotEndWith(" ");
  }

  @Test
  void excerpt_prefersSentenceEndNearTheTarget() {
    String text =
        "The council voted to close the bridge for repairs after engineers found cracks in two"
            + " supports. Work is expected to take six months, officials said on Tuesday evening.";
    String e = Excerpts.excerpt(text, 140);
    assertThat(e)
        .isEqualTo(
            "The council voted to close the bridge for repairs after engineers found cracks in two"
                + " supports.");
  }

  @Test
  void excerpt_doesNotEndOnDanglingFunctionWord() {
    String text =
        "Officials in the northern province confirmed the evacuation of the residents of the"
            + " valley after the river rose above the warning level overnight and kept rising.";
    String e = Excerpts.excerpt(text, 90);
    String last = e.substring(0, e.length() - 1).replaceAll(".*\\s", "");
    assertThat(last).isNotIn("the", "of", "and", "to", "after", "above");
  }

  @Test
  void excerpt_neverLeavesAQuoteHalfOpen() {
    String text =
        "Lee Seong-kweun, a member of the committee, told reporters: “After six months of"
            + " participation in the war, the North Korean military has become less inept, and its"
            + " combat capability has improved.”";
    String e = Excerpts.excerpt(text, 140);
    long opens = e.chars().filter(c -> c == '“').count();
    long closes = e.chars().filter(c -> c == '”').count();
    assertThat(opens).isEqualTo(closes);
    assertThat(e).contains("…");
  }

  @Test
  void excerpt_randomTexts_neverSplitAWord() {
    long seed = System.nanoTime();
    RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    String[] words = {
      "alpha", "beta", "gamma", "delta", "epsilon", "omega", "x", "“quoted", "end.”"
    };
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 5 + r.nextInt(60);
      for (int j = 0; j < n; j++) {
        sb.append(words[r.nextInt(words.length)]).append(r.nextInt(10) == 0 ? ". " : " ");
      }
      String text = sb.toString().strip();
      String e = Excerpts.excerpt(text, 60);
      String norm = text.replaceAll("\\s+", " ");
      String core = e.replace("…", "").replaceAll("[”’\"]$", "");
      for (String w : core.split(" ")) {
        assertThat(norm).as("seed %d", seed).contains(w);
      }
      assertThat(core.length()).as("seed %d: %s", seed, e).isLessThanOrEqualTo(61);
    }
  }
}
