package dev.lede.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.index.IndexEntry;
import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchIndex;
import dev.lede.index.SearchIndexContract;
import dev.lede.index.SearchQuery;
import dev.lede.index.SearchResults;
import dev.lede.index.TermStats;
import dev.lede.testing.TestArticles;
import dev.lede.testing.TestClock;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * The whole index contract again, with body texts read from a source (as Lede reads them from its
 * store) instead of stored in the index; and what that mode changes on disk.
 */
class LuceneSearchIndexTextSourceTest extends SearchIndexContract {
  /** The "store": every text ever indexed, by id (kept across reopenings of the index). */
  private final Map<String, String> texts = new ConcurrentHashMap<>();

  private final AtomicInteger lookups = new AtomicInteger();

  /** How much of each text the last lookup asked for. */
  private final AtomicInteger lastMaxChars = new AtomicInteger();

  @Override
  protected SearchIndex open(Path dir, TestClock clock) {
    return new Recording(LuceneSearchIndex.open(dir, clock, this::textsOf));
  }

  private Map<String, String> textsOf(Collection<String> ids, int maxChars) {
    lookups.incrementAndGet();
    lastMaxChars.set(maxChars);
    Map<String, String> out = new HashMap<>();
    for (String id : ids) {
      String t = texts.get(id);
      if (t != null) {
        out.put(id, t.length() > maxChars ? t.substring(0, maxChars) : t);
      }
    }
    return out;
  }

  private static List<String> storedFieldNames(Path indexDir) throws Exception {
    try (FSDirectory d = FSDirectory.open(indexDir);
        DirectoryReader r = DirectoryReader.open(d)) {
      Document doc = r.storedFields().document(0);
      return doc.getFields().stream().map(f -> f.name()).toList();
    }
  }

  @Test
  void withATextSource_theBodyIsNotStoredInTheIndex_butAStandAloneIndexStoresIt() throws Exception {
    index.upsert(
        new IndexEntry(
            "a", null, TestArticles.withId("a", "Harbour reopens", "The harbour reopened today.")));
    index.commit(1);

    assertThat(storedFieldNames(dir.resolve("index")))
        .contains("id", "title")
        .doesNotContain("body");

    Path alone = dir.resolve("alone");
    try (LuceneSearchIndex standAlone = LuceneSearchIndex.open(alone, clock)) {
      standAlone.upsert(
          new IndexEntry(
              "a",
              null,
              TestArticles.withId("a", "Harbour reopens", "The harbour reopened today.")));
      standAlone.commit(1);
    }
    assertThat(storedFieldNames(alone)).contains("id", "title", "body");
  }

  @Test
  void snippetsAndRelatedCandidates_readTheBodyFromTheSource_onePageInOneCall() {
    index.upsert(
        new IndexEntry(
            "a",
            null,
            TestArticles.withId(
                "a", "Port news", "Dockers voted to strike over the new shift rota at the port.")));
    index.upsert(
        new IndexEntry(
            "b",
            null,
            TestArticles.withId(
                "b", "Harbour news", "Dockers at the harbour joined the strike over the rota.")));
    index.refresh();

    lookups.set(0);
    SearchResults r = index.search(SearchQuery.of("dockers strike"));
    assertThat(r.hits()).hasSize(2);
    assertThat(lookups.get()).as("one call for the page").isEqualTo(1);
    assertThat(lastMaxChars.get()).as("snippets need the opening only").isEqualTo(10_000);
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.snippet()).contains("<mark>Dockers</mark>"));

    // The related query of a stored article is made of its body words, which only the source has.
    List<SearchHit> related = index.related(RelatedQuery.forArticle("a", 5));
    assertThat(related).extracting(SearchHit::id).containsExactly("b");
    assertThat(lastMaxChars.get())
        .as("the related query reads the whole body")
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void aBodyTheSourceDoesNotHave_givesAnEmptySnippet_notAnError() {
    index.upsert(
        new IndexEntry(
            "a", null, TestArticles.withId("a", "Port news", "Dockers voted to strike today.")));
    index.refresh();
    texts.clear();

    SearchResults r = index.search(SearchQuery.of("port"));

    assertThat(r.hits()).singleElement().satisfies(h -> assertThat(h.snippet()).isEmpty());
  }

  @Test
  void aSourceTextNewerThanTheIndexedOne_stillGivesASnippet_withinTheText() {
    index.upsert(
        new IndexEntry(
            "a",
            null,
            TestArticles.withId(
                "a",
                "Port news",
                "A long first sentence about the weather and the tides at the port. "
                    + "Later, dockers voted to strike over the new shift rota.")));
    index.refresh();
    // The store already holds a shorter new version that the index has not seen yet.
    texts.put("a", "Dockers strike.");

    SearchResults r = index.search(SearchQuery.of("rota"));

    // No failure, and nothing shown that is not in the text the store holds.
    assertThat(r.hits())
        .singleElement()
        .satisfies(
            h ->
                assertThat("Dockers strike.")
                    .contains(h.snippet().replace("<mark>", "").replace("</mark>", "")));
  }

  /** The index under test, recording each upserted body as the store would hold it. */
  private final class Recording implements SearchIndex {
    private final LuceneSearchIndex inner;

    Recording(LuceneSearchIndex inner) {
      this.inner = inner;
    }

    @Override
    public void upsert(IndexEntry entry) {
      texts.put(entry.id(), entry.article().text());
      inner.upsert(entry);
    }

    @Override
    public void delete(String id) {
      inner.delete(id);
    }

    @Override
    public void deleteAll() {
      inner.deleteAll();
    }

    @Override
    public void commit(long checkpoint) {
      inner.commit(checkpoint);
    }

    @Override
    public long checkpoint() {
      return inner.checkpoint();
    }

    @Override
    public boolean needsRebuild() {
      return inner.needsRebuild();
    }

    @Override
    public void refresh() {
      inner.refresh();
    }

    @Override
    public long count() {
      return inner.count();
    }

    @Override
    public SearchResults search(SearchQuery query) {
      return inner.search(query);
    }

    @Override
    public List<SearchHit> related(RelatedQuery query) {
      return inner.related(query);
    }

    @Override
    public TermStats termStats(Collection<String> terms) {
      return inner.termStats(terms);
    }

    @Override
    public List<String> analyze(String text) {
      return inner.analyze(text);
    }

    @Override
    public void backupTo(Path target) {
      inner.backupTo(target);
    }

    @Override
    public long diskBytes() {
      return inner.diskBytes();
    }

    @Override
    public int segments() {
      return inner.segments();
    }

    @Override
    public void forceMerge(int maxSegments) {
      inner.forceMerge(maxSegments);
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
