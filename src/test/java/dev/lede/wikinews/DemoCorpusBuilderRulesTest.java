package dev.lede.wikinews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Block;
import dev.lede.model.CitedSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cleaning rules of {@link DemoCorpusBuilder} on small texts written for these tests. */
class DemoCorpusBuilderRulesTest {
  private static final String LONG =
      "The council met on Tuesday evening and voted to extend the opening hours of the city library"
          + " through the winter, citing strong demand from students preparing for examinations.";

  private static List<Block> body(String text) {
    return DemoCorpusBuilder.body(text, new ArrayList<>(), new DemoCorpusBuilder.Counts());
  }

  private static Block.Paragraph p(String t) {
    return new Block.Paragraph(t);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '§',
      quoteCharacter = '^',
      value = {
        "changing the {w|neuroplasticity|plasticity}} of the brain § changing the plasticity of the brain",
        "a backpack with kerosene (paraffin} and § a backpack with kerosene (paraffin) and",
        "after 3 a.m. local time {1000 UTC) Monday § after 3 a.m. local time (1000 UTC) Monday",
        "can be found at [http://www.example.org Example.org. § can be found at Example.org.",
        "see [http://www.example.org] here § see here",
        "a detailed map[3] of the brines § a detailed map of the brines",
        "Food Standards of New Zealand | that all salt § Food Standards of New Zealand that all salt",
        "who founded the |Boston Tea Party; § who founded the Boston Tea Party;",
        "'''Bold''' and ''italic'' words § Bold and italic words",
        "the [[Paris|French capital]] and [[Lyon]] § the French capital and Lyon",
        "Smith &amp; Sons&nbsp;Ltd § Smith & Sons Ltd",
        "an <b>emphasised</b> word{{citation needed}} § an emphasised word",
        "Wikinews\u200d's  reporter § Wikinews's reporter",
      })
  void inline_removesStrayMarkup(String in, String out) {
    assertThat(DemoCorpusBuilder.inline(in)).isEqualTo(out);
  }

  @Test
  void body_dropsBylineFragmentDatelineAndTrailingStatusWords() {
    assertThat(body("byline|dateSunday, April 28, 2019\n\n" + LONG + "\n\npublish"))
        .containsExactly(p(LONG));
    assertThat(body("Thursday, May 7, 2015 On Tuesday, the council met.\n\n{archive"))
        .containsExactly(p("On Tuesday, the council met."));
    assertThat(body("Monday, August 3, 2020\u00a0\nOn Thursday, the council met.\n\n---"))
        .containsExactly(p("On Thursday, the council met."));
  }

  @Test
  void body_dropsReviewNoticesAboveTheDateline() {
    assertThat(
            body(
                "This article requires pre-publication review by an uninvolved reviewer.\n\n"
                    + "-Article last amended: Mar 5 at 12:05:19 UTC (history)\n\n"
                    + "Tuesday, November 17, 2020\n\n"
                    + LONG))
        .containsExactly(p(LONG));
  }

  @Test
  void body_keepsADatelessOpeningAsItIs() {
    assertThat(body("OSLO — The prize was awarded today.\n\n" + LONG))
        .containsExactly(p("OSLO — The prize was awarded today."), p(LONG));
  }

  @Test
  void body_turnsPhotoCaptionsWithCreditsIntoImages() {
    assertThat(
            body(
                LONG
                    + "\n\nStage where speeches were given. Image: C. Example."
                    + "\n\nThe suspect in 1969 (Image: State Archive)"
                    + "\n\nImage: Jane Example."
                    + "\n\nFull interview with the curator. Audio: Jkexample."
                    + "\n\n"
                    + LONG))
        .containsExactly(
            p(LONG),
            new Block.Image("", "", "Stage where speeches were given.", "C. Example"),
            new Block.Image("", "", "The suspect in 1969", "State Archive"),
            p(LONG));
  }

  @Test
  void body_aSentenceMentioningImagesStaysAParagraph() {
    String s =
        "The agency said: Image quality was poor. Officials later released better copies of the"
            + " footage to reporters.";
    assertThat(body(LONG + "\n\n" + s)).containsExactly(p(LONG), p(s));
  }

  @Test
  void body_turnsATrailingRunOfShortUnpunctuatedLinesIntoAGallery() {
    assertThat(body(LONG + "\n\nA stage show for families\n\nXbox booth\n\nA group of fans dance."))
        .containsExactly(
            p(LONG),
            new Block.Image("", "", "A stage show for families", ""),
            new Block.Image("", "", "Xbox booth", ""),
            new Block.Image("", "", "A group of fans dance.", ""));
    // short sentences that end properly are not a gallery
    assertThat(body(LONG + "\n\nHe was 78.\n\nHe leaves a wife.\n\nThe funeral is on Monday."))
        .hasSize(4)
        .allSatisfy(b -> assertThat(b).isInstanceOf(Block.Paragraph.class));
  }

  @Test
  void body_mapLegendsAndBulletsBecomeLists() {
    assertThat(
            body(
                "██\u00a0Labour Party - 203 seats\n\n██ Green Party - 1 seat\n\n"
                    + LONG
                    + "\n\n* Both candidates dropped out\n\n* One endorsed another"))
        .containsExactly(
            new Block.ListBlock(false, List.of("Labour Party - 203 seats", "Green Party - 1 seat")),
            p(LONG),
            new Block.ListBlock(
                false, List.of("Both candidates dropped out", "One endorsed another")));
  }

  @Test
  void body_shortUnpunctuatedLineBeforeALongParagraphIsASubheading() {
    assertThat(body(LONG + "\n\nDisplays of charity at the event\n\n" + LONG))
        .containsExactly(
            p(LONG), new Block.Heading(2, "Displays of charity at the event"), p(LONG));
    // a short line ending in a colon introduces what follows: it stays a paragraph
    assertThat(body(LONG + "\n\nOther classes included:\n\n" + LONG))
        .hasSize(3)
        .doesNotHaveAnyElementsOfTypes(Block.Heading.class);
  }

  @Test
  void body_dropsDanglingPullQuoteAttributions() {
    assertThat(body(LONG + "\n\n—Troy Example\n\n" + LONG)).containsExactly(p(LONG), p(LONG));
    assertThat(body(LONG + "\n\n– United States District Judge A. Example, \"Order\"\n\n" + LONG))
        .containsExactly(p(LONG), p(LONG));
  }

  @Test
  void body_takesATrailingSourcesSectionAsCitations() {
    List<CitedSource> sources = new ArrayList<>();
    List<Block> blocks =
        DemoCorpusBuilder.body(
            LONG
                + "\n\nSources\n\n\"Document found on street\" — Example News, August 15, 2008"
                + "\n\n\"Second report\" — The Example Press",
            sources,
            new DemoCorpusBuilder.Counts());
    assertThat(blocks).containsExactly(p(LONG));
    assertThat(sources)
        .containsExactly(
            new CitedSource(
                "Document found on street", "", "Example News", "", "August 15, 2008", "", ""),
            new CitedSource("Second report", "", "The Example Press", "", "", "", ""));
  }

  @Test
  void captions_firstIsTheLeadImageOthersFollowTheBody() {
    List<Block> out =
        DemoCorpusBuilder.withCaptions(
            List.of(p(LONG)),
            List.of(
                "The mayor and the minister. (J. Example/Agency)",
                "Thursday, February 23, 2006",
                "The town hall. Image: A. Example."),
            new DemoCorpusBuilder.Counts());
    assertThat(out)
        .containsExactly(
            new Block.Image("", "", "The mayor and the minister.", "J. Example/Agency"),
            p(LONG),
            new Block.Image("", "", "The town hall.", "A. Example"));
  }

  @Test
  void captions_farLongerThanACaptionAreDisplacedBodyText() {
    String displaced = "The current flag. " + LONG + " " + LONG;
    List<Block> out =
        DemoCorpusBuilder.withCaptions(
            List.of(p(LONG)),
            List.of("Election results", displaced),
            new DemoCorpusBuilder.Counts());
    assertThat(out)
        .containsExactly(p(LONG), new Block.Image("", "", "Election results", ""), p(displaced));
  }
}
