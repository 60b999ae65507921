package dev.lede.extract;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The extraction stage's front door: raw bytes of a web page or a page saved as text, plus the URL
 * it came from, in; a clean {@link Article} out. Pure: no I/O, no shared state, safe to call from
 * any number of threads.
 *
 * <p>Bad input gets a best-effort article or an {@link ExtractionException} that says why (empty,
 * binary, not a page); never a hang, a stack overflow or an out-of-memory error for inputs up to
 * {@link #MAX_INPUT_BYTES}.
 */
public final class Extractor {
  /** Inputs larger than this are refused rather than parsed. */
  public static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

  /** How to read the input. */
  public enum Type {
    HTML,
    TEXT,
    AUTO
  }

  private Extractor() {}

  /**
   * Extracts an article from raw bytes.
   *
   * @param bytes the page as fetched or saved
   * @param type how to read it; {@link Type#AUTO} sniffs the bytes
   * @param charsetHint the charset from a Content-Type header, or null; pages may declare their own
   * @param url the page's address (used to resolve relative links), or null when unknown
   * @throws ExtractionException when the input is empty, binary or otherwise not a page
   */
  public static Article extract(
      byte[] bytes, Type type, @Nullable String charsetHint, @Nullable URI url) {
    if (bytes.length == 0) {
      throw new ExtractionException("empty input");
    }
    if (bytes.length > MAX_INPUT_BYTES) {
      throw new ExtractionException(
          "input of " + bytes.length + " bytes exceeds the limit of " + MAX_INPUT_BYTES);
    }
    ContentSniffer.requireText(bytes);
    Type effective = type == Type.AUTO ? ContentSniffer.guessType(bytes) : type;
    return switch (effective) {
      case HTML -> HtmlExtractor.extract(Charsets.decodeHtml(bytes, charsetHint), url);
      case TEXT, AUTO -> TextExtractor.extract(Charsets.decodeText(bytes, charsetHint), url);
    };
  }

  /** The charset a byte-order mark at the start of {@code bytes} names, or null without one. */
  public static @Nullable Charset byteOrderMark(byte[] bytes) {
    return Charsets.bomCharset(bytes);
  }

  /** Extracts an article from a decoded HTML page. */
  public static Article fromHtml(String html, @Nullable URI url) {
    if (html.isBlank()) {
      throw new ExtractionException("empty page");
    }
    return HtmlExtractor.extract(html, url);
  }

  /** Extracts an article from a page saved as plain text (a text dump). */
  public static Article fromText(String text, @Nullable URI url) {
    if (text.isBlank()) {
      throw new ExtractionException("empty text");
    }
    return TextExtractor.extract(text, url);
  }

  /**
   * An image block whose caption text is split into caption and credit by the rules the extractors
   * use ("… sacrifices. (Sputnik/Mikhail Metzel via Reuters)" → caption and credit). For other
   * stages that receive captions as text (JSONL ingest, feed content).
   *
   * @param src the image URL, or empty when only the caption is known
   */
  public static Block.Image captionedImage(String src, String alt, String captionText) {
    Credits.Split s = Credits.split(captionText);
    return new Block.Image(src, alt, s.caption(), s.credit());
  }

  /** Convenience for UTF-8 HTML given as a string of bytes. */
  static Article fromHtmlUtf8(byte[] bytes, @Nullable URI url) {
    return fromHtml(new String(bytes, StandardCharsets.UTF_8), url);
  }
}
