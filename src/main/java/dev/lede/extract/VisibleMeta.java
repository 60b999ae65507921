package dev.lede.extract;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Metadata read from what a page shows rather than declares: the byline element ({@code
 * rel=author}, {@code itemprop=author}, a class or id naming a byline or author) and the
 * publication {@code <time datetime>}. Used when JSON-LD and meta tags are silent. Only short texts
 * count (a byline is not an author biography), and at most the first 50 candidates are read.
 */
final class VisibleMeta {
  private static final int MAX_CANDIDATES = 50;

  private VisibleMeta() {}

  static List<String> bylines(Document doc, String site) {
    int n = 0;
    for (Element e :
        doc.select(
            "[rel=author], [itemprop~=(?i)^author$], [class~=(?i)byline|by-line|author(?!-?bio)],"
                + " [id~=(?i)byline|author]")) {
      if (n++ >= MAX_CANDIDATES) {
        break;
      }
      if (BlockSplitter.isHidden(e)) {
        continue;
      }
      Element name = e.selectFirst("[itemprop=name]");
      String text = Texts.normalize((name != null ? name : e).text());
      if (text.isEmpty() || text.length() > 120) {
        continue;
      }
      List<String> people = Bylines.people(text, site);
      if (!people.isEmpty()) {
        return people;
      }
    }
    return List.of();
  }

  static @Nullable Instant published(Document doc) {
    Instant fallback = null;
    int n = 0;
    for (Element t : doc.select("time[datetime], [itemprop=datePublished], [pubdate]")) {
      if (n++ >= MAX_CANDIDATES) {
        break;
      }
      String v = t.hasAttr("datetime") ? t.attr("datetime") : t.attr("content");
      if (v.isBlank()) {
        v = t.text();
      }
      Instant i = Dates.parse(v);
      if (i == null) {
        continue;
      }
      String hint =
          (t.attr("itemprop") + " " + t.className() + " " + t.parent().className())
              .toLowerCase(Locale.ROOT);
      if (t.hasAttr("pubdate") || hint.contains("published") || hint.contains("publish")) {
        return i;
      }
      if (fallback == null && !hint.contains("modif") && !hint.contains("updat")) {
        fallback = i;
      }
    }
    return fallback;
  }
}
