package dev.lede.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes page bytes. Order of evidence, as browsers do: a byte-order mark, then the transport's
 * charset, then a {@code <meta>} declaration in the first 4 KB (HTML) , then strict UTF-8, then
 * windows-1252 (what pages labelled ISO-8859-1 or not labelled at all almost always are). A
 * declared charset that the bytes contradict (declared UTF-8 but invalid) falls back the same way.
 * Without a byte-order mark, a UTF-16 or UTF-32 label (header or {@code <meta>}) is read as UTF-8,
 * as browsers do.
 */
final class Charsets {
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-zA-Z0-9_.\\-]+)");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Charsets() {}

  static String decodeHtml(byte[] b, @Nullable String hint) {
    Charset bom = bomCharset(b);
    if (bom != null) {
      return stripBom(new String(b, bom));
    }
    Charset declared = lookup(hint);
    if (declared == null) {
      String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        declared = lookup(m.group(1));
      } else {
        Matcher x = XML_ENCODING.matcher(head);
        if (x.find()) {
          declared = lookup(x.group(1));
        }
      }
    }
    return decodeWith(b, declared);
  }

  static String decodeText(byte[] b, @Nullable String hint) {
    Charset bom = bomCharset(b);
    if (bom != null) {
      return stripBom(new String(b, bom));
    }
    Charset declared = lookup(hint);
    if (declared == null && mostlyUtf8(b)) {
      // UTF-8 with a few broken bytes (a truncated copy, a bad paste): keep the valid text and
      // mark the broken bytes with U+FFFD rather than reading every accent as windows-1252.
      return new String(b, StandardCharsets.UTF_8);
    }
    return decodeWith(b, declared);
  }

  /**
   * True when the bytes are not valid UTF-8 but hold at least twice as many valid multibyte UTF-8
   * sequences as invalid bytes: UTF-8 with damage, not a legacy single-byte charset (whose accented
   * letters almost never form valid UTF-8 sequences).
   */
  static boolean mostlyUtf8(byte[] b) {
    long valid = 0;
    long invalid = 0;
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need =
          c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      int k = 1;
      while (need > 0 && k <= need && i + k < b.length && (b[i + k] & 0xC0) == 0x80) {
        k++;
      }
      if (need > 0 && k == need + 1) {
        valid++;
        i += k;
      } else {
        invalid++;
        i++;
      }
    }
    return invalid > 0 && valid > 0 && valid >= 2 * invalid;
  }

  private static String decodeWith(byte[] b, @Nullable Charset declared) {
    if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
      // A page declaring a legacy charset whose bytes are valid UTF-8 with multibyte sequences is
      // almost always UTF-8 mislabelled by its server.
      if ((isLatin(declared) || isLegacyMultibyte(declared)) && hasMultibyteUtf8(b)) {
        String utf8 = strictUtf8(b);
        if (utf8 != null) {
          return utf8;
        }
      }
      return new String(b, isLatin1(declared) ? WINDOWS_1252 : declared);
    }
    String utf8 = strictUtf8(b);
    return utf8 != null ? utf8 : new String(b, WINDOWS_1252);
  }

  private static boolean isLatin(Charset c) {
    return isLatin1(c) || c.name().toLowerCase(Locale.ROOT).startsWith("windows-125");
  }

  /**
   * East Asian and Cyrillic legacy charsets (GB2312, GBK, Big5, Shift_JIS, EUC-*, KOI8-*): a whole
   * page of text in them almost never happens to be valid UTF-8, so when the bytes are valid UTF-8
   * the declaration is stale (a page re-saved as UTF-8 keeping its old {@code <meta>}).
   */
  private static boolean isLegacyMultibyte(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return n.startsWith("gb")
        || n.startsWith("big5")
        || n.contains("jis")
        || n.startsWith("euc")
        || n.startsWith("koi8")
        || n.startsWith("iso-8859")
        || n.startsWith("x-")
        || n.equals("windows-31j");
  }

  private static boolean isLatin1(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return n.equals("iso-8859-1") || n.equals("us-ascii");
  }

  private static boolean hasMultibyteUtf8(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      int c = b[i] & 0xff;
      if (c >= 0xC2 && c <= 0xF4 && (b[i + 1] & 0xC0) == 0x80) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String strictUtf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static @Nullable Charset lookup(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("utf8")) {
      n = "utf-8";
    }
    // WHATWG: these labels mean windows-1252 in practice.
    if (n.equals("latin1") || n.equals("iso-8859-1") || n.equals("ascii") || n.equals("us-ascii")) {
      return WINDOWS_1252;
    }
    Charset c;
    try {
      c = Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
    // WHATWG: a UTF-16 or UTF-32 label without a byte-order mark means UTF-8 (labels are looked up
    // only once no mark was found). Such bytes are ASCII-compatible: real UTF-16 or UTF-32 text has
    // NUL bytes, which ContentSniffer refuses as binary before decoding.
    String canonical = c.name().toLowerCase(Locale.ROOT);
    return canonical.contains("utf-16") || canonical.contains("utf-32")
        ? StandardCharsets.UTF_8
        : c;
  }

  static @Nullable Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\ufeff' ? s.substring(1) : s;
  }
}
