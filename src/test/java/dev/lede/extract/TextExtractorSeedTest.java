package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Teaser;
import dev.lede.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page Lede was born from, read from {@code ../shared/seed} (a publisher's page: it is never
 * copied into the repository, so the expectations below are structural plus the few strings the
 * issue spells out).
 */
class TextExtractorSeedTest {
  private static Article seed;
  private static List<String> lines;

  @BeforeAll
  static void readSeed() throws IOException {
    Path p = SharedData.require("seed/article-page.txt");
    byte[] bytes = Files.readAllBytes(p);
    lines = Files.readAllLines(p).stream().map(String::strip).toList();
    seed = Extractor.extract(bytes, Extractor.Type.TEXT, null, null);
  }

  @Test
  void seed_headlineIsTheFirstLineExactly() {
    assertThat(seed.title()).isEqualTo(lines.get(0)).isNotBlank();
    assertThat(seed.title()).startsWith("Putin thanks North Korea for sending troops");
  }

  @Test
  void seed_hasExactlyEightBodyParagraphsAndOneImage() {
    long paragraphs = seed.blocks().stream().filter(b -> b instanceof Block.Paragraph).count();
    assertThat(paragraphs).isEqualTo(8);
    assertThat(seed.blocks()).hasSize(9);
    assertThat(seed.images()).hasSize(1);
    // each paragraph is a whole line of the dump, in order
    List<String> texts =
        seed.blocks().stream().filter(b -> b instanceof Block.Paragraph).map(Block::text).toList();
    assertThat(lines).containsSubsequence(texts);
    assertThat(texts.get(0)).startsWith("Roughly 600 North Korean troops");
    assertThat(texts.get(7)).startsWith("U.S. President Donald Trump said Saturday");
  }

  @Test
  void seed_imageHasAltCaptionAndCreditSplitOff() {
    Block.Image img = seed.images().get(0);
    assertThat(img.src()).isEmpty();
    assertThat(img.alt()).isEqualTo("Russia's Putin and North Korea's Kim Jong Un");
    assertThat(img.caption()).startsWith("Russian President Vladimir Putin thanked North Korea");
    assertThat(img.caption()).endsWith("sacrifices.").doesNotContain("Sputnik");
    assertThat(img.credit()).isEqualTo("Sputnik/Mikhail Metzel/Kremlin via Reuters/File Photo");
    // the image sits between the fourth and fifth paragraphs
    assertThat(seed.blocks().get(4)).isInstanceOf(Block.Image.class);
  }

  @Test
  void seed_attributionLineIsKeptApart() {
    assertThat(seed.attribution()).containsExactly("Reuters contributed to this report.");
    assertThat(seed.text()).doesNotContain("contributed to this report");
  }

  @Test
  void seed_youMayAlsoLikeBecomesEightTeasers() {
    assertThat(seed.related()).hasSize(8);
    for (Teaser t : seed.related()) {
      assertThat(t.headline()).isNotBlank();
      assertThat(t.altHeadline()).isNotBlank().isNotEqualTo(t.headline());
      assertThat(t.excerpt()).endsWith("…");
      assertThat(t.url()).isEmpty();
      assertThat(lines).contains(t.headline(), t.altHeadline(), t.excerpt());
      // headline, alternative headline and excerpt come in this order in the dump
      assertThat(lines.indexOf(t.headline()))
          .isLessThan(lines.indexOf(t.altHeadline()))
          .isLessThan(lines.indexOf(t.excerpt()));
    }
    assertThat(seed.related().get(0).headline())
        .isEqualTo("The extravagant Christmas gifts the rich are buying");
    assertThat(seed.related().get(7).headline()).startsWith("Florida teens to be tried as adults");
  }

  @Test
  void seed_textHasNoShareFollowOrTeasers() {
    String text = seed.text();
    assertThat(text).doesNotContain("Share and Follow", "You May Also Like", "Sputnik");
    assertThat(text).doesNotContain(seed.images().get(0).alt()).doesNotContain("File Photo");
    for (Teaser t : seed.related()) {
      assertThat(text).doesNotContain(t.headline()).doesNotContain(t.excerpt());
    }
    assertThat(text.split("\n\n")).hasSize(8);
  }

  @Test
  void seed_autoDetectsText() throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.require("seed/article-page.txt"));
    assertThat(Extractor.extract(bytes, Extractor.Type.AUTO, null, null)).isEqualTo(seed);
  }
}
