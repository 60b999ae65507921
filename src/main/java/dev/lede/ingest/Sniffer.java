package dev.lede.ingest;

import dev.lede.extract.Extractor;
import dev.lede.model.Source;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells what a fetched document is, for URLs given without a kind: the root element decides for XML
 * ({@code rss}, {@code RDF}, {@code feed} → feed; {@code urlset}, {@code sitemapindex} → sitemap),
 * a JSON document with a jsonfeed.org version is a feed, a text file of URLs is a text sitemap,
 * anything else is a page. Content beats the declared type, which servers often get wrong.
 */
final class Sniffer {
  private static final Pattern ROOT =
      Pattern.compile(
          "^(?:\\s|<\\?[^>]*\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>)*<([A-Za-z_][\\w:.-]*)",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private Sniffer() {}

  static Source.Kind kind(byte[] body, @Nullable String mediaType) {
    String head = head(body);
    String type = mediaType == null ? "" : mediaType;
    if (Feeds.isJson(body)) {
      return head.contains("jsonfeed.org/version") ? Source.Kind.FEED : Source.Kind.PAGE;
    }
    Matcher m = ROOT.matcher(head);
    if (m.find()) {
      String root = m.group(1).toLowerCase(Locale.ROOT);
      int colon = root.indexOf(':');
      String local = colon >= 0 ? root.substring(colon + 1) : root;
      return switch (local) {
        case "rss", "rdf", "feed", "channel" -> Source.Kind.FEED;
        case "urlset", "sitemapindex" -> Source.Kind.SITEMAP;
        default -> Source.Kind.PAGE;
      };
    }
    if (type.startsWith("text/plain") && looksLikeUrlList(head)) {
      return Source.Kind.SITEMAP;
    }
    return Source.Kind.PAGE;
  }

  /** How the extractor should read a page served with this media type. */
  static Extractor.Type pageType(@Nullable String mediaType) {
    if (mediaType == null) {
      return Extractor.Type.AUTO;
    }
    if (mediaType.equals("text/plain")) {
      return Extractor.Type.TEXT;
    }
    return mediaType.contains("html") ? Extractor.Type.HTML : Extractor.Type.AUTO;
  }

  static boolean isGzip(byte[] body, @Nullable String mediaType) {
    return (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b)
        || (mediaType != null && mediaType.contains("gzip"));
  }

  private static boolean looksLikeUrlList(String head) {
    int urls = 0;
    for (String line : head.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (!l.matches("(?i)https?://\\S+")) {
        return false;
      }
      urls++;
    }
    return urls > 0;
  }

  private static String head(byte[] body) {
    int n = Math.min(body.length, 4096);
    String s = XmlText.decode(java.util.Arrays.copyOf(body, n), null);
    if (s.isEmpty() && n > 0) {
      s = new String(body, 0, n, StandardCharsets.ISO_8859_1);
    }
    return s.startsWith("\ufeff") ? s.substring(1) : s;
  }
}
