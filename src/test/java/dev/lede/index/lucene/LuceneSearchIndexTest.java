package dev.lede.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.index.IndexEntry;
import dev.lede.index.IndexException;
import dev.lede.index.SearchIndex;
import dev.lede.index.SearchIndexContract;
import dev.lede.testing.TestArticles;
import dev.lede.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LuceneSearchIndexTest extends SearchIndexContract {

  @Override
  protected SearchIndex open(Path dir, TestClock clock) {
    return LuceneSearchIndex.open(dir, clock);
  }

  @Test
  void uncommittedWrites_areDroppedOnClose_theCheckpointTellsWhatToReplay() {
    index.upsert(new IndexEntry("a", null, TestArticles.withId("a", "Committed", "x")));
    index.commit(1);
    index.upsert(new IndexEntry("b", null, TestArticles.withId("b", "Not committed", "y")));
    index.close();

    index = open(dir.resolve("index"), clock);

    assertThat(index.checkpoint()).isEqualTo(1);
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void aFolderWithGarbage_isReportedAsAnIndexProblem() throws Exception {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("segments_1"), "garbage", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> LuceneSearchIndex.open(bad, clock))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining(bad.toString());
  }

  @Test
  void freshnessFactor_followsTheDocumentedCurve() {
    long now = 1_000_000_000_000L;
    long day = 24 * 3600 * 1000L;
    assertThat(FreshnessQuery.factor(now, now))
        .isEqualTo(1.10, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(FreshnessQuery.factor(now - 7 * day, now))
        .isEqualTo(1.05, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(FreshnessQuery.factor(now + day, now))
        .isEqualTo(1.10, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(FreshnessQuery.factor(now - 365 * day, now)).isLessThan(1.0001);
  }
}
