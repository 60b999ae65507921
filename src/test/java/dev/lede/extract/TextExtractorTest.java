package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Teaser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviours of the text-dump extractor, each on a small dump written inline. */
class TextExtractorTest {
  private static final String P1 =
      "The district water board said on Monday that the reservoir above Emsholt had reached its"
          + " lowest level since records began, after a spring with almost no rain.";
  private static final String P2 =
      "Households in the valley have been asked to cut their use by a fifth, and garden hoses are"
          + " banned until further notice, the board said in a statement.";
  private static final String P3 =
      "Engineers are studying whether water can be piped from the neighbouring Arnholt reservoir,"
          + " which is fuller after heavier rain in the hills to the north.";

  private static Article extract(String dump) {
    return Extractor.fromText(dump, null);
  }

  private static List<String> paragraphs(Article a) {
    return a.blocks().stream().filter(b -> b instanceof Block.Paragraph).map(Block::text).toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "You May Also Like",
        "You might also like",
        "Related",
        "Related stories",
        "RELATED ARTICLES",
        "Read more",
        "Read next",
        "More from The Emsholt Echo",
        "More stories",
        "Recommended for you",
        "Recommended",
        "Most read",
        "Most popular",
        "Trending",
        "Trending now",
        "Up next",
        "Don't miss",
        "Don’t miss",
        "Editor's picks",
        "Further reading",
        "See also",
        "Related coverage:",
        "MORE ON THIS STORY »"
      })
  void extract_relatedBlockUnderAnyCommonHeading_becomesTeasers(String heading) {
    String dump =
        String.join(
            "\n",
            "Reservoir above Emsholt falls to record low",
            "",
            P1,
            "",
            P2,
            "",
            heading,
            "Emsholt bans garden hoses for the first time",
            "",
            "Farmers ask for help as wells run dry",
            "");
    Article a = extract(dump);
    assertThat(paragraphs(a)).containsExactly(P1, P2);
    assertThat(a.related())
        .extracting(Teaser::headline)
        .containsExactly(
            "Emsholt bans garden hoses for the first time",
            "Farmers ask for help as wells run dry");
    assertThat(a.text()).doesNotContain(heading);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Share and Follow",
        "Share & Follow",
        "Share this article",
        "SHARE THIS STORY",
        "Share on Facebook",
        "Share via Email",
        "Facebook Twitter Email",
        "Follow us on Facebook, X and Instagram",
        "Follow us",
        "Follow Jane Doe on X @janedoe",
        "Follow our live coverage of the drought",
        "Sign up for our newsletter",
        "Sign up for the Morning Briefing newsletter to get the news in your inbox.",
        "Subscribe to our daily newsletter for the latest updates.",
        "Get the latest news delivered straight to your inbox.",
        "Enjoyed this article? Support independent journalism today.",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Continue reading the main story",
        "Listen to this article",
        "4 min read",
        "Copy link",
        "Comments (12)",
        "Join the conversation",
        "Email the author",
        "Click here to download our app",
        "Skip to main content",
        "© 2025 Emsholt Echo Ltd",
        "Copyright 2025 Emsholt Echo. All rights reserved.",
        "Image 2 of 7",
        "Privacy Policy",
        "* * *"
      })
  void extract_dropsFurnitureLines(String furniture) {
    String dump =
        String.join(
            "\n",
            "Reservoir above Emsholt falls to record low",
            furniture,
            "",
            P1,
            furniture,
            "",
            P2,
            "",
            furniture);
    Article a = extract(dump);
    assertThat(a.title()).isEqualTo("Reservoir above Emsholt falls to record low");
    assertThat(paragraphs(a)).containsExactly(P1, P2);
    assertThat(a.blocks()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "He urged residents to follow us on the march to the town hall on Saturday, organisers said.",
        "Copyright lawyers say the ruling could affect thousands of songs released before 1990.",
        "Get ready for a long dry summer, the union's email to members said on Tuesday.",
        "The newsletter, which has 40,000 readers, said the board had ignored warnings for years.",
        "Share prices of the water company fell 4 percent after the announcement on Monday.",
        "Related costs are expected to rise, the board said, because pumps will run longer.",
        "By Tuesday, the water had fallen another ten centimetres, the board said.",
        "Most read the warning on the board's website, but few changed their habits, a survey found."
      })
  void extract_keepsBodySentencesThatMerelyMentionFurnitureWords(String sentence) {
    Article a =
        extract(
            String.join("\n\n", "Reservoir above Emsholt falls to record low", P1, sentence, P2));
    assertThat(paragraphs(a)).containsExactly(P1, sentence, P2);
    assertThat(a.related()).isEmpty();
    assertThat(a.bylines()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "By Jane Doe | Jane Doe",
        "By JANE DOE | Jane Doe",
        "By Jane Doe and John Roe, Reuters | Jane Doe;John Roe",
        "By Jane Doe, Staff Writer | Jane Doe",
        "By Jane Doe · March 3, 2025 | Jane Doe",
        "By Ana de la Cruz in Madrid | Ana de la Cruz",
        "By Jane Doe for The Emsholt Echo | Jane Doe",
        "Written by Kofi Mensah-Lund | Kofi Mensah-Lund",
        "By Mary O'Neill & Abby Stone | Mary O'Neill;Abby Stone",
        "By The Associated Press | ''",
        "BY STAFF | ''"
      })
  void extract_parsesBylinesIntoPeople(String line, String expected) {
    Article a =
        extract(String.join("\n", "Reservoir above Emsholt falls to record low", line, "", P1));
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(";"));
    assertThat(a.bylines()).isEqualTo(want);
    assertThat(paragraphs(a)).containsExactly(P1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "March 3, 2025 | 2025-03-03T00:00:00Z",
        "3 March 2025 | 2025-03-03T00:00:00Z",
        "Mar. 3, 2025 | 2025-03-03T00:00:00Z",
        "Monday, March 3, 2025 | 2025-03-03T00:00:00Z",
        "Published March 3, 2025 at 10:04 a.m. ET | 2025-03-03T15:04:00Z",
        "Published: 3 July 2025 14:05 BST | 2025-07-03T13:05:00Z",
        "Posted 03/11/2025 4:45 PM PT | 2025-03-11T23:45:00Z",
        "21.05.2025 16:40 CEST | 2025-05-21T14:40:00Z",
        "2025-05-21T16:40:00+02:00 | 2025-05-21T14:40:00Z",
        "2025-05-21 | 2025-05-21T00:00:00Z",
        "July 4, 2025 10:00 GMT+2 | 2025-07-04T08:00:00Z",
        "Published 12 January 2025, 9:30 pm | 2025-01-12T21:30:00Z"
      })
  void extract_parsesDateLinesAsPublished(String line, String instant) {
    Article a =
        extract(String.join("\n", "Reservoir above Emsholt falls to record low", line, "", P1));
    assertThat(a.published()).isEqualTo(Instant.parse(instant));
    assertThat(a.modified()).isNull();
    assertThat(a.text()).isEqualTo(P1);
  }

  @Test
  void extract_updatedLineIsTheModifiedDate() {
    Article a =
        extract(
            String.join(
                "\n",
                "Reservoir above Emsholt falls to record low",
                "Published June 2, 2025 · Updated June 3, 2025, 8:15 p.m. ET",
                P1,
                P2,
                "Updated July 1, 2025"));
    assertThat(a.published()).isEqualTo(Instant.parse("2025-06-02T00:00:00Z"));
    assertThat(a.modified()).isEqualTo(Instant.parse("2025-06-04T00:15:00Z"));
    assertThat(paragraphs(a)).containsExactly(P1, P2);
  }

  @Test
  void extract_dateInsideASentenceStaysBodyText() {
    String s = "On March 3, 2025, the board voted to build a pipeline to the Arnholt reservoir.";
    Article a = extract(String.join("\n\n", "Reservoir above Emsholt falls to record low", P1, s));
    assertThat(paragraphs(a)).containsExactly(P1, s);
  }

  @Test
  void extract_shortLineBeforeProseIsASubheading_atTheEndItIsNot() {
    Article a =
        extract(
            String.join(
                "\n\n",
                "Reservoir above Emsholt falls to record low",
                P1,
                "What the ban means for gardens",
                P2,
                "Why is the valley so dry?",
                P3,
                "The board will meet again next week"));
    assertThat(a.blocks())
        .containsExactly(
            new Block.Paragraph(P1),
            new Block.Heading(2, "What the ban means for gardens"),
            new Block.Paragraph(P2),
            new Block.Heading(2, "Why is the valley so dry?"),
            new Block.Paragraph(P3),
            new Block.Paragraph("The board will meet again next week"));
  }

  @Test
  void extract_singleNumberedOrDashedLineIsNotAList() {
    Article a =
        extract(
            String.join(
                "\n\n",
                "Reservoir above Emsholt falls to record low",
                P1,
                "1. Save water in the garden",
                P2,
                "- Households must report leaks within a day, the board said.",
                P3));
    assertThat(a.blocks()).noneMatch(b -> b instanceof Block.ListBlock);
    assertThat(a.blocks().get(1)).isEqualTo(new Block.Heading(2, "1. Save water in the garden"));
  }

  @Test
  void extract_paragraphEndingInAWireTagIsNotACaption() {
    String p =
        "The board's chairman resigned on Tuesday after a vote of no confidence. (Northwire)";
    Article a =
        extract(String.join("\n\n", "Reservoir above Emsholt falls to record low", P1, p, P2));
    assertThat(paragraphs(a)).containsExactly(P1, p, P2);
    assertThat(a.images()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The dry bed of the Emsholt reservoir on Sunday. (AP Photo/Lena Marsh) | The dry bed of the"
            + " Emsholt reservoir on Sunday. | AP Photo/Lena Marsh",
        "The dry bed of the Emsholt reservoir on Sunday. Photo: Lena Marsh/Emsholt Echo | The dry"
            + " bed of the Emsholt reservoir on Sunday. | Lena Marsh/Emsholt Echo",
        "The dry bed of the Emsholt reservoir on Sunday. Credit: Emsholt Water Board | The dry bed"
            + " of the Emsholt reservoir on Sunday. | Emsholt Water Board",
        "The dry bed of the Emsholt reservoir on Sunday. (Lena Marsh/Getty Images) | The dry bed of"
            + " the Emsholt reservoir on Sunday. | Lena Marsh/Getty Images"
      })
  void extract_captionLineWithCreditBecomesAnImage(String line, String caption, String credit) {
    Article a =
        extract(String.join("\n\n", "Reservoir above Emsholt falls to record low", P1, line, P2));
    assertThat(a.images()).containsExactly(new Block.Image("", "", caption, credit));
    assertThat(paragraphs(a)).containsExactly(P1, P2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(AP Photo/Lena Marsh)",
        "Photo: Lena Marsh",
        "Getty Images",
        "Reuters/File Photo"
      })
  void extract_creditOnItsOwnLineAttachesToTheCaptionAbove(String credit) {
    Article a =
        extract(
            String.join(
                "\n",
                "Reservoir above Emsholt falls to record low",
                "",
                P1,
                "",
                "The dry bed of the reservoir",
                "Cracked mud where the Emsholt reservoir used to be, on Sunday.",
                credit,
                "",
                P2));
    assertThat(a.images()).hasSize(1);
    Block.Image img = a.images().get(0);
    assertThat(img.alt()).isEqualTo("The dry bed of the reservoir");
    assertThat(img.caption())
        .isEqualTo("Cracked mud where the Emsholt reservoir used to be, on Sunday.");
    assertThat(credit).contains(img.credit());
    assertThat(img.credit()).isNotBlank();
    assertThat(paragraphs(a)).containsExactly(P1, P2);
  }

  @Test
  void extract_noHeadlineWhenTheDumpStartsWithProse() {
    Article a = extract(String.join("\n\n", P1, P2, P3));
    assertThat(a.title()).isEmpty();
    assertThat(paragraphs(a)).containsExactly(P1, P2, P3);
  }

  @Test
  void extract_siteNameAndNavigationAboveTheHeadline() {
    Article a =
        extract(
            String.join(
                "\n",
                "Skip to content",
                "Emsholt Echo",
                "Home",
                "News",
                "Sport",
                "Weather",
                "Reservoir above Emsholt falls to its lowest level on record",
                "By Pia Lund",
                "",
                P1,
                P2));
    assertThat(a.title()).isEqualTo("Reservoir above Emsholt falls to its lowest level on record");
    assertThat(a.section()).isEmpty(); // four labels above the headline are navigation
    assertThat(a.bylines()).containsExactly("Pia Lund");
    assertThat(paragraphs(a)).containsExactly(P1, P2);
  }

  @Test
  void extract_twoWordHeadlineFollowedByByline() {
    Article a = extract(String.join("\n", "Reservoir dries", "By Pia Lund", "", P1));
    assertThat(a.title()).isEqualTo("Reservoir dries");
    assertThat(a.bylines()).containsExactly("Pia Lund");
  }

  @Test
  void extract_repeatedHeadlineIsNotABodyParagraph() {
    String h = "Reservoir above Emsholt falls to record low";
    Article a = extract(String.join("\n\n", h, h, P1, P2));
    assertThat(a.title()).isEqualTo(h);
    assertThat(paragraphs(a)).containsExactly(P1, P2);
  }

  @Test
  void extract_inlineReadMoreLinkBecomesATeaser() {
    Article a =
        extract(
            String.join(
                "\n\n",
                "Reservoir above Emsholt falls to record low",
                P1,
                "READ MORE: Emsholt bans garden hoses for the first time",
                P2));
    assertThat(paragraphs(a)).containsExactly(P1, P2);
    assertThat(a.related())
        .containsExactly(new Teaser("Emsholt bans garden hoses for the first time", "", "", ""));
  }

  @Test
  void extract_tagsLine() {
    Article a =
        extract(
            String.join(
                "\n\n",
                "Reservoir above Emsholt falls to record low",
                P1,
                "Topics: drought; water; Emsholt"));
    assertThat(a.tags()).containsExactly("drought", "water", "Emsholt");
    assertThat(a.text()).isEqualTo(P1);
  }

  @Test
  void extract_teaserBlockInsideTheBodyEndsAtRunningProse() {
    Article a =
        extract(
            String.join(
                "\n",
                "Reservoir above Emsholt falls to record low",
                P1,
                "Related",
                "Emsholt bans garden hoses for the first time",
                "Farmers ask for help as wells run dry",
                P2,
                P3));
    assertThat(paragraphs(a)).containsExactly(P1, P2, P3);
    assertThat(a.related()).hasSize(2);
  }

  @Test
  void extract_teasersWithUrlsAndNoExcerpts() {
    Article a =
        extract(
            String.join(
                "\n",
                "Reservoir above Emsholt falls to record low",
                P1,
                "Most popular",
                "Emsholt bans garden hoses for the first time",
                "https://echo.example/emsholt-hose-ban",
                "Farmers ask for help as wells run dry",
                "https://echo.example/wells"));
    assertThat(a.related())
        .containsExactly(
            new Teaser(
                "Emsholt bans garden hoses for the first time",
                "",
                "",
                "https://echo.example/emsholt-hose-ban"),
            new Teaser(
                "Farmers ask for help as wells run dry", "", "", "https://echo.example/wells"));
  }

  @Test
  void extract_urlIsReportedAsGiven() {
    Article a =
        Extractor.fromText(
            "Reservoir above Emsholt falls to record low\n\n" + P1,
            java.net.URI.create("https://echo.example/a"));
    assertThat(a.url()).isEqualTo("https://echo.example/a");
    assertThat(a.canonicalUrl()).isEmpty();
  }
}
