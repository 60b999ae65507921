package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.testing.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The team's JSONL corpora read through the one-off ingest path. */
class SharedCorpusIngestTest {
  private final TestKit kit = new TestKit();

  @AfterEach
  void tearDown() throws Exception {
    kit.close();
  }

  @Test
  void wikinews_allArticlesRead_idsDatesCategoriesKept() {
    Path f = SharedData.require("data/wikinews/articles.jsonl");
    IngestReport r = kit.ingest(TestKit.options().build()).ingest(List.of(f.toString()));
    assertThat(r.failed()).isZero();
    assertThat(r.created()).isEqualTo(344);
    Article first = kit.sink.articles.get("wn-fb132e8654a4");
    assertThat(first.title()).isEqualTo("Brazilian delegation returns from Arafat funeral");
    assertThat(first.published()).isEqualTo(Instant.parse("2004-11-13T00:00:00Z"));
    assertThat(first.tags()).contains("Palestine", "Yasser Arafat");
    assertThat(first.text())
        .startsWith("The delegation representing Brazil at the funeral of Yasser Arafat");
    assertThat(kit.sink.all()).allSatisfy(a -> assertThat(a.id()).startsWith("wn-"));
  }

  @Test
  void ecbplus_sentencePerLine_titleFromFirstLine() {
    Path f = SharedData.require("data/ecbplus/articles.jsonl");
    IngestReport r = kit.ingest(TestKit.options().build()).ingest(List.of(f.toString()));
    assertThat(r.failed()).isZero();
    assertThat(r.created()).isEqualTo(772);
    Article a = kit.sink.articles.get("1_10ecbplus");
    assertThat(a.title()).isEqualTo("Lindsay Lohan checks into Betty Ford Center");
    assertThat(a.blocks()).first().extracting(b -> b.text()).isEqualTo("May 03, 2013");
    assertThat(a.text()).doesNotStartWith("Lindsay Lohan checks into Betty Ford Center");
  }
}
