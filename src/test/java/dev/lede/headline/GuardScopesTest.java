package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eighth round (docs/benchmarks.md): a verb the article has of an agent only negated, as a
 * condition, planned or hedged is not a plain fact of that agent ("the Senate had not confirmed
 * her" does not support "Senate confirms"), a superlative's scope ("of the decade") must be the
 * article's, and so must a name's complement ("Prize in Physics", not "Prize in Medicine"). A story
 * written for these tests.
 */
class GuardScopesTest {
  static final Article ARTICLE =
      Article.builder()
          .id("s1")
          .title("Cyclone Mara hits Ostrava coast as governor awaits Senate vote")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "Cyclone Mara made landfall on the Ostrava coast on Monday. Forecasters said"
                          + " Mara was the strongest storm to hit the coast since 1998. Two fishermen"
                          + " were missing."),
                  new Block.Paragraph(
                      "The House of Delegates confirmed Ana Reyes as governor on Friday, but the"
                          + " Senate had not confirmed her by Sunday. Reyes said: \"If the Senate"
                          + " confirms me, I will serve until 2030.\""),
                  new Block.Paragraph(
                      "Harbour minister Ivo Dren offered to resign after the storm warning was"
                          + " issued late; his resignation letter was published on Tuesday. Officials"
                          + " did not identify the engineer who sent the warning. Later they believed"
                          + " they had identified him."),
                  new Block.Paragraph(
                      "The Ostrava Academy of Sciences will award its Prize in Physics on Tuesday,"
                          + " said Petra Lind, the President of the Academy.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Senate confirms Ana Reyes as Ostrava governor | only negated",
        "Dren resigns over late storm warning | only negated",
        "Officials identify engineer who sent late storm warning | only negated",
        "Ostrava identifies engineer who sent late storm warning | only negated",
        "Mara, the strongest storm of the decade, hits Ostrava coast | strongest",
        "Ostrava Academy of Sciences to award Prize in Medicine on Tuesday | Prize in",
        "Ostrava Academy of Arts to award Prize in Physics on Tuesday | Academy of",
      })
  void check_rejectsAVerbOfAnAgentOnlyNegatedOrPlannedAndAScopeNotInTheArticle(
      String variant, String reason) {
    FaithfulnessGuard.Verdict verdict = guard.check(ARTICLE, variant);
    assertThat(verdict.accepted()).as(variant).isFalse();
    assertThat(String.join("; ", verdict.reasons())).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "House of Delegates confirms Ana Reyes as Ostrava governor",
        "Dren offers to resign over late storm warning",
        "Mara, strongest storm since 1998, hits Ostrava coast",
        "Cyclone Mara hits Ostrava coast; two fishermen missing",
        "Ostrava Academy of Sciences to award Prize in Physics on Tuesday",
        "President of the Academy: Prize in physics to be awarded on Tuesday",
      })
  void check_keepsThePlainStatementAndTheArticlesScope(String variant) {
    assertThat(guard.check(ARTICLE, variant).reasons()).as(variant).isEmpty();
  }
}
