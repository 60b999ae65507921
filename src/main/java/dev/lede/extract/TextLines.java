package dev.lede.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a page saved as text into clean, non-empty lines: the first step of {@link TextExtractor}.
 *
 * <p>Design: a text dump is line-oriented — a browser's "save as text" or a copy from a reader view
 * puts every block (headline, paragraph, caption, share button, teaser) on its own line, with blank
 * lines between some of them but not reliably between all (the seed has "headline\nShare and
 * Follow" and "excerpt…\nnext headline"). So the unit is the line, and whether a blank line came
 * before it is kept as a hint for grouping teasers. Line breaks of every kind (CRLF, CR, LF,
 * U+2028, U+2029, NEL, form feed) end a line; tabs, no-break and other Unicode spaces become one
 * space; zero-width and control characters are dropped; the leading indentation is recorded (tab =
 * 4) for block quotes.
 *
 * <p>Bounds: only the first {@link #MAX_CHARS} characters are read (cut at a line break) and a line
 * longer than {@link #MAX_LINE_CHARS} is cut at a space. A news article is a few thousand words; a
 * 50 MB dump is not an article, and these bounds keep the work linear and small for any input.
 *
 * <p>Hard-wrapped dumps (e-mail style, every line ending near a fixed width such as 72, paragraphs
 * separated by blank lines) are detected from the line-length distribution and re-joined, so that a
 * paragraph is one line again; dumps whose lines are whole paragraphs are left alone.
 */
final class TextLines {
  /** Characters of a dump that are read at most. */
  static final int MAX_CHARS = 2_000_000;

  /** Characters of one line that are kept at most. */
  static final int MAX_LINE_CHARS = 100_000;

  /** One non-empty, normalised line. */
  record Line(String text, int indent, boolean blankBefore) {}

  private TextLines() {}

  /** The non-empty lines of a dump, normalised and bounded, hard wraps re-joined. */
  static List<Line> of(String text) {
    return unwrap(split(text));
  }

  static List<Line> split(String text) {
    int end = Math.min(text.length(), MAX_CHARS);
    if (end < text.length()) {
      int cut = end;
      while (cut > end - 65_536 && cut > 0 && !isBreak(text.charAt(cut - 1))) {
        cut--;
      }
      if (cut > 0 && isBreak(text.charAt(cut - 1))) {
        end = cut;
      }
    }
    List<Line> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean blank = false;
    int i = 0;
    while (i < end) {
      int j = i;
      while (j < end && !isBreak(text.charAt(j))) {
        j++;
      }
      int indent = indentOf(text, i, j);
      String line = clean(text, i, j, sb);
      if (line.isEmpty()) {
        blank = true;
      } else {
        out.add(new Line(line, indent, blank || out.isEmpty()));
        blank = false;
      }
      if (j + 1 < end && text.charAt(j) == '\r' && text.charAt(j + 1) == '\n') {
        j++;
      }
      i = j + 1;
    }
    return out;
  }

  private static boolean isBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u0085'
        || c == '\f'
        || c == '\u000B';
  }

  private static int indentOf(String s, int from, int to) {
    int col = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c == ' ' || c == '\u00A0') {
        col++;
      } else if (c == '\t') {
        col = (col / 4 + 1) * 4;
      } else if (c != '\uFEFF') {
        break;
      }
    }
    return col;
  }

  /** Collapses whitespace, drops invisible characters, strips, and bounds the length. */
  private static String clean(String s, int from, int to, StringBuilder sb) {
    sb.setLength(0);
    boolean space = false;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c == ' ' || c == '\t' || Character.isSpaceChar(c)) {
        space = sb.length() > 0;
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.FORMAT || type == Character.CONTROL) {
        continue; // zero-width spaces and joiners, BOM, soft hyphen, C0/C1 controls
      }
      if (space) {
        if (sb.length() >= MAX_LINE_CHARS) {
          break;
        }
        sb.append(' ');
        space = false;
      }
      sb.append(c);
    }
    if (sb.length() > MAX_LINE_CHARS) {
      int cut = sb.lastIndexOf(" ", MAX_LINE_CHARS);
      sb.setLength(cut > MAX_LINE_CHARS / 2 ? cut : MAX_LINE_CHARS);
    }
    return sb.toString();
  }

  /**
   * Re-joins hard-wrapped paragraphs. The wrap width W is the 90th percentile of line lengths; the
   * dump counts as wrapped when W is between 40 and 100 characters, no line with a space is longer
   * than W + 10 (a dump of whole-paragraph lines has many), at least 40% of lines reach 0.75·W, and
   * at least three adjacent pairs (and half of all adjacent pairs) show a wrap — the first line
   * reaches 0.6·W and does not end a sentence, or the next starts in lower case — of which at least
   * two continue in lower case. Then a line is joined to the previous one when the previous reached
   * 0.6·W and the line does not start a list item, a quote or a URL.
   */
  static List<Line> unwrap(List<Line> lines) {
    if (lines.size() < 6) {
      return lines;
    }
    int[] lengths = lines.stream().mapToInt(l -> l.text().length()).sorted().toArray();
    int w = lengths[(int) Math.floor(0.9 * (lengths.length - 1))];
    if (w < 40 || w > 100) {
      return lines;
    }
    long full = Arrays.stream(lengths).filter(n -> n >= 0.75 * w).count();
    boolean overlong =
        lines.stream().anyMatch(l -> l.text().length() > w + 10 && l.text().indexOf(' ') >= 0);
    if (overlong || full * 10 < lines.size() * 4L) {
      return lines;
    }
    int adjacent = 0;
    int wraps = 0;
    int lowerWraps = 0;
    for (int k = 1; k < lines.size(); k++) {
      Line a = lines.get(k - 1);
      Line b = lines.get(k);
      if (b.blankBefore()) {
        continue;
      }
      adjacent++;
      boolean lower = Character.isLowerCase(b.text().charAt(0));
      if (wrapPair(a, b, w) && (!TextShape.endsSentence(a.text()) || lower)) {
        wraps++;
        lowerWraps += lower ? 1 : 0;
      }
    }
    if (wraps < 3 || lowerWraps < 2 || wraps * 2 < adjacent) {
      return lines;
    }
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      int last = out.size() - 1;
      if (last >= 0 && !l.blankBefore() && wrapPair(out.get(last), l, w)) {
        Line prev = out.get(last);
        out.set(last, new Line(join(prev.text(), l.text()), prev.indent(), prev.blankBefore()));
      } else {
        out.add(l);
      }
    }
    return out;
  }

  private static boolean wrapPair(Line a, Line b, int w) {
    return a.text().length() >= 0.6 * w
        && !TextPatterns.startsBlock(b.text())
        && TextPatterns.url(a.text()) == null
        && TextPatterns.url(b.text()) == null;
  }

  private static String join(String a, String b) {
    if (a.length() > 1
        && a.charAt(a.length() - 1) == '-'
        && Character.isLetter(a.charAt(a.length() - 2))
        && Character.isLowerCase(b.charAt(0))) {
      return a + b; // "self-" + "driving"
    }
    return a + " " + b;
  }
}
