package dev.lede.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryTermIndexTest {
  @TempDir Path dir;

  /** A term's list as (story, seen) pairs, latest first. */
  private static List<List<Long>> listOf(StoryTermIndex idx, int term) {
    long[] stories = new long[StoryTermIndex.PER_TERM];
    long[] seen = new long[StoryTermIndex.PER_TERM];
    int n = idx.get(term, stories, seen);
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(List.of(stories[i], seen[i]));
    }
    return out;
  }

  @Test
  void keepsTheLatestTimePerStory_andTheSixtyFourLatestStoriesPerTerm_latestFirst() {
    try (StoryTermIndex idx = StoryTermIndex.create(dir.resolve("t"), 0, 0)) {
      idx.markDirty();
      idx.add(-5, 7, 1_000);
      idx.add(-5, 7, 500); // an earlier filing does not move the story back
      idx.add(-5, 3, 1_000); // same time: smaller story first
      idx.add(-5, 9, 2_000);
      idx.add(6, 7, 10);
      assertThat(listOf(idx, -5))
          .containsExactly(List.of(9L, 2_000L), List.of(3L, 1_000L), List.of(7L, 1_000L));
      assertThat(listOf(idx, 6)).containsExactly(List.of(7L, 10L));
      assertThat(listOf(idx, 5)).isEmpty();

      for (long s = 100; s < 200; s++) {
        idx.add(1, s, s * 10);
      }
      List<List<Long>> full = listOf(idx, 1);
      assertThat(full).hasSize(StoryTermIndex.PER_TERM);
      assertThat(full.get(0)).isEqualTo(List.of(199L, 1_990L));
      assertThat(full.get(63)).isEqualTo(List.of(136L, 1_360L));
      idx.add(1, 5, 10); // older than all 64: not kept
      idx.add(1, 120, 5_000); // a story pushed out comes back with a later filing
      assertThat(listOf(idx, 1).get(0)).isEqualTo(List.of(120L, 5_000L));
      assertThat(listOf(idx, 1).get(63)).isEqualTo(List.of(137L, 1_370L));
    }
  }

  @Test
  void theListsDoNotDependOnTheOrderOfTheFilings_acrossGrowth_andSurviveACleanClose() {
    Random random = new Random(42);
    List<long[]> filings = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      int term = random.nextInt(600) - 300;
      filings.add(new long[] {term, random.nextInt(5_000), random.nextInt(300)});
    }
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Map<Integer, List<List<Long>>> expected = new HashMap<>();
    try (StoryTermIndex first = StoryTermIndex.create(a, 0, 0)) {
      first.markDirty();
      for (long[] f : filings) {
        first.add((int) f[0], f[1], f[2]);
      }
      for (int term = -300; term < 300; term++) {
        expected.put(term, listOf(first, term));
      }
      first.setGeneration(3);
    }
    Collections.shuffle(filings, random);
    try (StoryTermIndex second = StoryTermIndex.create(b, 0, 0)) {
      second.markDirty();
      for (long[] f : filings) {
        second.add((int) f[0], f[1], f[2]);
      }
      for (int term = -300; term < 300; term++) {
        assertThat(listOf(second, term)).as("term %d", term).isEqualTo(expected.get(term));
      }
    }
    assertThat(expected.values()).anySatisfy(l -> assertThat(l).hasSize(StoryTermIndex.PER_TERM));
    try (StoryTermIndex again = StoryTermIndex.openIfValid(a, 3)) {
      assertThat(again).isNotNull();
      assertThat(listOf(again, 17)).isEqualTo(expected.get(17));
    }
    assertThat(StoryTermIndex.openIfValid(a, 4)).as("another store generation").isNull();
  }
}
