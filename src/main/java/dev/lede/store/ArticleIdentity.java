package dev.lede.store;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Urls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Article identity and content hashing, shared by every store backend so that they agree.
 *
 * <p>Identity, in order of precedence:
 *
 * <ol>
 *   <li>an explicit {@code id} on input is the identity, verbatim (the same URL under two ids gives
 *       two articles: evaluations join on these ids);
 *   <li>otherwise the canonical URL, else the URL, normalised with {@link Urls#normalize} (tracking
 *       parameters, fragments, default ports and case differences do not make a new article); the
 *       id is {@code "u-"} followed by the first 16 hex digits (64 bits) of the SHA-256 of the
 *       normalised URL;
 *   <li>otherwise the text: {@code "h-"} followed by the first 16 hex digits of the SHA-256 of the
 *       title and body, lower-cased with whitespace collapsed (so re-ingesting the same text dump
 *       is idempotent; changed text is necessarily a different article).
 * </ol>
 *
 * 64 bits keep ids short enough for URLs; the chance of any collision among a million URLs is about
 * 3·10⁻⁸, and a store that meets one refuses the write rather than merging two articles.
 *
 * <p>The content hash decides between UNCHANGED and UPDATED. It covers the editorial content only
 * (title, bylines, published date, language, site name, section, description, tags, blocks,
 * attribution): the page furniture that changes on every fetch (the "related" teasers, the modified
 * time, tracking parameters in the URL) does not make a new version.
 */
public final class ArticleIdentity {
  /** Longest explicit id accepted. */
  public static final int MAX_ID_LENGTH = 200;

  private static final HexFormat HEX = HexFormat.of();

  private ArticleIdentity() {}

  /**
   * Why the article cannot be stored, or null when it can: a blank or over-long explicit id, an id
   * with control characters, no title and no text at all, or a published or modified time outside
   * the years 1000 to 9999.
   */
  public static @Nullable String invalidReason(Article a) {
    String id = a.id();
    if (id != null) {
      if (id.isBlank()) {
        return "the id is blank";
      }
      if (id.length() > MAX_ID_LENGTH) {
        return "the id is longer than " + MAX_ID_LENGTH + " characters";
      }
      if (!id.strip().equals(id) || id.chars().anyMatch(Character::isISOControl)) {
        return "the id has control characters or surrounding spaces";
      }
    }
    if (a.title().isBlank() && a.text().isBlank()) {
      return "the article has neither a title nor a text";
    }
    if (!plausible(a.published())) {
      return "the published time " + a.published() + " is not in the years 1000 to 9999";
    }
    if (!plausible(a.modified())) {
      return "the modified time " + a.modified() + " is not in the years 1000 to 9999";
    }
    return null;
  }

  /** Earliest and latest times stored: feeds, sitemaps and JSON write years of four digits. */
  private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private static boolean plausible(@Nullable Instant t) {
    return t == null || (!t.isBefore(EARLIEST) && !t.isAfter(LATEST));
  }

  /** The article's identity (see the class comment); the article must be valid. */
  public static String idFor(Article a) {
    if (a.id() != null) {
      return a.id();
    }
    String key = urlKey(a);
    if (!key.isEmpty()) {
      return "u-" + sha256Hex(key).substring(0, 16);
    }
    String text = normaliseText(a.title()) + "\n" + normaliseText(a.text());
    return "h-" + sha256Hex(text).substring(0, 16);
  }

  /** The normalised canonical URL, else the normalised URL, else empty. */
  public static String urlKey(Article a) {
    String key = urlKey(a.canonicalUrl());
    return key.isEmpty() ? urlKey(a.url()) : key;
  }

  /** The normalised form of a URL for look-ups, or empty when it is not an http(s) URL. */
  public static String urlKey(String url) {
    if (url.isBlank()) {
      return "";
    }
    try {
      return Urls.normalize(url);
    } catch (IllegalArgumentException notHttp) {
      return "";
    }
  }

  /** Hash of the editorial content (32 hex digits, 128 bits of SHA-256). */
  public static String contentHash(Article a) {
    MessageDigest d = sha256();
    put(d, a.title());
    put(d, a.bylines());
    Instant p = a.published();
    put(d, p == null ? "" : p.toString());
    put(d, a.language());
    put(d, a.siteName());
    put(d, a.section());
    put(d, a.description());
    put(d, a.tags());
    for (Block b : a.blocks()) {
      switch (b) {
        case Block.Paragraph x -> put(d, "p", x.text());
        case Block.Heading x -> put(d, "h" + x.level(), x.text());
        case Block.ListBlock x -> {
          put(d, x.ordered() ? "ol" : "ul");
          put(d, x.items());
        }
        case Block.Quote x -> put(d, "q", x.text());
        case Block.Image x -> put(d, "img", x.src(), x.alt(), x.caption(), x.credit());
      }
    }
    put(d, a.attribution());
    return HEX.formatHex(d.digest()).substring(0, 32);
  }

  private static String normaliseText(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static void put(MessageDigest d, List<String> values) {
    put(d, Integer.toString(values.size()));
    for (String v : values) {
      put(d, v);
    }
  }

  private static void put(MessageDigest d, String... values) {
    for (String v : values) {
      byte[] b = v.getBytes(StandardCharsets.UTF_8);
      // Length-prefixed, so that ("ab", "c") and ("a", "bc") hash differently.
      d.update((byte) (b.length >>> 24));
      d.update((byte) (b.length >>> 16));
      d.update((byte) (b.length >>> 8));
      d.update((byte) b.length);
      d.update(b);
    }
  }

  private static String sha256Hex(String s) {
    return HEX.formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
