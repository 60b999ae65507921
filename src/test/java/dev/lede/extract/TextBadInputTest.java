package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input on the text path: a clear error or a best-effort article, never garbage or a crash. */
class TextBadInputTest {
  private static final String HEADLINE = "Café owners in Zürich protest new terrace fees";
  private static final String BODY =
      "Owners of more than 200 cafés said on Monday that the city’s new fees for outdoor terraces"
          + " would force some of them to close before the summer — “we cannot pass this on to"
          + " customers,” one said.";
  private static final String DUMP = HEADLINE + "\n\n" + BODY + "\n";

  @ParameterizedTest
  @EnumSource(
      value = Extractor.Type.class,
      names = {"TEXT", "AUTO"})
  void emptyInput_isAClearError(Extractor.Type type) {
    assertThatThrownBy(() -> Extractor.extract(new byte[0], type, null, null))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n\n\n", " \t \r\n \u00a0 \n", "\u200b\ufeff\n", "\f\u000b\n"})
  void whitespaceOnly_isAClearError(String blank) {
    byte[] bytes = blank.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Extractor.extract(bytes, Extractor.Type.AUTO, null, null))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("whitespace");
    assertThatThrownBy(() -> Extractor.fromText(blank, null))
        .isInstanceOf(ExtractionException.class);
  }

  @Test
  void binaryFormats_areRefusedWithTheirName() throws IOException {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    byte[] pdf =
        "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("article.txt"));
      z.write(DUMP.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    for (Extractor.Type type : Extractor.Type.values()) {
      assertThatThrownBy(() -> Extractor.extract(png, type, null, null))
          .isInstanceOf(ExtractionException.class)
          .hasMessageContaining("PNG image");
      assertThatThrownBy(() -> Extractor.extract(pdf, type, null, null))
          .hasMessageContaining("PDF document");
      assertThatThrownBy(() -> Extractor.extract(zip.toByteArray(), type, null, null))
          .hasMessageContaining("ZIP archive");
    }
  }

  @Test
  void randomBytes_areRefusedAsBinary() {
    long seed = 20250303L;
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int round = 0; round < 20; round++) {
      byte[] bytes = new byte[1 + rnd.nextInt(20_000)];
      rnd.nextBytes(bytes);
      if (bytes.length > 4 && bytes[0] == (byte) 0xFE) {
        bytes[0] = 0; // not a UTF-16 byte-order mark by chance
      }
      assertThatThrownBy(() -> Extractor.extract(bytes, Extractor.Type.TEXT, null, null))
          .as("seed %d round %d", seed, round)
          .isInstanceOf(ExtractionException.class)
          .hasMessageContaining("binary content");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
  void utf16WithByteOrderMark_isDecoded(String charset) {
    Charset cs = Charset.forName(charset);
    byte[] bytes = ("\ufeff" + DUMP).getBytes(cs);
    Article a = Extractor.extract(bytes, Extractor.Type.AUTO, null, null);
    assertThat(a.title()).isEqualTo(HEADLINE);
    assertThat(a.text()).isEqualTo(BODY);
  }

  @Test
  void utf8WithByteOrderMark_isDecodedWithoutTheMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = DUMP.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(body, 0, bytes, 3, body.length);
    assertThat(Extractor.extract(bytes, Extractor.Type.AUTO, null, null).title())
        .isEqualTo(HEADLINE);
  }

  @Test
  void latin1AndWindows1252_areDecoded() {
    String latin =
        "Café owners in Zürich protest new terrace fees\n\nÜber 200 Cafés in Zürich sagten am"
            + " Montag, die neuen Gebühren für Terrassen seien zu hoch, sagte ein Sprecher.\n";
    Article a =
        Extractor.extract(
            latin.getBytes(StandardCharsets.ISO_8859_1), Extractor.Type.AUTO, null, null);
    assertThat(a.title()).isEqualTo(HEADLINE);
    assertThat(a.text()).startsWith("Über 200 Cafés in Zürich");

    byte[] cp1252 = DUMP.getBytes(Charset.forName("windows-1252"));
    Article b = Extractor.extract(cp1252, Extractor.Type.TEXT, null, null);
    assertThat(b.title()).isEqualTo(HEADLINE);
    assertThat(b.text()).isEqualTo(BODY); // curly quotes and the dash survive
  }

  @Test
  void invalidUtf8_keepsTheValidTextAndMarksTheBrokenBytes() {
    byte[] good = DUMP.getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 2];
    int cut = (HEADLINE + "\n\n").getBytes(StandardCharsets.UTF_8).length;
    System.arraycopy(good, 0, bad, 0, cut);
    bad[cut] = (byte) 0xFF; // never valid in UTF-8
    bad[cut + 1] = (byte) 0xC3; // a lead byte without its continuation
    System.arraycopy(good, cut, bad, cut + 2, good.length - cut);
    Article a = Extractor.extract(bad, Extractor.Type.AUTO, null, null);
    assertThat(a.title()).isEqualTo(HEADLINE);
    assertThat(a.text()).contains("cafés", "city’s", "—").endsWith(BODY).startsWith("\ufffd");
  }

  @Test
  void declaredCharsetHint_isHonoured() {
    byte[] bytes = DUMP.getBytes(Charset.forName("ISO-8859-15"));
    Article a = Extractor.extract(bytes, Extractor.Type.TEXT, "ISO-8859-15", null);
    assertThat(a.title()).isEqualTo(HEADLINE);
  }

  @Test
  void autoDetection_textThatMentionsATagIsStillText() {
    String dump =
        "Web team explains why the council site broke\n\n"
            + "The outage began when an editor pasted a stray <p> into the page template, the"
            + " council's web team said on Friday.\n\n"
            + "A fix was deployed within an hour, and the team said it would add checks.\n";
    byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
    assertThat(ContentSniffer.guessType(bytes)).isEqualTo(Extractor.Type.TEXT);
    Article a = Extractor.extract(bytes, Extractor.Type.AUTO, null, null);
    assertThat(a.title()).isEqualTo("Web team explains why the council site broke");
    assertThat(a.text()).contains("a stray <p> into the page template");
    assertThat(a.blocks()).hasSize(2);
  }

  @Test
  void autoDetection_htmlIsHtml() {
    String[] pages = {
      "<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello</p></body></html>",
      "  \n<html lang=\"en\"><body><p>Hello</p></body></html>",
      "<!-- saved page -->\n<div class=\"story\"><p>Hello</p><p>World</p></div>",
      "\ufeff<!doctype html><p>Hello</p>"
    };
    for (String p : pages) {
      assertThat(ContentSniffer.guessType(p.getBytes(StandardCharsets.UTF_8)))
          .as(p)
          .isEqualTo(Extractor.Type.HTML);
    }
  }

  @Test
  void controlCharactersAndZeroWidthSpaces_areDroppedFromText() {
    String dump =
        "Café owners\u200b in Zürich protest new terrace fees\n\n"
            + BODY.replace("cafés", "caf\u00adés\u0007")
            + "\n";
    Article a = Extractor.fromText(dump, null);
    assertThat(a.title()).isEqualTo(HEADLINE);
    assertThat(a.text()).isEqualTo(BODY);
  }

  @Test
  void onlyFurniture_givesAnArticleWithoutBody() {
    Article a = Extractor.fromText("Share and Follow\nAdvertisement\nFollow us on X\n", null);
    assertThat(a.title()).isEmpty();
    assertThat(a.blocks()).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard: each line takes milliseconds
  void adversarialLines_doNotBacktrackForever() {
    String caps = "ABCDEFGHIJ".repeat(30);
    List<String> lines =
        List.of(
            "End of the statement. " + caps + " x",
            "End of the statement. " + caps + " " + caps + " (" + caps,
            "(" + "((".repeat(200) + "Photo: " + "a ".repeat(200),
            "By " + "Jane ".repeat(100) + "Doe",
            "Published " + "March 3, ".repeat(60) + "2025",
            "Share " + "and follow ".repeat(100),
            caps + "/" + caps + "/" + caps,
            "1. " + "x".repeat(500),
            "…".repeat(300),
            "Photo: " + "Jane/".repeat(100));
    for (String line : lines) {
      Credits.split(line);
      Article a = Extractor.fromText("A headline for the adversarial test\n\n" + line + "\n", null);
      assertThat(a.title()).isEqualTo("A headline for the adversarial test");
    }
  }

  @Test
  void randomDumps_neverThrowAndKeepBlocksNonEmpty() {
    long seed = 7_2025L;
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    String[] pieces = {
      "Share and Follow",
      "Related",
      "You May Also Like",
      "By Jane Doe",
      "March 3, 2025",
      "•",
      "-",
      "1.",
      ">",
      "(AP Photo/Lena Marsh)",
      "Photo:",
      "…",
      "...",
      "Reuters contributed to this report.",
      "The",
      "council",
      "said",
      "on",
      "Monday",
      "that",
      "it",
      "would",
      "rebuild",
      "the",
      "seawall.",
      "\"We",
      "waited,\"",
      "Advertisement",
      "https://example.org/a",
      "\t",
      "  ",
      "READ MORE:",
      "?",
      "Tags:",
      "Updated",
      "10:04",
      "a.m.",
      "ET",
      "|",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      "é",
      "—"
    };
    for (int round = 0; round < 300; round++) {
      StringBuilder sb = new StringBuilder();
      int lines = 1 + rnd.nextInt(40);
      for (int l = 0; l < lines; l++) {
        int words = rnd.nextInt(25);
        for (int w = 0; w < words; w++) {
          sb.append(pieces[rnd.nextInt(pieces.length)]).append(' ');
        }
        sb.append(rnd.nextInt(4) == 0 ? "\n\n" : rnd.nextInt(5) == 0 ? "\r\n" : "\n");
      }
      String dump = sb.toString();
      if (dump.isBlank()) {
        continue;
      }
      Article a = Extractor.fromText(dump, null);
      assertThat(a.blocks())
          .as("seed %d round %d", seed, round)
          .allSatisfy(
              b -> {
                if (!(b instanceof Block.Image)) {
                  assertThat(b.text()).isNotBlank();
                }
              });
      assertThat(a.related()).allSatisfy(t -> assertThat(t.headline()).isNotBlank());
    }
  }

  @Test
  void veryLongSingleLine_isCutAtAWordBoundary() {
    String line = "word ".repeat(60_000); // 300,000 characters, no line break
    Article a = Extractor.fromText(line, null);
    assertThat(a.blocks()).hasSize(1);
    Block.Paragraph p = (Block.Paragraph) a.blocks().get(0);
    assertThat(p.text().length()).isLessThanOrEqualTo(TextLines.MAX_LINE_CHARS);
    assertThat(p.text()).endsWith("word");
  }
}
