package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.eval.CopyGenerator.Change;
import dev.lede.model.Article;
import dev.lede.model.Block;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CopyGeneratorTest {
  private static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  private static Article article(String id, int paragraphs) {
    List<Block> blocks = new ArrayList<>();
    for (int p = 0; p < paragraphs; p++) {
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < 3; s++) {
        sb.append("The harbour committee of town ")
            .append(id)
            .append(" discussed proposal number ")
            .append(p * 10 + s)
            .append(" about fishing boats and new lighthouse repairs on Tuesday. ");
      }
      blocks.add(new Block.Paragraph(sb.toString().strip()));
    }
    return Article.builder()
        .id(id)
        .title("Harbour committee in " + id + " says repairs will start")
        .published(T0)
        .blocks(blocks)
        .build();
  }

  private static List<Article> originals() {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      out.add(article("town" + i, 3 + i % 5));
    }
    out.add(
        article("brief", 0).toBuilder().blocks(List.of(new Block.Paragraph("Too short."))).build());
    return out;
  }

  @Test
  void generate_isAPureFunctionOfTheSeed() {
    List<CopyGenerator.Copy> a = new CopyGenerator(CopyGenerator.DEV_SEED).generate(originals());
    List<CopyGenerator.Copy> b = new CopyGenerator(CopyGenerator.DEV_SEED).generate(originals());
    List<CopyGenerator.Copy> c =
        new CopyGenerator(CopyGenerator.HELD_OUT_SEED).generate(originals());
    assertThat(a).isEqualTo(b).isNotEmpty();
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void generate_skipsShortOriginals_andLaterPublishesEachCopy() {
    List<CopyGenerator.Copy> copies = new CopyGenerator(7).generate(originals());
    assertThat(copies).noneMatch(c -> c.originalId().equals("brief"));
    for (CopyGenerator.Copy c : copies) {
      assertThat(c.article().id()).startsWith(c.originalId() + "~copy");
      assertThat(c.article().siteName()).isEqualTo(c.publisher());
      assertThat(c.article().published())
          .isBetween(T0.plusSeconds(600), T0.plus(Duration.ofDays(2)));
      assertThat(c.changes()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    }
  }

  @Test
  void eachChange_altersTheCopyTheWayItSays() {
    CopyGenerator g = new CopyGenerator(1);
    Article original = article("porthaven", 6);
    List<String> pool =
        List.of("An unrelated paragraph about a football final and its record crowd.");
    for (Change change : Change.values()) {
      Article copy =
          g.copy(original, "x", "Buzz Bulletin", EnumSet.of(change), pool, new SplittableRandom(3));
      List<String> paras = copy.blocks().stream().map(Block::text).toList();
      List<String> orig = original.blocks().stream().map(Block::text).toList();
      switch (change) {
        case NEW_HEADLINE -> assertThat(copy.title()).isNotEqualTo(original.title());
        case TRIM_LEAD ->
            assertThat(paras)
                .doesNotContain(orig.get(0))
                .isEqualTo(orig.subList(orig.size() - paras.size(), orig.size()));
        case TRIM_TAIL ->
            assertThat(paras).hasSizeLessThan(orig.size()).isEqualTo(orig.subList(0, paras.size()));
        case REORDER ->
            assertThat(paras).containsExactlyInAnyOrderElementsOf(orig).isNotEqualTo(orig);
        case SHARE_FOLLOW, NEWSLETTER -> {
          assertThat(paras).hasSizeGreaterThan(orig.size()).containsSubsequence(orig);
        }
        case ATTRIBUTION -> assertThat(paras).isNotEqualTo(orig);
        case TYPOS -> {
          assertThat(paras).hasSameSizeAs(orig).isNotEqualTo(orig);
          assertThat(copy.title()).isEqualTo(original.title());
        }
        case OWN_PARAGRAPH -> {
          assertThat(paras).hasSize(orig.size() + 1).containsSubsequence(orig);
        }
      }
      if (change != Change.NEW_HEADLINE) {
        assertThat(copy.title()).as(change.name()).isEqualTo(original.title());
      }
    }
  }

  @Test
  void liftedParagraphs_areParagraphSized_evenFromASourceWithoutParagraphBreaks() {
    StringBuilder whole = new StringBuilder();
    for (int s = 0; s < 30; s++) {
      whole.append("Sentence ").append(s).append(" of one long block has ten words in it. ");
    }
    Article oneBlock =
        Article.builder()
            .id("one-block")
            .title("An article kept as a single block")
            .blocks(List.of(new Block.Paragraph(whole.toString().strip())))
            .build();
    List<String> pool = CopyGenerator.paragraphPool(List.of(oneBlock, article("b", 2)));

    assertThat(pool).hasSize(3);
    // 300 words (the numbers are not words) cut to the ten whole sentences within 100 words
    assertThat(CopyGenerator.wordCount(pool.get(0))).isEqualTo(100);
    assertThat(pool.get(0))
        .startsWith("Sentence 0 of")
        .endsWith("Sentence 9 of one long block has ten words in it.");
    // ordinary paragraphs are lifted as they are
    assertThat(pool.get(1)).isEqualTo(article("b", 2).blocks().get(0).text());
  }

  @Test
  void lead_cutsAtASentenceEnd_orAtTheWordLimitWhenTheFirstSentenceIsLonger() {
    assertThat(CopyGenerator.lead("One two three. Four five six. Seven eight.", 7))
        .isEqualTo("One two three. Four five six.");
    assertThat(CopyGenerator.lead("One two three four five six seven eight nine.", 4))
        .isEqualTo("One two three four");
    assertThat(CopyGenerator.lead("Short enough.", 4)).isEqualTo("Short enough.");
  }
}
