package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readings added in the sixth round of tuning (docs/benchmarks.md): numbers written in words, ages,
 * British and American spellings, "as" and "after" that link nothing, pronouns and appositions that
 * refer back to a name, a role given to a named person, and a claim of responsibility. A story
 * written for these tests.
 */
class GuardReadingsTest {
  static final Article ARTICLE =
      Article.builder()
          .id("r1")
          .title("Truck attack kills four at market in Corvale")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "A truck was driven into a crowd at a market in Corvale on Saturday, killing"
                          + " four people. The Harrow Front has claimed responsibility for the"
                          + " attack."),
                  new Block.Paragraph(
                      "Police arrested Dana Moreau, a former soldier, at the scene. She had"
                          + " driven the truck from Lisle. Moreau was charged with murder on"
                          + " Sunday. Moreau, 41, served 12 years in the army. Police have given"
                          + " no cause, but the court heard she had lost her job in May."),
                  new Block.Paragraph(
                      "The judge, Oren Blake, refused bail. Blake said the attack was \"an act of"
                          + " cruelty\"."),
                  new Block.Paragraph(
                      "Among the dead was a three-year-old girl. Her brother, a nine-month-old,"
                          + " was hurt. The town legalized street markets in 1908 and has held"
                          + " one every Saturday since."),
                  new Block.Paragraph(
                      "Mayor Ines Falk resigned on Monday and Carl Unger was sworn in as mayor"
                          + " the same day. The oldest resident, Ada Roy, is one hundred and one."
                          + " Her sister died in Lisle last year.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @Test
  void quantities_readCompoundNumberWords() {
    assertThat(Quantities.find("she is one hundred and one"))
        .singleElement()
        .satisfies(q -> assertThat(q.value()).isEqualTo(101));
    assertThat(Quantities.find("two thousand and five people"))
        .singleElement()
        .satisfies(q -> assertThat(q.value()).isEqualTo(2005));
  }

  @Test
  void stem_makesBritishAndAmericanSpellingsAlike() {
    assertThat(Text.stem("legalised")).isEqualTo(Text.stem("legalized"));
    assertThat(Text.stem("decriminalises")).isEqualTo(Text.stem("decriminalized"));
    assertThat(Text.stem("crisis")).isNotEqualTo(Text.stem("crizis"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Three-year-old girl among four killed in Corvale truck attack",
        "Oldest resident Ada Roy is one hundred and one",
        "Carl Unger sworn in as mayor after Ines Falk quits",
        "Corvale legalised street markets in 1908",
        "Truck driven into Corvale market crowd, killing four",
        "Dana Moreau had driven the truck from Lisle",
        "Judge calls truck attack 'an act of cruelty'",
        "Harrow Front claims truck attack on Corvale market",
        "Former soldier Moreau, 41, charged with murder",
        "Ada Roy's sister died in Lisle",
      })
  void check_keepsFaithfulReadings(String variant) {
    FaithfulnessGuard.Verdict v = guard.check(ARTICLE, variant);
    assertThat(v.accepted()).as(v.reasons().toString()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // the judge said it
        "Police: truck attack was 'an act of cruelty'|gives the quotation",
        // 12 is her years in the army, not her age
        "Truck attacker Moreau, 12, charged with murder|number '12'",
        // "no cause" links nothing
        "Truck attack kills four after attacker lost her job|with 'after'",
        // an invented reason
        "Harrow Front attacks Corvale market in protest at street markets|with 'protest'",
        // she died in Lisle
        "Ada Roy's sister died in Corvale|'Corvale' together with 'died'",
      })
  void check_rejectsUnfaithfulReadings(String variant, String reason) {
    FaithfulnessGuard.Verdict v = guard.check(ARTICLE, variant);
    assertThat(v.accepted()).as(variant).isFalse();
    assertThat(v.reasons()).as(variant).anyMatch(r -> r.contains(reason));
  }

  @Test
  void check_rejectsAnAgeTheArticleGivesNobody() {
    FaithfulnessGuard.Verdict v =
        guard.check(ARTICLE, "Four-month-old hurt in Corvale truck attack");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("-month-old"));
  }

  @Test
  void check_stillRejectsAnInventedAsClause() {
    FaithfulnessGuard.Verdict v =
        guard.check(ARTICLE, "Truck attack kills four as Corvale protests spread");
    assertThat(v.accepted()).isFalse();
  }

  @Test
  void check_rejectsAQuotationGivenToAnotherRole() {
    FaithfulnessGuard.Verdict v =
        guard.check(ARTICLE, "Mayor calls truck attack 'an act of cruelty'");
    assertThat(v.accepted()).isFalse();
  }

  @Test
  void check_rejectsResponsibilityClaimedForAnotherEvent() {
    FaithfulnessGuard.Verdict v =
        guard.check(ARTICLE, "Harrow Front claims resignation of Corvale mayor");
    assertThat(v.accepted()).isFalse();
  }
}
