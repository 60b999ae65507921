package dev.lede.index.lucene;

import java.text.BreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as HTML-safe snippets: the text is escaped, matches are wrapped in
 * {@code <mark>…</mark>}, and an ellipsis marks where the passage was cut out of the body.
 */
final class Snippets extends PassageFormatter {
  /** Passages aim at about this many characters, at sentence boundaries where possible. */
  static final int TARGET_CHARS = 180;

  static BreakIterator breakIterator() {
    return org.apache.lucene.search.uhighlight.LengthGoalBreakIterator.createClosestToLength(
        new SentenceBreaks(), TARGET_CHARS, 0.5f);
  }

  @Override
  public String format(Passage[] passages, String content) {
    StringBuilder sb = new StringBuilder();
    for (Passage p : passages) {
      if (!sb.isEmpty()) {
        sb.append(" … ");
      } else if (p.getStartOffset() > 0) {
        sb.append("… ");
      }
      int pos = p.getStartOffset();
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = p.getMatchStarts()[i];
        int end = p.getMatchEnds()[i];
        if (start < pos) {
          // overlapping matches (a word and its joined form): extend the open mark
          if (end > pos) {
            sb.setLength(sb.length() - "</mark>".length());
            escape(content, pos, end, sb);
            sb.append("</mark>");
            pos = end;
          }
          continue;
        }
        escape(content, pos, start, sb);
        sb.append("<mark>");
        escape(content, start, end, sb);
        sb.append("</mark>");
        pos = end;
      }
      escape(content, pos, p.getEndOffset(), sb);
      if (p.getEndOffset() < content.length()) {
        sb.append(" …");
      }
    }
    return sb.toString().strip();
  }

  /** Escapes text for HTML element content and attribute values. */
  static void escape(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
  }

  /** The first {@code max} characters of a text, escaped, cut at a word boundary. */
  static String lead(String text, int max) {
    String t = text.strip();
    StringBuilder sb = new StringBuilder();
    if (t.length() <= max) {
      escape(t, 0, t.length(), sb);
      return sb.toString();
    }
    int cut = t.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = max;
    }
    escape(t, 0, cut, sb);
    return sb.toString().strip() + " …";
  }
}
