package dev.lede.ingest;

import dev.lede.extract.Extractor;
import dev.lede.model.Block;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Markup to plain text, for everything feeds and JSON hand us: titles, authors, categories and
 * summaries become plain strings (tags stripped, entities decoded, whitespace collapsed); content
 * HTML becomes article blocks (paragraphs, headings, lists, quotes, images with caption and
 * credit). Scripts, styles, forms and embeds are dropped with their text. Nothing with markup is
 * stored.
 */
final class HtmlText {
  private static final Pattern MARKUP =
      Pattern.compile("<[a-zA-Z/!?]|&(#\\d+|#x[0-9a-fA-F]+|\\w+);");
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");
  private static final Pattern BLOCK_TAG =
      Pattern.compile(
          "(?i)<(p|div|br|li|ul|ol|h[1-6]|blockquote|figure|table|section|article)[\\s/>]");
  private static final String DROP =
      "script, style, noscript, iframe, object, embed, form, button, input, select, textarea, svg,"
          + " canvas, template, audio, video, map, dialog";

  private HtmlText() {}

  /** Plain text of a short field: markup stripped, entities decoded, whitespace collapsed. */
  static String plain(@Nullable String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    if ((s.indexOf('<') < 0 && s.indexOf('&') < 0) || !MARKUP.matcher(s).find()) {
      return collapse(s);
    }
    Document d = Jsoup.parseBodyFragment(s);
    d.select(DROP).remove();
    return collapse(d.body().text());
  }

  /** Whether a text field holds block-level HTML rather than plain text. */
  static boolean looksLikeHtml(String s) {
    return s.indexOf('<') >= 0 && BLOCK_TAG.matcher(s).find();
  }

  /**
   * Whitespace runs (no-break spaces and control characters included: a NUL or an escape sequence
   * in a JSON field is no text) to one space, trimmed. Hot path: no regex.
   */
  static String collapse(String s) {
    int n = s.length();
    boolean clean = n == 0 || (!isWs(s.charAt(0)) && !isWs(s.charAt(n - 1)));
    for (int i = 0; clean && i < n; i++) {
      char c = s.charAt(i);
      if (isWs(c) && (c != ' ' || isWs(s.charAt(i + 1)))) {
        clean = false; // the last character is not whitespace, so i + 1 < n here
      }
    }
    if (clean) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n);
    boolean pending = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isWs(c)) {
        pending = sb.length() > 0;
      } else {
        if (pending) {
          sb.append(' ');
          pending = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isWs(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || Character.isISOControl(c);
  }

  /**
   * Plain text split into paragraphs: on blank lines, or on single line breaks when the text has no
   * blank line between two lines of text; line breaks inside a paragraph become spaces.
   */
  static List<String> paragraphs(String text) {
    List<String> lines = text.lines().toList();
    boolean blankSeparated = hasInnerBlankLine(lines);
    List<String> out = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank()) {
        addParagraph(out, para);
      } else if (blankSeparated) {
        para.append(para.isEmpty() ? "" : " ").append(line);
      } else {
        para.append(line);
        addParagraph(out, para);
      }
    }
    addParagraph(out, para);
    return out;
  }

  private static boolean hasInnerBlankLine(List<String> lines) {
    boolean textBefore = false;
    boolean blankAfterText = false;
    for (String line : lines) {
      if (line.isBlank()) {
        blankAfterText = textBefore;
      } else if (blankAfterText) {
        return true;
      } else {
        textBefore = true;
      }
    }
    return false;
  }

  private static void addParagraph(List<String> out, StringBuilder para) {
    if (!para.isEmpty()) {
      String c = plain(para.toString());
      if (!c.isEmpty()) {
        out.add(c);
      }
      para.setLength(0);
    }
  }

  /** Article blocks of an HTML fragment (feed content, a JSON field holding HTML). */
  static List<Block> blocks(String html, @Nullable URI base) {
    Document d = Jsoup.parseBodyFragment(html, base == null ? "" : base.toString());
    d.select(DROP).remove();
    Walker w = new Walker();
    w.walk(d.body());
    w.flush();
    return w.out;
  }

  /** Depth-first walk collecting inline text until a block boundary. */
  private static final class Walker {
    final List<Block> out = new ArrayList<>();
    private final StringBuilder buf = new StringBuilder();

    void walk(Element parent) {
      for (Node n : parent.childNodes()) {
        if (n instanceof TextNode t) {
          buf.append(t.getWholeText());
        } else if (n instanceof Element e) {
          element(e);
        }
      }
    }

    private void element(Element e) {
      String tag = e.normalName();
      switch (tag) {
        case "br" -> buf.append('\n');
        case "p", "pre", "address", "dd", "dt", "figcaption", "caption" -> {
          flush();
          walk(e);
          flush();
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          flush();
          String t = collapse(e.text());
          if (!t.isEmpty()) {
            int level = Math.max(2, tag.charAt(1) - '0');
            out.add(new Block.Heading(level, t));
          }
        }
        case "ul", "ol" -> {
          flush();
          List<String> items = new ArrayList<>();
          for (Element li : e.children()) {
            String t = collapse(li.text());
            if (!t.isEmpty()) {
              items.add(t);
            }
          }
          if (!items.isEmpty()) {
            out.add(new Block.ListBlock(tag.equals("ol"), items));
          }
        }
        case "blockquote" -> {
          flush();
          String t = collapse(e.text());
          if (!t.isEmpty()) {
            out.add(new Block.Quote(t));
          }
        }
        case "figure" -> {
          flush();
          Element img = e.selectFirst("img");
          Element cap = e.selectFirst("figcaption");
          if (img != null) {
            image(img, cap);
          } else {
            walk(e);
            flush();
          }
        }
        case "img" -> {
          flush();
          image(e, "");
        }
        case "hr" -> flush();
        case "div",
            "section",
            "article",
            "main",
            "header",
            "footer",
            "aside",
            "center",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "li",
            "dl",
            "nav",
            "details",
            "summary" -> {
          flush();
          Element img;
          Element cap;
          if (isCaptionBox(e)
              && (img = e.selectFirst("img")) != null
              && (cap = e.selectFirst("[class*=caption]:not(img), [class*=Caption]:not(img)"))
                  != null) {
            // A WordPress-style caption box (div.wp-caption: an image and a caption paragraph)
            // is a figure: its caption is no paragraph of the story.
            image(img, cap);
          } else {
            walk(e);
          }
          flush();
        }
        default -> walk(e); // inline: a, b, i, em, strong, span, ...
      }
    }

    /** Elements of a caption that hold its credit. */
    private static final String CREDIT =
        "cite, [class*=credit], [class*=Credit], [class*=byline], [class*=source]";

    /** A container whose class names a caption box and that holds one image. */
    private static boolean isCaptionBox(Element e) {
      String cls = e.className().toLowerCase(Locale.ROOT);
      return (cls.contains("caption") || cls.contains("figure") || cls.contains("photo"))
          && e.select("img").size() == 1
          && e.select("p, figcaption, [class*=caption]").size() <= 3;
    }

    /**
     * An image with its caption element: a credit element in it ({@code cite}, or a class naming a
     * credit, byline or source) is the credit; else the credit is read from the caption's text.
     */
    private void image(Element img, @Nullable Element cap) {
      if (cap == null) {
        image(img, "");
        return;
      }
      Element rest = cap.clone();
      Element credit = rest.selectFirst(CREDIT);
      if (credit == null || rest.text().strip().equals(credit.text().strip())) {
        image(img, collapse(cap.text()));
        return;
      }
      String creditText = collapse(credit.text());
      credit.remove();
      String src = imageSrc(img);
      String caption = collapse(rest.text());
      if (!src.isEmpty() || !caption.isEmpty()) {
        out.add(new Block.Image(src, collapse(img.attr("alt")), caption, creditText));
      }
    }

    /** An absolute http(s) source, or "" (data:, javascript:, relative without a base). */
    private static String imageSrc(Element img) {
      String src = img.absUrl("src");
      if (src.isEmpty()) {
        src = img.attr("src");
      }
      String lower = src.toLowerCase(Locale.ROOT);
      return lower.startsWith("http://") || lower.startsWith("https://") ? src : "";
    }

    private void image(Element img, String caption) {
      String src = imageSrc(img);
      String alt = collapse(img.attr("alt"));
      if (src.isEmpty() && caption.isEmpty()) {
        return;
      }
      out.add(Extractor.captionedImage(src, alt, caption));
    }

    void flush() {
      if (buf.isEmpty()) {
        return;
      }
      String text = buf.toString();
      buf.setLength(0);
      for (String para : BLANK_LINE.split(text)) {
        String t = collapse(para);
        if (!t.isEmpty()) {
          out.add(new Block.Paragraph(t));
        }
      }
    }
  }
}
