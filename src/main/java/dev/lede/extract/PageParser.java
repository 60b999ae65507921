package dev.lede.extract;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Parses a decoded page into a jsoup {@link Document} within fixed bounds, so that no input can
 * exhaust the stack or the heap.
 *
 * <ul>
 *   <li>Depth: jsoup's tree builder stops nesting at {@link #MAX_DEPTH} open elements (deeper tags
 *       become siblings), so 100,000 nested {@code <div>}s parse into a tree no deeper than that
 *       and every later walk is shallow.
 *   <li>Size: a page longer than {@link #MAX_CHARS} first loses what is never text (script and
 *       style bodies, comments, inline {@code data:} URIs), which is what makes most huge pages
 *       huge; if it is still too long it is cut at the last tag boundary before the limit. The
 *       article is at the top of a page, so a best-effort article survives.
 *   <li>Binary input that reached this far (a string full of control characters) is refused with an
 *       {@link ExtractionException}.
 * </ul>
 */
final class PageParser {
  /** jsoup's own default; stated here because the stack safety of later steps relies on it. */
  static final int MAX_DEPTH = 512;

  /** Characters parsed at most (about 8 MB of markup, a few hundred MB of DOM at worst). */
  static final int MAX_CHARS = 8 * 1024 * 1024;

  private PageParser() {}

  static Document parse(String html, @Nullable URI url) {
    requireText(html);
    String h = html.length() > MAX_CHARS ? shrink(html) : html;
    Document doc = parseBounded(h, url);
    String fixed = closeRunawayTitle(doc, h);
    return fixed == null ? doc : parseBounded(fixed, url);
  }

  private static Document parseBounded(String html, @Nullable URI url) {
    Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
    return Jsoup.parse(html, url == null ? "" : url.toString(), parser);
  }

  /**
   * A {@code <title>} that is never closed (a page cut and spliced, a stray {@code </title}) turns
   * the rest of the page into its text, leaving an empty body. When the title holds markup and the
   * body almost no text, the page is parsed again with the title closed at its first tag.
   */
  private static @Nullable String closeRunawayTitle(Document doc, String html) {
    Element title = doc.selectFirst("title");
    if (title == null) {
      return null;
    }
    String t = title.text();
    if (t.length() < 300
        || !t.contains("<")
        || doc.body() == null
        || doc.body().text().length() > 200) {
      return null;
    }
    int open = indexOfIgnoreCase(html, "<title", 0);
    int start = open < 0 ? -1 : html.indexOf('>', open);
    int firstTag = start < 0 ? -1 : html.indexOf('<', start + 1);
    if (firstTag < 0) {
      return null;
    }
    return html.substring(0, firstTag) + "</title>" + html.substring(firstTag);
  }

  private static void requireText(String s) {
    int n = Math.min(s.length(), 8192);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)) {
        bad++;
      }
    }
    if (n > 0 && bad * 10 > n) {
      throw new ExtractionException(
          "binary content (" + bad + " control characters in the first " + n + "), not a page");
    }
  }

  /** Drops script/style bodies, comments and data URIs; then cuts at a tag boundary. */
  static String shrink(String html) {
    StringBuilder out = new StringBuilder(Math.min(html.length(), MAX_CHARS + 1024));
    int i = 0;
    int n = html.length();
    while (i < n && out.length() < MAX_CHARS) {
      char c = html.charAt(i);
      if (c == '<') {
        if (html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        String raw = rawTextTag(html, i);
        if (raw != null) {
          int close = indexOfIgnoreCase(html, "</" + raw, i + raw.length() + 1);
          int gt = html.indexOf('>', i);
          if (gt < 0) {
            break;
          }
          out.append(html, i, gt + 1);
          i = close < 0 ? n : close;
          continue;
        }
      } else if (c == 'd'
          && html.startsWith("data:", i)
          && i > 0
          && (html.charAt(i - 1) == '"'
              || html.charAt(i - 1) == '\''
              || html.charAt(i - 1) == '(')) {
        int end = i;
        while (end < n
            && html.charAt(end) != '"'
            && html.charAt(end) != '\''
            && html.charAt(end) != ')'
            && end - i < 50_000_000) {
          end++;
        }
        i = end;
        continue;
      }
      out.append(c);
      i++;
    }
    if (i < n) {
      int lastTag = out.lastIndexOf("<");
      int lastClose = out.lastIndexOf(">");
      if (lastTag > lastClose) {
        out.setLength(lastTag);
      }
    }
    return out.toString();
  }

  private static @Nullable String rawTextTag(String html, int i) {
    for (String t : new String[] {"script", "style", "svg", "template"}) {
      if (html.regionMatches(true, i + 1, t, 0, t.length())) {
        int after = i + 1 + t.length();
        if (after < html.length()) {
          char c = html.charAt(after);
          if (c == '>' || Character.isWhitespace(c) || c == '/') {
            return t;
          }
        }
      }
    }
    return null;
  }

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    int n = needle.length();
    for (int i = from; i + n <= s.length(); i++) {
      if (s.charAt(i) == '<' && s.regionMatches(true, i, needle, 0, n)) {
        return i;
      }
    }
    return -1;
  }
}
