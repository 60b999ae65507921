package dev.lede.extract;

import dev.lede.model.ArticleBuilder;
import dev.lede.model.Teaser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a text dump says about its article besides the body, gathered while reading it: bylines,
 * dates, section, tags, canonical URL, attribution lines and teasers. The first value found wins
 * for single-valued fields (the header comes first); lists keep every distinct value in order.
 */
final class TextMeta {
  final List<String> bylines = new ArrayList<>();
  @Nullable Instant published;
  @Nullable Instant modified;
  String section = "";
  String siteName = "";
  String description = "";
  String canonicalUrl = "";
  final List<String> tags = new ArrayList<>();
  final List<String> attribution = new ArrayList<>();
  final List<Teaser> related = new ArrayList<>();

  /** Adds the people of a byline (names after "By", or after "Written by" and its kin). */
  void byline(String line) {
    List<String> names = TextBylines.parse(line);
    if (names == null) {
      String rest =
          line.replaceFirst("(?i)^\\s*(?:written|reported|words|story|text)\\s+by\\s+", "");
      names = rest.equals(line) ? null : TextBylines.names(rest);
    }
    if (names != null) {
      names.stream().filter(n -> !bylines.contains(n)).forEach(bylines::add);
    }
    dates(line);
  }

  /** Takes the first published and first modified date found in a line. */
  void dates(String line) {
    TextDates.Found f = TextDates.find(line);
    if (f == null) {
      return;
    }
    if (published == null && f.published() != null) {
      published = f.published();
    }
    if (modified == null && f.modified() != null) {
      modified = f.modified();
    }
  }

  void tags(String line) {
    List<String> t = TextPatterns.tags(line);
    if (t != null) {
      t.stream().filter(x -> !tags.contains(x)).forEach(tags::add);
    }
  }

  void section(String s) {
    if (section.isEmpty()) {
      section = s;
    }
  }

  void canonical(String url) {
    if (canonicalUrl.isEmpty()) {
      canonicalUrl = url.startsWith("www.") ? "https://" + url : url;
    }
  }

  void attribution(String line) {
    if (!attribution.contains(line)) {
      attribution.add(line);
    }
  }

  void applyTo(ArticleBuilder b) {
    b.bylines(bylines)
        .published(published)
        .modified(modified)
        .section(section)
        .siteName(siteName)
        .description(description)
        .canonicalUrl(canonicalUrl)
        .tags(tags)
        .attribution(attribution)
        .related(related);
  }
}
