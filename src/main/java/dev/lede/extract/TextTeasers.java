package dev.lede.extract;

import dev.lede.model.Teaser;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the lines of a "You May Also Like" block into teasers.
 *
 * <p>Design: teaser blocks in text dumps come in three shapes. (1) Items ending in an excerpt cut
 * with an ellipsis — "headline / alternative headline / excerpt…", as on the seed page, or
 * "headline / excerpt…": the ellipsis line closes an item, the first line since the previous item
 * is the headline and a second one the alternative headline. (2) Items separated by blank lines,
 * each a headline followed by a rewritten headline or a sentence: the blank lines delimit items.
 * (3) A plain list of headlines, one per line. Blank lines are only a hint (the seed has none
 * between an excerpt and the next headline), which is why the ellipsis shape is tried first. A line
 * that is only a URL becomes the url of the teaser it follows; labels of one or two words ("Sport",
 * "Sponsored") before a headline are skipped.
 */
final class TextTeasers {
  /** One line of a related block. */
  record Entry(String text, boolean blankBefore, boolean isUrl) {}

  private TextTeasers() {}

  static List<Teaser> parse(List<Entry> entries) {
    List<Teaser> out = new ArrayList<>();
    boolean ellipses =
        entries.stream()
            .anyMatch(e -> !e.isUrl() && TextShape.endsWithEllipsis(e.text()) && words(e) >= 3);
    if (ellipses) {
      byExcerpts(entries, out);
    } else {
      byGroups(entries, out);
    }
    return out;
  }

  private static int words(Entry e) {
    return TextShape.words(e.text());
  }

  private static void byExcerpts(List<Entry> entries, List<Teaser> out) {
    List<String> pending = new ArrayList<>();
    String pendingUrl = "";
    int withAlt = 0;
    for (Entry e : entries) {
      if (e.isUrl()) {
        if (pending.isEmpty()) {
          attachUrl(out, pending, e.text());
        } else {
          pendingUrl = e.text();
        }
        continue;
      }
      if (TextShape.endsWithEllipsis(e.text()) && words(e) >= 3) {
        List<String> heads = headlines(pending);
        if (!heads.isEmpty()) {
          String alt = heads.size() > 1 ? heads.get(1) : "";
          withAlt += alt.isEmpty() ? 0 : 1;
          out.add(new Teaser(heads.get(0), alt, cleanExcerpt(e.text()), pendingUrl));
        }
        pending.clear();
        pendingUrl = "";
      } else {
        pending.add(e.text());
      }
    }
    // Items after the last excerpt: paired like the others when most items had an alternative.
    List<String> rest = headlines(pending);
    boolean pairs = withAlt * 2 > out.size() && rest.size() == 2;
    if (pairs) {
      out.add(new Teaser(rest.get(0), rest.get(1), "", ""));
    } else {
      rest.forEach(h -> out.add(new Teaser(h, "", "", "")));
    }
  }

  private static void byGroups(List<Entry> entries, List<Teaser> out) {
    List<List<Entry>> groups = new ArrayList<>();
    for (Entry e : entries) {
      if (e.blankBefore() || groups.isEmpty()) {
        groups.add(new ArrayList<>());
      }
      groups.get(groups.size() - 1).add(e);
    }
    long multi =
        groups.stream().filter(g -> g.stream().filter(x -> !x.isUrl()).count() > 1).count();
    boolean structured =
        groups.size() >= 2
            && multi * 2 >= groups.size()
            && groups.stream().allMatch(g -> g.size() <= 4);
    List<String> pending = new ArrayList<>();
    for (List<Entry> g : groups) {
      if (!structured) {
        for (Entry e : g) {
          if (e.isUrl()) {
            attachUrl(out, pending, e.text());
          } else if (headline(e.text())) {
            out.add(new Teaser(e.text(), "", "", ""));
          }
        }
        continue;
      }
      String head = "";
      String alt = "";
      String excerpt = "";
      String url = "";
      for (Entry e : g) {
        String t = e.text();
        if (e.isUrl()) {
          url = t;
        } else if (head.isEmpty()) {
          head = headline(t) ? t : "";
        } else if (alt.isEmpty() && excerpt.isEmpty() && TextShape.headlineLike(t)) {
          alt = t;
        } else if (excerpt.isEmpty() && TextShape.words(t) >= 4) {
          excerpt = cleanExcerpt(t);
        }
      }
      if (!head.isEmpty()) {
        out.add(new Teaser(head, alt, excerpt, url));
      }
    }
  }

  private static void attachUrl(List<Teaser> out, List<String> pending, String url) {
    if (pending.isEmpty() && !out.isEmpty()) {
      Teaser last = out.get(out.size() - 1);
      if (last.url().isEmpty()) {
        out.set(
            out.size() - 1, new Teaser(last.headline(), last.altHeadline(), last.excerpt(), url));
      }
    }
  }

  /** The pending lines that can be headlines, labels of one or two words dropped. */
  private static List<String> headlines(List<String> pending) {
    List<String> out = new ArrayList<>();
    for (String p : pending) {
      if (headline(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean headline(String t) {
    int w = TextShape.words(t);
    return w >= 3 && w <= 40 && t.length() <= 300 && !TextShape.endsWithEllipsis(t);
  }

  private static String cleanExcerpt(String t) {
    return t.replaceFirst(
            "(?i)\\s*(?:read more|continue reading|read the full story)\\s*[»›>→]*$", "")
        .strip();
  }
}
