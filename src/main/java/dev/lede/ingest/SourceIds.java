package dev.lede.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Readable source ids from locations: "example-com-rss-news" for https://example.com/rss/news. */
final class SourceIds {
  static final int MAX_LENGTH = 60;

  private SourceIds() {}

  static String suggest(String location) {
    String base;
    if (location.matches("(?i)https?://.*")) {
      URI u = URI.create(location.strip());
      String host = u.getHost() == null ? "" : u.getHost().replaceFirst("^www\\.", "");
      String path = u.getPath() == null ? "" : u.getPath();
      path = path.replaceAll("\\.(xml|rss|atom|json|html?|php)$", "");
      base = host + "-" + path;
    } else {
      Path p = Path.of(location).getFileName();
      base = p == null ? location : p.toString();
    }
    String slug =
        base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "source" : slug;
  }
}
