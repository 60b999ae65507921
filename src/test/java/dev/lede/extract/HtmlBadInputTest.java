package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Teaser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTML that is empty, binary, truncated, huge, absurdly deep or wrongly encoded. */
class HtmlBadInputTest {
  private static final String BODY =
      "<p>The river rose three metres overnight and flooded the lower town, officials said on"
          + " Tuesday.</p><p>Residents were moved to the school on the hill, where volunteers"
          + " served soup until late.</p>";

  private static Article html(String page) {
    return Extractor.extract(
        page.getBytes(StandardCharsets.UTF_8), Extractor.Type.HTML, null, null);
  }

  @Test
  void emptyAndBlankPages_areClearErrors() {
    assertThatThrownBy(() -> Extractor.extract(new byte[0], Extractor.Type.HTML, null, null))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Extractor.fromHtml("   \n ", null))
        .isInstanceOf(ExtractionException.class);
  }

  @Test
  void binaryBytes_areRefused() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};
    assertThatThrownBy(() -> Extractor.extract(png, Extractor.Type.AUTO, null, null))
        .isInstanceOf(ExtractionException.class);
  }

  @Test
  void truncatedHtml_givesTheTextThatArrived() {
    String page =
        "<html><head><title>Flood in the lower town</title></head><body><article>"
            + BODY
            + "<p>The mayor promised a new levee before the winter rains and said the cost";
    Article a = html(page);
    assertThat(a.title()).isEqualTo("Flood in the lower town");
    assertThat(a.text()).contains("The river rose three metres").contains("volunteers");
  }

  @Test
  @Timeout(60)
  void deeplyNestedMarkup_100kLevels_noStackOverflow() {
    StringBuilder sb = new StringBuilder("<html><head><title>Deep page</title></head><body>");
    sb.append("<div>".repeat(100_000)).append(BODY).append("</div>".repeat(100_000));
    sb.append("</body></html>");
    Article a = html(sb.toString());
    assertThat(a.title()).isEqualTo("Deep page");
    assertThat(a.text()).contains("The river rose three metres");
  }

  @Test
  @Timeout(120)
  void fiftyMegabytePage_finishesWithABestEffortArticle() {
    StringBuilder sb = new StringBuilder(52 * 1024 * 1024);
    sb.append("<html><head><title>Huge page</title></head><body><article>").append(BODY);
    String filler = "<div class=\"ad\"><a href=\"/x\">Buy now</a> and save on everything</div>\n";
    while (sb.length() < 50 * 1024 * 1024) {
      sb.append(filler);
    }
    sb.append("</article></body></html>");
    Article a = html(sb.toString());
    assertThat(a.title()).isEqualTo("Huge page");
    assertThat(a.text()).contains("The river rose three metres").doesNotContain("Buy now");
  }

  @Test
  void overTheInputLimit_isAClearErrorBeforeParsing() {
    byte[] big = new byte[Extractor.MAX_INPUT_BYTES + 1];
    assertThatThrownBy(() -> Extractor.extract(big, Extractor.Type.HTML, null, null))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void declaredLegacyCharset_isDecoded() {
    String page =
        "<html><head><meta charset=\"windows-1252\"><title>Café society – “quoted”</title></head>"
            + "<body><article>"
            + BODY
            + "<p>The café on the square stayed open; its owner, Zoë Müller, said “we will"
            + " manage”.</p></article></body></html>";
    byte[] bytes = page.getBytes(Charset.forName("windows-1252"));
    Article a = Extractor.extract(bytes, Extractor.Type.HTML, null, null);
    assertThat(a.title()).isEqualTo("Café society – “quoted”");
    assertThat(a.text()).contains("Zoë Müller").contains("“we will manage”");
  }

  @Test
  void wrongCharsetDeclaration_withValidUtf8_isReadAsUtf8() {
    String page =
        "<html><head><meta charset=\"iso-8859-1\"><title>Zoë’s café</title></head><body><article>"
            + BODY
            + "</article></body></html>";
    Article a = html(page);
    assertThat(a.title()).isEqualTo("Zoë’s café");
  }

  @ParameterizedTest
  @CsvSource(
      value = {"NULL", "utf-16", "UTF-16LE", "utf-32", "unicode"},
      nullValues = "NULL")
  void utf16Or32Label_withoutByteOrderMark_isReadAsUtf8(String header) {
    // the page says <meta charset="utf-16"> but is UTF-8, as every such page that has no NUL bytes
    // (and so was not refused as binary) must be; browsers read it as UTF-8 too
    byte[] bytes = HtmlFixtures.bytes("utf16-label.html");
    Article a = Extractor.extract(bytes, Extractor.Type.HTML, header, null);
    assertThat(a.title()).isEqualTo("Zoë’s café reopens on the square");
    assertThat(a.text()).contains("Zoë Müller").contains("“busier than any day last summer”");
    if (header != null) {
      String text = "Zoë’s café reopens\n\n" + a.text() + "\n";
      Article t =
          Extractor.extract(
              text.getBytes(StandardCharsets.UTF_8), Extractor.Type.TEXT, header, null);
      assertThat(t.text()).contains("Zoë Müller");
    }
  }

  @Test
  void damagedUtf8_isDecodedWithReplacements_notRefused() {
    byte[] good =
        ("<html><head><title>Broken bytes</title></head><body><article>" + BODY)
            .getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82};
    byte[] tail = "</article></body></html>".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[good.length + bad.length + tail.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    System.arraycopy(tail, 0, all, good.length + bad.length, tail.length);
    Article a = Extractor.extract(all, Extractor.Type.HTML, null, null);
    assertThat(a.text()).contains("The river rose three metres");
  }

  @Test
  void scriptInArticle_neverReachesTheText() {
    Article a =
        html(
            "<html><head><title>Safe</title></head><body><article>"
                + BODY
                + "<script>alert('x')</script><p onclick=\"steal()\">Officials will meet again"
                + " on Friday to review the damage and the cost.</p></article></body></html>");
    assertThat(a.text()).doesNotContain("alert").doesNotContain("steal");
  }

  @Test
  void scriptAndDataUrls_neverBecomeCanonicalImageOrTeaserUrls() {
    Article a =
        HtmlFixtures.extract(
            "script-urls.html", "https://courier.example/news/2024/04/02/night-ferry?ref=rss");
    // the canonical link names a script: og:url, the next source, is taken instead
    assertThat(a.canonicalUrl()).isEqualTo("https://courier.example/news/2024/04/02/night-ferry");
    assertThat(a.images())
        .extracting(Block.Image::src)
        .containsExactly("https://courier.example/images/night-ferry.jpg");
    assertThat(a.related())
        .extracting(Teaser::url)
        .containsExactly("https://courier.example/news/2024/03/30/ferry-fares");
    assertThat(a.text()).contains("The night ferry to the island will run again from May");
  }
}
