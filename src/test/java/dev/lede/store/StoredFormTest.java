package dev.lede.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import dev.lede.model.Teaser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredFormTest {
  static final Article FULL =
      Article.builder()
          .id("x-1")
          .url("https://e.example/a")
          .canonicalUrl("https://e.example/a-canonical")
          .title("Title with \"quotes\" and ünïcödé")
          .bylines(List.of("Ann Lee", "Bo Kim"))
          .published(Instant.parse("2024-01-02T03:04:05Z"))
          .modified(null)
          .language("en")
          .siteName("Example")
          .section("World")
          .description("Desc")
          .tags(List.of("a", "b"))
          .blocks(
              List.of(
                  new Block.Paragraph("Para\nwith newline"),
                  new Block.Heading(3, "Sub"),
                  new Block.ListBlock(true, List.of("one", "two")),
                  new Block.Quote("Quote"),
                  new Block.Image("https://e.example/i.jpg", "alt", "cap", "AP")))
          .attribution(List.of("Reuters contributed."))
          .related(List.of(new Teaser("H", "AH", "Ex…", "https://e.example/r")))
          .build();

  @Test
  void textOf_isTheArticlesText_readStraightFromTheJson() {
    assertThat(StoredForm.textOf(StoredForm.toJson(FULL)))
        .isEqualTo("Para\nwith newline\n\nSub\n\none\ntwo\n\nQuote")
        .isEqualTo(FULL.text());
    Article gaps =
        Article.builder()
            .title("Gaps")
            .blocks(
                List.of(
                    new Block.Image("https://e.example/i.jpg", "alt", "cap", ""),
                    new Block.Paragraph(""),
                    new Block.Paragraph("First \"quoted\" \\ line"),
                    new Block.ListBlock(false, List.of()),
                    new Block.Paragraph("Last")))
            .build();
    assertThat(StoredForm.textOf(StoredForm.toJson(gaps)))
        .isEqualTo("First \"quoted\" \\ line\n\nLast")
        .isEqualTo(gaps.text());
    assertThat(StoredForm.textOf(StoredForm.toJson(Article.builder().title("t").build())))
        .isEmpty();
  }

  /** An article whose text has escapes, non-ASCII, a character outside the BMP and tiny blocks. */
  private static Article awkward() {
    List<Block> blocks = new java.util.ArrayList<>();
    blocks.add(new Block.Image("https://e.example/i.jpg", "alt \"x\"", "cap", "AP"));
    for (int i = 0; i < 40; i++) {
      blocks.add(new Block.Paragraph("P" + i + " \"quoted\" \\ tab\t ünï 😀 line\nnext " + i));
      blocks.add(new Block.ListBlock(i % 2 == 0, List.of("a" + i, "", "b")));
      blocks.add(new Block.Paragraph(i % 5 == 0 ? "" : "x"));
      blocks.add(new Block.Heading(2, "H" + i));
    }
    return Article.builder()
        .title("Awkward")
        .description("d".repeat(300))
        .tags(List.of("t1", "t2"))
        .blocks(blocks)
        .build();
  }

  @Test
  void textOfPrefix_ofEveryOpeningOfTheJson_isTheCutTextOrAbsent_neverAnotherText() {
    for (Article a : List.of(FULL, awkward())) {
      String json = StoredForm.toJson(a);
      String text = a.text();
      for (int maxChars : new int[] {0, 1, 5, 17, 100, 333, text.length(), Integer.MAX_VALUE}) {
        String expected = StoredForm.cut(text, maxChars);
        int known = 0;
        for (int end = 0; end <= json.length(); end++) {
          String got = StoredForm.textOfPrefix(json.substring(0, end), maxChars);
          if (got != null) {
            assertThat(got).as("opening of %d chars, max %d", end, maxChars).isEqualTo(expected);
            known++;
          }
        }
        assertThat(StoredForm.textOfPrefix(json, maxChars)).isEqualTo(expected);
        assertThat(known).as("openings that hold the text, max %d", maxChars).isPositive();
      }
    }
  }

  @Test
  void textOfPrefix_stopsAtTheBound_withoutReadingTheRest() {
    Article a = awkward();
    String json = StoredForm.toJson(a);
    // Just past the first blocks: the rest of the JSON is missing, yet 20 characters are known.
    int firstBlocks = json.indexOf("\"H0\"") + 5;
    assertThat(StoredForm.textOfPrefix(json.substring(0, firstBlocks), 20))
        .isEqualTo(a.text().substring(0, 20));
    // Not enough text in the opening for 5,000 characters: the whole JSON is needed.
    assertThat(StoredForm.textOfPrefix(json.substring(0, firstBlocks), 5_000)).isNull();
    assertThat(StoredForm.textOfPrefix("{\"blocks\": [{\"type\": \"video\"}]}", 10)).isNull();
    assertThat(StoredForm.textOfPrefix("", 10)).isNull();
  }

  @Test
  void textOf_rejectsWhatIsNotAStoredArticle() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoredForm.textOf("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> StoredForm.textOf("{\"blocks\": [{\"type\": \"video\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("video");
  }

  @Test
  void roundTrips_everyField() {
    assertThat(StoredForm.fromJson(StoredForm.toJson(FULL))).isEqualTo(FULL);
    Article bare = Article.builder().title("Only a title").build();
    assertThat(StoredForm.fromJson(StoredForm.toJson(bare))).isEqualTo(bare);
  }

  @Test
  void isTheDocumentedShape_withoutTheDerivedFields() throws Exception {
    JsonNode stored = ArticleJson.mapper().readTree(StoredForm.toJson(FULL));
    var full = ArticleJson.toTree(FULL);
    full.remove("text");
    full.remove("images");

    assertThat(stored).isEqualTo(full);
  }
}
