package dev.lede.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tells HTML from plain text, and refuses binary content, by looking at the first bytes. */
final class ContentSniffer {
  private static final int SNIFF_BYTES = 8192;
  private static final Pattern HTML_MARKERS =
      Pattern.compile(
          "<(!doctype\\s+html|html[\\s>]|head[\\s>]|body[\\s>]|meta\\s|title>|div[\\s>]|p>|p\\s"
              + "|article[\\s>]|script[\\s>]|link\\s|table[\\s>]|span[\\s>]|a\\s+href|br\\s*/?>|h[1-6][\\s>])");

  private ContentSniffer() {}

  /** Throws when the bytes look like a binary format rather than text or markup. */
  static void requireText(byte[] b) {
    String magic = magic(b);
    if (magic != null) {
      throw new ExtractionException("binary content (" + magic + "), not a page");
    }
    int n = Math.min(b.length, SNIFF_BYTES);
    int start = hasUtf16Bom(b) ? n : 0; // UTF-16 text has NULs by design
    int controls = 0;
    for (int i = start; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        throw new ExtractionException("binary content (NUL bytes), not a page");
      }
      if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) {
        controls++;
      }
    }
    if (n > 0 && controls * 20 > n) {
      throw new ExtractionException(
          "binary content (" + controls + " control bytes in the first " + n + "), not a page");
    }
  }

  /** HTML when markup appears near the start, TEXT otherwise. */
  static Extractor.Type guessType(byte[] b) {
    int n = Math.min(b.length, SNIFF_BYTES);
    String head;
    if (hasUtf16Bom(b)) {
      head =
          new String(
              b,
              0,
              n,
              (b[0] & 0xff) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    } else {
      head = new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }
    String lower = head.toLowerCase(Locale.ROOT);
    String trimmed = lower.stripLeading();
    if (trimmed.startsWith("\ufeff")) {
      trimmed = trimmed.substring(1).stripLeading();
    }
    if (trimmed.startsWith("\u00ef\u00bb\u00bf")) { // a UTF-8 byte-order mark read as Latin-1
      trimmed = trimmed.substring(3).stripLeading();
    }
    if (trimmed.startsWith("<!doctype html") || trimmed.startsWith("<html")) {
      return Extractor.Type.HTML;
    }
    if (trimmed.startsWith("<") && HTML_MARKERS.matcher(lower).find()) {
      return Extractor.Type.HTML;
    }
    // Markup further in still counts if it is dense (a page with a leading comment or text).
    var m = HTML_MARKERS.matcher(lower);
    int hits = 0;
    while (m.find() && hits < 5) {
      hits++;
    }
    return hits >= 5 ? Extractor.Type.HTML : Extractor.Type.TEXT;
  }

  private static boolean hasUtf16Bom(byte[] b) {
    return b.length >= 2
        && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)
            || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE));
  }

  private static String magic(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "PNG image";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "JPEG image";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "GIF image";
    }
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "PDF document";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "ZIP archive";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "gzip data";
    }
    if (startsWith(b, 'B', 'Z', 'h')) {
      return "bzip2 data";
    }
    if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
      return "ELF executable";
    }
    if (startsWith(b, 'R', 'I', 'F', 'F')) {
      return "RIFF media";
    }
    if (b.length > 12 && startsWith(b, 0, 0, 0) && b[4] == 'f' && b[5] == 't' && b[6] == 'y') {
      return "MP4 media";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != (prefix[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
