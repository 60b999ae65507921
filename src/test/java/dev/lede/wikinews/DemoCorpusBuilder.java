package dev.lede.wikinews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.CitedSource;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Builds the bundled demo corpus, {@code src/main/resources/demo/wikinews.jsonl.gz}, from the
 * team's {@code ../shared/data/wikinews/articles.jsonl} (344 Wikinews articles rebuilt from public
 * scrapes). Not part of the build: the result is committed, and {@link DemoCorpusBuilderTest}
 * checks that it is what this class makes of the shared data. Run it with
 *
 * <pre>
 * ./mvnw -q -Dlede.quick=true -Dtest=DemoCorpusBuilderTest -Dlede.demo.rebuild=true test
 * </pre>
 *
 * <p>The scraped texts carry blemishes of their upstream conversions, which general rules remove
 * (none names an article): a leading {@code byline|date} fragment; the dateline paragraph ("Sunday,
 * April 28, 2019") and any review notice above it; trailing status words ({@code publish}, {@code
 * archive}, {@code ---}); a trailing "Sources" section (parsed into cited sources); stray wiki
 * markup ({@code {w|a|b}}, {@code [[a|b]]}, {@code [http://x text]}, {@code ''bold''}, footnote
 * markers like {@code map[3]}, a brace closing a parenthesis, lone pipes); photo captions standing
 * among paragraphs ("… Image: Paul Budd." → an image block with caption and credit; video and audio
 * captions are dropped, as no media is shipped); a trailing run of short caption-like lines (a
 * gallery) → image blocks; map legends ("██ Labour Party - 203 seats") → a list; "* item" lines → a
 * list; short unpunctuated lines followed by a long paragraph → subheadings; dangling pull-quote
 * attributions ("—Troy Roberts", whose quote was lost upstream) → dropped. {@code image_captions}
 * become image blocks (the first one on top as the lead image, the others after the body), except
 * captions far longer than any caption, which are body text displaced upstream and are appended as
 * paragraphs.
 */
final class DemoCorpusBuilder {
  /** Where the corpus is read from, relative to the shared folder. */
  static final String SOURCE = "data/wikinews/articles.jsonl";

  /** Where the corpus is written, relative to the project folder. */
  static final String TARGET = "src/main/resources/demo/wikinews.jsonl.gz";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
  private static final Pattern DATELINE =
      Pattern.compile(
          "^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\\s+)?"
              + MONTH
              + "\\s+\\d{1,2},\\s+\\d{4}\\b\\s*");
  private static final Pattern ONLY_DATE =
      Pattern.compile(
          "^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\\s+)?"
              + MONTH
              + "\\s+\\d{1,2},\\s+\\d{4}$");
  private static final Pattern BYLINE_FRAGMENT = Pattern.compile("^(?i)byline\\|date");
  private static final Pattern STATUS =
      Pattern.compile(
          "(?i)^[\\s{}\\[\\]|*\\-]*(?:publish(?:ed)?|archived?|develop(?:ing)?|review|abandoned"
              + "|breaking|expand)?[\\s{}\\[\\]|*\\-]*$");
  private static final Set<String> END_SECTIONS =
      Set.of(
          "sources",
          "source",
          "references",
          "related news",
          "external links",
          "see also",
          "sister links");
  private static final Pattern CITATION =
      Pattern.compile("^[\"“](.+?)[\"”]\\s*[—–-]\\s*([^,]+?)(?:,\\s*(.+))?$");
  private static final Pattern PULL_QUOTE_ATTRIBUTION =
      Pattern.compile("^[—–]\\s*\\S.*$|^-\\s+\\S.*$");
  private static final Pattern LEGEND = Pattern.compile("^[█■▆▇]+\\s*(.+)$");
  private static final Pattern BULLET = Pattern.compile("^([*#])\\s*(.+)$");
  private static final Pattern TERMINAL = Pattern.compile("[.!?:;,\"”'’)\\]…]$");

  // stray markup
  private static final Pattern W_TWO =
      Pattern.compile("\\{\\{?\\s*w\\s*\\|([^{}|]*)\\|([^{}|]*)\\}?\\}");
  private static final Pattern W_ONE = Pattern.compile("\\{\\{?\\s*w\\s*\\|([^{}|]*)\\}?\\}");
  private static final Pattern WIKILINK = Pattern.compile("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)\\]\\]");
  private static final Pattern EXT_LINK_TEXT =
      Pattern.compile("\\[(?:https?:)?//[^\\s\\]]+\\s+([^\\]]*)\\]?");
  private static final Pattern EXT_LINK_BARE = Pattern.compile("\\[(?:https?:)?//[^\\s\\]]+\\]");
  private static final Pattern FOOTNOTE =
      Pattern.compile("(?<=[\\p{L}\\p{N}).,\"”])\\[\\d{1,3}\\]");
  private static final Pattern PAREN_BRACE = Pattern.compile("\\(([^(){}]*)\\}");
  private static final Pattern BRACE_PAREN = Pattern.compile("\\{([^{}()]*)\\)");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^{}]*\\}\\}");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
  private static final Pattern APOSTROPHES = Pattern.compile("'{2,}");
  private static final Pattern PIPE = Pattern.compile("\\s*\\|\\s*");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200b-\\u200d\\u2060\\ufeff]");

  /** What the rules did, summed over the corpus (printed by {@link #main}). */
  static final class Counts {
    final TreeMap<String, Integer> counts = new TreeMap<>();

    void add(String what) {
      counts.merge(what, 1, Integer::sum);
    }

    @Override
    public String toString() {
      return counts.toString();
    }
  }

  private DemoCorpusBuilder() {}

  /** Builds {@code OUT} (default the committed resource) from {@code SRC}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: DemoCorpusBuilder SRC.jsonl [OUT.jsonl.gz]");
      System.exit(2);
    }
    Path src = Path.of(args[0]);
    Path out = Path.of(args.length > 1 ? args[1] : TARGET);
    Counts counts = new Counts();
    List<WikinewsArticle> articles = convertAll(src, counts);
    byte[] gz = gzip(articles);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, gz);
    System.err.printf(
        Locale.ROOT, "%d articles, %,d bytes → %s%n%s%n", articles.size(), gz.length, out, counts);
  }

  /** Converts every line of the source file. */
  static List<WikinewsArticle> convertAll(Path src, Counts counts) throws IOException {
    List<WikinewsArticle> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(src, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(convert(MAPPER.readTree(line), counts));
        }
      }
    }
    return out;
  }

  /** The JSON Lines text of the corpus. */
  static String jsonl(List<WikinewsArticle> articles) {
    StringBuilder sb = new StringBuilder();
    for (WikinewsArticle a : articles) {
      sb.append(WikinewsJson.toJson(a, false)).append('\n');
    }
    return sb.toString();
  }

  /** The corpus gzip-compressed at the highest level (the gzip header carries no time). */
  static byte[] gzip(List<WikinewsArticle> articles) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new BestGzip(bytes)) {
      gz.write(jsonl(articles).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static final class BestGzip extends GZIPOutputStream {
    BestGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }

  /** One row of the source data → one article. */
  static WikinewsArticle convert(JsonNode row, Counts counts) {
    String url = row.path("url").asText();
    String id = row.path("id").asText();
    String title = inline(row.path("title").asText());
    LocalDate date = LocalDate.parse(row.path("date").asText());
    List<String> categories = new ArrayList<>();
    for (JsonNode c : row.path("categories")) {
      String t = inline(c.asText());
      if (!t.isEmpty() && !categories.contains(t)) {
        categories.add(t);
      }
    }
    WikinewsLicence licence = WikinewsLicence.fromLabel(row.path("licence").asText());

    List<CitedSource> sources = new ArrayList<>();
    for (JsonNode s : row.path("sources")) {
      sources.add(
          new CitedSource(
              inline(s.path("title").asText("")),
              s.path("url").asText(""),
              inline(s.path("publisher").asText("")),
              inline(s.path("author").asText("")),
              s.path("date").asText(""),
              s.path("language").asText(""),
              s.path("archive_url").asText("")));
    }
    List<Block> blocks = body(row.path("text").asText(), sources, counts);

    List<String> captions = new ArrayList<>();
    for (JsonNode c : row.path("image_captions")) {
      captions.add(c.asText());
    }
    blocks = withCaptions(blocks, captions, counts);

    Article article =
        Article.builder()
            .id(id)
            .url(url)
            .canonicalUrl(url)
            .title(title)
            .published(date.atStartOfDay(ZoneOffset.UTC).toInstant())
            .language("en")
            .siteName(Wikinews.SITE_NAME)
            .tags(categories)
            .blocks(blocks)
            .attribution(List.of(licence.attributionLine(url)))
            .build();
    String section = WikinewsSections.of(categories, title, article.text()).section();
    article = article.toBuilder().section(section).build();
    return new WikinewsArticle(article, licence, dedupe(sources));
  }

  private static List<CitedSource> dedupe(List<CitedSource> sources) {
    return List.copyOf(new LinkedHashSet<>(sources));
  }

  /** The body text → blocks, with the cleaning rules of the class comment. */
  static List<Block> body(String text, List<CitedSource> sources, Counts counts) {
    String t = INVISIBLE.matcher(text.replace("\r\n", "\n")).replaceAll("").replace('\u00a0', ' ');
    t = t.strip();
    Matcher bl = BYLINE_FRAGMENT.matcher(t);
    if (bl.find()) {
      t = t.substring(bl.end());
      counts.add("byline|date fragment removed");
    }
    List<String> paras = new ArrayList<>();
    for (String p : t.split("\\n\\s*\\n")) {
      if (!p.isBlank()) {
        paras.add(p.strip());
      }
    }
    dropDatelineAndNotices(paras, counts);
    dropTrailingStatus(paras, counts);
    takeEndSections(paras, sources, counts);
    dropTrailingStatus(paras, counts);

    for (int i = 0; i < paras.size(); i++) {
      paras.set(i, inline(paras.get(i).replace('\n', ' ')));
    }
    paras.removeIf(p -> p.isEmpty() || STATUS.matcher(p).matches());

    int galleryFrom = galleryStart(paras);
    List<Block> blocks = new ArrayList<>();
    List<String> listItems = new ArrayList<>();
    boolean listOrdered = false;
    for (int i = 0; i < paras.size(); i++) {
      String p = paras.get(i);
      String item = null;
      boolean ordered = false;
      Matcher legend = LEGEND.matcher(p);
      Matcher bullet = BULLET.matcher(p);
      if (legend.matches()) {
        item = legend.group(1).strip();
        counts.add("map legend line → list item");
      } else if (bullet.matches()) {
        item = bullet.group(2).strip();
        ordered = bullet.group(1).equals("#");
        counts.add("bullet line → list item");
      }
      if (item != null) {
        if (!listItems.isEmpty() && ordered != listOrdered) {
          blocks.add(new Block.ListBlock(listOrdered, listItems));
          listItems = new ArrayList<>();
        }
        listItems.add(item);
        listOrdered = ordered;
        continue;
      }
      if (!listItems.isEmpty()) {
        blocks.add(new Block.ListBlock(listOrdered, listItems));
        listItems = new ArrayList<>();
      }
      if (isPullQuoteAttribution(p)) {
        counts.add("dangling pull-quote attribution dropped");
        continue;
      }
      Block.Image captioned = mediaCaption(p);
      if (captioned != null) {
        if (captioned.caption().isEmpty()) {
          counts.add("credit-only photo line dropped");
        } else {
          blocks.add(captioned);
          counts.add("inline photo caption → image");
        }
        continue;
      }
      if (isMediaCaption(p)) {
        counts.add("video/audio caption dropped");
        continue;
      }
      if (i >= galleryFrom) {
        blocks.add(new Block.Image("", "", p, ""));
        counts.add("gallery caption → image");
        continue;
      }
      if (i > 0
          && i + 1 < paras.size()
          && looksLikeHeading(p)
          && paras.get(i + 1).length() >= 120) {
        blocks.add(new Block.Heading(2, p));
        counts.add("short line → subheading");
        continue;
      }
      blocks.add(new Block.Paragraph(p));
    }
    if (!listItems.isEmpty()) {
      blocks.add(new Block.ListBlock(listOrdered, listItems));
    }
    return blocks;
  }

  /**
   * Drops the dateline paragraph ("Sunday, April 28, 2019", also glued to the first sentence) when
   * it is among the first four paragraphs, with whatever stands above it (review notices).
   */
  private static void dropDatelineAndNotices(List<String> paras, Counts counts) {
    for (int i = 0; i < Math.min(4, paras.size()); i++) {
      Matcher m = DATELINE.matcher(paras.get(i));
      if (m.find()) {
        for (int j = 0; j < i; j++) {
          paras.remove(0);
          counts.add("notice above the dateline dropped");
        }
        String rest = paras.get(0).substring(m.end()).strip();
        if (rest.isEmpty()) {
          paras.remove(0);
        } else {
          paras.set(0, rest);
        }
        counts.add("dateline removed");
        return;
      }
    }
  }

  private static void dropTrailingStatus(List<String> paras, Counts counts) {
    while (!paras.isEmpty() && STATUS.matcher(paras.get(paras.size() - 1)).matches()) {
      paras.remove(paras.size() - 1);
      counts.add("trailing status word dropped");
    }
  }

  /** Removes trailing "Sources" / "Related news" / … sections; citations become sources. */
  private static void takeEndSections(
      List<String> paras, List<CitedSource> sources, Counts counts) {
    for (int i = paras.size() - 1; i > 0; i--) {
      String p = paras.get(i).strip().toLowerCase(Locale.ROOT);
      if (!END_SECTIONS.contains(p)) {
        continue;
      }
      List<String> section = new ArrayList<>(paras.subList(i + 1, paras.size()));
      if (section.stream().anyMatch(s -> s.length() > 400)) {
        return; // a long paragraph below: not a trailing list section
      }
      if (p.startsWith("source") || p.equals("references")) {
        for (String s : section) {
          Matcher m = CITATION.matcher(inline(s.replaceFirst("^[*#]\\s*", "")));
          if (m.matches()) {
            sources.add(
                new CitedSource(
                    m.group(1).strip(),
                    "",
                    m.group(2).strip(),
                    "",
                    m.group(3) == null ? "" : m.group(3).strip(),
                    "",
                    ""));
            counts.add("citation line → source");
          }
        }
      }
      paras.subList(i, paras.size()).clear();
      counts.add("trailing '" + p + "' section removed");
    }
  }

  /**
   * The index where a trailing gallery starts: the last run of at least three short (≤ 100
   * characters) caption-like paragraphs, at least half of them without final punctuation; {@code
   * paras.size()} when there is none.
   */
  private static int galleryStart(List<String> paras) {
    int i = paras.size();
    int unpunctuated = 0;
    while (i > 1) {
      String p = paras.get(i - 1);
      boolean captionLike =
          mediaCaption(p) != null
              || (p.length() <= 100
                  && !p.startsWith("((")
                  && !LEGEND.matcher(p).matches()
                  && !BULLET.matcher(p).matches()
                  && !isPullQuoteAttribution(p));
      if (!captionLike) {
        break;
      }
      if (!TERMINAL.matcher(p).find()) {
        unpunctuated++;
      }
      i--;
    }
    int run = paras.size() - i;
    return run >= 3 && unpunctuated * 2 >= run ? i : paras.size();
  }

  private static boolean looksLikeHeading(String p) {
    return p.length() <= 80
        && p.split("\\s+").length <= 10
        && !TERMINAL.matcher(p).find()
        && !p.startsWith("((")
        && !p.startsWith("\"")
        && !p.startsWith("“")
        && !p.matches("^[—–-].*")
        && !p.matches("[\\d\\s.,%-]+");
  }

  private static boolean isPullQuoteAttribution(String p) {
    return p.length() <= 120
        && PULL_QUOTE_ATTRIBUTION.matcher(p).matches()
        && !p.startsWith("---")
        && p.split("\\s+").length <= 14;
  }

  /**
   * A paragraph that is a photo caption with a labelled credit at its end ("Stage where speeches
   * were given. Image: C.Suthorn.", "Sirhan in 1969 (Image: CDCR)") → image; else null (also for
   * video and audio captions).
   */
  static Block.@Nullable Image mediaCaption(String p) {
    Captions.Split s = Captions.labelled(p);
    return s == null || Captions.isVideoOrAudio(p)
        ? null
        : new Block.Image("", "", s.caption(), s.credit());
  }

  private static boolean isMediaCaption(String p) {
    return Captions.isVideoOrAudio(p);
  }

  /**
   * Adds the {@code image_captions} of the data: the first as the lead image before the body, the
   * others after it (Wikinews shows them beside the text, which has no anchors for them); captions
   * longer than {@value #MAX_CAPTION} characters are body text displaced upstream, so when there
   * are such, all entries are appended in order after the body (long ones as paragraphs). Captions
   * that are only a date, or that repeat a caption already in the body, are skipped.
   */
  static List<Block> withCaptions(List<Block> body, List<String> captions, Counts counts) {
    Set<String> seen = new LinkedHashSet<>();
    for (Block b : body) {
      if (b instanceof Block.Image img) {
        seen.add(img.caption());
      } else {
        seen.add(b.text());
      }
    }
    List<Block> extra = new ArrayList<>();
    boolean displaced = false;
    for (String raw : captions) {
      String c = inline(raw);
      if (c.isEmpty() || ONLY_DATE.matcher(c).matches()) {
        counts.add("date-only caption dropped");
        continue;
      }
      if (c.length() > MAX_CAPTION) {
        displaced = true;
        extra.add(new Block.Paragraph(c));
        counts.add("displaced body text in captions → paragraph");
        continue;
      }
      if (isMediaCaption(c)) {
        counts.add("video/audio caption dropped");
        continue;
      }
      Block.Image img = captionWithCredit(c);
      if (seen.contains(img.caption()) || seen.contains(c)) {
        counts.add("caption repeated from the body skipped");
        continue;
      }
      seen.add(img.caption());
      extra.add(img);
      counts.add("caption → image");
    }
    List<Block> out = new ArrayList<>();
    if (displaced || extra.isEmpty()) {
      out.addAll(body);
      out.addAll(extra);
    } else {
      out.add(extra.get(0));
      out.addAll(body);
      out.addAll(extra.subList(1, extra.size()));
    }
    return out;
  }

  static final int MAX_CAPTION = 280;

  /** A caption split from its credit ("Image: NASA." or a trailing "(J. Freitas/ABr)"). */
  static Block.Image captionWithCredit(String c) {
    return Captions.image("", "", c);
  }

  /** Stray wiki and HTML markup out of one line of text, whitespace normalised. */
  static String inline(String s) {
    String t = Wikitext.decodeEntities(s);
    t = INVISIBLE.matcher(t).replaceAll("").replace('\u00a0', ' ');
    t = W_TWO.matcher(t).replaceAll("$2");
    t = W_ONE.matcher(t).replaceAll("$1");
    t = WIKILINK.matcher(t).replaceAll("$1");
    t = EXT_LINK_BARE.matcher(t).replaceAll("");
    t = EXT_LINK_TEXT.matcher(t).replaceAll("$1");
    t = FOOTNOTE.matcher(t).replaceAll("");
    t = TEMPLATE.matcher(t).replaceAll("");
    t = PAREN_BRACE.matcher(t).replaceAll("($1)");
    t = BRACE_PAREN.matcher(t).replaceAll("($1)");
    t = TAG.matcher(t).replaceAll("");
    t = APOSTROPHES.matcher(t).replaceAll("");
    t = PIPE.matcher(t).replaceAll(" ");
    t = t.replace("{", "").replace("}", "");
    return t.replaceAll("\\s+", " ").strip();
  }
}
