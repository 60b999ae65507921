package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlArticlesTest {

  private static Article line(String json) throws BadContentException {
    return JsonlArticles.fromLine(json, "line 1");
  }

  @Test
  void onlyText_titleFromFirstLine_notRepeated() throws Exception {
    Article a =
        line(
            "{\"text\": \"Lindsay Lohan checks into Betty Ford Center\\nMay 03, 2013\\nAfter skipping court, she entered rehab.\"}");
    assertThat(a.id()).isNull();
    assertThat(a.title()).isEqualTo("Lindsay Lohan checks into Betty Ford Center");
    // no blank line in the text: single line breaks separate paragraphs
    assertThat(a.blocks())
        .containsExactly(
            new Block.Paragraph("May 03, 2013"),
            new Block.Paragraph("After skipping court, she entered rehab."));
  }

  @Test
  void blankLines_separateParagraphs_singleBreaksJoin() throws Exception {
    Article a =
        line(
            "{\"title\": \"T\", \"text\": \"First line\\ncontinues here.\\n\\nSecond paragraph.\\n \\nThird.\"}");
    assertThat(a.blocks())
        .containsExactly(
            new Block.Paragraph("First line continues here."),
            new Block.Paragraph("Second paragraph."),
            new Block.Paragraph("Third."));
  }

  @Test
  void aliases_dateCategoriesImageCaptions_andIdKept() throws Exception {
    Article a =
        line(
            "{\"id\": \"wn-1\", \"title\": \"Lula meets Roh\", \"date\": \"2004-11-13\", \"categories\": [\"Brazil\", \"Politics\"],"
                + " \"url\": \"https://en.wikinews.org/wiki/X\", \"text\": \"Body.\","
                + " \"image_captions\": [\"President Lula and President Roh Moo-hyun. (J. Freitas/ABr)\"],"
                + " \"licence\": \"CC BY 2.5\", \"topic\": 3, \"event\": \"3_ecb\", \"sources\": [{\"url\": \"x\"}]}");
    assertThat(a.id()).isEqualTo("wn-1");
    assertThat(a.published()).isEqualTo(Instant.parse("2004-11-13T00:00:00Z"));
    assertThat(a.tags()).containsExactly("Brazil", "Politics");
    assertThat(a.url()).isEqualTo("https://en.wikinews.org/wiki/X");
    assertThat(a.blocks())
        .containsExactly(
            new Block.Paragraph("Body."),
            new Block.Image(
                "", "", "President Lula and President Roh Moo-hyun.", "J. Freitas/ABr"));
  }

  @Test
  void publishedWithOffset_toUtc_andNumericId() throws Exception {
    Article a =
        line(
            "{\"id\": 42, \"published\": \"2020-03-01T10:00:00+01:00\", \"modified\": \"2020-03-01 12:30:00\", \"text\": \"x\", \"title\": \"t\"}");
    assertThat(a.id()).isEqualTo("42");
    assertThat(a.published()).isEqualTo(Instant.parse("2020-03-01T09:00:00Z"));
    assertThat(a.modified()).isEqualTo(Instant.parse("2020-03-01T12:30:00Z"));
  }

  @Test
  void markupStripped_fromEveryTextField() throws Exception {
    Article a =
        line(
            "{\"title\": \"<b>Bold</b> &amp; plain\", \"bylines\": [\"<a href='x'>Jane Roe</a>\"], \"tags\": [\"<i>Tag</i>\"],"
                + " \"description\": \"<p>Desc</p>\", \"text\": \"<p>One <script>evil()</script>para.</p><p>Two.</p>\"}");
    assertThat(a.title()).isEqualTo("Bold & plain");
    assertThat(a.bylines()).containsExactly("Jane Roe");
    assertThat(a.tags()).containsExactly("Tag");
    assertThat(a.description()).isEqualTo("Desc");
    assertThat(a.blocks())
        .containsExactly(new Block.Paragraph("One para."), new Block.Paragraph("Two."));
  }

  @Test
  void controlCharacters_areNoText() throws Exception {
    Article a =
        line(
            "{\"title\": \"Nul\\u0000here \\u0007bell\", \"tags\": [\"a\\u0000b\"],"
                + " \"text\": \"Body\\u0000text \\u001b[31m.\\n\\nSecond\\u007f para.\"}");
    assertThat(a.title()).isEqualTo("Nul here bell");
    assertThat(a.tags()).containsExactly("a b");
    assertThat(a.blocks())
        .containsExactly(
            new Block.Paragraph("Body text [31m."), new Block.Paragraph("Second para."));
  }

  @Test
  void blocksGiven_usedAndCleaned() throws Exception {
    Article a =
        line(
            "{\"title\": \"T\", \"text\": \"ignored for blocks\", \"blocks\": [{\"type\": \"heading\", \"level\": 2, \"text\": \"<em>Sub</em>\"},"
                + " {\"type\": \"paragraph\", \"text\": \"Para.\"}, {\"type\": \"list\", \"ordered\": true, \"items\": [\"a\", \"<b>b</b>\"]}]}");
    assertThat(a.blocks())
        .containsExactly(
            new Block.Heading(2, "Sub"),
            new Block.Paragraph("Para."),
            new Block.ListBlock(true, List.of("a", "b")));
  }

  @Test
  void blocksWithoutText_accepted_asTheDemoCorpusGivesThem() throws Exception {
    Article a =
        line(
            "{\"id\": \"wn-2\", \"title\": \"Storm hits coast\", \"published\": \"2005-01-02T00:00:00Z\","
                + " \"blocks\": [{\"type\": \"paragraph\", \"text\": \"Winds of <b>120</b> km/h.\"},"
                + " {\"type\": \"image\", \"src\": \"\", \"alt\": \"\", \"caption\": \"The pier\", \"credit\": \"AP\"}]}");
    assertThat(a.id()).isEqualTo("wn-2");
    assertThat(a.title()).isEqualTo("Storm hits coast");
    assertThat(a.blocks())
        .containsExactly(
            new Block.Paragraph("Winds of 120 km/h."), new Block.Image("", "", "The pier", "AP"));
  }

  @Test
  void blocksWithoutTitle_openingHeadingIsTheTitle() throws Exception {
    Article a =
        line(
            "{\"blocks\": [{\"type\": \"heading\", \"level\": 1, \"text\": \"Storm hits coast\"},"
                + " {\"type\": \"paragraph\", \"text\": \"Winds.\"}]}");
    assertThat(a.title()).isEqualTo("Storm hits coast");
    assertThat(a.blocks()).containsExactly(new Block.Paragraph("Winds."));
  }

  @Test
  void longFirstLine_shortenedTitle_bodyKeepsIt() throws Exception {
    String first = "word ".repeat(60).strip(); // 299 characters
    Article a = line("{\"text\": \"" + first + "\\nSecond line.\"}");
    assertThat(a.title()).hasSizeLessThanOrEqualTo(200).endsWith("…");
    assertThat(a.blocks()).first().isEqualTo(new Block.Paragraph(first));
  }

  @Test
  void badLines_clearReasons() {
    assertThatThrownBy(() -> line("{\"title\": \"no text\"}"))
        .hasMessage("line 1: field 'text' is required (or 'blocks')");
    assertThatThrownBy(
            () -> line("{\"blocks\": [{\"type\": \"paragraph\", \"text\": \" <br> \"}]}"))
        .hasMessage("line 1: no text in 'blocks'");
    assertThatThrownBy(() -> line("{\"text\": 5}"))
        .hasMessage("line 1: field 'text' must be a string");
    assertThatThrownBy(() -> line("{\"text\": \"x\", \"date\": \"yesterday\"}"))
        .hasMessageContaining("'date'")
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> line("{\"text\": \"x\", \"published\": \"+20250-03-01T10:00:00Z\"}"))
        .hasMessageContaining("'published'")
        .hasMessageContaining("years 1000 to 9999");
    assertThatThrownBy(() -> line("{\"text\": \"x\", \"url\": \"javascript:alert(1)\"}"))
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> line("{\"text\": \"x\", \"bylines\": [{\"name\": \"A\"}]}"))
        .hasMessageContaining("list of strings");
    assertThatThrownBy(() -> line("[1, 2]")).hasMessage("line 1: not a JSON object");
    assertThatThrownBy(() -> line("{\"text\": \"x\""))
        .hasMessageStartingWith("line 1: not valid JSON");
    assertThatThrownBy(() -> line("{\"text\": \"   \"}")).hasMessageContaining("empty");
  }

  @Test
  void lineReader_skipsOverlongLines_andHandlesEndings() throws Exception {
    List<String> lines = new ArrayList<>();
    try (LineReader r =
        new LineReader(new StringReader("a\r\nbb\n" + "x".repeat(50) + "\rc"), 10)) {
      String l;
      while ((l = r.next()) != null) {
        lines.add(l);
      }
    }
    assertThat(lines).containsExactly("a", "bb", LineReader.TOO_LONG, "c");
  }
}
