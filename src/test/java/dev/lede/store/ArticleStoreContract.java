package dev.lede.store;

import static dev.lede.testing.TestArticles.article;
import static dev.lede.testing.TestArticles.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.model.Article;
import dev.lede.model.FetchRecord;
import dev.lede.model.Source;
import dev.lede.model.Teaser;
import dev.lede.store.SubmitResult.Outcome;
import dev.lede.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link ArticleStore} backend must show. A backend's test extends this class
 * and says how to open its store in a folder; the same folder must give back the same data.
 */
public abstract class ArticleStoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir protected Path dir;
  protected TestClock clock;
  protected ArticleStore store;

  /** Opens the backend's store kept in {@code dir} (creating it when absent). */
  protected abstract ArticleStore open(Path dir, TestClock clock);

  @BeforeEach
  void openStore() {
    clock = new TestClock(T0);
    store = open(dir, clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected void reopen() {
    store.close();
    store = open(dir, clock);
  }

  @Test
  void texts_areTheCurrentVersionsBodies_andUnknownIdsAreLeftOut() {
    store.submit(
        article("Quake hits coast", "A strong earthquake struck.").id("q-1").build(), null);
    store.submit(article("Storm", "Rain fell.\n\nRivers rose.").id("s-1").build(), null);
    store.submit(
        article("Quake hits coast", "A strong earthquake struck at dawn.").id("q-1").build(), null);

    Map<String, String> texts = store.texts(List.of("q-1", "s-1", "missing", "q-1"));

    assertThat(texts)
        .containsOnly(
            Map.entry("q-1", "A strong earthquake struck at dawn."),
            Map.entry("s-1", "Rain fell.\n\nRivers rose."));
    assertThat(store.texts(List.of())).isEmpty();
  }

  @Test
  void texts_withABound_areTheOpeningsOfTheBodies_evenWhereTheRowMustBeReadWhole() {
    StringBuilder paragraphs = new StringBuilder();
    for (int i = 0; paragraphs.length() < 30_000; i++) {
      paragraphs.append("Paragraph ").append(i).append(" says \"ünï\" 😀 things.\n\n");
    }
    // A long body in many paragraphs; one single paragraph longer than any opening read; many
    // one-character paragraphs (their JSON is many times their text); a short one.
    store.submit(article("Long", paragraphs.toString().strip()).id("long").build(), null);
    store.submit(article("One block", "word ".repeat(8_000).strip()).id("one").build(), null);
    store.submit(article("Tiny blocks", "x\n\n".repeat(3_000).strip()).id("tiny").build(), null);
    store.submit(article("Short", "Rain fell.\n\nRivers rose.").id("short").build(), null);
    List<String> ids = List.of("long", "one", "tiny", "short", "missing");
    Map<String, String> whole = store.texts(ids);
    assertThat(whole).containsOnlyKeys("long", "one", "tiny", "short");
    assertThat(whole.get("long")).hasSizeGreaterThan(30_000);

    for (int max : new int[] {0, 7, 1_000, 10_000, 50_000}) {
      Map<String, String> cut = store.texts(ids, max);
      assertThat(cut).as("max %d", max).containsOnlyKeys(whole.keySet());
      whole.forEach(
          (id, text) ->
              assertThat(cut.get(id))
                  .as("%s, max %d", id, max)
                  .isEqualTo(text.substring(0, Math.min(text.length(), max))));
    }
  }

  @Test
  void submit_newArticle_isAcknowledgedAndReadBackIdentically() {
    Article a =
        article("Quake hits coast", "A strong earthquake struck.\n\nNo damage was reported.")
            .id("q-1")
            .url("https://news.example/quake")
            .bylines(List.of("Ann Lee"))
            .published(Instant.parse("2026-02-28T09:00:00Z"))
            .tags(List.of("Earthquakes"))
            .section("World")
            .build();

    SubmitResult r = store.submit(a, "wire");

    assertThat(r.outcome()).isEqualTo(Outcome.NEW);
    assertThat(r.id()).isEqualTo("q-1");
    assertThat(r.changeSeq()).isPositive();
    StoredArticle s = store.get("q-1").orElseThrow();
    assertThat(s.article()).isEqualTo(a);
    assertThat(s.sourceId()).isEqualTo("wire");
    assertThat(s.version()).isEqualTo(1);
    assertThat(s.firstSeen()).isEqualTo(T0);
    assertThat(s.lastUpdated()).isEqualTo(T0);
    assertThat(s.hidden()).isFalse();
    assertThat(s.urlKey()).isEqualTo("https://news.example/quake");
    assertThat(r.stored()).isEqualTo(s);
  }

  @Test
  void submit_sameArticleAgain_isUnchanged_andWritesNoChange() {
    Article a = withId("a", "Title", "Body text.");
    store.submit(a, null);
    long last = store.lastChange();
    clock.advance(Duration.ofHours(1));

    SubmitResult again = store.submit(a, null);

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.id()).isEqualTo("a");
    assertThat(again.changeSeq()).isZero();
    assertThat(store.lastChange()).isEqualTo(last);
    assertThat(store.get("a").orElseThrow().lastUpdated()).isEqualTo(T0);
  }

  @Test
  void submit_changedContent_isUpdated_andKeepsThePreviousVersion() {
    Article v1 = withId("a", "Minister resigns", "The minister resigned on Monday.");
    Article v2 = withId("a", "Minister resigns", "The minister resigned on Monday, aides said.");
    store.submit(v1, "s");
    clock.advance(Duration.ofMinutes(30));

    SubmitResult r = store.submit(v2, "s");

    assertThat(r.outcome()).isEqualTo(Outcome.UPDATED);
    StoredArticle now = store.get("a").orElseThrow();
    assertThat(now.article()).isEqualTo(v2);
    assertThat(now.version()).isEqualTo(2);
    assertThat(now.firstSeen()).isEqualTo(T0);
    assertThat(now.lastUpdated()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    List<ArticleVersion> old = store.versions("a");
    assertThat(old).hasSize(1);
    assertThat(old.get(0).version()).isEqualTo(1);
    assertThat(old.get(0).article()).isEqualTo(v1);
    assertThat(old.get(0).storedAt()).isEqualTo(T0);
    assertThat(store.counts().articles()).isEqualTo(1);
  }

  @Test
  void submit_onlyPageFurnitureChanged_isUnchanged() {
    Article a = article("Title", "Body.").id("a").url("https://x.example/a").build();
    store.submit(a, null);
    Article furniture =
        a.toBuilder()
            .url("https://x.example/a?utm_source=feed")
            .modified(T0)
            .related(List.of(new Teaser("Other", "", "", "https://x.example/b")))
            .build();

    assertThat(store.submit(furniture, null).outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void identity_explicitId_sameUrlUnderTwoIdsIsTwoArticles() {
    Article one = article("T", "Same text.").id("one").url("https://x.example/a").build();
    Article two = one.toBuilder().id("two").build();

    assertThat(store.submit(one, null).outcome()).isEqualTo(Outcome.NEW);
    assertThat(store.submit(two, null).outcome()).isEqualTo(Outcome.NEW);
    assertThat(store.counts().articles()).isEqualTo(2);
  }

  @Test
  void identity_withoutId_theNormalisedCanonicalUrlIsTheIdentity() {
    Article a =
        article("T", "Text one.")
            .url("https://m.example/story?utm_source=x")
            .canonicalUrl("HTTPS://www.Example.com/story?fbclid=1#top")
            .build();
    Article sameCanonical =
        article("T", "Text two, updated.")
            .url("https://other.example/whatever")
            .canonicalUrl("https://www.example.com:443/story")
            .build();

    SubmitResult r1 = store.submit(a, null);
    SubmitResult r2 = store.submit(sameCanonical, null);

    assertThat(r1.id()).startsWith("u-").hasSize(18).isEqualTo(r2.id());
    assertThat(r1.outcome()).isEqualTo(Outcome.NEW);
    assertThat(r2.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(store.findByUrl("https://www.example.com/story?utm_medium=y"))
        .map(StoredArticle::id)
        .contains(r1.id());
    assertThat(store.get(r1.id()).orElseThrow().article().id()).isEqualTo(r1.id());
  }

  @Test
  void identity_withoutIdOrUrl_theTextIsTheIdentity() {
    Article a = article("Headline", "Some   text\n\nhere.").build();
    Article sameText = article("headline", "some text\n\nhere.").build();
    Article other = article("Headline", "Other text.").build();

    SubmitResult r1 = store.submit(a, null);
    SubmitResult r2 = store.submit(sameText, null);
    SubmitResult r3 = store.submit(other, null);

    assertThat(r1.id()).startsWith("h-").hasSize(18);
    assertThat(r2.id()).isEqualTo(r1.id());
    assertThat(r3.id()).isNotEqualTo(r1.id());
    assertThat(r3.outcome()).isEqualTo(Outcome.NEW);
  }

  @Test
  void submit_invalidArticles_areRejectedWithAReason_andNothingIsWritten() {
    SubmitResult empty = store.submit(Article.builder().id("x").build(), null);
    SubmitResult blankId = store.submit(withId("  ", "T", "B"), null);
    SubmitResult longId = store.submit(withId("x".repeat(201), "T", "B"), null);

    assertThat(List.of(empty, blankId, longId))
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
              assertThat(r.reason()).isNotBlank();
            });
    assertThat(store.lastChange()).isZero();
    assertThat(store.counts().articles()).isZero();
  }

  @Test
  void submitAll_returnsResultsInOrder_andAppliesRepeatsOnTopOfEachOther() {
    List<Submission> batch =
        List.of(
            new Submission(withId("a", "A", "one"), "s"),
            new Submission(withId("b", "B", "two"), "s"),
            new Submission(Article.builder().id("bad").build(), "s"),
            new Submission(withId("a", "A", "one, revised"), "s"),
            new Submission(withId("b", "B", "two"), "s"));

    List<SubmitResult> r = store.submitAll(batch);

    assertThat(r)
        .extracting(SubmitResult::outcome)
        .containsExactly(
            Outcome.NEW, Outcome.NEW, Outcome.REJECTED, Outcome.UPDATED, Outcome.UNCHANGED);
    assertThat(store.get("a").orElseThrow().version()).isEqualTo(2);
    assertThat(store.changesSince(0, 100)).hasSize(3);
  }

  @Test
  void changeLog_sequencesStrictlyIncrease_andCanBeReadFromAnyPoint() {
    store.submit(withId("a", "A", "x"), null);
    store.submit(withId("b", "B", "y"), null);
    store.setHidden("a", true);
    store.delete("b", "legal");

    List<Change> all = store.changesSince(0, 100);

    assertThat(all)
        .extracting(Change::kind, Change::articleId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Change.Kind.UPSERT, "a"),
            org.assertj.core.groups.Tuple.tuple(Change.Kind.UPSERT, "b"),
            org.assertj.core.groups.Tuple.tuple(Change.Kind.HIDE, "a"),
            org.assertj.core.groups.Tuple.tuple(Change.Kind.DELETE, "b"));
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).seq()).isGreaterThan(all.get(i - 1).seq());
    }
    assertThat(store.lastChange()).isEqualTo(all.get(3).seq());
    assertThat(store.changesSince(all.get(1).seq(), 1)).containsExactly(all.get(2));
  }

  @Test
  void hide_keepsTheArticle_hidesItFromCounts_andShowingItAgainIsAnUpsert() {
    store.submit(withId("a", "A", "x"), null);

    assertThat(store.setHidden("a", true)).isPresent();
    assertThat(store.setHidden("a", true)).isEmpty();
    assertThat(store.setHidden("missing", true)).isEmpty();
    assertThat(store.get("a").orElseThrow().hidden()).isTrue();
    assertThat(store.counts().articles()).isZero();
    assertThat(store.counts().hidden()).isEqualTo(1);

    // an update of a hidden article keeps it hidden
    SubmitResult upd = store.submit(withId("a", "A", "x, revised"), null);
    assertThat(upd.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(upd.stored().hidden()).isTrue();

    long seq = store.setHidden("a", false).orElseThrow();
    assertThat(store.changesSince(seq - 1, 10).get(0).kind()).isEqualTo(Change.Kind.UPSERT);
    assertThat(store.counts().articles()).isEqualTo(1);
  }

  @Test
  void isVisible_isTrueForAStoredShownArticle_only_andFollowsHideShowAndDelete() {
    store.submit(withId("a", "A", "x"), null);
    store.submit(withId("b", "B", "y"), null);

    assertThat(store.isVisible("a")).isTrue();
    assertThat(store.isVisible("missing")).isFalse();
    assertThat(store.isVisible("A")).isFalse();

    store.setHidden("a", true);
    assertThat(store.isVisible("a")).isFalse();
    assertThat(store.isVisible("b")).isTrue();
    store.submit(withId("a", "A", "x, revised"), null); // still hidden
    assertThat(store.isVisible("a")).isFalse();
    store.setHidden("a", false);
    assertThat(store.isVisible("a")).isTrue();

    store.delete("b", "court order");
    assertThat(store.isVisible("b")).isFalse();
    reopen();
    assertThat(store.isVisible("a")).isTrue();
    assertThat(store.isVisible("b")).isFalse();
  }

  @Test
  void delete_removesArticleAndVersions_andTheTakedownSticks() {
    store.submit(withId("a", "A", "x"), null);
    store.submit(withId("a", "A", "x2"), null);

    assertThat(store.delete("a", "court order")).isPresent();
    assertThat(store.delete("a", "again")).isEmpty();

    assertThat(store.get("a")).isEmpty();
    assertThat(store.versions("a")).isEmpty();
    SubmitResult again = store.submit(withId("a", "A", "x3"), null);
    assertThat(again.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(again.reason()).contains("taken down").contains("court order");
    assertThat(store.counts().versions()).isZero();
  }

  @Test
  void pruneBefore_agesByPublishedDate_elseByFirstSeen_inBatches() {
    store.submit(
        article("Old", "x").id("old").published(T0.minus(Duration.ofDays(100))).build(), null);
    store.submit(
        article("New", "x").id("new").published(T0.minus(Duration.ofDays(1))).build(), null);
    store.submit(withId("undated-old", "U", "x"), null); // first seen at T0 - 0
    clock.advance(Duration.ofDays(60));
    store.submit(withId("undated-new", "U2", "y"), null);
    store.submit(withId("undated-old", "U", "x changed"), null);
    Instant cutoff = clock.instant().minus(Duration.ofDays(30));

    List<String> first = store.pruneBefore(cutoff, 1);
    List<String> rest = store.pruneBefore(cutoff, 100);

    assertThat(first).hasSize(1);
    List<String> all = new ArrayList<>(first);
    all.addAll(rest);
    assertThat(all).containsExactlyInAnyOrder("old", "new", "undated-old");
    assertThat(store.pruneBefore(cutoff, 100)).isEmpty();
    assertThat(store.get("undated-new")).isPresent();
    assertThat(store.counts().versions()).isZero();
    // retention leaves no tombstone: the article may come back
    assertThat(store.submit(withId("old", "Old", "x"), null).outcome()).isEqualTo(Outcome.NEW);
  }

  @Test
  void forEach_seesEveryArticle_optionallyWithHiddenOnes() {
    for (int i = 0; i < 25; i++) {
      store.submit(withId("id" + i, "T" + i, "text " + i), null);
    }
    store.setHidden("id3", true);
    Set<String> visible = new HashSet<>();
    Set<String> all = new HashSet<>();

    store.forEach(false, s -> visible.add(s.id()));
    store.forEach(true, s -> all.add(s.id()));

    assertThat(visible).hasSize(24).doesNotContain("id3");
    assertThat(all).hasSize(25);
  }

  @Test
  void dataSurvivesReopening() {
    store.submit(withId("a", "A", "x"), "s");
    store.putSource(source("s"));
    long last = store.lastChange();

    reopen();

    assertThat(store.get("a")).isPresent();
    assertThat(store.source("s")).isPresent();
    assertThat(store.lastChange()).isEqualTo(last);
  }

  @Test
  void compaction_forgetsOldChanges_butSequencesNeverRestart() {
    store.submit(withId("a", "A", "x"), null);
    store.submit(withId("b", "B", "y"), null);
    long last = store.lastChange();

    store.compactChanges(last);
    reopen();

    assertThat(store.compactedThrough()).isEqualTo(last);
    assertThat(store.changesSince(0, 10)).isEmpty();
    assertThat(store.lastChange()).isEqualTo(last);
    assertThat(store.submit(withId("c", "C", "z"), null).changeSeq()).isEqualTo(last + 1);
  }

  @Test
  void checkpoints_areKeptPerConsumer() {
    assertThat(store.checkpoint("related")).isZero();
    store.saveCheckpoint("related", 7);
    store.saveCheckpoint("related", 9);
    store.saveCheckpoint("stories", 3);

    reopen();

    assertThat(store.checkpoint("related")).isEqualTo(9);
    assertThat(store.checkpoint("stories")).isEqualTo(3);
    assertThat(store.checkpoints())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("related", 9L, "stories", 3L));
  }

  @Test
  void sources_crud_andStateOwnedByIngest() {
    Source s = source("bbc");
    store.putSource(s);
    store.putSource(source("ap"));
    assertThat(store.sourceState("bbc")).isEqualTo("{}");

    store.putSourceState("bbc", "{\"etag\":\"W/1\",\"failures\":2}");
    store.putSource(s.withPaused(true)); // replacing the source keeps its state

    assertThat(store.source("bbc")).contains(s.withPaused(true));
    assertThat(store.sources()).extracting(Source::id).containsExactly("ap", "bbc");
    assertThat(store.sourceState("bbc")).isEqualTo("{\"etag\":\"W/1\",\"failures\":2}");
    assertThatThrownBy(() -> store.putSourceState("bbc", "[1]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putSourceState("bbc", "{bad"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putSourceState("nope", "{}"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> store.sourceState("nope")).isInstanceOf(NoSuchElementException.class);
    assertThat(store.removeSource("bbc")).isTrue();
    assertThat(store.removeSource("bbc")).isFalse();
    assertThat(store.source("bbc")).isEmpty();
    assertThat(store.counts().sources()).isEqualTo(1);
  }

  @Test
  void fetchLog_appendsAndQueriesNewestFirst_bySourceAndTime() {
    FetchRecord a = fetch(T0, "s1", "https://a.example/feed", FetchRecord.Outcome.FETCHED);
    FetchRecord b =
        fetch(T0.plusSeconds(10), "s2", "https://b.example/feed", FetchRecord.Outcome.FAILED);
    FetchRecord c =
        fetch(T0.plusSeconds(20), "s1", "https://a.example/feed", FetchRecord.Outcome.NOT_MODIFIED);
    FetchRecord d = fetch(T0.plusSeconds(30), null, "/tmp/file.jsonl", FetchRecord.Outcome.FETCHED);
    store.appendFetch(a);
    store.appendFetches(List.of(b, c, d));

    assertThat(store.fetches(null, null, 10)).containsExactly(d, c, b, a);
    assertThat(store.fetches("s1", null, 10)).containsExactly(c, a);
    assertThat(store.fetches(null, T0.plusSeconds(10), 2)).containsExactly(d, c);
    assertThat(store.counts().fetches()).isEqualTo(4);
    assertThat(store.pruneFetchesBefore(T0.plusSeconds(15))).isEqualTo(2);
    assertThat(store.fetches(null, null, 10)).containsExactly(d, c);
  }

  @Test
  void backupTo_writesASnapshotThatOpensAsAStore() throws Exception {
    store.submit(withId("a", "A", "x"), null);
    store.putSource(source("s"));
    Path copyDir = dir.resolve("copy");

    ArticleStore copy = backupAndOpen(copyDir);
    try {
      assertThat(copy.get("a")).isPresent();
      assertThat(copy.source("s")).isPresent();
      assertThat(copy.lastChange()).isEqualTo(store.lastChange());
    } finally {
      copy.close();
    }
  }

  /** Backs the store up into {@code target} and opens the copy as a store. */
  protected abstract ArticleStore backupAndOpen(Path target) throws Exception;

  @Test
  void concurrentSubmissions_areAllAcknowledgedWithDistinctSequences() throws Exception {
    int threads = 4;
    int each = 50;
    List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool =
        Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("submit-", 0).factory())) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int tt = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    SubmitResult r = store.submit(withId(tt + "-" + i, "T", "text " + i), null);
                    assertThat(r.outcome()).isEqualTo(Outcome.NEW);
                    seqs.add(r.changeSeq());
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    assertThat(new HashSet<>(seqs)).hasSize(threads * each);
    assertThat(store.counts().articles()).isEqualTo((long) threads * each);
    assertThat(store.lastChange()).isEqualTo((long) threads * each);
  }

  protected static Source source(String id) {
    return new Source(
        id,
        Source.Kind.FEED,
        "https://" + id + ".example/feed.xml",
        id.toUpperCase(java.util.Locale.ROOT),
        Source.RightsPolicy.EXCERPT,
        true,
        false,
        T0);
  }

  private static FetchRecord fetch(
      Instant at, String sourceId, String url, FetchRecord.Outcome outcome) {
    return new FetchRecord(
        at,
        sourceId,
        url,
        outcome == FetchRecord.Outcome.FAILED ? 503 : 200,
        outcome,
        outcome == FetchRecord.Outcome.FAILED ? "HTTP 503" : "",
        1234,
        56);
  }
}
