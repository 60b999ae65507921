package dev.lede.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostingIndexTest {
  @TempDir Path dir;

  private static long[] articlesOf(PostingIndex idx, long postingKey) {
    long[] buf = new long[PostingIndex.PER_KEY];
    int[] n = new int[1];
    idx.get(postingKey, PostingIndex.PER_KEY, buf, n);
    return java.util.Arrays.copyOf(buf, n[0]);
  }

  /** A posting key: the lookup table, then the key. */
  private static long key(int table, int k) {
    return ((long) table << 32) | k;
  }

  @Test
  void growsPastItsFirstSize_keepingEveryPosting_andReopensAfterACleanClose() {
    Path file = dir.resolve("lede.db.postings");
    try (PostingIndex idx = PostingIndex.create(file, 0, 0)) {
      idx.markDirty();
      for (int round = 0; round < 3; round++) {
        for (int table = 1; table <= 2; table++) {
          for (int k = 0; k < 30_000; k++) {
            idx.add(key(table, k), k + round * 1_000_000L);
          }
        }
      }
      // 180,000 postings: more than 70% of the 65,536 slots it was made with, several times over.
      assertThat(idx.size()).isEqualTo(180_000);
      assertThat(articlesOf(idx, key(1, 12_345))).containsExactly(12_345, 1_012_345, 2_012_345);
      assertThat(articlesOf(idx, key(2, 0))).containsExactly(0, 1_000_000, 2_000_000);
      assertThat(articlesOf(idx, key(3, 0))).isEmpty();
      idx.setGeneration(7);
    }

    try (PostingIndex again = PostingIndex.openIfValid(file, 7)) {
      assertThat(again).isNotNull();
      assertThat(again.size()).isEqualTo(180_000);
      assertThat(articlesOf(again, key(2, 29_999))).containsExactly(29_999, 1_029_999, 2_029_999);
    }
    assertThat(PostingIndex.openIfValid(file, 8)).as("another store generation").isNull();
  }
}
