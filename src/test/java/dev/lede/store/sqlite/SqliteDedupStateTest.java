package dev.lede.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.dedup.DedupState;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDedupStateTest {
  @TempDir Path dir;

  private SqliteArticleStore open() {
    return SqliteArticleStore.open(dir.resolve("lede.db"), InstantSource.system(), false);
  }

  private static void write(SqliteArticleStore store, Runnable work) {
    store.writeDerived(
        "test",
        false,
        () -> {
          work.run();
          return List.of();
        });
  }

  /** Registers articles until keys 1 to {@code n} exist (postings are kept in their rows). */
  private static void articles(SqliteArticleStore store, int n) {
    DedupState s = store.dedupState();
    write(
        store,
        () -> {
          for (int i = 1; i <= n; i++) {
            s.add("article-" + i);
          }
        });
  }

  /** Probe number → what the one-key lookups return, in order. */
  private static Map<Integer, List<Long>> oneByOne(
      DedupState s, int[] tables, int[] keys, int limit) {
    Map<Integer, List<Long>> out = new TreeMap<>();
    for (int i = 0; i < tables.length; i++) {
      List<Long> got = new ArrayList<>();
      s.postings(tables[i], keys[i], limit, got::add);
      out.put(i, got);
    }
    return out;
  }

  private static Map<Integer, List<Long>> batched(
      DedupState s, int[] tables, int[] keys, int limit) {
    Map<Integer, List<Long>> out = new TreeMap<>();
    for (int i = 0; i < tables.length; i++) {
      out.put(i, new ArrayList<>());
    }
    s.postings(tables, keys, tables.length, limit, (i, a) -> out.get(i).add(a));
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  @Test
  void batchedPostings_answerLikeOneLookupPerKey_withRowsOfTheOpenTransactionToo() {
    int[] tables = {1, 1, 2, 1, 7};
    int[] keys = {10, 11, 10, 10, 99};
    try (SqliteArticleStore store = open()) {
      DedupState s = store.dedupState();
      articles(store, 130);
      write(
          store,
          () -> {
            for (long a = 1; a <= 30; a++) {
              s.addPosting(1, 10, a);
              s.addPosting(2, 10, 100 + a);
            }
            s.addPosting(1, 11, 5);
          });
      write(
          store,
          () -> {
            s.addPosting(1, 11, 3); // pending, older than the stored one
            assertThat(batched(s, tables, keys, 16)).isEqualTo(oneByOne(s, tables, keys, 16));
            assertThat(batched(s, tables, keys, 16).get(1)).containsExactly(3L, 5L);
          });
      Map<Integer, List<Long>> stored = batched(s, tables, keys, 16);
      assertThat(stored).isEqualTo(oneByOne(s, tables, keys, 16));
      assertThat(stored.get(0)).hasSize(16).startsWith(1L, 2L).endsWith(16L);
      assertThat(stored.get(3)).isEqualTo(stored.get(0)); // the same key asked twice
      assertThat(stored.get(4)).isEmpty();
    }
  }

  @Test
  void postingLists_stopGrowingAtTheirCap_theOldestStay() {
    try (SqliteArticleStore store = open()) {
      DedupState s = store.dedupState();
      articles(store, 120);
      for (int round = 0; round < 3; round++) {
        int r = round;
        write(
            store,
            () -> {
              for (long a = 1; a <= 40; a++) {
                s.addPosting(3, 42, r * 40 + a);
              }
            });
      }
      List<Long> all = new ArrayList<>();
      s.postings(3, 42, 64, all::add);
      assertThat(all).hasSize(64).startsWith(1L).endsWith(64L);
    }
  }

  @Test
  void batchedStoryTerms_answerLikeOneLookupPerTerm() {
    try (SqliteArticleStore store = open()) {
      DedupState s = store.dedupState();
      write(
          store,
          () -> {
            for (long story = 1; story <= 10; story++) {
              s.addStoryTerm(500, story, 1000 + story);
              s.addStoryTerm(501, story, 2000 - story);
            }
          });
      long[] terms = {500, 501, 502, 500};
      write(
          store,
          () -> {
            s.addStoryTerm(501, 77, 5000); // pending: newest
            for (long since : new long[] {0, 1005}) {
              Map<Integer, List<Long>> one = new TreeMap<>();
              Map<Integer, List<Long>> batch = new TreeMap<>();
              for (int i = 0; i < terms.length; i++) {
                List<Long> got = new ArrayList<>();
                s.storiesWithTerm(terms[i], since, 4, got::add);
                got.sort(null);
                one.put(i, got);
                batch.put(i, new ArrayList<>());
              }
              s.storiesWithTerms(terms, terms.length, since, 4, (i, st) -> batch.get(i).add(st));
              batch.values().forEach(l -> l.sort(null));
              assertThat(batch).isEqualTo(one);
            }
          });
      List<Long> newest = new ArrayList<>();
      s.storiesWithTerms(new long[] {500}, 1, 0, 3, (i, st) -> newest.add(st));
      assertThat(newest).containsExactlyInAnyOrder(10L, 9L, 8L);
    }
  }

  @Test
  void cachedStories_areForgottenWhenTheTransactionRollsBack() {
    byte[] centroid = {1, 2, 3};
    try (SqliteArticleStore store = open()) {
      DedupState s = store.dedupState();
      write(store, () -> s.putStory(new DedupState.StoryRow(1, "kept", 1, 2, 1, centroid)));
      assertThatThrownBy(
              () ->
                  write(
                      store,
                      () -> {
                        s.putStory(new DedupState.StoryRow(1, "changed", 1, 3, 2, centroid));
                        s.putStory(new DedupState.StoryRow(2, "new", 1, 3, 1, centroid));
                        throw new IllegalStateException("boom");
                      }))
          .hasMessageContaining("boom");
      assertThat(s.story(1).headline()).isEqualTo("kept");
      assertThat(s.story(2)).isNull();
      List<String> headlines = new ArrayList<>();
      s.stories(new long[] {1, 2, 3}, 3, r -> headlines.add(r.headline()));
      assertThat(headlines).containsExactly("kept");
    }
  }

  @Test
  void termLists_keepTheMostRecentlyFiledStories_acrossTransactions() {
    try (SqliteArticleStore store = open()) {
      DedupState s = store.dedupState();
      for (int round = 0; round < 3; round++) {
        int r = round;
        write(
            store,
            () -> {
              for (long story = 1; story <= 30; story++) {
                long id = r * 30 + story;
                s.addStoryTerm(700, id, 10_000 + id);
              }
              s.addStoryTerm(700, 1, 20_000 + r); // filed again: its time moves forward
            });
      }
      List<Long> got = new ArrayList<>();
      s.storiesWithTerm(700, 0, 24, got::add);
      List<Long> expected = new ArrayList<>(List.of(1L));
      for (long id = 90; expected.size() < 24; id--) {
        expected.add(id);
      }
      assertThat(got).containsExactlyElementsOf(expected);
      List<Long> recent = new ArrayList<>();
      s.storiesWithTerm(700, 10_085, 24, recent::add);
      assertThat(recent).containsExactly(1L, 90L, 89L, 88L, 87L, 86L, 85L);
      assertThatThrownBy(() -> s.storiesWithTerm(700, 0, SqliteDedupState.PER_TERM + 1, x -> {}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void changedStories_areSeenInTheTransaction_andStoredAtItsCommit() {
    byte[] centroid = {4, 5};
    try (SqliteArticleStore store = open()) {
      DedupState s = store.dedupState();
      write(
          store,
          () -> {
            s.putStory(new DedupState.StoryRow(1, "first", 10, 10, 1, centroid));
            s.putStory(new DedupState.StoryRow(1, "first, grown", 10, 30, 2, centroid));
            s.putStory(new DedupState.StoryRow(2, "second", 20, 20, 1, centroid));
            List<String> recent = new ArrayList<>();
            s.recentStories(0, 10, r -> recent.add(r.headline()));
            assertThat(recent).containsExactly("first, grown", "second");
          });
      List<String> fromReader = new ArrayList<>();
      store.readDedup(
          "test",
          r -> {
            r.forEachStory(0, row -> fromReader.add(row.headline() + "/" + row.size()));
            return null;
          });
      assertThat(fromReader).containsExactly("first, grown/2", "second/1");
    }
  }

  @Test
  void version3Rows_areConvertedToPackedLists_whenTheStoreIsOpened() throws Exception {
    Path file = dir.resolve("lede.db");
    try (SqliteArticleStore v3 = SqliteArticleStore.open(file, InstantSource.system(), false, 3)) {
      assertThat(v3.schemaVersion()).isEqualTo(3);
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      for (int a = 70; a >= 1; a--) {
        st.execute("INSERT INTO dedup_posting VALUES (1, -5, " + a + ")");
      }
      st.execute("INSERT INTO dedup_posting VALUES (16, 7, 4000000000)");
      for (int story = 1; story <= 70; story++) {
        st.execute(
            "INSERT INTO dedup_story_term VALUES (500, " + story + ", " + (1000 + story) + ")");
      }
      st.execute("INSERT INTO dedup_story_term VALUES (-3, 2, 5)");
    }
    try (SqliteArticleStore store = open()) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.latest());
      DedupState s = store.dedupState();
      List<Long> common = new ArrayList<>();
      s.postings(1, -5, 64, common::add);
      List<Long> oldest = new ArrayList<>();
      for (long a = 1; a <= 64; a++) {
        oldest.add(a);
      }
      assertThat(common).isEqualTo(oldest);
      List<Long> single = new ArrayList<>();
      s.postings(16, 7, 16, single::add);
      assertThat(single).containsExactly(4_000_000_000L);
      List<Long> stories = new ArrayList<>();
      s.storiesWithTerm(500, 0, 3, stories::add);
      assertThat(stories).containsExactly(70L, 69L, 68L);
      List<Long> negative = new ArrayList<>();
      s.storiesWithTerm(-3, 0, 3, negative::add);
      assertThat(negative).containsExactly(2L);
      // a new posting after the conversion joins the converted list
      articles(store, 12);
      write(store, () -> s.addPosting(16, 7, 12));
      single.clear();
      s.postings(16, 7, 16, single::add);
      assertThat(single).containsExactly(12L, 4_000_000_000L);
      // and a story filed after it joins the converted term list, in the story-term index
      write(store, () -> s.addStoryTerm(500, 99, 5_000));
      stories.clear();
      s.storiesWithTerm(500, 0, 3, stories::add);
      assertThat(stories).containsExactly(99L, 70L, 69L);
    }
    try (SqliteArticleStore again = open()) {
      List<Long> stories = new ArrayList<>();
      again.dedupState().storiesWithTerm(500, 1_069, 64, stories::add);
      assertThat(stories).containsExactly(99L, 70L, 69L);
    }
    // rebuilt from the legacy lists and the filing rows when the index file is lost
    java.nio.file.Files.delete(SqliteArticleStore.storyTermIndexFile(file));
    try (SqliteArticleStore again = open()) {
      List<Long> stories = new ArrayList<>();
      again.dedupState().storiesWithTerm(500, 1_069, 64, stories::add);
      assertThat(stories).containsExactly(99L, 70L, 69L);
    }
  }

  @Test
  void articleRows_changedInATransaction_answerBeforeTheCommit_andVanishOnRollback() {
    try (SqliteArticleStore store = open()) {
      DedupState s = store.dedupState();
      long[] keys = new long[3];
      write(
          store,
          () -> {
            keys[0] = s.add("a");
            s.putSketch(keys[0], new byte[] {1});
            s.setCanonical(keys[0], keys[0]);
            s.setStory(keys[0], 7);
            keys[1] = s.add("b");
          });
      write(
          store,
          () -> {
            s.setCanonical(keys[1], keys[0]); // stored row changed
            s.setStory(keys[1], 7);
            keys[2] = s.add("c"); // new row
            s.putSketch(keys[2], new byte[] {3});
            s.setCanonical(keys[2], keys[0]);
            s.setStory(keys[2], 8);
            List<Long> copies = new ArrayList<>();
            s.copies(keys[0], copies::add);
            assertThat(copies).containsExactly(keys[1], keys[2]);
            s.moveMembers(8, 7);
            List<String> members = new ArrayList<>();
            s.memberIds(7, members::add);
            assertThat(members).containsExactly("a", "b", "c");
            List<String> latest = new ArrayList<>();
            s.latestMemberIds(7, 2, latest::add); // from the rows changed in this transaction
            assertThat(latest).containsExactly("c", "b");
            assertThat(s.id(keys[2])).isEqualTo("c");
            assertThat(s.sketch(keys[2])).containsExactly(3);
          });
      List<Long> stored = new ArrayList<>();
      s.members(7, stored::add);
      assertThat(stored).containsExactly(keys[0], keys[1], keys[2]);
      for (int limit : new int[] {0, 2, 3, 10}) { // from the stored rows, read backwards
        List<String> latest = new ArrayList<>();
        s.latestMemberIds(7, limit, latest::add);
        assertThat(latest)
            .containsExactlyElementsOf(List.of("c", "b", "a").subList(0, Math.min(3, limit)));
      }
      assertThat(s.canonical(keys[2])).isEqualTo(keys[0]);
      assertThatThrownBy(
              () ->
                  write(
                      store,
                      () -> {
                        s.setStory(keys[0], 9);
                        s.removeSketch(keys[0]);
                        s.add("d");
                        throw new IllegalStateException("boom");
                      }))
          .hasMessageContaining("boom");
      assertThat(s.storyOf(keys[0])).isEqualTo(7);
      assertThat(s.sketch(keys[0])).containsExactly(1);
      assertThat(s.key("d")).isEqualTo(-1);
    }
  }
}
