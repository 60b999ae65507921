package dev.lede.extract;

import dev.lede.extract.TextItem.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recognises what each line of a dump is ({@link TextItem.Kind}), first by wording, then by its
 * neighbours.
 *
 * <p>Order matters and goes from the most specific wording to the least: a URL, a '>' quote, a
 * "related" heading, an inline "Read more:" link, tags, furniture, a byline (before dates, since
 * "By Jane Doe, March 3, 2025" is a byline with a date), a date line, an attribution line (after
 * dates, since "Published on March 3" also reads as "originally published on …"), a lone photo
 * credit, a list item, and otherwise running text. Neighbours then settle the ambiguous cases:
 * items marked with '-', '*' or a number are a list only in runs of two or more (with consecutive
 * numbers), so a lone "- Reuters" or "1. Eat well" heading is not; indented prose is a block quote
 * only when most prose is not indented.
 */
final class TextClassifier {
  /** Lines longer than this are running text (or list items, quotes): no wording is checked. */
  private static final int MAX_SHORT = 600;

  private TextClassifier() {}

  static List<TextItem> classify(List<TextLines.Line> lines) {
    List<TextItem> items = new ArrayList<>(lines.size());
    for (TextLines.Line l : lines) {
      items.add(classify(l));
    }
    joinSplitBylines(items);
    resolveLists(items);
    resolveIndentedQuotes(items, lines);
    return items;
  }

  static TextItem classify(TextLines.Line line) {
    boolean blank = line.blankBefore();
    String s = line.text();
    TextMarkdown.Heading h = TextMarkdown.heading(s);
    if (h != null) {
      if (TextPatterns.isRelatedMarker(h.text())) {
        return new TextItem(Kind.MARKER, h.text(), h.text(), blank, false);
      }
      if (h.level() > 1) {
        return new TextItem(Kind.HEADING, h.text(), h.text(), blank, false, h.level(), "");
      }
      s = h.text(); // a level-1 heading reads as the line it marks up (the headline)
    }
    String[] image = TextMarkdown.image(s);
    if (image != null) {
      return new TextItem(Kind.IMAGE, s, image[0], blank, false, 0, image[1]);
    }
    TextMarkdown.LineLink link = TextMarkdown.lineLink(s);
    String url = "";
    if (link != null) {
      s = link.text();
      url = link.url();
    }
    return classifyText(TextMarkdown.inline(s), blank).withUrl(url);
  }

  private static TextItem classifyText(String s, boolean blank) {
    String q = TextPatterns.quoted(s);
    if (q != null) {
      return new TextItem(Kind.QUOTE, s, q, blank, false);
    }
    if (s.length() <= MAX_SHORT) {
      TextItem known = byWording(s, blank);
      if (known != null) {
        return known;
      }
    }
    TextPatterns.ListItem li = TextPatterns.listItem(s);
    if (li != null) {
      return new TextItem(Kind.LIST, s, li.text(), blank, li.ordered());
    }
    return new TextItem(Kind.TEXT, s, s, blank, false);
  }

  private static @Nullable TextItem byWording(String s, boolean blank) {
    String url = TextPatterns.url(s);
    if (url != null) {
      return new TextItem(Kind.URL, s, url, blank, false);
    }
    if (TextPatterns.isRelatedMarker(s)) {
      return new TextItem(Kind.MARKER, s, s, blank, false);
    }
    String inline = TextPatterns.inlineRelated(s);
    if (inline != null) {
      return new TextItem(Kind.INLINE_RELATED, s, inline, blank, false);
    }
    if (TextPatterns.tags(s) != null) {
      return new TextItem(Kind.TAGS, s, s, blank, false);
    }
    String section = TextPatterns.section(s);
    if (section != null) {
      return new TextItem(Kind.SECTION, s, section, blank, false);
    }
    if (TextPatterns.isBoilerplate(s)) {
      return new TextItem(Kind.BOILER, s, s, blank, false);
    }
    if (TextBylines.parse(s) != null) {
      return new TextItem(Kind.BYLINE, s, s, blank, false);
    }
    if (TextDates.dateLine(s) != null) {
      return new TextItem(Kind.DATE, s, s, blank, false);
    }
    if (Attribution.isAttribution(s)) {
      return new TextItem(Kind.ATTRIBUTION, s, s, blank, false);
    }
    String credit = TextPatterns.standaloneCredit(s);
    if (credit != null) {
      return new TextItem(Kind.CREDIT, s, credit, blank, false);
    }
    String caption = TextPatterns.labelledCaption(s);
    if (caption != null) {
      return new TextItem(Kind.CAPTION, s, caption, blank, false);
    }
    return null;
  }

  /**
   * "By" on a line of its own followed by the names makes one byline; a role line under a byline
   * ("Reporter", "Senior Correspondent") is part of it.
   */
  private static void joinSplitBylines(List<TextItem> items) {
    for (int i = 0; i + 1 < items.size(); i++) {
      TextItem it = items.get(i);
      TextItem next = items.get(i + 1);
      if (it.text().equalsIgnoreCase("by") && next.is(Kind.TEXT)) {
        String joined = "By " + next.text();
        if (TextBylines.parse(joined) != null) {
          items.set(i, it.as(Kind.BOILER, it.text()));
          items.set(i + 1, new TextItem(Kind.BYLINE, joined, joined, next.blankBefore(), false));
        }
      } else if (it.is(Kind.BYLINE) && next.is(Kind.TEXT) && TextBylines.isRole(next.text())) {
        items.set(i + 1, next.as(Kind.BOILER, next.text()));
      }
    }
  }

  /** Weak bullets and numbers form a list only in runs of two or more. */
  private static void resolveLists(List<TextItem> items) {
    int i = 0;
    while (i < items.size()) {
      TextItem it = items.get(i);
      TextPatterns.ListItem li = it.is(Kind.LIST) ? TextPatterns.listItem(it.text()) : null;
      if (li == null) {
        i++;
        continue;
      }
      int j = i + 1;
      int expect = li.number() + 1;
      while (j < items.size() && items.get(j).is(Kind.LIST)) {
        TextPatterns.ListItem next = TextPatterns.listItem(items.get(j).text());
        if (next == null
            || next.ordered() != li.ordered()
            || (li.ordered() && next.number() != expect)
            || (!li.ordered() && !li.strong() && next.marker() != li.marker())) {
          break;
        }
        expect++;
        j++;
      }
      if (j - i < 2 && !li.strong()) {
        TextItem t = items.get(i);
        items.set(i, new TextItem(Kind.TEXT, t.text(), t.text(), t.blankBefore(), false));
      }
      i = Math.max(j, i + 1);
    }
  }

  /** Indented prose is a block quote when most prose is not indented. */
  private static void resolveIndentedQuotes(List<TextItem> items, List<TextLines.Line> lines) {
    int prose = 0;
    int indented = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).is(Kind.TEXT) && TextShape.words(items.get(i).text()) >= 6) {
        prose++;
        indented += lines.get(i).indent() >= 4 ? 1 : 0;
      }
    }
    if (indented == 0 || indented * 10 > prose * 3) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      TextItem it = items.get(i);
      if (it.is(Kind.TEXT) && lines.get(i).indent() >= 4 && it.words() >= 6) {
        items.set(i, it.as(Kind.QUOTE, it.text()));
      }
    }
  }
}
