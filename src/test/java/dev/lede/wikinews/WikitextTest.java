package dev.lede.wikinews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Block;
import dev.lede.model.CitedSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WikitextTest {
  static final String FILE_PATH = "https://en.wikinews.org/wiki/Special:FilePath/";

  static String fixture(String name) throws IOException {
    try (InputStream in = WikitextTest.class.getResourceAsStream("/wikinews/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parse_publishedArticle_givesCleanBlocks() throws IOException {
    Wikitext.Page page = Wikitext.parse(fixture("published.wiki"));
    assertThat(page.blocks())
        .containsExactly(
            new Block.Image(
                FILE_PATH + "Harbour_bridge_at_dusk.jpg",
                "A bridge at dusk",
                "The new bridge over the Claro river at dusk.",
                "Ana Example"),
            new Block.Paragraph(
                "The city council of Porto Claro voted on Friday to open the new harbour bridge to"
                    + " cyclists and pedestrians, after a ten-year campaign by residents of the old"
                    + " town."),
            new Block.Paragraph(
                "The decision, taken by 21 votes to 4, follows a study by the federal university"
                    + " which found that most crossings in the area are shorter than 5 km. Mayor Rita"
                    + " Souza said the bridge would be \"open to everyone\" from next spring."),
            new Block.Heading(2, "Reaction"),
            new Block.Paragraph(
                "Residents' groups welcomed the vote. Critics listed their concerns:"),
            new Block.ListBlock(
                false,
                List.of(
                    "the cost of new railings;",
                    "noise at night; and",
                    "the loss of parking spaces.")),
            new Block.Paragraph("The council's plan has three stages:"),
            new Block.ListBlock(
                true,
                List.of(
                    "widening the footpath,", "adding cycle lanes,", "lighting the whole span.")),
            new Block.Quote(
                "We waited ten years for this day, and it was worth it. — Joana Lima, residents'"
                    + " association"),
            new Block.Paragraph(
                "Work is expected to begin in March 2005. More details will follow on the council"
                    + " website."),
            new Block.Paragraph("* marks the figures the council has not yet confirmed."),
            new Block.Image(
                FILE_PATH + "Bridge_north_end.jpg",
                "",
                "The north end of the bridge.",
                "Ana Example"),
            new Block.Image(FILE_PATH + "Bridge_model.jpg", "", "A model of the cycle lanes.", ""));
  }

  @Test
  void parse_publishedArticle_givesDateCategoriesSourcesAndStage() throws IOException {
    Wikitext.Page page = Wikitext.parse(fixture("published.wiki"));
    assertThat(page.date()).isEqualTo(LocalDate.of(2004, 11, 13));
    assertThat(page.categories()).containsExactly("Politics and conflicts", "Brazil", "Published");
    assertThat(page.sources())
        .containsExactly(
            new CitedSource(
                "Council backs bridge access",
                "http://example.org/council-vote",
                "Example Gazette",
                "",
                "",
                "",
                ""),
            new CitedSource(
                "Bridge opens to cyclists",
                "http://example.org/bridge-vote",
                "Example Gazette",
                "Carla Example",
                "November 12, 2004",
                "pt",
                "https://web.archive.org/web/2004/http://example.org/bridge-vote"),
            new CitedSource(
                "Council votes on harbour bridge",
                "http://example.com/story",
                "Example Daily",
                "",
                "November 13, 2004",
                "",
                ""));
    assertThat(page.published()).isTrue();
    assertThat(page.draft()).isFalse();
    assertThat(page.disambiguation()).isFalse();
  }

  @Test
  void parse_archivedArticle_bylineDateSubheadingAndNoSourcesSection() throws IOException {
    Wikitext.Page page = Wikitext.parse(fixture("archived.wiki"));
    assertThat(page.date()).isEqualTo(LocalDate.of(2019, 10, 4));
    assertThat(page.published()).isTrue();
    assertThat(page.blocks())
        .containsExactly(
            new Block.Paragraph(
                "A magnitude 5.2 earthquake shook the coastal province of Example early on Thursday,"
                    + " damaging a church and several homes, the regional civil defence office"
                    + " said."),
            new Block.Paragraph(
                "No deaths were reported. Officials said 14 people were treated in hospital for"
                    + " minor injuries."),
            new Block.Heading(3, "Aftershocks"),
            new Block.Paragraph(
                "Seismologists recorded more than 30 aftershocks in the following hours."));
    assertThat(page.sources()).extracting(CitedSource::publisher).containsExactly("Example Wire");
    assertThat(page.categories()).containsExactly("Earthquakes", "Example Province");
  }

  @Test
  void parse_stages() throws IOException {
    assertThat(Wikitext.parse(fixture("draft.wiki")).draft()).isTrue();
    Wikitext.Page review = Wikitext.parse(fixture("review.wiki"));
    assertThat(review.published()).isTrue();
    assertThat(review.draft()).isTrue();
    assertThat(Wikitext.parse(fixture("unpublished.wiki")).published()).isFalse();
    assertThat(Wikitext.parse(fixture("disambiguation.wiki")).disambiguation()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '§',
      quoteCharacter = '^',
      value = {
        "[[Paris]] and [[Lyon|the other city]] § Paris and the other city",
        "[[bus]]es and [[train]]s § buses and trains",
        "[[Paris (France)|]] § Paris",
        "[[w:Example Party|Example Party]] § Example Party",
        "[[w:Example Party]] § Example Party",
        "[[:Category:Sports|sports news]] § sports news",
        "[[Example#History|history]] and [[Example#History]] § history and Example",
        "before [[de:Beispiel]]after § before after",
        "{{w|Federal University of Example|the university}} § the university",
        "{{W|Lisbon}} § Lisbon",
        "{{w|Example {{nowrap|Party}}|a party}} § a party",
        "a {{lang|pt|saudade}} feeling § a saudade feeling",
        "{{convert|5|-|10|km}} away § 5–10 km away",
        "'''''very''''' bold § very bold",
        "'''Wikinews'''' reporter § Wikinews' reporter",
        "[http://example.org/a the report] and [https://example.org/b] § the report and",
        "a&nbsp;b &amp; c &#124; d § a b & c | d",
        "<span style=\"color:red\">red</span> <small>small</small> § red small",
        "x<sup>2</sup> <math>e=mc^2</math> § x2",
        "broken {{unclosed template and [[unclosed link § broken unclosed template and unclosed link",
        "{{#if:x|y|z}}kept § kept",
        "5{{nbsp}}km{{ndash}}long, {{flag|Brazil}}{{flagicon|Chile}} § 5 km–long, Brazil",
      })
  void inline_markupToText(String in, String out) {
    assertThat(Wikitext.inline(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '§',
      quoteCharacter = '^',
      value = {
        "November 13, 2004 § 2004-11-13",
        "Sunday, April 28, 2019 § 2019-04-28",
        "13 November 2004 § 2004-11-13",
        "2019-04-28 § 2019-04-28",
        "april 3rd, 2020 § 2020-04-03",
        "Sept. 2019 § ^^",
      })
  void parseDate_acceptsTheFormsWikinewsUses(String in, String out) {
    LocalDate d = Wikitext.parseDate(in);
    assertThat(d == null ? "" : d.toString()).isEqualTo(out);
  }

  @Test
  void parse_dropsReferencesCommentsTablesAndNestedTables() {
    Wikitext.Page p =
        Wikitext.parse(
            "Text<ref>A note with [[a link]]</ref> goes on.<!-- hidden\nacross lines -->\n"
                + "{|\n| a || {|\n| nested\n|}\n|}\nAfter the table.<ref name=x/>");
    assertThat(p.blocks()).containsExactly(new Block.Paragraph("Text goes on. After the table."));
  }

  @Test
  void parse_imageWithLinkedCaptionAndNoCaption() {
    Wikitext.Page p =
        Wikitext.parse(
            "[[File:A b.jpg|thumb|upright=1.2|left|A [[Example Party|party]] rally (Photo: J. Example)]]\n"
                + "[[Image:Map.png|200px]]\nBody.");
    assertThat(p.blocks())
        .containsExactly(
            new Block.Image(FILE_PATH + "A_b.jpg", "", "A party rally", "J. Example"),
            new Block.Image(FILE_PATH + "Map.png", "", "", ""),
            new Block.Paragraph("Body."));
  }

  @Test
  void parse_videoCaptionsAreNotImages() {
    Wikitext.Page p = Wikitext.parse("[[File:Clip.ogv|thumb|The launch. Video: NASA.]]\nBody.");
    assertThat(p.blocks()).containsExactly(new Block.Paragraph("Body."));
  }
}
