package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nationality adjectives used as modifiers (seventh round, docs/benchmarks.md): the adjective
 * before a common noun says which one is meant, and outweighs the shared noun when the article
 * gives that noun another adjective of that kind; other names before a noun (a town and its county)
 * are left alone, as they are often nested. A story written for these tests.
 */
class GuardModifiersTest {
  static final Article ARTICLE =
      Article.builder()
          .id("m1")
          .title("Two officers convicted of assaulting tourist in Lisle")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "Two Lisle police officers were convicted on Thursday of assaulting a"
                          + " Canadian tourist in 2021. The tourist had met the officers at an"
                          + " Irish pub near the harbour."),
                  new Block.Paragraph(
                      "The case was heard in the Marwick County criminal court. The officers were"
                          + " arrested in Corvale, 40 miles north of the courthouse. Mayor Ines Falk of Lisle said the"
                          + " city would review its police training. Both officers had trained in"
                          + " Greece. The court building stands in the old town of Dorne, Marwick"
                          + " County.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Irish tourist assaulted by two Lisle officers | canadian tourist",
        "Greek tourist assaulted by two Lisle officers | canadian tourist",
      })
  void check_rejectsANameMovedOntoAnotherNoun(String variant, String reason) {
    FaithfulnessGuard.Verdict verdict = guard.check(ARTICLE, variant);
    assertThat(verdict.accepted()).as(variant).isFalse();
    assertThat(String.join("; ", verdict.reasons())).contains(reason.split(" ")[0]);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Canadian tourist assaulted by two Lisle officers",
        "Two Lisle police officers convicted of assaulting tourist",
        "Marwick County court hears case against two officers",
        "Dorne court hears case against two officers",
      })
  void check_keepsANameOnItsOwnNoun(String variant) {
    assertThat(guard.check(ARTICLE, variant).reasons()).as(variant).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"irish|true", "canadian|true", "greek|true", "corvale|false", "lisle|false"})
  void demonym_tellsNationalityAdjectivesFromOtherNames(String word, boolean expected) {
    assertThat(ModifierCheck.demonym(word)).isEqualTo(expected);
  }
}
