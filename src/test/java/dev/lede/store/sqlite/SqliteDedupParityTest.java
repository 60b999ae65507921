package dev.lede.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Assignment;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.InMemoryDedupState;
import dev.lede.eval.EvalStream;
import dev.lede.eval.NewsCorpus;
import dev.lede.eval.SyntheticNews;
import dev.lede.model.Article;
import dev.lede.testing.SharedData;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's dedup state (packed lists, rows held back until the commit) must decide exactly as
 * the heap state: the same stream of articles with copies, assigned in transactions that end at odd
 * places (so that copies, stories and postings of one transaction meet those of earlier ones),
 * gives the same assignment for every article.
 */
class SqliteDedupParityTest {
  @TempDir Path dir;

  @Test
  void storeState_assignsEveryArticleAsTheHeapState() throws Exception {
    Path data = SharedData.require("data/wikinews").getParent();
    List<Article> real = new ArrayList<>();
    for (NewsCorpus.Doc d : EvalStream.realArticles(data)) {
      real.add(d.article());
    }
    SyntheticNews news = new SyntheticNews(real, 7);
    List<ArticleRef> refs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Article a = news.next();
      String source = "source-" + (i % 23);
      refs.add(ArticleRef.of(a.id(), a, source, source, a.published()));
    }
    Dedup heap = new Dedup(new InMemoryDedupState(), DedupConfig.defaults());
    List<Assignment> expected = new ArrayList<>();
    for (ArticleRef r : refs) {
      expected.add(heap.assign(r));
    }
    assertThat(expected).filteredOn(Assignment::isDuplicate).hasSizeGreaterThan(20);

    List<Assignment> got = new ArrayList<>();
    try (SqliteArticleStore store =
        SqliteArticleStore.open(dir.resolve("lede.db"), InstantSource.system(), false)) {
      // frequency increments folded every fourth transaction: folds happen along the stream
      ((SqliteDedupState) store.dedupState()).foldEvery(4);
      Dedup stored = new Dedup(store.dedupState(), DedupConfig.defaults());
      for (int from = 0; from < refs.size(); from += 37) {
        List<ArticleRef> part = refs.subList(from, Math.min(refs.size(), from + 37));
        store.writeDerived(
            "parity",
            false,
            () -> {
              part.forEach(r -> got.add(stored.assign(r)));
              return List.of();
            });
      }
      assertThat(got).isEqualTo(expected);
      // and what a reader sees after the commits is the same grouping
      for (int i = 0; i < refs.size(); i += 50) {
        String id = refs.get(i).id();
        assertThat(stored.storyOf(id)).isEqualTo(heap.storyOf(id));
        assertThat(stored.duplicateOf(id)).isEqualTo(heap.duplicateOf(id));
      }
    }
  }
}
