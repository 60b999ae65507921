package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.DemoData;
import dev.lede.Lede;
import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Source;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede demo}: loading the bundled demo into a data folder once. */
class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void demo_loadsTheCorpusAndPagesOnceIntoANewDataFolder() {
    Path data = tmp.resolve("data");

    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    ExtractCommandTest.Run first;
    try {
      System.setErr(new java.io.PrintStream(raw, true, java.nio.charset.StandardCharsets.UTF_8));
      first = ExtractCommandTest.run("demo", "--no-serve", "--data", "" + data);
    } finally {
      System.setErr(stderr);
    }
    // stderr is no terminal here: no progress-bar frames, only the lines below
    assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("\r", "Loading");

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .as("stdout carries only the address, and --no-serve serves nothing")
        .isEmpty();
    assertThat(first.err())
        .contains("loading the demo corpus")
        .contains("349 articles stored (0 rejected)");
    try (Lede lede = Lede.open(data)) {
      assertThat(lede.stats().articles()).isEqualTo(344 + 5);
      assertThat(lede.stats().indexed()).isEqualTo(344 + 5);
      assertThat(lede.sources().sources())
          .extracting(Source::id)
          .containsExactlyInAnyOrder(DemoData.WIKINEWS, DemoData.PAGES);
      assertThat(lede.article("wn-fb132e8654a4").orElseThrow().sourceId())
          .isEqualTo(DemoData.WIKINEWS);
    }

    ExtractCommandTest.Run second =
        ExtractCommandTest.run("demo", "--no-serve", "--data", "" + data);

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.err()).contains("already loaded").doesNotContain("articles stored");
    try (Lede lede = Lede.open(data)) {
      assertThat(lede.stats().articles()).isEqualTo(344 + 5);
    }
  }

  @Test
  void demo_refusesInvalidSettingsBeforeTouchingTheDataFolder() {
    Path data = tmp.resolve("data");

    ExtractCommandTest.Run r =
        ExtractCommandTest.run("demo", "--no-serve", "--data", "" + data, "--port", "70000");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--port").contains("0..65535");
    assertThat(data).doesNotExist();
  }

  @Test
  void demoPages_seedShapedPagesComeOutWhole() {
    List<Article> pages = DemoData.pages();
    assertThat(pages).hasSize(5);
    assertThat(pages.get(0).title())
        .startsWith("Port Calder switches on floating solar farm as drought leaves its dam");
    Article a = pages.get(1);
    assertThat(a.title())
        .isEqualTo(
            "Port Alder will rebuild its storm-wrecked seawall: 'We cannot give the harbour back to"
                + " the sea'");
    assertThat(a.images()).hasSize(1);
    Block.Image img = a.images().get(0);
    assertThat(img.alt()).isEqualTo("Port Alder's collapsed seawall");
    assertThat(img.credit()).isEqualTo("Harbour Press Photo/Mara Lindqvist");
    assertThat(a.attribution()).first().isEqualTo("Harbour Press contributed to this report.");
    assertThat(a.related()).hasSize(3);
    assertThat(a.related()).allSatisfy(t -> assertThat(t.excerpt()).endsWith("…"));
    assertThat(a.text()).doesNotContain("Share and Follow", "You May Also Like");
    for (Article p : pages) {
      assertThat(p.title()).isNotBlank();
      assertThat(p.text()).isNotBlank();
    }
  }
}
