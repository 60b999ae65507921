package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outcomes, causes and counts a variant adds to what the article says. Stories written for these
 * tests.
 */
class GuardOutcomesTest {
  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  private static Article article(String title, String... paragraphs) {
    return Article.builder()
        .id("o-" + Math.abs(title.hashCode()))
        .title(title)
        .blocks(List.of(paragraphs).stream().map(p -> (Block) new Block.Paragraph(p)).toList())
        .build();
  }

  private void assertKept(Article a, String variant) {
    FaithfulnessGuard.Verdict v = guard.check(a, variant);
    assertThat(v.accepted()).as(variant + " " + v.reasons()).isTrue();
  }

  private void assertRejected(Article a, String variant, String reasonPart) {
    FaithfulnessGuard.Verdict v = guard.check(a, variant);
    assertThat(v.accepted()).as(variant).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains(reasonPart));
  }

  static final Article STABBING =
      article(
          "Convicted bomber Tom Harlan stabbed in Oregon prison",
          "Tom Harlan, 61, was stabbed in the neck on Friday at Greystone Correctional Facility,"
              + " officials said. He is in stable condition. Harlan was sentenced to life in 1994"
              + " for the bombing of a courthouse in Salem. A guard was killed in a riot at the"
              + " prison in 2015.");

  @Test
  void check_rejectsResultativeTheArticleDoesNotSupport() {
    assertKept(STABBING, "Tom Harlan stabbed in Oregon prison");
    assertRejected(STABBING, "Tom Harlan stabbed to death in Oregon prison", "stabbed to death");
  }

  @Test
  void check_rejectsVerdictTurnedIntoAProspect() {
    assertRejected(STABBING, "Tom Harlan could face life sentence for Salem bombing", "prospect");
  }

  @Test
  void check_keepsProspectTheArticleHasAsOne() {
    Article a =
        article(
            "Salem man charged over courthouse bombing",
            "Tom Harlan, 61, was charged on Friday with the bombing of a courthouse in Salem."
                + " If convicted, he could be sentenced to life in prison, prosecutors said.");
    assertKept(a, "Tom Harlan could be sentenced to life for Salem bombing");
  }

  @Test
  void check_rejectsCauseOfDeathTheArticleDoesNotGive() {
    Article a =
        article(
            "Painter Ruth Alder dies aged 88",
            "Painter Ruth Alder died of pneumonia in Boston on Sunday, her family said. She had"
                + " been treated for cancer last year.");
    assertKept(a, "Painter Ruth Alder dies of pneumonia in Boston");
    assertRejected(a, "Painter Ruth Alder dies of cancer in Boston", "cancer");
  }

  @Test
  void check_rejectsAllWhereTheArticleHasAllButOne() {
    Article a =
        article(
            "Cargo plane crashes near Lakeview airport",
            "All but one of the sixteen people on board died when the cargo plane crashed near"
                + " Lakeview on Monday. The lone survivor, a flight engineer, was taken to"
                + " hospital.");
    assertKept(a, "Flight engineer only survivor of Lakeview cargo plane crash");
    assertRejected(a, "Lakeview cargo plane crash kills all sixteen on board", "all sixteen");
  }

  @Test
  void check_keepsAllWhereTheArticleSaysAll() {
    Article a =
        article(
            "Cargo plane crashes near Lakeview airport",
            "All sixteen people on board died when the cargo plane crashed near Lakeview on"
                + " Monday.");
    assertKept(a, "Lakeview cargo plane crash kills all sixteen on board");
  }

  @Test
  void check_rejectsDateOfAnotherEvent() {
    Article a =
        article(
            "Parliament suspended ahead of deadline",
            "Parliament was suspended on Monday and will not return until October 14, the"
                + " government said. Critics say the government wants to leave the bloc without"
                + " a deal by October 31.");
    assertKept(a, "Parliament suspended until October 14");
    assertRejected(a, "Parliament suspended until October 31", "October 31");
  }

  @Test
  void check_rejectsSuperlativeInsideACompound() {
    Article a =
        article(
            "Former mayor Dan Pruitt dies",
            "Dan Pruitt, who was mayor of Riverton for twelve years, died on Friday at his home.");
    assertKept(a, "Dan Pruitt, Riverton mayor for twelve years, dies at home");
    assertRejected(a, "Riverton's longest-serving mayor Dan Pruitt dies", "longest-serving");
  }

  @Test
  void check_rejectsOfferToResignStatedAsDone() {
    Article a =
        article(
            "President refuses prime minister's offer to resign",
            "Prime Minister Oleg Marin offered to resign on Monday, but President Vera Lind"
                + " refused to accept it.");
    assertKept(a, "Oleg Marin offers to resign, Vera Lind refuses");
    assertRejected(a, "Prime Minister Oleg Marin resigns", "resigns");
  }
}
