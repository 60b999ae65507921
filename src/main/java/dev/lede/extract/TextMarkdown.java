package dev.lede.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The little Markdown that text dumps made by copy tools and reader views carry: "#" headings,
 * "![alt](src)" images, "[text](url)" links and "**bold**" or "*italic*" markers. Headings and
 * images become structure, links keep their text (and their address when a whole line is a link, as
 * in a list of related stories), emphasis markers go. A dump without Markdown is untouched: each
 * rule needs its exact syntax.
 */
final class TextMarkdown {
  /** A "#"-heading: its level (1–6) and text. */
  record Heading(int level, String text) {}

  /** A line that is a link ("[text](url)"), possibly after a list bullet. */
  record LineLink(String text, String url) {}

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)(?:\\s+#+)?$");
  private static final Pattern IMAGE =
      Pattern.compile(
          "^!\\[([^\\]]{0,500})\\]\\(\\s*(\\S{1,2000}?)(?:\\s+[\"'][^\"']*[\"'])?\\s*\\)$");
  private static final String LINK_TARGET =
      "\\(\\s*((?:[^()\\s]|\\([^()\\s]*\\)){1,2000})(?:\\s+\"[^\"]*\")?\\s*\\)";
  private static final Pattern LINE_LINK =
      Pattern.compile(
          "^((?:[-*+•]\\s+|\\d{1,3}[.)]\\s+)?)\\[([^\\]]{1,500})\\]" + LINK_TARGET + "$");
  private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]{0,500})\\]" + LINK_TARGET);
  private static final Pattern BOLD =
      Pattern.compile("\\*\\*(\\S(?:.{0,2000}?\\S)?)\\*\\*|__(\\S(?:.{0,2000}?\\S)?)__");
  private static final Pattern WHOLE_ITALIC = Pattern.compile("^[*_](\\S.{0,2000}\\S)[*_]$");

  private TextMarkdown() {}

  static @Nullable Heading heading(String line) {
    if (line.isEmpty() || line.charAt(0) != '#') {
      return null;
    }
    Matcher m = HEADING.matcher(line);
    return m.matches() ? new Heading(m.group(1).length(), inline(m.group(2))) : null;
  }

  /** The alt text and source of an image line, or null. */
  static String @Nullable [] image(String line) {
    if (!line.startsWith("![")) {
      return null;
    }
    Matcher m = IMAGE.matcher(line);
    return m.matches() ? new String[] {inline(m.group(1)), m.group(2)} : null;
  }

  static @Nullable LineLink lineLink(String line) {
    if (line.indexOf('[') < 0 || !line.endsWith(")")) {
      return null;
    }
    Matcher m = LINE_LINK.matcher(line);
    return m.matches() ? new LineLink(m.group(1) + inline(m.group(2)), m.group(3)) : null;
  }

  /** The line without link syntax and emphasis markers. */
  static String inline(String line) {
    if (line.length() > 5000) {
      return line;
    }
    String s = line;
    if (s.indexOf('[') >= 0 && s.indexOf("](") >= 0) {
      s = LINK.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    }
    if (s.contains("**") || s.contains("__")) {
      s =
          BOLD.matcher(s)
              .replaceAll(
                  r -> Matcher.quoteReplacement(r.group(1) != null ? r.group(1) : r.group(2)));
    }
    if (s.length() > 2 && (s.charAt(0) == '*' || s.charAt(0) == '_')) {
      Matcher m = WHOLE_ITALIC.matcher(s);
      if (m.matches() && m.group(1).indexOf(s.charAt(0)) < 0) {
        s = m.group(1);
      }
    }
    return s.strip();
  }
}
