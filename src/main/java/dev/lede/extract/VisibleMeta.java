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
      if (BlockSplitter.isHidden(e) || inComments(e)) {
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

  /** True when the element sits in a comment thread (a commenter is not the author). */
  private static boolean inComments(Element e) {
    int hops = 0;
    for (Element a = e; a != null && hops < 12; a = a.parent(), hops++) {
      String s = (a.className() + " " + a.id()).toLowerCase(Locale.ROOT);
      if (s.contains("comment") || s.contains("repl") || s.contains("respon")) {
        return true;
      }
    }
    return false;
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
