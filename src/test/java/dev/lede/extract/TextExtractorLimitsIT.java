package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Huge text dumps: the extractor must finish without running out of memory, reading a bounded
 * prefix. The timeouts only guard against hangs (they are minutes, not a speed target).
 */
class TextExtractorLimitsIT {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void fiftyMegabyteDump_isReadUpToTheBound() {
    String paragraph =
        "The committee met again on Thursday to discuss the harbour budget, and members said they"
            + " expected a decision before the end of the month, according to the minutes.\n\n";
    String head = "Harbour committee publishes fifty years of minutes\n\n";
    byte[] unit = paragraph.getBytes(StandardCharsets.UTF_8);
    int target = 50 * 1024 * 1024;
    byte[] bytes = new byte[target];
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(h, 0, bytes, 0, h.length);
    for (int at = h.length; at < target; at += unit.length) {
      System.arraycopy(unit, 0, bytes, at, Math.min(unit.length, target - at));
    }

    Article a = Extractor.extract(bytes, Extractor.Type.AUTO, null, null);

    assertThat(a.title()).isEqualTo("Harbour committee publishes fifty years of minutes");
    assertThat(a.text().length()).isLessThanOrEqualTo(TextLines.MAX_CHARS);
    assertThat(a.blocks()).hasSizeGreaterThan(10_000).allMatch(b -> b instanceof Block.Paragraph);
    assertThat(a.blocks().get(0).text()).isEqualTo(paragraph.strip());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void tenMegabyteSingleLine_becomesOneBoundedParagraph() {
    byte[] bytes = new byte[10 * 1024 * 1024];
    Arrays.fill(bytes, (byte) 'a');
    for (int i = 7; i < bytes.length; i += 8) {
      bytes[i] = ' ';
    }
    Article a = Extractor.extract(bytes, Extractor.Type.AUTO, null, null);
    assertThat(a.blocks()).hasSize(1);
    assertThat(a.text().length()).isLessThanOrEqualTo(TextLines.MAX_LINE_CHARS);
    assertThat(a.title()).isEmpty();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void manyShortLinesAndFurniture_finish() {
    StringBuilder sb = new StringBuilder("Lines upon lines\n");
    while (sb.length() < 3 * 1024 * 1024) {
      sb.append(
          "Share and Follow\nRead more\nA B\n1. x\n- y\n> z\nBy Jane Doe\nMarch 3, 2025\n…\n");
    }
    Article a = Extractor.fromText(sb.toString(), null);
    assertThat(a.title()).isEqualTo("Lines upon lines");
  }
}
