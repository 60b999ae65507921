package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleWriterTest {

  @Test
  void apTitle_capitalisesMajorWordsAndKeepsAcronymsAndNames() {
    assertThat(HeadlineCase.apTitle("kmart to buy Sears in $11.5bn deal with the NBA's help"))
        .isEqualTo("Kmart to Buy Sears in $11.5bn Deal With the NBA's Help");
    assertThat(HeadlineCase.apTitle("monarchs at ten-year high in McArthur's garden"))
        .isEqualTo("Monarchs at Ten-Year High in McArthur's Garden");
    assertThat(HeadlineCase.apTitle("what it comes down to")).isEqualTo("What It Comes Down To");
  }

  @Test
  void sentence_lowersAllButFirstWordNamesAndAcronyms() {
    assertThat(
            HeadlineCase.sentence(
                "Four NBA Players Suspended After Pacers Brawl", Set.of("pacers")))
        .isEqualTo("Four NBA players suspended after Pacers brawl");
    assertThat(HeadlineCase.sentence("Storm Barry: Governor Declares Emergency", Set.of("barry")))
        .isEqualTo("Storm Barry: Governor declares emergency");
  }

  @Test
  void abbreviateAndExpand_convertCommonForms() {
    assertThat(Rewrites.abbreviate("Kmart to buy Sears for US$11 billion, up 20 percent"))
        .isEqualTo("Kmart to buy Sears for $11bn, up 20%");
    assertThat(Rewrites.expand("A $50m deal, up 20%"))
        .isEqualTo("A $50 million deal, up 20 percent");
    assertThat(Rewrites.abbreviate("United States troops")).isEqualTo("US troops");
  }

  @Test
  void tailToFront_keepsTheSourceAsAColonForm() {
    assertThat(Rewrites.tailToFront("Zebra stripes may dazzle horse flies, say scientists"))
        .isEqualTo("Scientists: zebra stripes may dazzle horse flies");
    assertThat(Rewrites.tailToFront("Five killed in crash, police said"))
        .isEqualTo("Police: five killed in crash");
    assertThat(Rewrites.tailToFront("No tail here at all")).isNull();
  }

  @Test
  void shorten_dropsDatesAndSubordinateClausesToTheBudget() {
    assertThat(
            Rewrites.shorten(
                "Fire kills nine in Chittagong slum on Monday, officials said, as rescuers search",
                40))
        .isEqualTo("Fire kills nine in Chittagong slum");
    assertThat(Rewrites.shorten("Short enough", 40)).isEqualTo("Short enough");
    assertThat(
            Rewrites.shorten(
                "A very long headline without any place where it could be cut at all", 30))
        .isNull();
  }

  @Test
  void countFirstAndQuestionAndPlaceFirst_reorder() {
    assertThat(Rewrites.countFirst("Escape room fire kills five teen girls in Koszalin"))
        .isEqualTo("Five teen girls killed in escape room fire in Koszalin");
    assertThat(Rewrites.question("Humans may have contributed to 2003 European heatwave"))
        .isEqualTo("Could humans have contributed to 2003 European heatwave?");
    assertThat(Rewrites.placeFirst("Hotel fire kills at least seventeen in Karol Bagh, New Delhi"))
        .isEqualTo("Karol Bagh, New Delhi: hotel fire kills at least seventeen");
  }

  @Test
  void propose_givesSeveralDistinctVariantsThatTheGuardAccepts() {
    Article a =
        Article.builder()
            .id("x")
            .title("Fire kills nine, injures dozens in Chittagong, Bangladesh slum")
            .blocks(
                List.of(
                    new Block.Paragraph(
                        "A fire in a slum in Chittagong, Bangladesh killed nine people and injured"
                            + " dozens on Monday, officials said. The fire started in a kitchen.")))
            .build();
    List<String> v =
        new RuleWriter(new RuleWriter.Options(RuleWriter.Style.AP_TITLE, 80, 6)).propose(a);
    assertThat(v).isNotEmpty().doesNotHaveDuplicates().doesNotContain(a.title());
    assertThat(v).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(80));
    FaithfulnessGuard g = new FaithfulnessGuard();
    assertThat(v.stream().filter(s -> g.check(a, s).accepted())).isNotEmpty();
  }
}
