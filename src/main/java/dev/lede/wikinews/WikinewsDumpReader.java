package dev.lede.wikinews;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a MediaWiki XML dump of English Wikinews ({@code enwikinews-latest-pages-articles.xml.bz2}
 * from dumps.wikimedia.org) as a stream and hands each published article to a consumer, converted
 * from wikitext to a clean {@link Article} (see {@link Wikitext}) with its licence and cited
 * sources.
 *
 * <p>The input may be bzip2 (also multi-stream, as the "multistream" dumps are), gzip or plain XML,
 * told apart by its first bytes. It is parsed with StAX, page by page, in constant memory apart
 * from one page's text (at most {@link Builder#maxPageChars}). A DOCTYPE is refused outright: dumps
 * have none, and refusing it rules out entity-expansion bombs and external entities; external
 * entities are switched off as well.
 *
 * <p>A page is kept when it is in the main namespace (0), is not a redirect, carries a {@code
 * {{publish}}} or {@code {{archive}}} stage template and no draft template ({@code develop}, {@code
 * review}, {@code abandoned}, …), is not a disambiguation page, and has some text. Its id and URL
 * follow {@link Wikinews}; its published date is the {@code {{date}}} template's day at 00:00 UTC
 * (none when the page has no parsable date: the revision time is the last edit, not the
 * publication); its modified time is the revision's timestamp; tags are its categories without
 * Wikinews' housekeeping ones; the section follows {@link WikinewsSections}.
 *
 * <pre>{@code
 * var stats = WikinewsDumpReader.builder().progress(s -> log(s), 10_000).build()
 *     .read(Path.of("enwikinews-latest-pages-articles.xml.bz2"), article -> store(article));
 * }</pre>
 */
public final class WikinewsDumpReader {

  /** Counts of what was read. */
  public record Stats(
      long pages,
      long articles,
      long otherNamespaces,
      long redirects,
      long unpublished,
      long disambiguations,
      long empty,
      long oversized,
      long withoutDate) {

    static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** One line for logs: "pages 1,234, articles 567 (skipped: …)". */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "pages %,d, articles %,d (without date %,d); skipped: other namespaces %,d, redirects %,d,"
              + " unpublished or drafts %,d, disambiguation %,d, empty %,d, oversized %,d",
          pages,
          articles,
          withoutDate,
          otherNamespaces,
          redirects,
          unpublished,
          disambiguations,
          empty,
          oversized);
    }
  }

  /** Options. */
  public static final class Builder {
    private int maxPageChars = 8 * 1024 * 1024;
    private long limit = Long.MAX_VALUE;
    private @Nullable Consumer<Stats> progress;
    private long progressEvery = 10_000;

    private Builder() {}

    /** Pages with more text than this are skipped (counted as oversized); default 8 M chars. */
    public Builder maxPageChars(int chars) {
      if (chars < 1) {
        throw new IllegalArgumentException("maxPageChars must be positive");
      }
      this.maxPageChars = chars;
      return this;
    }

    /** Stop after this many articles (default: no limit). */
    public Builder limit(long articles) {
      if (articles < 0) {
        throw new IllegalArgumentException("limit must not be negative");
      }
      this.limit = articles;
      return this;
    }

    /** Called with the running counts every {@code everyPages} pages and once at the end. */
    public Builder progress(Consumer<Stats> listener, long everyPages) {
      if (everyPages < 1) {
        throw new IllegalArgumentException("everyPages must be positive");
      }
      this.progress = Objects.requireNonNull(listener);
      this.progressEvery = everyPages;
      return this;
    }

    public WikinewsDumpReader build() {
      return new WikinewsDumpReader(this);
    }
  }

  private static final Pattern REDIRECT = Pattern.compile("(?i)^\\s*#redirect\\b");
  private static final Pattern HOUSEKEEPING =
      Pattern.compile(
          "(?i)^(published|archived?|no publish|peer reviewed.*|review.*|develop(ing)?.*|abandoned.*"
              + "|pages? .*|articles? (with|needing|lacking|containing|to be|using) .*|hidden .*"
              + "|.* stubs?|tracking .*|.*maintenance.*|protected.*|.*disambiguation.*)$");

  private final int maxPageChars;
  private final long limit;
  private final @Nullable Consumer<Stats> progress;
  private final long progressEvery;

  private WikinewsDumpReader(Builder b) {
    this.maxPageChars = b.maxPageChars;
    this.limit = b.limit;
    this.progress = b.progress;
    this.progressEvery = b.progressEvery;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Reads a dump file. */
  public Stats read(Path file, Consumer<WikinewsArticle> sink) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, sink);
    }
  }

  /**
   * Reads a dump from a stream (the caller closes it), handing each kept article to {@code sink} as
   * soon as its page has been read.
   *
   * @throws WikinewsDumpException when the XML is malformed, declares a DOCTYPE, or the compressed
   *     stream is truncated or corrupt; it carries the counts up to the failure (the articles
   *     counted there were handed to the sink)
   */
  public Stats read(InputStream raw, Consumer<WikinewsArticle> sink) throws IOException {
    Counter c = new Counter();
    InputStream in = decompressed(raw);
    XMLStreamReader x;
    try {
      x = factory().createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw failure(c, e);
    }
    try {
      parse(x, sink, c);
    } catch (XMLStreamException e) {
      throw failure(c, e);
    } catch (WikinewsDumpException e) {
      throw e;
    } catch (IOException e) {
      throw new WikinewsDumpException(
          "cannot read the dump after " + where(c) + ": " + e.getMessage(), c.stats(), e);
    } finally {
      try {
        x.close();
      } catch (XMLStreamException e) {
        // closing a reader that failed: nothing more to report
      }
    }
    Stats s = c.stats();
    if (progress != null) {
      progress.accept(s);
    }
    return s;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    // Since JDK 24 the JDK's parser limits the size of any general entity (the document itself
    // counts as one), their total size, and the number of entity references to 100,000 each: a
    // real dump is gigabytes with millions of &amp; and &quot;. With DTDs refused there are no
    // declared entities to expand, only the predefined ones and character references, bounded by
    // the
    // input itself; one page's text is bounded by maxPageChars as it is read.
    for (String limit :
        List.of(
            "jdk.xml.maxGeneralEntitySizeLimit",
            "jdk.xml.totalEntitySizeLimit",
            "jdk.xml.entityReplacementLimit")) {
      try {
        f.setProperty(limit, "0");
      } catch (IllegalArgumentException e) {
        // a parser without this limit: nothing to lift
      }
    }
    return f;
  }

  /** bzip2 (multi-stream), gzip or plain, by the first bytes. */
  static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    byte[] head = in.readNBytes(3);
    in.reset();
    if (head.length == 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      return new BufferedInputStream(new BZip2CompressorInputStream(in, true), 1 << 13);
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 13);
    }
    return in;
  }

  // ---- the stream --------------------------------------------------------------------------

  private static final class PageData {
    String title = "";
    int ns = Integer.MIN_VALUE;
    boolean redirect;
    String timestamp = "";
    @Nullable String text;
    boolean oversized;
  }

  private void parse(XMLStreamReader x, Consumer<WikinewsArticle> sink, Counter c)
      throws XMLStreamException, IOException {
    Set<String> namespacePrefixes = new HashSet<>();
    PageData page = null;
    boolean inRevision = false;
    while (x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.DTD) {
        throw new WikinewsDumpException(
            "the dump declares a DOCTYPE; MediaWiki dumps have none, and DTDs are refused"
                + " (no entity expansion, no external entities)",
            c.stats(),
            null);
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = x.getLocalName();
        switch (name) {
          case "namespace" -> {
            String key = x.getAttributeValue(null, "key");
            String prefix = readText(x, 1000, null);
            if (key != null && !key.strip().equals("0") && !prefix.isBlank()) {
              namespacePrefixes.add(Wikitext.normName(prefix));
            }
          }
          case "page" -> {
            page = new PageData();
            inRevision = false;
          }
          case "revision" -> inRevision = true;
          case "title" -> {
            if (page != null && !inRevision) {
              page.title = readText(x, 10_000, null).strip();
            }
          }
          case "ns" -> {
            if (page != null && !inRevision) {
              String ns = readText(x, 100, null).strip();
              try {
                page.ns = Integer.parseInt(ns);
              } catch (NumberFormatException e) {
                page.ns = Integer.MAX_VALUE;
              }
            }
          }
          case "redirect" -> {
            if (page != null) {
              page.redirect = true;
            }
          }
          case "timestamp" -> {
            if (page != null && inRevision) {
              page.timestamp = readText(x, 100, null).strip();
            }
          }
          case "text" -> {
            if (page != null && inRevision) {
              boolean[] over = new boolean[1];
              String t = readText(x, maxPageChars, over);
              page.text = over[0] ? null : t;
              page.oversized = over[0];
            }
          }
          default -> {
            // other elements (siteinfo, contributor, comment, sha1, …) are not needed
          }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        String name = x.getLocalName();
        if (name.equals("revision")) {
          inRevision = false;
        } else if (name.equals("page") && page != null) {
          c.pages++;
          handle(page, namespacePrefixes, sink, c);
          page = null;
          if (progress != null && c.pages % progressEvery == 0) {
            progress.accept(c.stats());
          }
          if (c.articles >= limit) {
            return;
          }
        }
      }
    }
  }

  /**
   * The text content of the current element (the reader ends on its END_ELEMENT); beyond {@code
   * max} characters the rest is read and dropped and {@code over[0]} is set.
   */
  private static String readText(XMLStreamReader x, int max, boolean @Nullable [] over)
      throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int ev = x.next();
      switch (ev) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (sb.length() + x.getTextLength() <= max) {
            sb.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
          } else if (over != null) {
            over[0] = true;
          }
        }
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.END_DOCUMENT ->
            throw new XMLStreamException("the document ends inside an element", x.getLocation());
        default -> {
          // comments, processing instructions
        }
      }
    }
    return over != null && over[0] ? "" : sb.toString();
  }

  private void handle(
      PageData p, Set<String> namespacePrefixes, Consumer<WikinewsArticle> sink, Counter c) {
    int ns = p.ns;
    if (ns == Integer.MIN_VALUE) {
      // old dumps without <ns>: tell the namespace by the title's prefix
      int colon = p.title.indexOf(':');
      ns =
          colon > 0 && namespacePrefixes.contains(Wikitext.normName(p.title.substring(0, colon)))
              ? 1
              : 0;
    }
    if (ns != 0 || p.title.isEmpty()) {
      c.otherNamespaces++;
      return;
    }
    if (p.oversized) {
      c.oversized++;
      return;
    }
    String text = p.text == null ? "" : p.text;
    if (p.redirect || REDIRECT.matcher(text).find()) {
      c.redirects++;
      return;
    }
    Wikitext.Page w = Wikitext.parse(text);
    if (w.disambiguation()) {
      c.disambiguations++;
      return;
    }
    if (!w.published() || w.draft()) {
      c.unpublished++;
      return;
    }
    List<Block> blocks = w.blocks();
    boolean hasText = blocks.stream().anyMatch(b -> !b.text().isEmpty());
    if (!hasText) {
      c.empty++;
      return;
    }
    LocalDate date = w.date();
    if (date == null) {
      c.withoutDate++;
    }
    String title = Wikitext.inline(p.title);
    String url = Wikinews.urlOf(p.title);
    List<String> tags = new ArrayList<>();
    for (String cat : w.categories()) {
      if (!HOUSEKEEPING.matcher(cat).matches() && !tags.contains(cat)) {
        tags.add(cat);
      }
    }
    WikinewsLicence licence = WikinewsLicence.forDate(date);
    Article a =
        Article.builder()
            .id(Wikinews.idOf(url))
            .url(url)
            .canonicalUrl(url)
            .title(title)
            .published(date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant())
            .modified(instant(p.timestamp))
            .language("en")
            .siteName(Wikinews.SITE_NAME)
            .tags(tags)
            .blocks(blocks)
            .attribution(List.of(licence.attributionLine(url)))
            .build();
    a = a.toBuilder().section(WikinewsSections.of(tags, title, a.text()).section()).build();
    c.articles++;
    sink.accept(new WikinewsArticle(a, licence, w.sources()));
  }

  private static @Nullable Instant instant(String s) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---- errors and counts -------------------------------------------------------------------

  private static WikinewsDumpException failure(Counter c, XMLStreamException e) {
    Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
    if (cause instanceof IOException io) {
      return new WikinewsDumpException(
          "the dump is truncated or its compressed data is corrupt, after "
              + where(c)
              + ": "
              + io.getMessage(),
          c.stats(),
          e);
    }
    String at =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNumber()
                + ", column "
                + e.getLocation().getColumnNumber();
    String msg =
        e.getMessage() == null
            ? ""
            : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*\\]\\s*Message:\\s*", "");
    boolean ended =
        msg.contains("must start and end within the same entity") || msg.contains("ends inside");
    return new WikinewsDumpException(
        (ended ? "the dump ends early (truncated?)" : "the dump is not well-formed XML")
            + at
            + ", after "
            + where(c)
            + ": "
            + msg,
        c.stats(),
        e);
  }

  private static String where(Counter c) {
    return String.format(Locale.ROOT, "%,d pages (%,d articles imported)", c.pages, c.articles);
  }

  private static final class Counter {
    long pages;
    long articles;
    long otherNamespaces;
    long redirects;
    long unpublished;
    long disambiguations;
    long empty;
    long oversized;
    long withoutDate;

    Stats stats() {
      return new Stats(
          pages,
          articles,
          otherNamespaces,
          redirects,
          unpublished,
          disambiguations,
          empty,
          oversized,
          withoutDate);
    }
  }
}
