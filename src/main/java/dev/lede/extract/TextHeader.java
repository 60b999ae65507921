package dev.lede.extract;

import dev.lede.extract.TextItem.Kind;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the head of a text dump — section label, headline, standfirst, bylines, dates — and says
 * where the body starts.
 *
 * <p>Design: the article's first paragraph is the start of its cluster of prose ({@link
 * TextRegion}); the headline is the best-scoring line of three to forty words in the thirty lines
 * above it (see {@link #titleScore}; a site name or navigation links have one or two words and
 * furniture is already marked). Failing that, a one- or two-word line directly followed by a
 * byline, date or prose. A short label right above the headline is the section ("World", "Politics
 * › Europe"); more than two such labels are navigation, not a section. Below the headline, bylines
 * and date lines are metadata; one line of text before them is the standfirst (description).
 * Without metadata, a headline-like line right after the headline and before prose is the
 * standfirst too; anything else starts the body, as on the seed page, whose first paragraph follows
 * the headline directly.
 */
final class TextHeader {
  private static final int SCAN = 80;

  /** Lines above the article's first paragraph searched for the headline. */
  private static final int WINDOW = 30;

  private static final Pattern WRITTEN_BY =
      Pattern.compile("(?i)^(?:written|reported|words|story|text)\\s+by\\s+.+");
  private static final Pattern SITE_SUFFIX = Pattern.compile("^(.{10,}?)\\s+\\|\\s+([^|]{2,40})$");
  private static final Pattern DASHED_SITE_SUFFIX =
      Pattern.compile("^(.{10,}?)\\s+[-–—]\\s+(\\p{Lu}[^-–—|]{1,40})$");
  private static final Pattern CRUMB = Pattern.compile("\\s*[>›»/|]\\s*");

  private TextHeader() {}

  /** Reads the header into the builder and meta; returns the index of the first body item. */
  static int read(List<TextItem> items, TextMeta meta, StringBuilder title) {
    int limit = Math.min(items.size(), SCAN);
    int firstProse = limit;
    for (int i = 0; i < limit; i++) {
      TextItem it = items.get(i);
      if ((it.is(Kind.TEXT) && TextShape.prose(it.text()))
          || it.is(Kind.LIST)
          || it.is(Kind.QUOTE)) {
        firstProse = i;
        break;
      }
    }
    int article = TextRegion.articleStart(items);
    if (article >= 0) {
      // prose before the article's cluster is page furniture (a promo, a notice)
      firstProse = skipIsolatedProse(items, article);
    }
    int t = findTitle(items, firstProse);
    for (int i = Math.max(0, t - 3); i < t; i++) {
      metaLine(items.get(i), meta); // a date or byline just above the headline; not one in a menu
    }
    if (t < 0) {
      return 0;
    }
    String head = items.get(t).text();
    var site = SITE_SUFFIX.matcher(head);
    var dashed = DASHED_SITE_SUFFIX.matcher(head);
    if (site.matches()
        && TextShape.words(site.group(2)) <= 4
        && !site.group(2).matches(".*\\d.*")) {
      head = site.group(1);
      meta.siteName = site.group(2).strip();
    } else if (dashed.matches() && namedElsewhere(items, t, dashed.group(2).strip())) {
      head = dashed.group(1); // "Headline - Almer Gazette", the name also on a line of its own
      meta.siteName = dashed.group(2).strip();
    }
    title.append(head);
    section(items, t, meta);
    return afterTitle(items, t, meta);
  }

  /**
   * A prose line standing alone at the head of the article's cluster (a sign-in prompt, a notice)
   * is not where the article starts: the first prose line with another within three short lines of
   * it, or of thirty words or more, is.
   */
  private static int skipIsolatedProse(List<TextItem> items, int firstProse) {
    int p = firstProse;
    for (int hops = 0; hops < 3 && p < items.size(); hops++) {
      TextItem it = items.get(p);
      if (!it.is(Kind.TEXT) || it.words() >= 30) {
        return p;
      }
      int shortLines = 0;
      int next = -1;
      for (int k = p + 1; k < items.size() && shortLines <= 3; k++) {
        TextItem n = items.get(k);
        if (n.is(Kind.TEXT) && TextShape.prose(n.text())) {
          next = k;
          break;
        }
        shortLines += n.is(Kind.TEXT) ? 1 : 0;
      }
      if (next < 0 || shortLines <= 3) {
        return p;
      }
      p = next;
    }
    return p;
  }

  private static int findTitle(List<TextItem> items, int firstProse) {
    int best = -1;
    int bestScore = Integer.MIN_VALUE;
    for (int i = Math.max(0, firstProse - WINDOW); i < firstProse; i++) {
      TextItem it = items.get(i);
      int w = it.words();
      if (it.is(Kind.TEXT)
          && w >= 3
          && w <= 40
          && it.text().length() <= 300
          && !TextShape.endsOpen(it.text())
          && !TextShape.endsWithEllipsis(it.text())) {
        int score = titleScore(items, i, firstProse);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
    }
    if (best >= 0) {
      return best;
    }
    for (int i = 0; i < firstProse; i++) {
      TextItem it = items.get(i);
      if (it.is(Kind.TEXT) && TextShape.label(it.text())) {
        TextItem next = nextMeaningful(items, i + 1);
        if (next != null
            && (next.is(Kind.BYLINE)
                || next.is(Kind.DATE)
                || (next.is(Kind.TEXT) && TextShape.prose(next.text())))) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * How much a line reads like the headline: five words or more (+2); within four lines of the
   * article's first paragraph (+2) or ten (+1); followed by a byline, a date, the first prose or a
   * standfirst that is (+3); followed by a short label, as a site name is by navigation links (−2).
   * The earliest of equal scores wins.
   */
  private static int titleScore(List<TextItem> items, int i, int firstProse) {
    int score = items.get(i).words() >= 5 ? 2 : 0;
    int distance = 0;
    for (int k = i + 1; k < firstProse; k++) {
      distance += items.get(k).is(Kind.BOILER) ? 0 : 1;
    }
    score += distance <= 4 ? 2 : distance <= 10 ? 1 : 0; // headlines sit right above the article
    int j = nextIndex(items, i + 1);
    if (j < 0) {
      return score;
    }
    TextItem next = items.get(j);
    if (leadsIntoArticle(items, j, firstProse)) {
      score += 3;
    } else if (next.is(Kind.TEXT) && TextShape.headlineLike(next.text())) {
      int k = nextIndex(items, j + 1);
      if (k >= 0 && leadsIntoArticle(items, k, firstProse)) {
        score += 3; // a standfirst without a full stop, then the byline or the body
      }
    }
    if (next.is(Kind.TEXT) && TextShape.label(next.text())) {
      score -= 2;
    }
    return score;
  }

  private static boolean leadsIntoArticle(List<TextItem> items, int j, int firstProse) {
    TextItem it = items.get(j);
    return j == firstProse || it.is(Kind.BYLINE) || it.is(Kind.DATE) || it.is(Kind.IMAGE);
  }

  private static int nextIndex(List<TextItem> items, int from) {
    for (int k = from; k < items.size(); k++) {
      if (!items.get(k).is(Kind.BOILER)) {
        return k;
      }
    }
    return -1;
  }

  private static void section(List<TextItem> items, int t, TextMeta meta) {
    int labels = 0;
    for (int i = 0; i < t; i++) {
      if (items.get(i).is(Kind.TEXT) && TextShape.label(items.get(i).text())) {
        labels++;
      }
    }
    int p = t - 1;
    while (p >= 0 && items.get(p).is(Kind.BOILER)) {
      p--;
    }
    if (p >= 0 && labels <= 2 && items.get(p).is(Kind.TEXT)) {
      String s = items.get(p).text();
      if (TextShape.label(s) || (s.length() <= 60 && CRUMB.matcher(s).find())) {
        String[] crumbs = CRUMB.split(s.strip());
        for (int c = crumbs.length - 1; c >= 0; c--) {
          if (!crumbs[c].isBlank()
              && !crumbs[c].equalsIgnoreCase("home")
              && !crumbs[c].strip().equalsIgnoreCase(meta.siteName)) {
            meta.section(crumbs[c].strip());
            break;
          }
        }
      }
    }
  }

  private static int afterTitle(List<TextItem> items, int t, TextMeta meta) {
    int lastMeta = -1;
    int dek = -1;
    int end = Math.min(items.size(), t + 16);
    scan:
    for (int k = t + 1; k < end; k++) {
      TextItem it = items.get(k);
      switch (it.kind()) {
        case BOILER, URL, SECTION, TAGS -> metaLine(it, meta);
        case BYLINE, DATE -> {
          metaLine(it, meta);
          lastMeta = k;
        }
        case ATTRIBUTION -> {
          if (!WRITTEN_BY.matcher(it.text()).matches()) {
            break scan;
          }
          meta.byline(it.text());
          lastMeta = k;
        }
        case TEXT -> {
          if (bareByline(items, t, k)) {
            meta.byline("By " + it.text());
            lastMeta = k;
            continue;
          }
          boolean caption = k + 1 < items.size() && items.get(k + 1).is(Kind.CREDIT);
          if (lastMeta >= 0 || dek >= 0 || it.words() > 60 || caption) {
            break scan;
          }
          dek = k;
        }
        default -> {
          break scan;
        }
      }
    }
    if (lastMeta >= 0) {
      if (dek >= 0 && dek < lastMeta) {
        meta.description = items.get(dek).text();
      }
      return lastMeta + 1;
    }
    if (dek >= 0) {
      String d = items.get(dek).text();
      TextItem next = nextMeaningful(items, dek + 1);
      if (TextShape.headlineLike(d)
          && TextShape.words(d) >= 4
          && next != null
          && next.is(Kind.TEXT)
          && TextShape.prose(next.text())) {
        meta.description = d;
        return dek + 1;
      }
    }
    return t + 1;
  }

  /**
   * A byline without "By" ("Jane Doe", "Jane Doe, Staff Writer"), as reader views and some sites
   * print it: names only, right below the headline or next to a date line, before the body.
   */
  private static boolean bareByline(List<TextItem> items, int t, int k) {
    String s = items.get(k).text();
    if (s.length() > 80 || TextShape.endsSentence(s) || TextShape.words(s) > 8) {
      return false;
    }
    List<String> names = TextBylines.names(s);
    if (names == null || names.isEmpty()) {
      return false;
    }
    int prev = k - 1;
    while (prev > t && items.get(prev).is(Kind.BOILER)) {
      prev--;
    }
    int next = nextIndex(items, k + 1);
    boolean nearDate =
        items.get(prev).is(Kind.DATE) || (next >= 0 && items.get(next).is(Kind.DATE));
    boolean withRole = s.contains(",") && names.size() == 1;
    boolean proseNext =
        next >= 0 && items.get(next).is(Kind.TEXT) && TextShape.prose(items.get(next).text());
    return nearDate || withRole || (prev == t && TextShape.words(s) <= 4 && proseNext);
  }

  /** A site name after a dash is trusted only when another line of the page names it too. */
  private static boolean namedElsewhere(List<TextItem> items, int t, String name) {
    if (TextShape.words(name) > 4 || name.matches(".*\\d.*")) {
      return false;
    }
    for (int i = 0; i < items.size(); i++) {
      if (i != t && items.get(i).text().length() <= 200 && items.get(i).text().contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Metadata from a header line; furniture is ignored. */
  static void metaLine(TextItem it, TextMeta meta) {
    switch (it.kind()) {
      case BYLINE -> meta.byline(it.text());
      case DATE -> meta.dates(it.text());
      case URL -> meta.canonical(it.payload());
      case SECTION -> meta.section(it.payload());
      case TAGS -> meta.tags(it.text());
      default -> {}
    }
  }

  private static @Nullable TextItem nextMeaningful(List<TextItem> items, int from) {
    for (int i = from; i < items.size(); i++) {
      if (!items.get(i).is(Kind.BOILER)) {
        return items.get(i);
      }
    }
    return null;
  }
}
