package dev.lede;

import static dev.lede.testing.TestArticles.article;
import static dev.lede.testing.TestArticles.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.store.Change;
import dev.lede.store.StoredArticle;
import dev.lede.store.Submission;
import dev.lede.store.SubmitResult;
import dev.lede.store.SubmitResult.Outcome;
import dev.lede.store.sqlite.SqliteArticleStore;
import dev.lede.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedeTest {
  @TempDir Path dir;
  TestClock clock = new TestClock("2026-03-01T12:00:00Z");
  Lede lede;

  Lede.Options options() {
    return Lede.Options.defaults()
        .withClock(clock)
        .withFsyncEachCommit(false)
        .withCommand("LedeTest");
  }

  @BeforeEach
  void open() {
    lede = Lede.open(dir.resolve("data"), options());
  }

  @AfterEach
  void close() {
    if (lede != null) {
      lede.close();
    }
  }

  void reopen() {
    lede.close();
    lede = Lede.open(dir.resolve("data"), options());
  }

  List<String> search(String q) {
    lede.refresh();
    return lede.search(SearchQuery.of(q)).hits().stream().map(SearchHit::id).toList();
  }

  void assertInStep() {
    Lede.Stats s = lede.stats();
    assertThat(s.indexed()).as("store and index agree").isEqualTo(s.articles());
  }

  @Test
  void submit_isStoredAndSearchable_andStoreAndIndexAgree() {
    SubmitResult r = lede.submit(withId("a", "Glacier retreats", "The glacier lost ice."), "wire");

    assertThat(r.outcome()).isEqualTo(Outcome.NEW);
    assertThat(lede.article("a")).isPresent();
    assertThat(search("glacier")).containsExactly("a");
    Lede.Stats s = lede.stats();
    assertThat(s.articles()).isEqualTo(1);
    assertThat(s.indexed()).isEqualTo(1);
    assertThat(s.lastChange()).isEqualTo(1);
    assertThat(s.storeBytes()).isPositive();
    assertThat(s.indexBytes()).isPositive();
  }

  @Test
  void anArticleWithHugeKeywords_isIndexed_andTheFolderStillOpens() {
    String huge = "x".repeat(40_000);
    String emoji = "\uD83C\uDF0A".repeat(20_000); // surrogate pairs: no pair may be split
    lede.submit(
        withId("big", "Herons wading", "Herons waded in the shallows.").toBuilder()
            .tags(List.of(huge, "Birds", emoji))
            .section("S".repeat(40_000))
            .language("en-" + "q".repeat(40_000))
            .build(),
        null);
    lede.submit(withId("after", "Otters return", "Otters came back to the river."), null);
    assertThat(search("herons")).containsExactly("big");
    assertThat(search("otters")).containsExactly("after");
    assertThat(search("tag:birds")).containsExactly("big");
    assertThat(search("tag:" + huge)).containsExactly("big"); // looked up by the same cut
    assertInStep();
    reopen();
    assertThat(search("herons")).containsExactly("big");
    assertInStep();
  }

  @Test
  void aPublishedTimeBeyondFourDigitYears_isRejectedWithItsReason() {
    SubmitResult far =
        lede.submit(
            withId("far", "Far future", "Text.").toBuilder()
                .published(Instant.parse("+20250-03-01T10:00:00Z"))
                .build(),
            null);
    assertThat(far.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(far.reason()).contains("published").contains("1000 to 9999");
    SubmitResult old =
        lede.submit(
            withId("old", "Old times", "Text.").toBuilder()
                .modified(Instant.parse("0999-12-31T00:00:00Z"))
                .build(),
            null);
    assertThat(old.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(
            lede.submit(
                    withId("ok", "Archive item", "Text.").toBuilder()
                        .published(Instant.parse("1066-10-14T00:00:00Z"))
                        .build(),
                    null)
                .outcome())
        .isEqualTo(Outcome.NEW);
    assertThat(lede.article("far")).isEmpty();
    assertInStep();
  }

  @Test
  void resubmitIsIdempotent_andAnUpdateReplacesTheIndexedVersion() {
    lede.submit(withId("a", "Old headline", "Body one."), null);
    assertThat(lede.submit(withId("a", "Old headline", "Body one."), null).outcome())
        .isEqualTo(Outcome.UNCHANGED);

    SubmitResult upd = lede.submit(withId("a", "New headline", "Body two."), null);

    assertThat(upd.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(search("old")).isEmpty();
    assertThat(search("new headline")).containsExactly("a");
    assertThat(lede.versions("a")).hasSize(1);
    assertThat(lede.versions("a").get(0).article().title()).isEqualTo("Old headline");
    assertThat(lede.stats().articles()).isEqualTo(1);
    assertInStep();
  }

  @Test
  void hide_vanishesFromSearchAtOnce_andUnhideBringsItBack() {
    lede.submit(withId("a", "Leaked memo", "Contents of the memo."), null);
    lede.submit(withId("b", "Another memo", "More."), null);
    assertThat(search("memo")).hasSize(2);

    assertThat(lede.hide("a")).isTrue();

    assertThat(lede.search(SearchQuery.of("memo")).hits())
        .extracting(SearchHit::id)
        .containsExactly("b");
    assertThat(lede.article("a").orElseThrow().hidden()).isTrue();
    Lede.Stats s = lede.stats();
    assertThat(s.articles()).isEqualTo(1);
    assertThat(s.hidden()).isEqualTo(1);
    assertInStep();
    assertThat(lede.hide("a")).isFalse();

    assertThat(lede.unhide("a")).isTrue();
    assertThat(search("leaked")).containsExactly("a");
    assertInStep();
  }

  @Test
  void delete_vanishesEverywhere_andTheTakedownSticks() {
    lede.submit(withId("a", "Defamatory story", "Text."), null);

    assertThat(lede.delete("a", "legal request")).isTrue();

    assertThat(lede.search(SearchQuery.of("defamatory")).hits()).isEmpty();
    assertThat(lede.article("a")).isEmpty();
    assertThat(lede.submit(withId("a", "Defamatory story", "Text."), null).outcome())
        .isEqualTo(Outcome.REJECTED);
    assertThat(lede.delete("a", "again")).isFalse();
    assertInStep();
  }

  @Test
  void takedowns_reachRegisteredDerivedLists() {
    List<Change> seen = Collections.synchronizedList(new ArrayList<>());
    lede.registerListener("related-lists", seen::addAll);
    lede.submit(withId("a", "A", "x"), null);
    lede.submit(withId("b", "B", "y"), null);

    lede.hide("a");
    lede.delete("b", "legal");

    assertThat(seen)
        .extracting(Change::kind, Change::articleId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Change.Kind.UPSERT, "a"),
            org.assertj.core.groups.Tuple.tuple(Change.Kind.UPSERT, "b"),
            org.assertj.core.groups.Tuple.tuple(Change.Kind.HIDE, "a"),
            org.assertj.core.groups.Tuple.tuple(Change.Kind.DELETE, "b"));
  }

  @Test
  void listeners_resumeFromTheirCheckpoint_andFailedDeliveriesAreOfferedAgain() {
    List<String> first = new ArrayList<>();
    lede.registerListener("cache", cs -> cs.forEach(c -> first.add(c.articleId())));
    lede.submit(withId("a", "A", "x"), null);
    reopen(); // the listener's checkpoint was saved on close
    lede.submit(withId("b", "B", "y"), null); // committed while nobody listens

    List<String> second = new ArrayList<>();
    lede.registerListener("cache", cs -> cs.forEach(c -> second.add(c.articleId())));
    assertThat(first).containsExactly("a");
    assertThat(second).containsExactly("b");

    AtomicInteger calls = new AtomicInteger();
    List<String> flaky = new ArrayList<>();
    lede.registerListener(
        "flaky",
        cs -> {
          if (calls.incrementAndGet() == 2) {
            throw new IllegalStateException("transient failure");
          }
          cs.forEach(c -> flaky.add(c.articleId()));
        });
    lede.submit(withId("c", "C", "z"), null); // second call: fails
    lede.submit(withId("d", "D", "w"), null); // third call: gets c and d
    assertThat(flaky).containsExactly("a", "b", "c", "d");
  }

  @Test
  void replay_healsAStoreCommitThatNeverReachedTheIndex() {
    lede.submit(withId("a", "Indexed normally", "text"), null);
    lede.submit(withId("gone", "To be deleted", "text"), null);
    lede.close();
    lede = null;
    // Simulate a crash between the two writes: the store commits, the index never hears of it.
    try (SqliteArticleStore store =
        SqliteArticleStore.open(dir.resolve("data").resolve(Lede.STORE_FILE), clock, false)) {
      store.submit(withId("b", "Only in the store", "text"), null);
      store.submit(withId("a", "Indexed normally, updated", "text"), null);
      store.delete("gone", "test");
    }

    lede = Lede.open(dir.resolve("data"), options());

    assertThat(search("store")).containsExactly("b");
    assertThat(search("updated")).containsExactly("a");
    assertThat(search("deleted")).isEmpty();
    assertInStep();
    assertThat(lede.stats().indexCheckpoint()).isEqualTo(lede.stats().lastChange());
  }

  @Test
  void aMissingOrUnreadableIndex_isRebuiltFromTheStore() throws Exception {
    lede.submit(withId("a", "Survivor", "text"), null);
    lede.close();
    lede = null;
    Path index = dir.resolve("data").resolve(Lede.INDEX_DIR);
    Backups.deleteTree(index);

    lede = Lede.open(dir.resolve("data"), options());
    assertThat(search("survivor")).containsExactly("a");

    lede.close();
    lede = null;
    try (var files = Files.list(index)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("segments")) {
          Files.writeString(f, "corrupted", StandardCharsets.UTF_8);
        }
      }
    }
    lede = Lede.open(dir.resolve("data"), options());
    assertThat(search("survivor")).containsExactly("a");
    assertInStep();
    try (var kept = Files.list(dir.resolve("data"))) {
      assertThat(kept.map(p -> p.getFileName().toString()))
          .as("the unreadable index is kept aside for inspection")
          .anyMatch(n -> n.startsWith("index.unreadable-"));
    }
  }

  @Test
  void reindex_rebuildsTheIndexFromTheStore() {
    for (int i = 0; i < 30; i++) {
      lede.submit(withId("id" + i, "Title " + i, "common text"), null);
    }
    lede.hide("id7");

    assertThat(lede.reindex()).isEqualTo(29);
    assertThat(lede.search(SearchQuery.of("common")).total()).isEqualTo(29);
    assertInStep();
  }

  @Test
  void backupAndRestore_roundTrip() {
    lede.submit(withId("a", "Before backup", "text"), null);
    lede.submit(withId("b", "Also before", "text"), null);
    lede.sources()
        .putSource(
            new dev.lede.model.Source(
                "s",
                dev.lede.model.Source.Kind.FEED,
                "https://s.example/feed",
                "S",
                dev.lede.model.Source.RightsPolicy.FULL_TEXT,
                true,
                false,
                clock.instant()));
    Path backup = dir.resolve("backup");

    Lede.BackupInfo info = lede.backup(backup);
    lede.submit(withId("c", "After backup", "text"), null);
    lede.delete("a", "after backup");
    assertThat(info.articles()).isEqualTo(2);
    assertThatThrownBy(() -> lede.backup(backup))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not empty");
    assertThatThrownBy(() -> Lede.restore(backup, dir.resolve("data"), true, options()))
        .isInstanceOf(DataFolderInUseException.class);
    lede.close();
    lede = null;

    // into a new folder
    Lede.restore(backup, dir.resolve("copy"), false, options());
    try (Lede copy = Lede.open(dir.resolve("copy"), options())) {
      copy.refresh();
      assertThat(copy.search(SearchQuery.of("before")).hits())
          .extracting(SearchHit::id)
          .containsExactlyInAnyOrder("a", "b");
      assertThat(copy.sources().source("s")).isPresent();
      Lede.Stats s = copy.stats();
      assertThat(s.articles()).isEqualTo(2).isEqualTo(s.indexed());
    }
    // over the original, which changed since
    assertThatThrownBy(() -> Lede.restore(backup, dir.resolve("data"), false, options()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--force");
    Lede.restore(backup, dir.resolve("data"), true, options());
    lede = Lede.open(dir.resolve("data"), options());
    assertThat(search("before")).containsExactlyInAnyOrder("a", "b");
    assertThat(search("after")).isEmpty();
    assertInStep();
  }

  @Test
  void restore_refusesAFolderThatIsNotABackup() throws Exception {
    Path notBackup = dir.resolve("nope");
    Files.createDirectories(notBackup);

    assertThatThrownBy(() -> Lede.restore(notBackup, dir.resolve("x"), false, options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Lede backup");
  }

  @Test
  void prune_removesOldArticlesEverywhere_andCompactsTheChangeLog() {
    List<Change> seen = Collections.synchronizedList(new ArrayList<>());
    lede.registerListener("derived", seen::addAll);
    Instant now = clock.instant();
    lede.submit(
        article("Ancient", "river").id("old").published(now.minus(Duration.ofDays(400))).build(),
        null);
    lede.submit(
        article("Recent", "river").id("new").published(now.minus(Duration.ofDays(2))).build(),
        null);
    lede.submit(withId("undated", "Undated", "river"), null); // first seen now

    long pruned = lede.prune(Duration.ofDays(30));

    assertThat(pruned).isEqualTo(1);
    assertThat(search("river")).containsExactlyInAnyOrder("new", "undated");
    assertThat(lede.article("old")).isEmpty();
    assertThat(seen).anyMatch(c -> c.kind() == Change.Kind.DELETE && c.articleId().equals("old"));
    assertInStep();

    clock.advance(Duration.ofDays(31));
    assertThat(lede.prune(Duration.ofDays(30))).isEqualTo(2);
    assertInStep();
    reopen(); // the index checkpoint is past the compacted changes: no rebuild, no loss
    assertThat(lede.stats().articles()).isZero();
    assertInStep();
  }

  @Test
  void theDataFolderIsExclusive_aSecondOpenNamesTheHolder() {
    assertThatThrownBy(() -> Lede.open(dir.resolve("data"), options()))
        .isInstanceOf(DataFolderInUseException.class)
        .hasMessageContaining("pid " + ProcessHandle.current().pid())
        .hasMessageContaining("LedeTest");
    lede.close();
    lede = Lede.open(dir.resolve("data"), options()); // released on close
  }

  @Test
  void concurrentSubmitters_areAllAcknowledged_andStoreAndIndexAgree() throws Exception {
    int threads = 6;
    int each = 40;
    List<SubmitResult> results = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool =
        Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("submit-", 0).factory())) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int tt = t;
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    results.add(lede.submit(withId(tt + "-" + i, "Title", "Body " + i), null));
                  }
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
    assertThat(results).hasSize(threads * each).allMatch(r -> r.outcome() == Outcome.NEW);
    assertThat(lede.stats().articles()).isEqualTo((long) threads * each);
    assertInStep();
  }

  @Test
  void pipelinedGroups_areInTheIndexWhenAcknowledged_whileTakedownsInterleave() throws Exception {
    // Writers overlap one group's index work with the next group's store transaction; each
    // submitAll still returns only after its own group reached the index writer.
    int threads = 4;
    int batches = 8;
    int size = 20;
    lede.submit(withId("victim", "Victim", "victimword stays out"), null);
    try (ExecutorService pool =
        Executors.newFixedThreadPool(threads + 1, Thread.ofPlatform().name("pipe-", 0).factory())) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int tt = t;
        fs.add(
            pool.submit(
                () -> {
                  for (int b = 0; b < batches; b++) {
                    String word = "w" + (char) ('a' + tt) + (char) ('a' + b) + "zzq";
                    List<Submission> batch = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                      batch.add(
                          new Submission(
                              withId(tt + "-" + b + "-" + i, "Title " + i, word + " body " + i),
                              null));
                    }
                    assertThat(lede.submitAll(batch)).allMatch(r -> r.outcome() == Outcome.NEW);
                    lede.refresh();
                    assertThat(lede.search(SearchQuery.of(word)).total())
                        .as("batch %s acknowledged and indexed", word)
                        .isEqualTo(size);
                  }
                  return null;
                }));
      }
      fs.add(pool.submit(() -> lede.hide("victim")));
      for (Future<?> f : fs) {
        f.get();
      }
    }
    assertThat(search("victimword")).isEmpty();
    assertThat(lede.stats().articles()).isEqualTo((long) threads * batches * size);
    assertInStep();
    reopen();
    assertThat(search("victimword")).isEmpty();
    assertInStep();
  }

  @Test
  void submitAll_mixedBatch() {
    List<SubmitResult> r =
        lede.submitAll(
            List.of(
                new Submission(withId("a", "A", "x"), null),
                new Submission(dev.lede.model.Article.builder().id("bad").build(), null)));

    assertThat(r).extracting(SubmitResult::outcome).containsExactly(Outcome.NEW, Outcome.REJECTED);
    StoredArticle a = lede.article("a").orElseThrow();
    assertThat(a.firstSeen()).isEqualTo(clock.instant());
  }

  @Test
  void closedLede_refusesWork() {
    lede.close();
    assertThatThrownBy(() -> lede.submit(withId("a", "A", "x"), null))
        .isInstanceOf(IllegalStateException.class);
    lede = null;
  }
}
