package dev.lede.ingest;

import dev.lede.extract.Extractor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the bytes of an XML or JSON document to text. Evidence in order: a byte-order mark, the
 * document's own XML declaration, the HTTP charset. Servers often label feeds with a wrong charset
 * (text/xml defaulting to ISO-8859-1) while the document declares the right one, so the declaration
 * goes before the header, as feed readers do; a declared UTF-8 the bytes contradict falls through
 * to the next candidate, and a Latin label on valid multibyte UTF-8 is taken as UTF-8. Last resort:
 * strict UTF-8, then windows-1252 (what "ISO-8859-1" means on the web).
 */
final class XmlText {
  private static final Pattern DECL_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private XmlText() {}

  static String decode(byte[] b, @Nullable String headerCharset) {
    Charset bom = Extractor.byteOrderMark(b);
    if (bom != null) {
      int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
      return new String(b, skip, b.length - skip, bom);
    }
    if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0) {
      return new String(b, StandardCharsets.UTF_16BE);
    }
    if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[3] == 0) {
      return new String(b, StandardCharsets.UTF_16LE);
    }
    List<Charset> candidates = new ArrayList<>(2);
    String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1);
    Matcher m = DECL_ENCODING.matcher(head);
    if (m.find()) {
      addIfKnown(candidates, m.group(1));
    }
    addIfKnown(candidates, headerCharset);
    for (Charset c : candidates) {
      if (c.equals(StandardCharsets.UTF_8)) {
        String s = strictUtf8(b);
        if (s != null) {
          return s;
        }
        continue;
      }
      if (isLatin(c) && hasMultibyteUtf8(b)) {
        String s = strictUtf8(b);
        if (s != null) {
          return s;
        }
      }
      if (c.name().startsWith("UTF-16")) {
        continue; // a UTF-16 label on bytes without NULs: ignore the label
      }
      return new String(b, isLatin1(c) ? WINDOWS_1252 : c);
    }
    String s = strictUtf8(b);
    return s != null ? s : new String(b, WINDOWS_1252);
  }

  private static void addIfKnown(List<Charset> out, @Nullable String name) {
    if (name == null || name.isBlank()) {
      return;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.equals("utf8")) {
      n = "utf-8";
    }
    try {
      Charset c = Charset.forName(n);
      if (!out.contains(c)) {
        out.add(c);
      }
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      // an unknown label is no evidence
    }
  }

  private static boolean isLatin(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return isLatin1(c) || n.startsWith("windows-125") || n.startsWith("iso-8859-");
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

  static @Nullable String strictUtf8(byte[] b) {
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
}
