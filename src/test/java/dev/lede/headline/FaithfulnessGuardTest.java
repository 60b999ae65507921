package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaithfulnessGuardTest {
  // A story written for these tests.
  static final Article ARTICLE =
      Article.builder()
          .id("t1")
          .title("Lawmakers say Acme may close Springfield plant, cutting 1,200 jobs")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "Acme Corp. may close its Springfield plant next year, lawmakers said on"
                          + " Tuesday. The closure could cut 1,200 jobs, about five percent of the"
                          + " city's workforce."),
                  new Block.Paragraph(
                      "The company's chief executive, Jane Doe, said the firm plans to review the"
                          + " plant's future after sales fell 15% in 2025. \"We have made no"
                          + " decision,\" Doe said."),
                  new Block.Paragraph("Sales fell after a fire at the plant in March.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  private FaithfulnessGuard.Verdict check(String v) {
    return guard.check(ARTICLE, v);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Acme may close Springfield plant, lawmakers say",
        "Lawmakers: Acme could cut 1,200 jobs in Springfield",
        "Could Acme close its Springfield plant? Lawmakers say it may",
        "'We have made no decision,' says Acme chief Jane Doe",
        "Acme Sales Fell 15% After Plant Fire, Firm Says",
      })
  void check_keepsFaithfulVariants(String variant) {
    FaithfulnessGuard.Verdict v = check(variant);
    assertThat(v.accepted()).as(v.reasons().toString()).isTrue();
    assertThat(v.reasons()).isEmpty();
  }

  @Test
  void check_rejectsChangedNumber() {
    FaithfulnessGuard.Verdict v =
        check("Acme may close Springfield plant, cutting 2,100 jobs, lawmakers say");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("2,100"));
  }

  @Test
  void check_rejectsSwappedEntity() {
    FaithfulnessGuard.Verdict v = check("Globex may close Springfield plant, lawmakers say");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("Globex"));
  }

  @Test
  void check_rejectsInventedCause() {
    FaithfulnessGuard.Verdict v =
        check("Acme may close Springfield plant after union strike, lawmakers say");
    assertThat(v.accepted()).isFalse();
  }

  @Test
  void check_rejectsAddedSuperlative() {
    FaithfulnessGuard.Verdict v =
        check("Acme may close Springfield plant in biggest blow to city, lawmakers say");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("biggest"));
  }

  @Test
  void check_rejectsChangedSource() {
    assertThat(check("Springfield mayor says Acme may close plant").accepted()).isFalse();
    assertThat(check("Acme confirms it may close Springfield plant").accepted()).isFalse();
  }

  @Test
  void check_rejectsDroppedAttributionAndHedge() {
    FaithfulnessGuard.Verdict v = check("Acme closes Springfield plant, cutting 1,200 jobs");
    assertThat(v.accepted()).isFalse();
  }

  @Test
  void check_rejectsHardenedCertainty() {
    FaithfulnessGuard.Verdict v = check("Acme will close Springfield plant, lawmakers say");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("will"));
  }

  @Test
  void check_rejectsUnsupportedQuote() {
    FaithfulnessGuard.Verdict v = check("'No decision made yet,' says Acme chief Jane Doe");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.startsWith("quotes"));
  }

  @Test
  void check_rejectsClaimsTheArticleDoesNotMake() {
    FaithfulnessGuard.Verdict v =
        check("Acme may close plant: impact on bourbon lovers and local economy, lawmakers say");
    assertThat(v.accepted()).isFalse();
  }

  @Test
  void check_rejectsLengthOutOfBounds() {
    assertThat(check("Acme plant").reasons()).anyMatch(r -> r.startsWith("length"));
    assertThat(check("Acme may close Springfield plant, lawmakers say ".repeat(4)).accepted())
        .isFalse();
  }

  // A second story written for these tests: numbers and ranks that belong to someone.
  static final Article CRASH =
      Article.builder()
          .id("t2")
          .title("Bus crash near Lakeside leaves two dead, five injured")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "A tour bus left the road near Lakeside on Sunday. Two passengers died at the"
                          + " scene and five were taken to hospital."),
                  new Block.Paragraph(
                      "Three of the passengers were from abroad; they were two Canadians and a"
                          + " Norwegian. Lakeside became the first town in the county to close the"
                          + " road for repairs last year. Riverton also has a repair plan.")))
          .build();

  @Test
  void check_rejectsNumbersSwappedBetweenWhatTheyCount() {
    // Both numbers are in the article, but "five" counts the injured, not the dead.
    FaithfulnessGuard.Verdict v = guard.check(CRASH, "Bus crash near Lakeside leaves five dead");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("'five'") && r.contains("not for"));
    assertThat(guard.check(CRASH, "Lakeside bus crash leaves two dead, five injured").accepted())
        .isTrue();
  }

  @Test
  void check_rejectsANumberGivenToTheWrongNationality() {
    FaithfulnessGuard.Verdict v =
        guard.check(CRASH, "Lakeside bus crash kills two, including three Canadians");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("canadian"));
    assertThat(guard.check(CRASH, "Two Canadians among passengers in Lakeside bus crash").reasons())
        .noneMatch(r -> r.contains("canadian"));
  }

  @Test
  void check_rejectsARankGivenToAnotherName() {
    FaithfulnessGuard.Verdict v =
        guard.check(CRASH, "Riverton became first town in county to close road for repairs");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("'first'") && r.contains("riverton"));
    assertThat(
            guard
                .check(CRASH, "Lakeside became first town in county to close road for repairs")
                .reasons())
        .noneMatch(r -> r.contains("'first'"));
  }
}
