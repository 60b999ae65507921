package dev.lede.wikinews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.CitedSource;
import dev.lede.testing.SharedData;
import dev.lede.wikinews.DumpFixture.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WikinewsDumpReaderTest {

  private static List<Page> fixturePages() throws IOException {
    return WikinewsDumpReaderTestPages.pages();
  }

  private static List<WikinewsArticle> readAll(byte[] dump, WikinewsDumpReader reader)
      throws IOException {
    List<WikinewsArticle> out = new ArrayList<>();
    reader.read(new ByteArrayInputStream(dump), out::add);
    return out;
  }

  @Test
  void read_keepsPublishedMainNamespaceArticlesOnly() throws IOException {
    byte[] dump = DumpFixture.bzip2(DumpFixture.xml(fixturePages()));
    List<WikinewsArticle> out = new ArrayList<>();
    WikinewsDumpReader.Stats s =
        WikinewsDumpReader.builder().build().read(new ByteArrayInputStream(dump), out::add);
    assertThat(out)
        .extracting(a -> a.article().title())
        .containsExactly(
            "Porto Claro harbour bridge opens to cyclists", "Earthquake shakes Example province");
    assertThat(s).isEqualTo(new WikinewsDumpReader.Stats(11, 2, 3, 2, 3, 1, 0, 0, 0));
  }

  @Test
  void read_convertsAPageIntoAnArticleWithLicenceAndSources() throws IOException {
    byte[] dump = DumpFixture.bzip2(DumpFixture.xml(fixturePages()));
    List<WikinewsArticle> out = readAll(dump, WikinewsDumpReader.builder().build());
    WikinewsArticle bridge = out.get(0);
    Article a = bridge.article();
    String url = "https://en.wikinews.org/wiki/Porto_Claro_harbour_bridge_opens_to_cyclists";
    assertThat(a.url()).isEqualTo(url);
    assertThat(a.canonicalUrl()).isEqualTo(url);
    assertThat(a.id()).isEqualTo(Wikinews.idOf(url));
    assertThat(a.published()).isEqualTo(Instant.parse("2004-11-13T00:00:00Z"));
    assertThat(a.modified()).isEqualTo(Instant.parse("2021-06-01T12:00:00Z"));
    assertThat(a.siteName()).isEqualTo("Wikinews");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.tags()).containsExactly("Politics and conflicts", "Brazil");
    assertThat(a.section()).isEqualTo("Politics");
    assertThat(bridge.licence()).isEqualTo(WikinewsLicence.PUBLIC_DOMAIN);
    assertThat(a.attribution()).containsExactly("From Wikinews, public domain — " + url);
    assertThat(a.blocks())
        .isEqualTo(Wikitext.parse(WikitextTest.fixture("published.wiki")).blocks());
    assertThat(bridge.sources())
        .extracting(CitedSource::title)
        .containsExactly(
            "Council backs bridge access",
            "Bridge opens to cyclists",
            "Council votes on harbour bridge");

    WikinewsArticle quake = out.get(1);
    assertThat(quake.licence()).isEqualTo(WikinewsLicence.CC_BY_2_5);
    assertThat(quake.article().section()).isEqualTo("Disasters and accidents");
    assertThat(quake.article().attribution().get(0))
        .isEqualTo(
            "From Wikinews, CC BY 2.5 — https://en.wikinews.org/wiki/Earthquake_shakes_Example_province"
                + " (text reformatted)");
  }

  @Test
  void read_multistreamGzipAndPlainGiveTheSameArticles() throws IOException {
    List<Page> pages = fixturePages();
    String xml = DumpFixture.xml(pages);
    List<WikinewsArticle> single =
        readAll(DumpFixture.bzip2(xml), WikinewsDumpReader.builder().build());
    List<WikinewsArticle> multi =
        readAll(DumpFixture.multistream(pages, 2), WikinewsDumpReader.builder().build());
    List<WikinewsArticle> plain =
        readAll(xml.getBytes(StandardCharsets.UTF_8), WikinewsDumpReader.builder().build());
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write(xml.getBytes(StandardCharsets.UTF_8));
    }
    List<WikinewsArticle> gzipped = readAll(gz.toByteArray(), WikinewsDumpReader.builder().build());
    assertThat(single).hasSize(2);
    assertThat(multi).isEqualTo(single);
    assertThat(plain).isEqualTo(single);
    assertThat(gzipped).isEqualTo(single);
  }

  @Test
  void read_olderDumpWithoutNsElements_tellsNamespacesByTitlePrefix() throws IOException {
    List<Page> pages = new ArrayList<>();
    for (Page p : fixturePages()) {
      pages.add(new Page(p.title(), Integer.MIN_VALUE, p.text(), p.redirect(), p.timestamp()));
    }
    List<WikinewsArticle> out =
        readAll(DumpFixture.bzip2(DumpFixture.xml(pages)), WikinewsDumpReader.builder().build());
    assertThat(out).hasSize(2);
  }

  @Test
  void read_limitAndOversizedPages() throws IOException {
    byte[] dump = DumpFixture.bzip2(DumpFixture.xml(fixturePages()));
    assertThat(readAll(dump, WikinewsDumpReader.builder().limit(1).build())).hasSize(1);
    List<WikinewsArticle> out = new ArrayList<>();
    WikinewsDumpReader.Stats s =
        WikinewsDumpReader.builder()
            .maxPageChars(1_000)
            .build()
            .read(new ByteArrayInputStream(dump), out::add);
    assertThat(out)
        .extracting(a -> a.article().title())
        .containsExactly("Earthquake shakes Example province");
    assertThat(s.oversized()).isEqualTo(1);
  }

  @Test
  void read_reportsProgress() throws IOException {
    byte[] dump = DumpFixture.bzip2(DumpFixture.xml(fixturePages()));
    List<WikinewsDumpReader.Stats> seen = new ArrayList<>();
    WikinewsDumpReader.builder()
        .progress(seen::add, 4)
        .build()
        .read(new ByteArrayInputStream(dump), a -> {});
    assertThat(seen).extracting(WikinewsDumpReader.Stats::pages).containsExactly(4L, 8L, 11L);
  }

  @Test
  void read_largeDumpsPassTheJdksDefaultXmlLimits() throws IOException {
    // JDK 24+ limit general entities, their total size and the number of entity references to
    // 100,000 by default: a real dump has pages longer than that, and millions of &amp; &quot; …
    List<Page> pages = new ArrayList<>();
    String sentence = "Smith & Sons said \"yes\" & 3 < 4 > 2. ";
    pages.add(
        Page.article(
            "Long story", "{{date|May 1, 2020}}\n" + sentence.repeat(8_000) + "\n{{publish}}"));
    for (int i = 0; i < 120; i++) {
      pages.add(
          Page.article(
              "Story " + i, "{{date|May 1, 2020}}\n" + sentence.repeat(300) + "\n{{publish}}"));
    }
    List<WikinewsArticle> out =
        readAll(DumpFixture.multistream(pages, 20), WikinewsDumpReader.builder().build());
    assertThat(out).hasSize(121);
    assertThat(out.get(0).article().text()).hasSize(sentence.repeat(8_000).strip().length());
  }

  // ---- bad input ----------------------------------------------------------------------------

  @Test
  void malformedXml_isAClearErrorAfterTheGoodPages() throws IOException {
    List<Page> pages = fixturePages();
    String xml =
        DumpFixture.header()
            + DumpFixture.page(pages.get(0), 1)
            + DumpFixture.page(pages.get(2), 2)
            + "  <page><title>Broken</title><ns>0</ns><revision><text>x</revision></page>\n"
            + DumpFixture.footer();
    List<WikinewsArticle> out = new ArrayList<>();
    assertThatThrownBy(
            () ->
                WikinewsDumpReader.builder()
                    .build()
                    .read(new ByteArrayInputStream(DumpFixture.bzip2(xml)), out::add))
        .isInstanceOf(WikinewsDumpException.class)
        .hasMessageStartingWith("the dump is not well-formed XML at line ")
        .hasMessageContaining("after 2 pages (2 articles imported)")
        .satisfies(e -> assertThat(((WikinewsDumpException) e).partial().articles()).isEqualTo(2));
    assertThat(out).hasSize(2);
  }

  @Test
  void entityBomb_isRefusedAtTheDoctype() {
    StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE mediawiki [\n");
    doctype.append("  <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      doctype.append("  <!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        doctype.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      doctype.append("\">\n");
    }
    doctype.append("]>\n");
    String xml =
        doctype
            + DumpFixture.header()
            + DumpFixture.page(Page.article("Bomb", "{{date|May 1, 2020}} &lol9; {{publish}}"), 1)
                .replace("&amp;lol9;", "&lol9;")
            + DumpFixture.footer();
    List<WikinewsArticle> out = new ArrayList<>();
    assertThatThrownBy(
            () ->
                WikinewsDumpReader.builder()
                    .build()
                    .read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), out::add))
        .isInstanceOf(WikinewsDumpException.class)
        .hasMessageContaining("DOCTYPE");
    assertThat(out).isEmpty();
  }

  @Test
  void externalEntity_isNeverResolved() throws IOException {
    var secret = Files.createTempFile("lede-secret", ".txt");
    try {
      Files.writeString(secret, "TOP-SECRET-CONTENT");
      String xml =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE mediawiki [ <!ENTITY x SYSTEM \""
              + secret.toUri()
              + "\"> ]>\n"
              + DumpFixture.header()
              + DumpFixture.page(Page.article("Leak", "{{date|May 1, 2020}} &x; {{publish}}"), 1)
                  .replace("&amp;x;", "&x;")
              + DumpFixture.footer();
      List<WikinewsArticle> out = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  WikinewsDumpReader.builder()
                      .build()
                      .read(new ByteArrayInputStream(DumpFixture.bzip2(xml)), out::add))
          .isInstanceOf(WikinewsDumpException.class)
          .hasMessageContaining("DOCTYPE")
          .message()
          .doesNotContain("TOP-SECRET");
      assertThat(out).isEmpty();
    } finally {
      Files.deleteIfExists(secret);
    }
  }

  @Test
  void truncatedBzip2_isAClearErrorWithWhatWasImported() throws IOException {
    byte[] full = CliFixtures.bigDump(300);
    byte[] cut = Arrays.copyOf(full, full.length * 2 / 3);
    List<WikinewsArticle> out = new ArrayList<>();
    assertThatThrownBy(
            () ->
                WikinewsDumpReader.builder().build().read(new ByteArrayInputStream(cut), out::add))
        .isInstanceOf(WikinewsDumpException.class)
        .hasMessageStartingWith("the dump is truncated or its compressed data is corrupt, after ")
        .satisfies(
            e -> {
              WikinewsDumpReader.Stats partial = ((WikinewsDumpException) e).partial();
              assertThat(partial.articles()).isEqualTo(out.size());
              assertThat(e.getMessage())
                  .contains(String.format(Locale.ROOT, "(%d articles imported)", out.size()));
            });
    assertThat(out.size()).isBetween(100, 250);
    for (int i = 0; i < out.size(); i++) {
      assertThat(out.get(i).article().title()).isEqualTo("Story number " + i);
    }
  }

  @Test
  void truncatedPlainXml_endsEarly() {
    String xml =
        DumpFixture.xml(List.of(Page.article("A", "{{date|May 1, 2020}} Text. {{publish}}")));
    String cut = xml.substring(0, xml.length() - 40);
    assertThatThrownBy(
            () ->
                WikinewsDumpReader.builder()
                    .build()
                    .read(new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)), a -> {}))
        .isInstanceOf(WikinewsDumpException.class)
        .hasMessageStartingWith("the dump ends early (truncated?)");
  }

  // ---- real article texts -------------------------------------------------------------------

  private static final Pattern SPECIAL =
      Pattern.compile("[\\[\\]{}|<>=~]|''|__|&[#A-Za-z0-9]+;|^[*#:; -]");
  private static final Pattern DATELINE =
      Pattern.compile("^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\w+ \\d{1,2}, \\d{4}");
  private static final Pattern CAPITALISED = Pattern.compile("(?<=\\s)([A-Z][a-z]{3,})(?=[\\s,.])");
  private static final DateTimeFormatter WIKI_DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private static String normalise(String s) {
    return s.replace('\u00a0', ' ')
        .replaceAll("[\\u200b-\\u200d\\u2060\\ufeff]", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** Wraps a real paragraph in markup that must all come off again. */
  private static String markUp(String p, int n) {
    String t = p;
    Matcher m = CAPITALISED.matcher(t);
    if (m.find()) {
      String w = m.group(1);
      String link =
          switch (n % 4) {
            case 0 -> "[[" + w + "]]";
            case 1 -> "[[" + w + " (disambiguation)|" + w + "]]";
            case 2 -> "{{w|" + w + "}}";
            default -> "{{w|" + w + " Foundation|" + w + "}}";
          };
      t = t.substring(0, m.start()) + link + t.substring(m.end());
    }
    int space = t.indexOf(' ');
    if (space > 0 && !t.startsWith("'")) {
      t = "'''" + t.substring(0, space) + "'''" + t.substring(space);
    }
    int stop = t.indexOf(". ");
    if (stop > 0 && stop + 2 < t.length() && Character.isLetter(t.charAt(stop + 2))) {
      t =
          t.substring(0, stop + 1)
              + "<ref>{{cite news|title=Report "
              + n
              + "|url=http://example.org/"
              + n
              + "}}</ref>"
              + "\n"
              + t.substring(stop + 2);
    }
    return t + " <!-- checked " + n + " -->";
  }

  /** The data's sources without the few whose URL kept stray template braces upstream. */
  private static List<JsonNode> usableSources(JsonNode r) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : r.path("sources")) {
      if (!s.toString().contains("{") && !s.toString().contains("}")) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void read_realArticleTexts_comeBackAsTheyWereWritten() throws IOException {

    ObjectMapper mapper = new ObjectMapper();
    List<Page> pages = new ArrayList<>();
    Map<String, JsonNode> rows = new LinkedHashMap<>();
    Map<String, List<String>> expectedParagraphs = new LinkedHashMap<>();
    Map<String, String> expectedCaption = new LinkedHashMap<>();
    Map<String, Integer> refs = new LinkedHashMap<>();
    int n = 0;
    for (String line :
        Files.readAllLines(
            SharedData.require("data/wikinews/articles.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode r = mapper.readTree(line);
      List<String> paras = new ArrayList<>();
      for (String p : r.get("text").asText().split("\\n\\s*\\n")) {
        String q = normalise(p);
        if (!q.isEmpty()
            && !SPECIAL.matcher(q).find()
            && !DATELINE.matcher(q).find()
            && !q.equalsIgnoreCase("publish")
            && !q.equalsIgnoreCase("archive")) {
          paras.add(q);
        }
      }
      if (paras.isEmpty()) {
        continue;
      }
      String title = r.get("title").asText();
      StringBuilder wiki = new StringBuilder();
      LocalDate date = LocalDate.parse(r.get("date").asText());
      wiki.append("{{date|").append(WIKI_DATE.format(date)).append("}}\n");
      for (JsonNode c : r.path("image_captions")) {
        String cap = normalise(c.asText());
        if (cap.length() < 200
            && !SPECIAL.matcher(cap).find()
            && !cap.contains("(")
            && !cap.contains(":")) {
          wiki.append("[[File:Photo ")
              .append(n)
              .append(".jpg|thumb|right|")
              .append(cap)
              .append("]]\n");
          expectedCaption.put(title, cap);
          break;
        }
      }
      for (int i = 0; i < paras.size(); i++) {
        String marked = markUp(paras.get(i), 1000 * n + i);
        if (marked.contains("<ref>")) {
          refs.putIfAbsent(title, 1000 * n + i);
        }
        wiki.append(marked).append("\n\n");
      }
      wiki.append("== Sources ==\n");
      for (JsonNode s : usableSources(r)) {
        wiki.append("* {{source|url=")
            .append(s.path("url").asText())
            .append("|title=")
            .append(s.path("title").asText().replace("|", "{{!}}"))
            .append("|lang=")
            .append(s.path("language").asText())
            .append("|archiveurl=")
            .append(s.path("archive_url").asText())
            .append("}}\n");
      }
      wiki.append("\n{{publish}}\n");
      for (JsonNode c : r.path("categories")) {
        wiki.append("[[Category:").append(c.asText()).append("]]\n");
      }
      pages.add(Page.article(title, wiki.toString()));
      if (n % 10 == 0) {
        pages.add(new Page("Talk:" + title, 1, "A comment.", false, "2021-06-01T12:00:00Z"));
        pages.add(
            new Page(
                title + " (redirect)",
                0,
                "#REDIRECT [[" + title + "]]",
                false,
                "2021-06-01T12:00:00Z"));
      }
      rows.put(title, r);
      expectedParagraphs.put(title, paras);
      n++;
    }
    assertThat(rows).hasSizeGreaterThan(300);

    List<WikinewsArticle> out = new ArrayList<>();
    byte[] dump = DumpFixture.multistream(pages, 25);
    WikinewsDumpReader.Stats stats =
        WikinewsDumpReader.builder().build().read(new ByteArrayInputStream(dump), out::add);

    assertThat(stats.articles()).isEqualTo(rows.size());
    assertThat(stats.redirects()).isEqualTo(stats.otherNamespaces());
    assertThat(out).hasSize(rows.size());

    for (WikinewsArticle wa : out) {
      Article a = wa.article();
      JsonNode r = rows.get(a.title());
      assertThat(r).as(a.title()).isNotNull();
      assertThat(a.id()).as("same id as the demo corpus").isEqualTo(r.get("id").asText());
      assertThat(a.url()).isEqualTo(r.get("url").asText());
      assertThat(a.published()).isEqualTo(LocalDate.parse(r.get("date").asText()) + "T00:00:00Z");
      List<String> cats = new ArrayList<>();
      r.path("categories").forEach(c -> cats.add(c.asText()));
      assertThat(a.tags()).isEqualTo(cats);
      assertThat(wa.licence().label())
          .isEqualTo(WikinewsLicence.fromLabel(r.get("licence").asText()).label());
      assertThat(a.blocks().stream().filter(b -> b instanceof Block.Paragraph).map(Block::text))
          .as(a.title())
          .containsExactlyElementsOf(expectedParagraphs.get(a.title()));
      String cap = expectedCaption.get(a.title());
      if (cap != null) {
        assertThat(a.images()).extracting(Block.Image::caption).containsExactly(cap);
      } else {
        assertThat(a.images()).isEmpty();
      }
      List<CitedSource> sources = new ArrayList<>();
      for (JsonNode s : usableSources(r)) {
        sources.add(
            new CitedSource(
                s.path("title").asText(),
                s.path("url").asText(),
                "",
                "",
                "",
                s.path("language").asText(),
                s.path("archive_url").asText()));
      }
      // the cited sources: the injected <ref>{{cite news}}s, then the Sources section
      assertThat(wa.sources().stream().filter(x -> !x.url().startsWith("http://example.org/")))
          .as(a.title())
          .containsExactlyElementsOf(sources.stream().distinct().toList());
      if (refs.containsKey(a.title())) {
        assertThat(wa.sources())
            .extracting(CitedSource::title)
            .contains("Report " + refs.get(a.title()));
      }
    }
  }
}
