package dev.lede.extract;

import dev.lede.extract.TextItem.Kind;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the head of a text dump — section label, headline, standfirst, bylines, dates — and says
 * where the body starts.
 *
 * <p>Design: the headline is the first line, before any running prose, that has three to forty
 * words and does not end like a sentence fragment (a site name or navigation links above it have
 * one or two words; furniture is already marked). Failing that, a one- or two-word line directly
 * followed by a byline, date or prose. A short label right above the headline is the section
 * ("World", "Politics › Europe"); more than two such labels are navigation, not a section. Below
 * the headline, bylines and date lines are metadata; one line of text before them is the standfirst
 * (description). Without metadata, a headline-like line right after the headline and before prose
 * is the standfirst too; anything else starts the body, as on the seed page, whose first paragraph
 * follows the headline directly.
 */
final class TextHeader {
  private static final int SCAN = 80;
  private static final Pattern WRITTEN_BY =
      Pattern.compile("(?i)^(?:written|reported|words|story|text)\\s+by\\s+.+");
  private static final Pattern SITE_SUFFIX = Pattern.compile("^(.{10,}?)\\s+\\|\\s+([^|]{2,40})$");
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
    int t = findTitle(items, firstProse);
    for (int i = 0; i < Math.max(t, 0); i++) {
      metaLine(items.get(i), meta);
    }
    if (t < 0) {
      return 0;
    }
    section(items, t, meta);
    String head = items.get(t).text();
    var site = SITE_SUFFIX.matcher(head);
    if (site.matches()
        && TextShape.words(site.group(2)) <= 4
        && !site.group(2).matches(".*\\d.*")) {
      head = site.group(1);
      meta.siteName = site.group(2).strip();
    }
    title.append(head);
    return afterTitle(items, t, meta);
  }

  private static int findTitle(List<TextItem> items, int firstProse) {
    for (int i = 0; i < firstProse; i++) {
      TextItem it = items.get(i);
      int w = it.words();
      if (it.is(Kind.TEXT)
          && w >= 3
          && w <= 40
          && it.text().length() <= 300
          && !TextShape.endsOpen(it.text())
          && !TextShape.endsWithEllipsis(it.text())
          && !kickerBeforeHeadline(items, i, firstProse)) {
        return i;
      }
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

  /** A site name or kicker of up to three words right above a longer headline. */
  private static boolean kickerBeforeHeadline(List<TextItem> items, int i, int firstProse) {
    if (!TextShape.label(items.get(i).text()) || items.get(i).words() > 3) {
      return false;
    }
    int j = i + 1;
    while (j < firstProse && items.get(j).is(Kind.BOILER)) {
      j++;
    }
    return j < firstProse
        && items.get(j).is(Kind.TEXT)
        && TextShape.headlineLike(items.get(j).text())
        && items.get(j).words() >= 5;
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
          if (!crumbs[c].isBlank() && !crumbs[c].equalsIgnoreCase("home")) {
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
