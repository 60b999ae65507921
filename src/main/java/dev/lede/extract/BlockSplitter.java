package dev.lede.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Linearises a page body into {@link TextBlock}s in reading order, the representation boilerpipe
 * and jusText classify: a block is the text between two block-level boundaries, and carries its
 * kind (paragraph, heading, list item, quote, preformatted, table cell, caption, image), the
 * element that owns it, the hinted ancestors above it, and its link text.
 *
 * <p>What is never content is skipped on the way (scripts, styles, templates, embedded objects,
 * form controls, elements hidden by attribute or inline style), so later steps never see it. Two
 * {@code <br>}s in a row split a paragraph, as they do on screen. Images become blocks of their
 * own, emitted after the text they interrupt. Hinted inline elements (a caption or byline span) are
 * boundaries too, so their text can be routed apart.
 *
 * <p>The walk is jsoup's iterative {@link NodeTraversor} (no recursion; the parser already caps
 * depth), and it stops after {@link #MAX_BLOCKS} blocks or {@link #MAX_CHARS} characters of text,
 * so work is bounded on any input.
 */
final class BlockSplitter implements NodeFilter {
  static final int MAX_BLOCKS = 30_000;
  static final int MAX_CHARS = 4_000_000;
  private static final int MAX_BLOCK_CHARS = 60_000;
  private static final int MAX_CAPTION_BLOCK = 600;
  private static final int MAX_CAPTION_SCOPE = 1200;

  private static final Set<String> SKIP =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "annotation",
          "annotation-xml",
          "canvas",
          "iframe",
          "object",
          "embed",
          "audio",
          "video",
          "map",
          "button",
          "select",
          "option",
          "textarea",
          "input",
          "head",
          "title",
          "meta",
          "link",
          "base",
          "dialog",
          "applet",
          "frame",
          "frameset",
          "datalist",
          "progress",
          "meter",
          "track",
          "source",
          "picture-source",
          "param");
  private static final Set<String> HIDDEN_CLASSES =
      Set.of(
          "sr-only",
          "visually-hidden",
          "visuallyhidden",
          "screen-reader-text",
          "screenreader",
          "offscreen",
          "element-invisible",
          "hide-text",
          "a11y-hidden",
          "u-hidden");
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "center",
          "dd",
          "details",
          "dir",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "li",
          "main",
          "menu",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "thead",
          "tfoot",
          "tr",
          "td",
          "th",
          "caption",
          "ul",
          "legend",
          "html",
          "listing",
          "xmp",
          "plaintext",
          "noframes");

  private final ClassHints hintReader = new ClassHints();
  private final List<TextBlock> blocks = new ArrayList<>();
  private final ArrayDeque<Element> blockStack = new ArrayDeque<>();
  private final StringBuilder buf = new StringBuilder();
  private final List<TextBlock> pendingImages = new ArrayList<>();
  private @Nullable HintChain hints;
  private int linkDepth;
  private int bufLinkLength;
  private int preDepth;
  private int captionDepth;
  private final ArrayDeque<Element> captionScopes = new ArrayDeque<>();
  private int creditDepth;
  private boolean lastBreak;
  private int totalChars;
  private final ArrayDeque<Element> headings = new ArrayDeque<>();
  private final ArrayDeque<Element> items = new ArrayDeque<>();
  private final ArrayDeque<Element> lists = new ArrayDeque<>();
  private final ArrayDeque<Element> quotes = new ArrayDeque<>();
  private final ArrayDeque<Element> figures = new ArrayDeque<>();
  private final ArrayDeque<Element> cells = new ArrayDeque<>();
  private final ArrayDeque<Element> linkOpen = new ArrayDeque<>();
  private final @Nullable ImageResolver images;

  private BlockSplitter(@Nullable ImageResolver images) {
    this.images = images;
  }

  /** The blocks of {@code root} (normally the body) in reading order. */
  static List<TextBlock> split(Element root, @Nullable ImageResolver images) {
    BlockSplitter s = new BlockSplitter(images);
    s.blockStack.push(root);
    NodeTraversor.filter(s, root);
    s.flush();
    uncaptionLargeScopes(s.blocks);
    return s.blocks;
  }

  /**
   * A caption hint or a figure around a whole article (a body class naming a slideshow, a figure
   * used as a layout box) is not a caption: blocks whose scope holds more text than any caption and
   * wraps the page (it is the body or holds the h1) go back to their own kind. A long list of
   * gallery captions stays captions.
   */
  private static void uncaptionLargeScopes(List<TextBlock> blocks) {
    java.util.Map<Element, int[]> size = new java.util.IdentityHashMap<>();
    for (TextBlock b : blocks) {
      if (b.captionScope != null) {
        size.computeIfAbsent(b.captionScope, k -> new int[1])[0] += b.length;
      }
    }
    java.util.Map<Element, Boolean> wrapsPage = new java.util.IdentityHashMap<>();
    for (TextBlock b : blocks) {
      if (b.kind == TextBlock.Kind.CAPTION
          && size.get(b.captionScope)[0] > MAX_CAPTION_SCOPE
          && wrapsPage.computeIfAbsent(b.captionScope, BlockSplitter::wrapsPage)) {
        b.kind = b.baseKind;
      }
    }
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (blocks.size() >= MAX_BLOCKS || totalChars >= MAX_CHARS) {
      return FilterResult.STOP;
    }
    if (node instanceof TextNode t) {
      appendText(t.getWholeText());
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element e)) {
      return FilterResult.SKIP_ENTIRELY; // comments, data nodes, doctype
    }
    String tag = e.normalName();
    if (SKIP.contains(tag) || isHidden(e)) {
      return FilterResult.SKIP_ENTIRELY;
    }
    switch (tag) {
      case "br" -> {
        lineBreak();
        return FilterResult.CONTINUE;
      }
      case "img", "amp-img" -> {
        image(e);
        return FilterResult.SKIP_ENTIRELY;
      }
      case "a" -> {
        if (isLink(e)) {
          linkDepth++;
          linkOpen.push(e);
        }
      }
      default -> {}
    }
    Hint hint = hintReader.of(e);
    boolean boundary = BLOCK_TAGS.contains(tag) || isRoutedInline(tag, hint);
    if (boundary) {
      flush();
      blockStack.push(e);
    }
    if (hint != Hint.NONE) {
      hints = new HintChain(e, hint, hints);
      if (hint == Hint.CAPTION) {
        captionDepth++;
        captionScopes.push(e);
      } else if (hint == Hint.CREDIT && (captionDepth > 0 || !figures.isEmpty())) {
        creditDepth++;
      }
    }
    switch (tag) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> headings.push(e);
      case "li", "dd", "dt" -> items.push(e);
      case "ul", "ol", "dl", "menu", "dir" -> lists.push(e);
      case "blockquote" -> quotes.push(e);
      case "figure" -> figures.push(e);
      case "td", "th" -> cells.push(e);
      case "pre", "listing", "xmp", "plaintext" -> preDepth++;
      default -> {}
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (!(node instanceof Element e)) {
      return FilterResult.CONTINUE;
    }
    String tag = e.normalName();
    if (!linkOpen.isEmpty() && linkOpen.peek() == e) {
      linkOpen.pop();
      linkDepth = Math.max(0, linkDepth - 1);
    }
    if (!blockStack.isEmpty() && blockStack.peek() == e) {
      flush();
      blockStack.pop();
    }
    if (hints != null && hints.element() == e) {
      if (hints.hint() == Hint.CAPTION) {
        captionDepth--;
        popIf(captionScopes, e);
      } else if (hints.hint() == Hint.CREDIT && creditDepth > 0) {
        creditDepth--;
      }
      hints = hints.outer();
    }
    popIf(headings, e);
    popIf(items, e);
    popIf(lists, e);
    popIf(quotes, e);
    popIf(figures, e);
    popIf(cells, e);
    if (tag.equals("pre")
        || tag.equals("listing")
        || tag.equals("xmp")
        || tag.equals("plaintext")) {
      preDepth = Math.max(0, preDepth - 1);
    }
    return FilterResult.CONTINUE;
  }

  private static void popIf(ArrayDeque<Element> stack, Element e) {
    if (!stack.isEmpty() && stack.peek() == e) {
      stack.pop();
    }
  }

  private static boolean isRoutedInline(String tag, Hint hint) {
    return switch (hint) {
      case CAPTION, CREDIT, BYLINE -> true;
      case NONE, CONTENT, WEAK -> false;
      default -> !tag.equals("a");
    };
  }

  /** A link a reader can follow: an href that is not a script or a bare in-page anchor. */
  private static boolean isLink(Element a) {
    String href = a.attr("href").strip();
    return !href.isEmpty()
        && !href.equals("#")
        && !href.regionMatches(true, 0, "javascript:", 0, 11);
  }

  static boolean isHidden(Element e) {
    if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) && !isFallbackImage(e)) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty()) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (s.contains("display:none") || s.contains("visibility:hidden")) {
        return true;
      }
    }
    String cls = e.className();
    if (!cls.isEmpty()) {
      for (String c : cls.split("\\s+")) {
        if (HIDDEN_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isFallbackImage(Element e) {
    return e.className().contains("fallback-image");
  }

  private void appendText(String raw) {
    if (raw.isEmpty()) {
      return;
    }
    int before = buf.length();
    if (preDepth > 0) {
      buf.append(raw);
    } else {
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        buf.append(c == '\n' || c == '\r' ? ' ' : c);
      }
    }
    int w = Texts.weightedLength(raw);
    if (w > 0) {
      lastBreak = false;
      if (linkDepth > 0) {
        bufLinkLength += w;
      }
    }
    totalChars += buf.length() - before;
    if (buf.length() > MAX_BLOCK_CHARS) {
      flush();
    }
  }

  private void lineBreak() {
    if (lastBreak) {
      flush(); // <br><br>: a paragraph break
    } else {
      buf.append('\n');
      lastBreak = true;
    }
  }

  private void image(Element img) {
    if (images == null) {
      return;
    }
    ImageResolver.Found f = images.resolve(img);
    if (f == null) {
      return;
    }
    Element figure = figures.peek();
    pendingImages.add(
        new TextBlock(
            0,
            TextBlock.Kind.IMAGE,
            img,
            "",
            0,
            null,
            false,
            null,
            figure,
            hints,
            0,
            false,
            f.src(),
            f.alt(),
            TextBlock.Kind.IMAGE,
            null));
  }

  private void flush() {
    if (buf.length() > 0) {
      String text = preDepth > 0 ? buf.toString().strip() : Texts.normalizeKeepingBreaks(buf);
      if (!text.isEmpty()) {
        addText(text);
      }
      buf.setLength(0);
    }
    bufLinkLength = 0;
    lastBreak = false;
    for (TextBlock img : pendingImages) {
      blocks.add(
          new TextBlock(
              blocks.size(),
              img.kind,
              img.owner,
              "",
              0,
              null,
              false,
              null,
              img.figure,
              img.hints,
              0,
              false,
              img.src,
              img.alt,
              TextBlock.Kind.IMAGE,
              null));
    }
    pendingImages.clear();
  }

  private void addText(String text) {
    Element owner = blockStack.isEmpty() ? null : blockStack.peek();
    if (owner == null) {
      return;
    }
    Element heading = headings.peek();
    Element item = items.peek();
    Element list = lists.peek();
    Element quote = quotes.peek();
    Element figure = figures.peek();
    TextBlock.Kind kind;
    int level = 0;
    if (heading != null) {
      kind = TextBlock.Kind.HEADING;
      level = heading.normalName().charAt(1) - '0';
    } else if (preDepth > 0) {
      kind = TextBlock.Kind.PRE;
    } else if (item != null && list != null && isAncestor(list, item)) {
      kind = TextBlock.Kind.ITEM;
    } else if (quote != null) {
      kind = TextBlock.Kind.QUOTE;
    } else if (!cells.isEmpty() && isAncestor(cells.peek(), owner)) {
      kind = TextBlock.Kind.CELL;
    } else {
      kind = TextBlock.Kind.PARAGRAPH;
    }
    TextBlock.Kind baseKind = kind;
    Element scope = captionScopes.isEmpty() ? figure : captionScopes.peek();
    if (scope != null && Texts.weightedLength(text) < MAX_CAPTION_BLOCK) {
      kind = TextBlock.Kind.CAPTION;
    }
    boolean ordered = list != null && list.normalName().equals("ol");
    blocks.add(
        new TextBlock(
            blocks.size(),
            kind,
            owner,
            text,
            level,
            item != null ? list : null,
            ordered,
            quote,
            figure,
            hints,
            bufLinkLength,
            creditDepth > 0,
            "",
            "",
            baseKind,
            scope));
  }

  private static boolean wrapsPage(Element scope) {
    String tag = scope.normalName();
    return tag.equals("body") || tag.equals("html") || !scope.getElementsByTag("h1").isEmpty();
  }

  /**
   * True when {@code a} is {@code b} or one of its ancestors (bounded by the parser's depth cap).
   */
  static boolean isAncestor(Element a, Element b) {
    for (Element e = b; e != null; e = e.parent()) {
      if (e == a) {
        return true;
      }
    }
    return false;
  }
}
