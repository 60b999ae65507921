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
