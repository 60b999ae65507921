package dev.lede.ingest;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a fetch is for, which decides the Accept header and which declared content types are
 * acceptable. A response whose type is clearly something else (an image, a PDF, an archive where a
 * page was expected) is refused before its body is read; a missing, generic ({@code
 * application/octet-stream}) or other textual type is accepted provisionally and the body decides.
 */
@SuppressWarnings("ImmutableEnumChecker") // the sets are Set.of(...): immutable
enum ContentKind {
  FEED(
      "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9,"
          + " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1",
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/rdf+xml",
          "application/feed+json",
          "application/json",
          "application/xml",
          "text/xml",
          "application/x-rss+xml",
          "application/x-atom+xml",
          // feed.xml.gz: the feed ingester decompresses it under the fetch limits
          "application/gzip",
          "application/x-gzip",
          "application/gzip-compressed",
          "application/x-gzip-compressed")),
  SITEMAP(
      "application/xml, text/xml, text/plain;q=0.8, application/gzip;q=0.7, */*;q=0.1",
      Set.of(
          "application/xml",
          "text/xml",
          "text/plain",
          "application/gzip",
          "application/x-gzip",
          "application/gzip-compressed",
          "application/x-gzip-compressed")),
  PAGE(
      "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.1",
      Set.of("text/html", "application/xhtml+xml", "text/plain")),
  ROBOTS("text/plain, */*;q=0.1", Set.of("text/plain")),
  /** A one-off URL of unknown kind: anything a feed, sitemap or page may be served as. */
  ANY(
      "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml,"
          + " application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
      Set.of());

  final String accept;
  private final Set<String> declared;

  ContentKind(String accept, Set<String> declared) {
    this.accept = accept;
    this.declared = declared;
  }

  /**
   * Null when a response declaring this media type may be read for this purpose, else the reason it
   * is refused.
   */
  @Nullable String refusal(@Nullable String mediaType) {
    if (mediaType == null || mediaType.isEmpty()) {
      return null;
    }
    String t = mediaType.toLowerCase(Locale.ROOT);
    if (declared.contains(t)
        || t.startsWith("text/")
        || t.endsWith("+xml")
        || t.endsWith("+json")) {
      return null;
    }
    if (t.equals("application/octet-stream") || t.equals("binary/octet-stream")) {
      return null; // generic: the body decides
    }
    if (this == ANY
        && (t.equals("application/xml")
            || t.equals("application/json")
            || t.equals("application/xhtml+xml")
            || t.contains("gzip"))) {
      return null;
    }
    return "content type " + t + " is not acceptable for a " + name().toLowerCase(Locale.ROOT);
  }
}
