package dev.lede.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocFreqIndexTest {
  @TempDir Path dir;

  @Test
  void counts_surviveGrowthAndACleanReopen_andAStaleGenerationIsRejected() {
    Path file = dir.resolve("lede.db.df");
    Map<Integer, Long> expected = new HashMap<>();
    SplittableRandom rnd = new SplittableRandom(7);
    try (DocFreqIndex idx = DocFreqIndex.create(file, 0, 0)) {
      idx.markDirty();
      for (int i = 0; i < 200_000; i++) {
        // a skewed vocabulary: a few terms counted often, term 0 and negative hashes included
        int term = rnd.nextInt(4) == 0 ? rnd.nextInt(50) - 25 : rnd.nextInt();
        long delta = 1 + rnd.nextInt(3);
        idx.add(term, delta);
        expected.merge(term, delta, Long::sum);
      }
      idx.setGeneration(5);
      assertThat(idx.size()).isEqualTo(expected.size());
      expected.forEach((t, n) -> assertThat(idx.get(t)).as("term %d", t).isEqualTo(n));
      assertThat(idx.get(123_456_789)).isEqualTo(expected.getOrDefault(123_456_789, 0L));
    }
    assertThat(DocFreqIndex.openIfValid(file, 4)).as("stale").isNull();
    try (DocFreqIndex idx = DocFreqIndex.openIfValid(file, 5)) {
      assertThat(idx).isNotNull();
      assertThat(idx.size()).isEqualTo(expected.size());
      expected.forEach((t, n) -> assertThat(idx.get(t)).as("term %d", t).isEqualTo(n));
      idx.markDirty();
      idx.add(-3, 2);
      idx.setGeneration(6);
    }
    try (DocFreqIndex idx = DocFreqIndex.openIfValid(file, 6)) {
      assertThat(idx).isNotNull();
      assertThat(idx.get(-3)).isEqualTo(expected.get(-3) + 2);
    }
  }

  @Test
  void aFileLeftDirty_isNotReused() {
    Path file = dir.resolve("lede.db.df");
    DocFreqIndex idx = DocFreqIndex.create(file, 0, 0);
    idx.markDirty();
    idx.add(42, 1);
    idx.setGeneration(1);
    // no close: as a crash leaves it
    assertThat(DocFreqIndex.openIfValid(file, 1)).isNull();
    idx.close();
    try (DocFreqIndex reopened = DocFreqIndex.openIfValid(file, 1)) {
      assertThat(reopened).isNotNull();
      assertThat(reopened.get(42)).isEqualTo(1);
    }
  }
}
