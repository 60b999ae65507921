package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names of the article put where the article never puts them. A story written for these tests. */
class BindingCheckTest {
  static final Article ARTICLE =
      Article.builder()
          .id("b1")
          .title("Convicted bomber Tom Harlan stabbed in Oregon prison")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "Tom Harlan, 61, was stabbed in the neck on Friday at Greystone Correctional"
                          + " Facility in Marion County, officials said. He is in stable"
                          + " condition."),
                  new Block.Paragraph(
                      "Harlan was held for many years at Pike Ridge State Prison because of"
                          + " threats against him. He was moved to Greystone at his own request."
                          + " Harlan was sentenced to life in 1994 for the bombing of a courthouse"
                          + " in Salem."),
                  new Block.Paragraph(
                      "Separately, Ann Kell was named warden of a jail in Bend on Monday.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Tom Harlan stabbed at Greystone prison in Marion County",
        "Tom Harlan, 61, stabbed at Greystone Correctional Facility",
      })
  void check_keepsNamesWhereTheArticlePutsThem(String variant) {
    FaithfulnessGuard.Verdict v = guard.check(ARTICLE, variant);
    assertThat(v.accepted()).as(v.reasons().toString()).isTrue();
  }

  @Test
  void check_rejectsPlaceOfAnotherEventInAnAdjunct() {
    // The article has Pike Ridge State Prison, but not as the place of the stabbing.
    FaithfulnessGuard.Verdict v =
        guard.check(ARTICLE, "Tom Harlan stabbed at Pike Ridge State Prison");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons())
        .anyMatch(r -> r.contains("Pike Ridge State Prison") && r.contains("stabbed"));
  }

  @Test
  void check_rejectsNameNeverSaidBesideTheRestOfTheVariant() {
    FaithfulnessGuard.Verdict v =
        guard.check(ARTICLE, "Ann Kell in stable condition after prison stabbing");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("Ann Kell") && r.contains("beside"));
  }

  @Test
  void verbClass_readsPastFormsWithADoubledConsonant() {
    assertThat(Clauses.verbClass("stabbed")).isEqualTo("stab");
    assertThat(Clauses.verbClass("stabbing")).isEqualTo("stab");
    assertThat(Clauses.verbClass("stabs")).isEqualTo("stab");
  }
}
