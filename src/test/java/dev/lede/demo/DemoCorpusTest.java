package dev.lede.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.CitedSource;
import dev.lede.wikinews.Wikinews;
import dev.lede.wikinews.WikinewsLicence;
import dev.lede.wikinews.WikinewsSections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DemoCorpusTest {
  private static final List<String> MARKUP =
      List.of(
          "{{",
          "}}",
          "[[",
          "]]",
          "{w|",
          "|}",
          "{|",
          "{",
          "}",
          "|",
          "''",
          "<ref",
          "</",
          "/>",
          "&nbsp;",
          "&amp;",
          "[http",
          "__NOTOC__",
          "byline|date");
  private static final Pattern DATELINE =
      Pattern.compile(
          "^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (January|February|March|April|May|June|July"
              + "|August|September|October|November|December) \\d{1,2}, \\d{4}.*");

  @Test
  void load_gives344ArticlesWithTheirIds() {
    List<Article> articles = DemoCorpus.load();
    assertThat(articles).hasSize(344);
    Set<String> ids = new HashSet<>();
    for (Article a : articles) {
      assertThat(a.id()).startsWith("wn-").hasSize(15);
      ids.add(a.id());
    }
    assertThat(ids).hasSize(344);
    assertThat(DemoCorpus.byId()).hasSize(344);
    assertThat(DemoCorpus.byId().get("wn-fb132e8654a4").article().title())
        .isEqualTo("Brazilian delegation returns from Arafat funeral");
  }

  @Test
  void everyArticle_hasTitleDateUrlBodySectionAndLicenceCredit() {
    for (DemoItem item : DemoCorpus.items()) {
      Article a = item.article();
      assertThat(a.title()).as(a.id()).isNotBlank();
      assertThat(a.published()).as(a.id()).isNotNull();
      assertThat(a.url()).as(a.id()).startsWith(Wikinews.BASE_URL);
      assertThat(a.canonicalUrl()).isEqualTo(a.url());
      assertThat(Wikinews.idOf(a.url())).as("id scheme").isEqualTo(a.id());
      assertThat(a.siteName()).isEqualTo("Wikinews");
      assertThat(a.language()).isEqualTo("en");
      assertThat(a.text()).as(a.id()).hasSizeGreaterThan(100);
      assertThat(WikinewsSections.SECTIONS).as(a.id()).contains(a.section());

      LocalDate day = LocalDate.ofInstant(a.published(), ZoneOffset.UTC);
      WikinewsLicence expected = WikinewsLicence.forDate(day);
      assertThat(item.licence()).as(a.id()).isEqualTo(expected.label());
      assertThat(item.licenceUrl()).isEqualTo(expected.url());
      assertThat(item.attributionLine())
          .as(a.id())
          .startsWith(
              expected == WikinewsLicence.PUBLIC_DOMAIN
                  ? "From Wikinews, public domain — "
                  : "From Wikinews, CC BY 2.5 — ")
          .contains(a.url());
    }
  }

  @Test
  void corpus_spansTheYearsAndBothLicences() {
    List<DemoItem> items = DemoCorpus.items();
    assertThat(items.stream().filter(i -> i.licence().equals("Public domain"))).hasSize(27);
    assertThat(items.get(0).article().published()).isEqualTo("2004-11-13T00:00:00Z");
    assertThat(items.get(items.size() - 1).article().published()).isEqualTo("2023-02-23T00:00:00Z");
    assertThat(items.stream().map(i -> i.article().section()).distinct().count())
        .isGreaterThanOrEqualTo(8);
  }

  @Test
  void noWikiMarkupOrScrapingDebrisIsLeftInAnyText() {
    List<String> problems = new ArrayList<>();
    for (DemoItem item : DemoCorpus.items()) {
      Article a = item.article();
      for (String t : texts(item)) {
        for (String m : MARKUP) {
          if (t.contains(m)) {
            problems.add(a.id() + " has '" + m + "' in: " + t);
          }
        }
        if (t.strip().equalsIgnoreCase("publish") || t.strip().equalsIgnoreCase("archive")) {
          problems.add(a.id() + " has a status word as text");
        }
        if (t.contains("\u00a0") || t.contains("\u200d") || !t.equals(t.strip())) {
          problems.add(a.id() + " has unnormalised whitespace in: " + t);
        }
      }
      if (!a.blocks().isEmpty() && DATELINE.matcher(a.blocks().get(0).text()).matches()) {
        problems.add(a.id() + " still opens with its dateline");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void captionsAndCreditsBecomeImageBlocks() {
    // "A banner for the event. Image: Paul Budd." and nine more stood among the paragraphs
    Article maker = DemoCorpus.byId().get("wn-2bb91a4a08eb").article();
    assertThat(maker.images())
        .hasSize(10)
        .allSatisfy(i -> assertThat(i.credit()).isEqualTo("Paul Budd"));
    assertThat(maker.images()).extracting(Block.Image::caption).contains("A banner for the event.");
    assertThat(maker.text()).doesNotContain("Image:");
    // image_captions: "President Lula and President Roh Moo-hyun. (J. Freitas/ABr)"
    Article lula = DemoCorpus.byId().get("wn-f317ad660afd").article();
    assertThat(lula.blocks().get(0))
        .isEqualTo(
            new Block.Image(
                "", "", "President Lula and President Roh Moo-hyun.", "J. Freitas/ABr"));
    assertThat(DemoCorpus.load().stream().filter(a -> !a.images().isEmpty()).count())
        .isGreaterThanOrEqualTo(30);
  }

  @Test
  void categoriesBecomeTagsAndCitedSourcesAreKept() {
    DemoItem hu = DemoCorpus.byId().get("wn-ef8f168b16ed");
    assertThat(hu.article().tags()).startsWith("Politics and conflicts", "South America");
    assertThat(hu.article().section()).isEqualTo("Politics");
    assertThat(hu.sources())
        .first()
        .satisfies(
            s -> {
              assertThat(s.title()).isEqualTo("Presidente da China almoça churrasco com Lula");
              assertThat(s.url()).isEqualTo("http://br.news.yahoo.com/041113/25/p0en.html");
              assertThat(s.language()).isEqualTo("pt");
              assertThat(s.archiveUrl()).startsWith("https://web.archive.org/");
            });
    // a "Sources" section at the end of the text became cited sources, not body
    DemoItem doc = DemoCorpus.byId().get("wn-2f1a3b0096d1");
    assertThat(doc.sources())
        .contains(
            new CitedSource(
                "Document found on street not secret, say feds",
                "",
                "The Canadian Press",
                "",
                "August 15, 2008",
                "",
                ""));
    assertThat(doc.article().text()).doesNotContain("Sources").doesNotContain("— CBC.ca");
    assertThat(DemoCorpus.items().stream().filter(i -> !i.sources().isEmpty()).count())
        .isEqualTo(26);
  }

  @Test
  void bundledFile_isWellUnderOneMegabyte() throws IOException {
    try (InputStream in = DemoCorpus.class.getResourceAsStream(DemoCorpus.RESOURCE)) {
      assertThat(in).isNotNull();
      assertThat(in.readAllBytes().length).isLessThan(700_000);
    }
  }

  @Test
  void read_namesTheBadLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      String lines =
          "{\"id\":\"a\",\"title\":\"T\",\"licence\":\"CC BY 2.5\",\"blocks\":[]}\n{\"id\":\"b\",";
      gz.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> DemoCorpus.read(new ByteArrayInputStream(bytes.toByteArray())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("demo corpus line 2:");
    assertThatThrownBy(
            () ->
                DemoCorpus.read(
                    new ByteArrayInputStream("not gzip".getBytes(StandardCharsets.UTF_8))))
        .hasMessageStartingWith("cannot read the demo corpus");
  }

  private static List<String> texts(DemoItem item) {
    Article a = item.article();
    List<String> out = new ArrayList<>();
    out.add(a.title());
    out.addAll(a.tags());
    for (Block b : a.blocks()) {
      switch (b) {
        case Block.Image i -> {
          out.add(i.caption());
          if (!i.credit().isEmpty()) {
            out.add(i.credit());
          }
        }
        case Block.ListBlock l -> out.addAll(l.items());
        default -> out.add(b.text());
      }
    }
    for (CitedSource s : item.sources()) {
      out.add(s.title());
      if (!s.publisher().isEmpty()) {
        out.add(s.publisher());
      }
    }
    return out;
  }
}
