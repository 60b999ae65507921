package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenth round (docs/benchmarks.md): who is meant and who says so. A total the article gives as "A
 * and five others" or "four pupils and two teachers"; a number counted by the verb before it
 * ("injures eighteen"); a speaker named by a pronoun ("she said") after the sentence that names
 * her, or by the description the article sets beside her name ("Petra Kask's sister, Anna Lind,");
 * the speaker of "after X alleges" being X alone; a claim word the variant keeps ("two suspects
 * arrested"); the variant's own allegation and negation; "were taken to hospital" as done. And the
 * rejections that must stay: a wrong total, a claim given to another speaker, an alleged act stated
 * as fact. A story written for these tests; each kept case is rejected by the guard of the ninth
 * round.
 */
class GuardCoreferenceTest {
  static final Article ARTICLE =
      Article.builder()
          .id("c1")
          .title("Fire sweeps through Orlov market")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "A fire swept through the covered market in Orlov on Tuesday night."
                          + " Relatives of the victims alleged they were poisoned. Market manager"
                          + " Petra Kask and five others died in the blaze. Three traders were"
                          + " taken to hospital."),
                  new Block.Paragraph(
                      "Police spokesperson Tomas Berg confirmed that two suspects were arrested"
                          + " in Orlov."
                          + " One of them, a night guard, had been reported missing by his"
                          + " employer on Monday. Hospital officials said no trace of poison was"
                          + " found in the victims."),
                  new Block.Paragraph(
                      "Petra Kask's sister, Anna Lind, stood outside the market on Wednesday."
                          + " \"The alarms had not worked for years,\" she said."),
                  new Block.Paragraph(
                      "Separately, trader Ivo Sarv was arrested on Wednesday after his former"
                          + " partner alleged he had threatened her."),
                  new Block.Paragraph(
                      "The market, built in 1990, had eighteen exits. On Thursday a van carrying"
                          + " four pupils and two teachers overturned near Orlov.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Orlov market fire kills six",
        "Two suspects arrested in Orlov",
        "Anna Lind says Orlov market alarms had not worked for years",
        "Kask's sister says Orlov market alarms had not worked for years",
        "Trader Ivo Sarv arrested after former partner alleges he threatened her",
        "Relatives of Orlov fire victims allege poisoning",
        "Hospital officials found no poison in Orlov fire victims",
        "Three traders in hospital after Orlov market fire",
        "Orlov fire kills manager and five others; three traders in hospital",
        "Orlov market fire kills six; two suspects arrested, police spokesperson says",
        "Market fire kills six in Orlov; alarms had not worked for years, Kask's sister says",
        "Van carrying six overturns near Orlov",
      })
  void check_keepsAVariantThatNamesPeopleAndSpeakersAsTheArticleDoes(String variant) {
    assertThat(guard.check(ARTICLE, variant).reasons()).as(variant).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Orlov market fire kills seven | number 'seven'",
        "Tomas Berg says Orlov market alarms had not worked for years | Tomas Berg",
        "Orlov market fire victims were poisoned | poison",
        "Orlov market fire kills six, injures eighteen | number 'eighteen'",
      })
  void check_rejectsAWrongTotalAnotherSpeakerAndAnAllegationAsFact(String variant, String reason) {
    FaithfulnessGuard.Verdict verdict = guard.check(ARTICLE, variant);
    assertThat(verdict.accepted()).as(variant).isFalse();
    assertThat(String.join("; ", verdict.reasons())).contains(reason);
  }
}
