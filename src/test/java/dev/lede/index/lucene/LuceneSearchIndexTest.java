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

  @Test
  void newestFirstAndDateRanges_acrossSegments_matchAFullSortOfAllDates() throws Exception {
    // Dates shuffled over several segments: early termination per segment must still give the
    // globally newest hits, and the date range (a range of document numbers in a sorted index)
    // exactly the articles inside it.
    java.util.List<Integer> days = new java.util.ArrayList<>();
    for (int d = 0; d < 120; d++) {
      days.add(d);
    }
    java.util.Collections.shuffle(days, new java.util.Random(3));
    java.time.Instant base = java.time.Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < days.size(); i++) {
      int d = days.get(i);
      index.upsert(
          new IndexEntry(
              "d" + d,
              null,
              TestArticles.dated(
                  "d" + d, "Harbour report " + d, "The harbour", base.plusSeconds(86_400L * d))));
      if (i % 25 == 24) {
        index.commit(i);
        index.refresh();
      }
    }
    index.upsert(new IndexEntry("undated", null, TestArticles.withId("undated", "Harbour", "x")));
    index.refresh();
    try (var d = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
        var r = org.apache.lucene.index.DirectoryReader.open(d)) {
      assertThat(r.leaves()).hasSizeGreaterThan(1); // several committed segments
      assertThat(r.leaves()) // so the date range takes the document-range path, not the fallback
          .allSatisfy(
              l -> assertThat(l.reader().getMetaData().sort()).isEqualTo(Fields.INDEX_SORT));
    }

    var newest =
        index.search(
            dev.lede.index.SearchQuery.of("harbour")
                .withOrder(dev.lede.index.SearchQuery.Order.NEWEST)
                .withPage(0, 5));
    assertThat(newest.hits())
        .extracting(dev.lede.index.SearchHit::id)
        .containsExactly("d119", "d118", "d117", "d116", "d115");
    assertThat(newest.total()).isEqualTo(121);

    var since =
        index.search(
            dev.lede.index.SearchQuery.of("harbour")
                .withFilters(
                    dev.lede.index.SearchFilters.NONE
                        .withSince(base.plusSeconds(86_400L * 100))
                        .withUntil(base.plusSeconds(86_400L * 110)))
                .withPage(0, 50));
    assertThat(since.total()).isEqualTo(10);
    var until =
        index.search(
            dev.lede.index.SearchQuery.of("harbour")
                .withFilters(
                    dev.lede.index.SearchFilters.NONE.withUntil(base.plusSeconds(86_400L * 3)))
                .withPage(0, 50));
    assertThat(until.hits()) // the undated article is in no date range
        .extracting(dev.lede.index.SearchHit::id)
        .containsExactlyInAnyOrder("d0", "d1", "d2");
    assertThat(since.hits())
        .extracting(dev.lede.index.SearchHit::id)
        .containsExactlyInAnyOrder(
            "d100", "d101", "d102", "d103", "d104", "d105", "d106", "d107", "d108", "d109");
  }

  @Test
  void forceMerge_leavesAtMostTheAskedSegments_sortedAsBefore_withTheSameResults()
      throws Exception {
    java.time.Instant base = java.time.Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 60; i++) {
      int d = (i * 37) % 60; // dates out of order
      index.upsert(
          new IndexEntry(
              "d" + d,
              null,
              TestArticles.dated(
                  "d" + d,
                  "Harbour report " + d,
                  "The harbour " + "crane ".repeat(1 + d % 5),
                  base.plusSeconds(86_400L * d))));
      if (i % 10 == 9) {
        index.commit(i);
        index.refresh();
      }
    }
    assertThat(index.segments()).isGreaterThanOrEqualTo(4);
    // All 60 hits: equal scores are ordered by document number, which the merge changes, so a
    // shorter page could cut a tie differently.
    var relevance = dev.lede.index.SearchQuery.of("harbour crane").withPage(0, 60);
    var newest =
        dev.lede.index.SearchQuery.of("harbour")
            .withOrder(dev.lede.index.SearchQuery.Order.NEWEST)
            .withPage(0, 7);
    java.util.Map<String, Float> relevanceBefore = scores(index.search(relevance).hits());
    var newestBefore = index.search(newest).hits();

    index.forceMerge(2);
    index.refresh();
    assertThat(index.segments()).isLessThanOrEqualTo(2);
    index.commit(59);
    index.close();
    index = open(dir.resolve("index"), clock);

    assertThat(index.segments()).isLessThanOrEqualTo(2);
    assertThat(index.checkpoint()).isEqualTo(59);
    assertThat(index.count()).isEqualTo(60);
    try (var d = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
        var r = org.apache.lucene.index.DirectoryReader.open(d)) {
      assertThat(r.leaves())
          .allSatisfy(
              l -> assertThat(l.reader().getMetaData().sort()).isEqualTo(Fields.INDEX_SORT));
    }
    var relevanceAfter = index.search(relevance).hits();
    assertThat(scores(relevanceAfter)).hasSize(60).isEqualTo(relevanceBefore);
    for (int i = 1; i < relevanceAfter.size(); i++) {
      assertThat(relevanceAfter.get(i).score())
          .isLessThanOrEqualTo(relevanceAfter.get(i - 1).score());
    }
    assertThat(index.search(newest).hits())
        .isEqualTo(newestBefore)
        .extracting(dev.lede.index.SearchHit::id)
        .startsWith("d59", "d58", "d57");
    assertThatThrownBy(() -> index.forceMerge(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static java.util.Map<String, Float> scores(
      java.util.List<dev.lede.index.SearchHit> hits) {
    java.util.Map<String, Float> m = new java.util.HashMap<>();
    hits.forEach(h -> m.put(h.id(), h.score()));
    return m;
  }

  @Test
  void anIndexOfAnOlderLayout_withoutTheIndexSort_isRecreatedEmptyForARebuild() throws Exception {
    Path old = dir.resolve("old");
    try (var d = org.apache.lucene.store.FSDirectory.open(old);
        var w =
            new org.apache.lucene.index.IndexWriter(
                d,
                new org.apache.lucene.index.IndexWriterConfig(
                    new org.apache.lucene.analysis.standard.StandardAnalyzer()))) {
      var doc = new org.apache.lucene.document.Document();
      doc.add(
          new org.apache.lucene.document.StringField(
              Fields.ID, "stale", org.apache.lucene.document.Field.Store.YES));
      w.addDocument(doc);
      w.setLiveCommitData(
          java.util.Map.of(LuceneSearchIndex.LAYOUT_KEY, "3", "lede.checkpoint", "9").entrySet());
      w.commit();
    }

    try (LuceneSearchIndex reopened = LuceneSearchIndex.open(old, clock)) {
      assertThat(reopened.needsRebuild()).isTrue();
      assertThat(reopened.checkpoint()).isZero();
      assertThat(reopened.count()).isZero();
      reopened.upsert(new IndexEntry("a", null, TestArticles.withId("a", "Fresh", "x")));
      reopened.commit(1);
    }
    try (LuceneSearchIndex again = LuceneSearchIndex.open(old, clock)) {
      assertThat(again.needsRebuild()).isFalse();
      assertThat(again.count()).isEqualTo(1);
    }
  }

  @Test
  void dateRange_onASegmentWithoutTheIndexSort_fallsBackToThePointsQuery() throws Exception {
    try (var d = new org.apache.lucene.store.ByteBuffersDirectory();
        var w =
            new org.apache.lucene.index.IndexWriter(
                d,
                new org.apache.lucene.index.IndexWriterConfig(
                    new org.apache.lucene.analysis.standard.StandardAnalyzer()))) {
      long[] dates = {5, 30, 10, 20, 40};
      for (long t : dates) {
        var doc = new org.apache.lucene.document.Document();
        doc.add(
            new org.apache.lucene.document.LongField(
                Fields.PUBLISHED, t, org.apache.lucene.document.Field.Store.NO));
        w.addDocument(doc);
      }
      w.addDocument(new org.apache.lucene.document.Document()); // undated
      try (var r = org.apache.lucene.index.DirectoryReader.open(w)) {
        var s = new org.apache.lucene.search.IndexSearcher(r);
        assertThat(s.count(new SortedDateRangeQuery(Fields.PUBLISHED, 10, 30))).isEqualTo(3);
        assertThat(s.count(new SortedDateRangeQuery(Fields.PUBLISHED, Long.MIN_VALUE, 15)))
            .isEqualTo(2);
      }
    }
  }

  /** Two random variant ids to exclude, or twelve every third query (excluded by the query). */
  private static java.util.Set<String> randomExclusions(java.util.Random rnd, int n, int t) {
    java.util.Set<String> exclude = new java.util.HashSet<>();
    for (int e = 0, m = t % 3 == 2 ? 12 : 2; e < m; e++) {
      exclude.add("v" + rnd.nextInt(n));
    }
    return exclude;
  }

  @Test
  void related_withAProbedFloor_givesTheSameHitsAndScores_asWithout() {
    java.util.Random rnd = new java.util.Random(11);
    java.util.List<String> texts = variantFamilies(rnd);
    int n = texts.size();
    LuceneSearchIndex lucene = (LuceneSearchIndex) index;

    for (int t = 0; t < 60; t++) {
      String like = texts.get(rnd.nextInt(texts.size()));
      java.util.Set<String> exclude = randomExclusions(rnd, n, t);
      dev.lede.index.RelatedQuery q =
          dev.lede.index.RelatedQuery.forText(like, 30)
              .withMaxQueryTerms(50)
              .withExclude(exclude)
              .withFilters(
                  t % 4 == 1
                      ? dev.lede.index.SearchFilters.NONE.withSections(java.util.Set.of("world"))
                      : dev.lede.index.SearchFilters.NONE);
      if (t % 2 == 1) {
        q = q.withHits(dev.lede.index.RelatedQuery.Hits.ID_AND_SCORE);
      }
      java.util.List<dev.lede.index.SearchHit> without = lucene.related(q, 0);
      assertThat(without).hasSize(30);
      for (int probe : new int[] {1, 4, Related.PROBE_CLAUSES}) {
        java.util.List<dev.lede.index.SearchHit> with = lucene.related(q, probe);
        assertThat(with).as("query %d, probe %d", t, probe).isEqualTo(without);
      }
    }
  }

  /**
   * Families of close variants (shared words, a few swapped), as reprints and rewrites of one
   * report are: many documents score near the top, the case a floor is for. Several segments, some
   * articles deleted and some rewritten, two sections. Ids are "v0".."v{n-1}"; returns the texts.
   */
  private java.util.List<String> variantFamilies(java.util.Random rnd) {
    String[] vocab = new String[1_500];
    for (int i = 0; i < vocab.length; i++) {
      StringBuilder w = new StringBuilder();
      for (int c = 0, len = 4 + rnd.nextInt(6); c < len; c++) {
        w.append((char) ('a' + rnd.nextInt(26)));
      }
      vocab[i] = w.toString();
    }
    // Zipf-like: a few words in most articles, most words in a few.
    java.util.function.Supplier<String> word =
        () -> vocab[(int) Math.floor(Math.pow(vocab.length, rnd.nextDouble())) - 1];
    java.util.List<java.util.List<String>> bases = new java.util.ArrayList<>();
    for (int b = 0; b < 25; b++) {
      java.util.List<String> words = new java.util.ArrayList<>();
      for (int i = 0; i < 70; i++) {
        words.add(word.get());
      }
      bases.add(words);
    }
    java.util.List<String> texts = new java.util.ArrayList<>();
    int n = 0;
    for (int v = 0; v < 48; v++) {
      for (int b = 0; b < bases.size(); b++) {
        java.util.List<String> words = new java.util.ArrayList<>(bases.get(b));
        for (int i = 0; i < words.size(); i++) {
          if (rnd.nextInt(100) < 15) {
            words.set(i, word.get());
          }
        }
        String id = "v" + n++;
        String text = String.join(" ", words);
        texts.add(text);
        index.upsert(
            new IndexEntry(
                id,
                null,
                TestArticles.article(String.join(" ", words.subList(0, 6)), text)
                    .id(id)
                    .section(b % 2 == 0 ? "World" : "Sport")
                    .build()));
        if (n % 300 == 0) {
          index.commit(n);
        }
      }
    }
    for (int i = 0; i < 60; i++) {
      index.delete("v" + rnd.nextInt(n));
    }
    for (int i = 0; i < 60; i++) {
      String id = "v" + rnd.nextInt(n);
      index.upsert(new IndexEntry(id, null, TestArticles.withId(id, "rewritten", texts.get(i))));
    }
    index.refresh();
    return texts;
  }

  @Test
  void related_withAFloorHint_givesTheSameHits_whetherTheHintHoldsOrNot() {
    java.util.Random rnd = new java.util.Random(23);
    java.util.List<String> texts = variantFamilies(rnd);
    int n = texts.size();
    LuceneSearchIndex lucene = (LuceneSearchIndex) index;
    long heldBefore = Related.HINTS_HELD.sum();
    long missedBefore = Related.HINTS_MISSED.sum();
    for (int t = 0; t < 24; t++) {
      String like = texts.get(rnd.nextInt(texts.size()));
      java.util.Set<String> exclude = randomExclusions(rnd, n, t);
      dev.lede.index.SearchFilters filters =
          t % 4 == 1
              ? dev.lede.index.SearchFilters.NONE.withSections(java.util.Set.of("world"))
              : dev.lede.index.SearchFilters.NONE;
      dev.lede.index.RelatedQuery q =
          dev.lede.index.RelatedQuery.forText(like, 30)
              .withMaxQueryTerms(50)
              .withExclude(exclude)
              .withFilters(filters)
              .withHits(
                  t % 2 == 0
                      ? dev.lede.index.RelatedQuery.Hits.ID_AND_SCORE
                      : dev.lede.index.RelatedQuery.Hits.FULL);
      java.util.List<dev.lede.index.SearchHit> without = lucene.related(q, 0);
      assertThat(without).hasSize(30);
      // The scores of the search's whole quota (the excluded ids included: they are dropped
      // after it), so that hints fall at, just above and just under each of its last ones: a
      // hint just above the last score that the search collects is the one that too few
      // documents reach.
      java.util.List<dev.lede.index.SearchHit> raw =
          lucene.related(
              dev.lede.index.RelatedQuery.forText(like, 30 + exclude.size())
                  .withMaxQueryTerms(50)
                  .withFilters(filters)
                  .withHits(dev.lede.index.RelatedQuery.Hits.ID_AND_SCORE),
              0);
      float last = without.get(without.size() - 1).score();
      java.util.List<Float> hints =
          new java.util.ArrayList<>(java.util.List.of(last * 0.95f, last, last * 100f, 1e-6f));
      for (int r = 20; r < raw.size(); r++) {
        float sc = raw.get(r).score();
        hints.add(sc);
        hints.add(Math.nextUp(sc));
      }
      for (float hint : hints) {
        for (int probe : new int[] {0, Related.PROBE_CLAUSES}) {
          java.util.List<dev.lede.index.SearchHit> with =
              lucene.related(q.withFloorHint(hint), probe);
          assertThat(with).as("query %d, hint %s, probe %d", t, hint, probe).isEqualTo(without);
        }
      }
    }
    // Both ways were taken: hints that held, and hints that did not.
    assertThat(Related.HINTS_HELD.sum()).isGreaterThan(heldBefore);
    assertThat(Related.HINTS_MISSED.sum()).isGreaterThan(missedBefore);
  }

  @Test
  void
      related_withAFloorHintThatTooFewReach_searchesAgain_thoughUnderFloorDocumentsWereCollected() {
    // Short documents of very different lengths over a small Zipf vocabulary, several segments
    // and deletions: queries whose clauses weigh very differently, so that the scorer skips some
    // documents under a floor (their clauses' bounds cannot reach it) and hands others to the
    // collector. A hint just above a score near the end of the quota is reached by too few
    // documents, and the collector then holds a mix of under-floor documents: not the best ones.
    java.util.Random rnd = new java.util.Random(5);
    java.util.function.Supplier<String> word =
        () -> "w" + (int) Math.floor(Math.pow(400, rnd.nextDouble()));
    int n = 4_000;
    for (int i = 0; i < n; i++) {
      StringBuilder t = new StringBuilder();
      for (int j = 0, len = 5 + rnd.nextInt(60); j < len; j++) {
        t.append(word.get()).append(' ');
      }
      String id = "z" + i;
      index.upsert(
          new IndexEntry(
              id,
              null,
              TestArticles.article(word.get() + " " + word.get(), t.toString().strip())
                  .id(id)
                  .section(rnd.nextInt(3) == 0 ? "World" : "Local")
                  .build()));
      if ((i + 1) % 700 == 0) {
        index.commit(i + 1);
      }
    }
    for (int i = 0; i < 250; i++) {
      index.delete("z" + rnd.nextInt(n));
    }
    index.refresh();
    LuceneSearchIndex lucene = (LuceneSearchIndex) index;
    long missedBefore = Related.HINTS_MISSED.sum();
    for (int t = 0; t < 40; t++) {
      StringBuilder like = new StringBuilder();
      for (int j = 0, len = 3 + rnd.nextInt(20); j < len; j++) {
        like.append(word.get()).append(' ');
      }
      int limit = 10 + rnd.nextInt(30);
      dev.lede.index.SearchFilters filters =
          t % 3 == 1
              ? dev.lede.index.SearchFilters.NONE.withSections(java.util.Set.of("world"))
              : dev.lede.index.SearchFilters.NONE;
      dev.lede.index.RelatedQuery q =
          dev.lede.index.RelatedQuery.forText(like.toString().strip(), limit)
              .withMaxQueryTerms(50)
              .withFilters(filters)
              .withHits(dev.lede.index.RelatedQuery.Hits.ID_AND_SCORE);
      java.util.List<dev.lede.index.SearchHit> without = lucene.related(q, 0);
      if (without.size() < limit) {
        continue;
      }
      for (int r = Math.max(0, limit - 15); r < limit; r++) {
        float sc = without.get(r).score();
        for (float hint : new float[] {Math.nextUp(sc), sc * 1.0001f, sc, sc * 0.95f}) {
          assertThat(lucene.related(q.withFloorHint(hint), 0))
              .as("query %d, hint %s at rank %d of %d", t, hint, r, limit)
              .isEqualTo(without);
        }
      }
    }
    assertThat(Related.HINTS_MISSED.sum()).isGreaterThan(missedBefore);
  }

  @Test
  void relatedQuery_rejectsANegativeOrUnboundedFloorHint() {
    dev.lede.index.RelatedQuery q = dev.lede.index.RelatedQuery.forText("quake relief", 10);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> q.withFloorHint(-1f))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> q.withFloorHint(Float.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> q.withFloorHint(Float.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(q.withFloorHint(0f).floorHint()).isZero();
  }
}
