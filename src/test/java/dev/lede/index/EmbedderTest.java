package dev.lede.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.testing.TestArticles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model, loaded from its jar and run in process. */
class EmbedderTest {
  static Embedder model;

  @BeforeAll
  static void load() {
    model = Embedder.bgeSmall();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void vectors_areUnitLength_andOfTheModelsSize() {
    float[] v = model.embed("A strong earthquake struck northern Japan on Monday.");

    assertThat(v).hasSize(model.dimensions());
    assertThat(model.dimensions()).isEqualTo(384);
    assertThat(Embedder.cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void twoReportsOfAQuake_areCloserToEachOther_thanToAFootballStory() {
    float[] quake = model.embed("Earthquake of magnitude 6.8 shakes Japan's north coast");
    float[] tremor = model.embed("A powerful tremor hit northern Japan, damaging houses");
    float[] football = model.embed("The club sacked its manager after a fifth straight defeat");

    assertThat(Embedder.cosine(quake, tremor))
        .isGreaterThan(Embedder.cosine(quake, football) + 0.1);
  }

  @Test
  void aBlankText_isSimilarToNothing() {
    float[] blank = model.embed("   ");

    assertThat(blank).hasSize(384).containsOnly(0f);
  }

  @Test
  void anArticlesText_isItsHeadlineAndTheOpeningOfItsBody_cutAtAWord() {
    String body = "word ".repeat(400);
    String t =
        Embedder.textOf(
            TestArticles.article("Storm Bert brings flooding to Wales", body.strip()).build());

    assertThat(t).startsWith("Storm Bert brings flooding to Wales.\nword word");
    assertThat(t.length()).isLessThanOrEqualTo(36 + 1 + Embedder.OPENING_CHARS);
    assertThat(t).endsWith("word");
  }
}
