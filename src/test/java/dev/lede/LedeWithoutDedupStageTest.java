package dev.lede;

import static dev.lede.testing.TestArticles.dated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.testing.TestClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Lede.Options#withoutDedupStage()}: the store and index alone (what {@code lede bench
 * ingest --no-dedup} measures). Articles written that way are assigned to duplicate groups and
 * stories on the next open with the stage, and the index follows.
 */
class LedeWithoutDedupStageTest {
  @TempDir Path dir;
  TestClock clock = new TestClock("2026-03-01T12:00:00Z");

  Lede.Options options() {
    return Lede.Options.defaults()
        .withClock(clock)
        .withFsyncEachCommit(false)
        .withCommand("LedeWithoutDedupStageTest");
  }

  static List<String> search(Lede lede, String q) {
    lede.refresh();
    return lede.search(SearchQuery.of(q)).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void storesAndIndexesWithoutDuplicateLinks_thenTheNextOpenWithTheStageAssignsThem() {
    Path data = dir.resolve("data");
    try (Lede lede = Lede.open(data, options().withoutDedupStage())) {
      lede.submit(LedeStoriesTest.tram("orig", "Marrow Bay opens tram line", "", 0), "wire");
      lede.submit(
          dated(
              "copy",
              "WATCH: Tram finally rolls in Marrow Bay",
              LedeStoriesTest.copyText(),
              LedeStoriesTest.T0.plusSeconds(3_600)),
          "farm");

      assertThat(lede.duplicateOf("copy")).isEmpty();
      assertThat(lede.storyOf("orig")).isEmpty();
      assertThat(search(lede, "tram archaeologists")).containsExactlyInAnyOrder("orig", "copy");
      Lede.Stats s = lede.stats();
      assertThat(s.articles()).isEqualTo(2);
      assertThat(s.indexed()).isEqualTo(2);
    }

    try (Lede lede = Lede.open(data, options())) {
      assertThat(lede.duplicateOf("copy")).contains("orig");
      assertThat(lede.storyOf("copy")).isEqualTo(lede.storyOf("orig")).isPresent();
      // the index caught up with the links: the copy stands behind its original again
      assertThat(search(lede, "tram archaeologists")).containsExactly("orig");
      Lede.Stats s = lede.stats();
      assertThat(s.indexed()).isEqualTo(s.articles()).isEqualTo(2);
    }
  }
}
