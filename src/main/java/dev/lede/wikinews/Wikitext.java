package dev.lede.wikinews;

import dev.lede.model.Block;
import dev.lede.model.CitedSource;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The wikitext of one Wikinews article → clean blocks, categories, cited sources and the date.
 *
 * <p>Not a MediaWiki parser: templates are not expanded (a dump has no rendered pages), so each
 * template is rendered by name — {@code {{date|…}}} and {@code {{byline|date=…}}} give the date,
 * {@code {{w|Link|text}}}-style link templates keep their text, {@code {{source|url=…|title=…|
 * pub=…|date=…}}} (and {@code cite …}) become cited sources, quote templates become quote blocks,
 * stage templates ({@code publish}, {@code archive}, {@code develop}, {@code review}, …) are
 * recorded for the published/draft decision, and every other template (infoboxes, navigation,
 * maintenance, parser functions) is dropped. Links keep their text ({@code [[a|b]]} → b, {@code
 * [[a]]} → a, {@code [url text]} → text), {@code [[Category:X]]} becomes a category, {@code
 * [[File:…|thumb|caption]]} and {@code <gallery>} lines become image blocks, {@code == x ==}
 * headings become heading blocks (the closing "Sources", "Related news", "External links", "See
 * also" sections are dropped), {@code *} and {@code #} lines become lists; references, comments,
 * tables, HTML tags, bold and italic markup are removed and entities decoded. Everything it returns
 * is plain text.
 *
 * <p>Written from the MediaWiki markup documentation and Wikinews' article layout (date template
 * first, body, sources section, categories last); nothing is taken from other converters.
 */
final class Wikitext {

  /** What one page's wikitext says. */
  record Page(
      List<Block> blocks,
      List<String> categories,
      List<CitedSource> sources,
      @Nullable LocalDate date,
      Set<String> templates) {

    /** True when the page carries a publish or archive stage template. */
    boolean published() {
      return templates.stream().anyMatch(PUBLISHED::contains);
    }

    /** True when the page carries a draft stage template (develop, review, abandoned, …). */
    boolean draft() {
      return templates.stream().anyMatch(DRAFT::contains);
    }

    /** True when the page is a disambiguation page. */
    boolean disambiguation() {
      return templates.stream().anyMatch(DISAMBIGUATION::contains);
    }
  }

  static final Set<String> PUBLISHED = Set.of("publish", "published", "archive", "archived");
  static final Set<String> DRAFT =
      Set.of(
          "develop",
          "developing",
          "review",
          "under review",
          "breaking review",
          "quick review",
          "prepare",
          "prepared",
          "abandoned",
          "rfc",
          "tasks",
          "delete",
          "speedy",
          "speedy delete",
          "stale",
          "not ready",
          "no publish",
          "nopublish");
  static final Set<String> DISAMBIGUATION = Set.of("disambig", "disambiguation", "dab", "disamb");

  private static final Set<String> LINK_TEMPLATES =
      Set.of("w", "wikipedia", "wp", "w2", "wikt", "wiktionary", "commons");
  private static final Set<String> TEXT_TEMPLATES =
      Set.of(
          "nowrap", "nobr", "small", "big", "smallcaps", "sc", "sic", "lang", "transl", "nobold");
  private static final Map<String, String> SYMBOL_TEMPLATES =
      Map.of(
          "nbsp", " ",
          "ndash", "–",
          "mdash", "—",
          "snd", " – ",
          "spaced ndash", " – ",
          "'", "'",
          "apostrophe", "'",
          "middot", "·",
          "bull", "•");
  private static final Set<String> QUOTE_TEMPLATES =
      Set.of(
          "quote",
          "cquote",
          "quotation",
          "quote box",
          "quotebox",
          "quoteleft",
          "quoteright",
          "quote left",
          "quote right",
          "pull quote",
          "pullquote",
          "blockquote",
          "quote2");
  private static final Set<String> SOURCE_TEMPLATES =
      Set.of(
          "source",
          "cite web",
          "cite news",
          "cite",
          "citation",
          "cite journal",
          "cite press release");
  private static final Set<String> END_SECTIONS =
      Set.of(
          "sources",
          "source",
          "references",
          "related news",
          "related articles",
          "related stories",
          "external links",
          "external link",
          "see also",
          "sister links",
          "other sources",
          "notes");
  private static final Set<String> INTERWIKI =
      Set.of(
          "w",
          "wikipedia",
          "wikt",
          "wiktionary",
          "n",
          "wikinews",
          "commons",
          "c",
          "s",
          "wikisource",
          "b",
          "wikibooks",
          "q",
          "wikiquote",
          "v",
          "wikiversity",
          "voy",
          "wikivoyage",
          "species",
          "wikispecies",
          "d",
          "wikidata",
          "m",
          "meta",
          "mw",
          "en");
  private static final Set<String> IMAGE_OPTIONS =
      Set.of(
          "thumb",
          "thumbnail",
          "frame",
          "framed",
          "frameless",
          "border",
          "left",
          "right",
          "center",
          "centre",
          "none",
          "upright",
          "baseline",
          "middle",
          "sub",
          "super",
          "top",
          "text-top",
          "bottom",
          "text-bottom");
  private static final Set<String> DROPPED_TAGS =
      Set.of(
          "math",
          "chem",
          "score",
          "syntaxhighlight",
          "source",
          "pre",
          "timeline",
          "graph",
          "mapframe",
          "maplink",
          "inputbox",
          "dynamicpagelist",
          "dpl",
          "categorytree",
          "imagemap",
          "templatedata",
          "templatestyles",
          "poem-hidden",
          "hiero",
          "charinsert");

  private static final Map<String, Pattern> DROPPED_TAG_PATTERNS = droppedTagPatterns();

  // private-use characters: protected nowiki text, and block markers emitted before line splitting
  private static final String PROTECT_FROM = "[]{}|'<>=*#:;&_~";
  private static final char PROTECT_BASE = '\uE000';
  private static final char IMG = '\uE101';
  private static final char QUOTE = '\uE102';
  private static final char SEP = '\uE103';
  private static final char END = '\uE104';

  private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|\\z)", Pattern.DOTALL);
  private static final Pattern NOWIKI =
      Pattern.compile("(?is)<nowiki\\s*>(.*?)</nowiki\\s*>|<nowiki\\s*/>");
  private static final Pattern REF =
      Pattern.compile(
          "(?is)<ref\\b[^>/]*/>|<ref\\b[^>]*>.*?</ref\\s*>|<references\\b[^>]*/>"
              + "|<references\\b[^>]*>.*?</references\\s*>");
  private static final Pattern GALLERY =
      Pattern.compile("(?is)<gallery\\b[^>]*>(.*?)(?:</gallery\\s*>|\\z)");
  private static final Pattern BLOCKQUOTE =
      Pattern.compile("(?is)<blockquote\\b[^>]*>(.*?)</blockquote\\s*>");
  private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
  private static final Pattern EXT_LINK =
      Pattern.compile("\\[(?:https?:|ftp:|mailto:|//)[^\\s\\]\\[<>\"]*(?:\\s+([^\\]\\n]*))?\\]");
  private static final Pattern APOSTROPHES = Pattern.compile("'{2,}");
  private static final Pattern MAGIC_WORD = Pattern.compile("__[A-Z]+__");
  private static final Pattern HEADING = Pattern.compile("^(={1,6})\\s*(.*?)\\s*\\1\\s*$");
  private static final Pattern LIST_ITEM = Pattern.compile("^([*#]+)\\s*(.*)$");
  private static final Pattern INDENT = Pattern.compile("^[:;]+\\s*(.*)$");
  private static final Pattern RULE = Pattern.compile("^-{4,}\\s*$");
  private static final Pattern ENTITY =
      Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
  private static final Pattern STRAY_PIPE = Pattern.compile("\\s*\\|\\s*");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200b-\\u200d\\u2060\\ufeff]");
  private static final Pattern SIZE = Pattern.compile("(?i)^(?:\\d+x)?\\d*px$|^x\\d+px$");
  private static final Pattern LEADING_WEEKDAY =
      Pattern.compile("(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+");

  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          pattern("MMMM d, uuuu"),
          pattern("MMMM d uuuu"),
          pattern("d MMMM uuuu"),
          pattern("d MMMM, uuuu"),
          pattern("MMM d, uuuu"),
          pattern("d MMM uuuu"),
          pattern("uuuu-MM-dd"),
          pattern("uuuu-M-d"));

  private Wikitext() {}

  private static Map<String, Pattern> droppedTagPatterns() {
    Map<String, Pattern> m = new HashMap<>();
    for (String tag : DROPPED_TAGS) {
      m.put(
          tag,
          Pattern.compile(
              "(?is)<" + tag + "\\b[^>]*/>|<" + tag + "\\b[^>]*>.*?(?:</" + tag + "\\s*>|\\z)"));
    }
    return Map.copyOf(m);
  }

  private static DateTimeFormatter pattern(String p) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(p)
        .toFormatter(Locale.ENGLISH);
  }

  /** Converts one page. */
  static Page parse(String wikitext) {
    State st = new State();
    String t = wikitext.replace("\r\n", "\n").replace('\r', '\n');
    t = COMMENT.matcher(t).replaceAll("");
    t = protectNowiki(t);
    t = dropTables(t);
    t = st.expandTemplates(t);
    t = REF.matcher(t).replaceAll("");
    t = GALLERY.matcher(t).replaceAll(m -> Matcher.quoteReplacement(st.gallery(m.group(1))));
    t =
        BLOCKQUOTE
            .matcher(t)
            .replaceAll(m -> Matcher.quoteReplacement(quoteMarker(m.group(1), "")));
    t = dropTags(t);
    t = BR.matcher(t).replaceAll(" ");
    t = st.links(t);
    t =
        EXT_LINK
            .matcher(t)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) == null ? "" : m.group(1)));
    t = TAG.matcher(t).replaceAll("");
    t = MAGIC_WORD.matcher(t).replaceAll("");
    t = boldAndItalicOut(t);
    List<Block> blocks = toBlocks(t);
    return new Page(
        blocks,
        List.copyOf(st.categories),
        List.copyOf(st.sources),
        st.date,
        Set.copyOf(st.templates));
  }

  /** Plain text of a fragment (a caption, a title, a template argument): inline markup out. */
  static String inline(String fragment) {
    State st = new State();
    String t = protectNowiki(COMMENT.matcher(fragment).replaceAll(""));
    t = st.expandTemplates(t);
    t = REF.matcher(t).replaceAll("");
    t = dropTags(t);
    t = BR.matcher(t).replaceAll(" ");
    t = st.links(t);
    t =
        EXT_LINK
            .matcher(t)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) == null ? "" : m.group(1)));
    t = TAG.matcher(t).replaceAll("");
    t = boldAndItalicOut(t);
    t = t.replace(String.valueOf(IMG), "").replace(String.valueOf(QUOTE), "");
    return clean(t);
  }

  // ---- phases ------------------------------------------------------------------------------

  private static String protectNowiki(String t) {
    Matcher m = NOWIKI.matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String inner = m.group(1) == null ? "" : m.group(1);
      m.appendReplacement(sb, Matcher.quoteReplacement(protect(inner)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String protect(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int k = PROTECT_FROM.indexOf(c);
      sb.append(k >= 0 ? (char) (PROTECT_BASE + k) : c);
    }
    return sb.toString();
  }

  private static String unprotect(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int k = c - PROTECT_BASE;
      sb.append(k >= 0 && k < PROTECT_FROM.length() ? PROTECT_FROM.charAt(k) : c);
    }
    return sb.toString();
  }

  /** Removes wiki tables ({| … |}, nested), line by line. */
  private static String dropTables(String t) {
    if (!t.contains("{|")) {
      return t;
    }
    StringBuilder out = new StringBuilder(t.length());
    int depth = 0;
    for (String line : t.split("\n", -1)) {
      String s = line.stripLeading();
      if (s.startsWith("{|")) {
        depth++;
        continue;
      }
      if (depth > 0) {
        if (s.startsWith("|}")) {
          depth--;
        }
        continue;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static String dropTags(String t) {
    if (t.indexOf('<') < 0) {
      return t;
    }
    String out = t;
    String lower = t.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Pattern> e : DROPPED_TAG_PATTERNS.entrySet()) {
      if (lower.contains("<" + e.getKey())) {
        out = e.getValue().matcher(out).replaceAll("");
      }
    }
    return out;
  }

  private static String quoteMarker(String text, String author) {
    String q = inline(text);
    if (q.isEmpty()) {
      return "";
    }
    String a = inline(author);
    return "\n\n" + QUOTE + q + (a.isEmpty() ? "" : " — " + a) + END + "\n\n";
  }

  private static String imageMarker(String src, String alt, String caption) {
    return "\n\n" + IMG + src + SEP + alt + SEP + caption + END + "\n\n";
  }

  /** The lines of the converted text → blocks. */
  private static List<Block> toBlocks(String t) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    List<String> items = new ArrayList<>();
    boolean ordered = false;
    int skipBelowLevel =
        0; // inside a dropped end section: skip until a heading of this level or higher
    for (String raw : t.split("\n")) {
      String line = raw.strip();
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        flushParagraph(blocks, para);
        ordered = flushList(blocks, items, ordered);
        int level = h.group(1).length();
        String text = clean(h.group(2));
        if (skipBelowLevel > 0 && level > skipBelowLevel) {
          continue;
        }
        skipBelowLevel = 0;
        if (END_SECTIONS.contains(text.toLowerCase(Locale.ROOT))) {
          skipBelowLevel = level;
          continue;
        }
        if (!text.isEmpty()) {
          blocks.add(new Block.Heading(Math.max(2, Math.min(6, level)), text));
        }
        continue;
      }
      if (skipBelowLevel > 0) {
        continue;
      }
      if (line.isEmpty() || RULE.matcher(line).matches()) {
        flushParagraph(blocks, para);
        ordered = flushList(blocks, items, ordered);
        continue;
      }
      if (line.charAt(0) == IMG || line.charAt(0) == QUOTE) {
        flushParagraph(blocks, para);
        ordered = flushList(blocks, items, ordered);
        Block b = marker(line);
        if (b != null) {
          blocks.add(b);
        }
        continue;
      }
      Matcher li = LIST_ITEM.matcher(line);
      if (li.matches()) {
        flushParagraph(blocks, para);
        boolean o = li.group(1).charAt(0) == '#';
        if (!items.isEmpty() && o != ordered) {
          flushList(blocks, items, ordered);
        }
        ordered = o;
        String item = clean(li.group(2));
        if (!item.isEmpty()) {
          items.add(item);
        }
        continue;
      }
      ordered = flushList(blocks, items, ordered);
      Matcher in = INDENT.matcher(line);
      if (in.matches()) {
        flushParagraph(blocks, para);
        para.append(in.group(1));
        flushParagraph(blocks, para);
        continue;
      }
      if (para.length() > 0) {
        para.append(' ');
      }
      para.append(line);
    }
    flushParagraph(blocks, para);
    flushList(blocks, items, ordered);
    return blocks;
  }

  private static @Nullable Block marker(String line) {
    int end = line.indexOf(END);
    String body = line.substring(1, end < 0 ? line.length() : end);
    if (line.charAt(0) == QUOTE) {
      String q = clean(body);
      return q.isEmpty() ? null : new Block.Quote(q);
    }
    String[] parts = body.split(String.valueOf(SEP), -1);
    if (parts.length != 3) {
      return null;
    }
    String caption = clean(parts[2]);
    if (Captions.isVideoOrAudio(caption)) {
      return null;
    }
    return Captions.image(parts[0], clean(parts[1]), caption);
  }

  private static void flushParagraph(List<Block> blocks, StringBuilder para) {
    if (para.length() > 0) {
      String p = clean(para.toString());
      if (!p.isEmpty()) {
        blocks.add(new Block.Paragraph(p));
      }
      para.setLength(0);
    }
  }

  private static boolean flushList(List<Block> blocks, List<String> items, boolean ordered) {
    if (!items.isEmpty()) {
      blocks.add(new Block.ListBlock(ordered, items));
      items.clear();
    }
    return false;
  }

  /**
   * Removes bold and italic markup: runs of 2, 3 or 5 apostrophes; a run of 4 is an apostrophe
   * followed by bold, and beyond 5 the extra ones are literal (as MediaWiki reads them).
   */
  private static String boldAndItalicOut(String t) {
    if (!t.contains("''")) {
      return t;
    }
    return APOSTROPHES
        .matcher(t)
        .replaceAll(
            m -> {
              int n = m.group().length();
              return n == 4 ? "'" : n > 5 ? "'".repeat(n - 5) : "";
            });
  }

  /**
   * Final text: nowiki text restored, entities decoded, stray braces out, whitespace normalised.
   */
  static String clean(String s) {
    String t = s;
    for (char c : new char[] {IMG, QUOTE, SEP, END}) {
      t = t.replace(String.valueOf(c), " ");
    }
    // leftovers of broken markup: unmatched {{ }} [[ ]], braces and stray pipes
    t = t.replace("[[", "").replace("]]", "").replace("{", "").replace("}", "");
    t = STRAY_PIPE.matcher(t).replaceAll(" ");
    t = unprotect(t);
    t = decodeEntities(t);
    t = INVISIBLE.matcher(t).replaceAll("");
    return WHITESPACE.matcher(t).replaceAll(" ").strip();
  }

  /**
   * Decodes HTML character references that end with a semicolon, as MediaWiki does ("AT&T", "&copy
   * 2020" without one stay as written).
   */
  static String decodeEntities(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return ENTITY
        .matcher(s)
        .replaceAll(m -> Matcher.quoteReplacement(Parser.unescapeEntities(m.group(), false)));
  }

  static @Nullable LocalDate parseDate(String s) {
    String d =
        LEADING_WEEKDAY
            .matcher(clean(s))
            .replaceFirst("")
            .replaceAll("(\\d)(st|nd|rd|th)\\b", "$1");
    for (DateTimeFormatter f : DATE_FORMATS) {
      try {
        return LocalDate.parse(d, f);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  /** Normalised template or namespace name: lower case, underscores as spaces, single spaces. */
  static String normName(String s) {
    String n =
        WHITESPACE.matcher(s.replace('_', ' ')).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    if (n.startsWith("template:")) {
      n = n.substring("template:".length()).strip();
    }
    return n;
  }

  // ---- templates and links, with per-page state ----------------------------------------------

  private static final class State {
    final Set<String> categories = new LinkedHashSet<>();
    final Set<CitedSource> sources = new LinkedHashSet<>();
    final Set<String> templates = new LinkedHashSet<>();
    @Nullable LocalDate date;

    /** Replaces every {{template}} (innermost first) by its rendering. */
    String expandTemplates(String t) {
      if (!t.contains("{{")) {
        return t;
      }
      StringBuilder out = new StringBuilder(t.length());
      int i = 0;
      while (i < t.length()) {
        int open = t.indexOf("{{", i);
        if (open < 0) {
          out.append(t, i, t.length());
          break;
        }
        out.append(t, i, open);
        int close = matching(t, open);
        if (close < 0) {
          // unclosed template: drop its opening braces and go on
          i = open + 2;
          continue;
        }
        String inner = t.substring(open + 2, close);
        out.append(render(inner));
        i = close + 2;
      }
      return out.toString();
    }

    private String render(String inner) {
      if (inner.startsWith("{")) {
        return ""; // a {{{parameter}}}
      }
      String magic = inner.strip();
      if (magic.equals("!") || magic.equals("=")) {
        return protect(magic.equals("!") ? "|" : "="); // {{!}} and {{=}}: a literal | and =
      }
      List<String> parts = splitTopLevel(inner);
      String name = normName(parts.get(0));
      if (name.startsWith("#") || name.isEmpty()) {
        return ""; // parser function or empty
      }
      List<String> positional = new ArrayList<>();
      Map<String, String> named = new HashMap<>();
      for (String p : parts.subList(1, parts.size())) {
        int eq = p.indexOf('=');
        int nest = Math.min(indexOr(p, "{{"), indexOr(p, "[["));
        if (eq > 0 && eq < nest && p.substring(0, eq).strip().matches("[\\w -]+")) {
          named.put(normName(p.substring(0, eq)), p.substring(eq + 1).strip());
        } else {
          positional.add(p.strip());
        }
      }
      templates.add(name);
      if (name.equals("date")) {
        String d = positional.isEmpty() ? named.getOrDefault("date", "") : positional.get(0);
        setDate(d);
        return "";
      }
      if (name.equals("byline") || name.equals("dateline")) {
        setDate(named.getOrDefault("date", positional.isEmpty() ? "" : positional.get(0)));
        return "";
      }
      if (LINK_TEMPLATES.contains(name)) {
        if (positional.isEmpty()) {
          return "";
        }
        String shown = positional.size() >= 2 ? positional.get(1) : positional.get(0);
        return expandTemplates(shown);
      }
      if (TEXT_TEMPLATES.contains(name) || name.startsWith("lang-")) {
        return positional.isEmpty() ? "" : expandTemplates(positional.get(positional.size() - 1));
      }
      String symbol = SYMBOL_TEMPLATES.get(name);
      if (symbol != null) {
        return symbol;
      }
      if (name.equals("flag") || name.equals("flagcountry")) {
        return positional.isEmpty() ? "" : expandTemplates(positional.get(0));
      }
      if (name.equals("convert") || name.equals("cvt")) {
        return convert(positional);
      }
      if (QUOTE_TEMPLATES.contains(name)) {
        String text =
            first(named, positional.isEmpty() ? "" : positional.get(0), "text", "quote", "1");
        String author =
            first(
                named,
                positional.size() > 1 ? positional.get(1) : "",
                "author",
                "sign",
                "source",
                "2");
        return quoteMarker(links(expandTemplates(text)), links(expandTemplates(author)));
      }
      if (SOURCE_TEMPLATES.contains(name)) {
        addSource(named);
        return "";
      }
      return "";
    }

    private void setDate(String raw) {
      if (date == null) {
        date = parseDate(inline(raw));
      }
    }

    private void addSource(Map<String, String> p) {
      CitedSource s =
          new CitedSource(
              inline(first(p, "", "title")),
              inline(first(p, "", "url")),
              inline(first(p, "", "pub", "publisher", "work", "website", "newspaper", "agency")),
              inline(first(p, "", "author", "authors", "last")),
              inline(first(p, "", "date")),
              inline(first(p, "", "lang", "language")),
              inline(first(p, "", "archiveurl", "archive-url", "archive url")));
      if (!s.isEmpty()) {
        sources.add(s);
      }
    }

    private static String convert(List<String> p) {
      if (p.isEmpty()) {
        return "";
      }
      if (p.size() >= 4 && Set.of("-", "–", "to", "and", "or").contains(p.get(1))) {
        String sep = p.get(1).equals("-") ? "–" : " " + p.get(1) + " ";
        return p.get(0) + sep + p.get(2) + " " + p.get(3);
      }
      return p.size() >= 2 ? p.get(0) + " " + p.get(1) : p.get(0);
    }

    /** Replaces [[links]] by their text, [[Category:…]] by nothing, [[File:…]] by image markers. */
    String links(String t) {
      if (!t.contains("[[")) {
        return t;
      }
      StringBuilder out = new StringBuilder(t.length());
      int i = 0;
      while (i < t.length()) {
        int open = t.indexOf("[[", i);
        if (open < 0) {
          out.append(t, i, t.length());
          break;
        }
        out.append(t, i, open);
        int close = matching(t, open);
        if (close < 0) {
          i = open + 2;
          continue;
        }
        out.append(link(t.substring(open + 2, close)));
        i = close + 2;
      }
      return out.toString();
    }

    private String link(String inner) {
      List<String> parts = splitTopLevel(inner);
      String target = parts.get(0).strip();
      boolean colon = target.startsWith(":");
      if (colon) {
        target = target.substring(1).strip();
      }
      int c = target.indexOf(':');
      String prefix = c > 0 ? normName(target.substring(0, c)) : "";
      String rest = c > 0 ? target.substring(c + 1).strip() : target;
      if (!colon && prefix.equals("category")) {
        String cat = clean(rest);
        if (!cat.isEmpty()) {
          categories.add(cat);
        }
        return "";
      }
      if (!colon && (prefix.equals("file") || prefix.equals("image") || prefix.equals("media"))) {
        return image(rest, parts.subList(1, parts.size()));
      }
      if (parts.size() > 1) {
        String shown = String.join("|", parts.subList(1, parts.size())).strip();
        if (!shown.isEmpty()) {
          return links(shown);
        }
        // pipe trick: [[Paris (France)|]] shows "Paris"
        return rest.replaceAll("\\s*\\([^)]*\\)\\s*$", "");
      }
      if (!colon
          && !prefix.isEmpty()
          && !INTERWIKI.contains(prefix)
          && prefix.matches("[a-z]{2,3}(-[a-z]+)*")) {
        return ""; // an interlanguage link: shown beside the page, not in the text
      }
      String shown = target;
      while (true) {
        int k = shown.indexOf(':');
        if (k > 0 && INTERWIKI.contains(normName(shown.substring(0, k)))) {
          shown = shown.substring(k + 1);
        } else {
          break;
        }
      }
      int hash = shown.indexOf('#');
      if (hash > 0) {
        shown = shown.substring(0, hash);
      }
      return shown.strip();
    }

    private String image(String file, List<String> options) {
      String caption = "";
      String alt = "";
      for (String o : options) {
        String opt = o.strip();
        String lower = opt.toLowerCase(Locale.ROOT);
        if (lower.startsWith("alt=")) {
          alt = opt.substring(4);
        } else if (IMAGE_OPTIONS.contains(lower)
            || SIZE.matcher(lower).matches()
            || lower.matches("^(upright|link|page|class|lang|thumb|thumbnail|frame)\\s*=.*")) {
          // layout option
        } else {
          caption = opt; // the last free option is the caption
        }
      }
      String name = file.strip();
      return imageMarker(name.isEmpty() ? "" : filePath(name), inline(alt), inline(links(caption)));
    }

    /** Where a file of the wiki can be fetched (redirects to the image itself). */
    private static String filePath(String name) {
      String url = Wikinews.urlOf("Special:FilePath/" + clean(name));
      return url.replace("Special:FilePath%2F", "Special:FilePath/");
    }

    String gallery(String body) {
      StringBuilder sb = new StringBuilder();
      for (String line : body.split("\n")) {
        String l = line.strip();
        if (l.isEmpty()) {
          continue;
        }
        List<String> parts = splitTopLevel(l);
        String file = parts.get(0).strip();
        int c = file.indexOf(':');
        if (c > 0 && Set.of("file", "image").contains(normName(file.substring(0, c)))) {
          file = file.substring(c + 1);
        }
        sb.append(image(file, parts.subList(1, parts.size())));
      }
      return sb.toString();
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  /**
   * The index of the {@code }}} or {@code ]]} that closes the group opened at {@code from}, with
   * both kinds of groups nested inside; a close of the wrong kind is ignored; -1 when unclosed.
   */
  private static int matching(String t, int from) {
    Deque<Character> stack = new ArrayDeque<>();
    int i = from;
    while (i < t.length() - 1) {
      if (t.startsWith("{{", i)) {
        stack.push('{');
        i += 2;
      } else if (t.startsWith("[[", i)) {
        stack.push('[');
        i += 2;
      } else if (!stack.isEmpty()
          && ((stack.peek() == '{' && t.startsWith("}}", i))
              || (stack.peek() == '[' && t.startsWith("]]", i)))) {
        stack.pop();
        if (stack.isEmpty()) {
          return i;
        }
        i += 2;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** Splits template or link content at top-level pipes (not inside nested {{ }} or [[ ]]). */
  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("{{", i) || s.startsWith("[[", i)) {
        depth++;
        i++;
      } else if ((s.startsWith("}}", i) || s.startsWith("]]", i)) && depth > 0) {
        depth--;
        i++;
      } else if (s.charAt(i) == '|' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static int indexOr(String s, String needle) {
    int i = s.indexOf(needle);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** The first non-blank value among the keys, else the fallback. */
  private static String first(Map<String, String> m, String fallback, String... keys) {
    for (String k : keys) {
      String v = m.get(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return fallback;
  }
}
