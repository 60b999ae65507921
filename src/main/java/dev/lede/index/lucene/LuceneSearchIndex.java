package dev.lede.index.lucene;

import dev.lede.index.ArticleTexts;
import dev.lede.index.IndexEntry;
import dev.lede.index.IndexException;
import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchIndex;
import dev.lede.index.SearchQuery;
import dev.lede.index.SearchResults;
import dev.lede.index.TermStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchIndex} on Lucene 10 in one folder. One {@link IndexWriter} takes the writes; a
 * {@link SearcherManager} hands out near-real-time searchers, refreshed on {@link #refresh}. The
 * checkpoint and the layout version live in the commit's user data, so they are exactly as durable
 * as the documents they describe.
 */
public final class LuceneSearchIndex implements SearchIndex {
  private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);
  static final String CHECKPOINT_KEY = "lede.checkpoint";
  static final String LAYOUT_KEY = "lede.layout";

  /**
   * Hits counted exactly up to here; beyond, the total is a lower bound (and queries stay fast).
   */
  private static final int TOTAL_HITS_THRESHOLD = 1_000;

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final Analyzer textAnalyzer = new NewsAnalyzer(true);
  private final InstantSource clock;
  private final SnapshotDeletionPolicy snapshots;
  private final @Nullable ArticleTexts texts;
  private volatile long checkpoint;
  private volatile boolean needsRebuild;

  private LuceneSearchIndex(Path dir, InstantSource clock, @Nullable ArticleTexts texts)
      throws IOException {
    this.dir = dir;
    this.clock = clock;
    this.texts = texts;
    this.analyzer =
        new PerFieldAnalyzerWrapper(textAnalyzer, Map.of(Fields.BYLINE, new NewsAnalyzer(false)));
    Files.createDirectories(dir);
    this.directory = FSDirectory.open(dir);
    boolean existed = DirectoryReader.indexExists(directory);
    // An index of another layout is rebuilt from the store. It is recreated rather than cleared:
    // its segments may lack the index sort, which a writer cannot add to existing segments. Until
    // the new index commits, the old commit stays on disk and is recreated again on the next open.
    boolean sameLayout =
        existed
            && Fields.LAYOUT_VERSION.equals(
                SegmentInfos.readLatestCommit(directory).getUserData().get(LAYOUT_KEY));
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
    cfg.setOpenMode(
        sameLayout ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
    cfg.setIndexSort(Fields.INDEX_SORT);
    cfg.setCommitOnClose(false); // only commit() commits: a commit always carries its checkpoint
    cfg.setRAMBufferSizeMB(64);
    this.snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    cfg.setIndexDeletionPolicy(snapshots);
    IndexWriter w;
    try {
      w = new IndexWriter(directory, cfg);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    this.writer = w;
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    this.checkpoint = Long.parseLong(data.getOrDefault(CHECKPOINT_KEY, "0"));
    this.needsRebuild = !sameLayout;
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Related-candidate searches in this process that started from a floor hint ({@link
   * dev.lede.index.RelatedQuery#floorHint}) which held, and those whose hint too few documents
   * reached (searched again without it): {@code {held, missed}}.
   */
  public static long[] floorHintCounts() {
    return new long[] {Related.HINTS_HELD.sum(), Related.HINTS_MISSED.sum()};
  }

  /**
   * Opens (creating when absent) a stand-alone index in {@code dir}: it stores each article's body
   * text itself, for snippets and related candidates.
   *
   * @param clock "now" for the freshness of search ranking
   * @throws IndexException when the folder holds something that is not a readable index
   */
  public static LuceneSearchIndex open(Path dir, InstantSource clock) {
    return open(dir, clock, null);
  }

  /**
   * Opens (creating when absent) the index in {@code dir}, reading body texts from {@code texts}
   * (the store) rather than keeping its own copy. Bodies an older build stored in the index are
   * still read where the source has none.
   *
   * @param clock "now" for the freshness of search ranking
   * @param texts where body texts are read, or null for a stand-alone index that stores them
   * @throws IndexException when the folder holds something that is not a readable index
   */
  public static LuceneSearchIndex open(
      Path dir, InstantSource clock, @Nullable ArticleTexts texts) {
    try {
      return new LuceneSearchIndex(dir, clock, texts);
    } catch (IOException | RuntimeException e) {
      throw new IndexException("cannot open the search index in " + dir + ": " + e, e);
    }
  }

  @Override
  public void upsert(IndexEntry entry) {
    try {
      writer.updateDocument(
          new Term(Fields.ID, entry.id()), Fields.toDocument(entry, texts == null));
    } catch (IOException e) {
      throw new IndexException("indexing " + entry.id() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String id) {
    try {
      writer.deleteDocuments(new Term(Fields.ID, id));
    } catch (IOException e) {
      throw new IndexException("removing " + id + " from the index failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void deleteAll() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new IndexException("clearing the index failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void commit(long newCheckpoint) {
    try {
      writer.setLiveCommitData(
          Map.of(CHECKPOINT_KEY, Long.toString(newCheckpoint), LAYOUT_KEY, Fields.LAYOUT_VERSION)
              .entrySet());
      writer.commit();
      checkpoint = newCheckpoint;
      needsRebuild = false;
    } catch (IOException e) {
      throw new IndexException("committing the index failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long checkpoint() {
    return checkpoint;
  }

  @Override
  public boolean needsRebuild() {
    return needsRebuild;
  }

  @Override
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new IndexException("refreshing the index failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long count() {
    return withSearcher(s -> (long) s.getIndexReader().numDocs());
  }

  @Override
  public SearchResults search(SearchQuery q) {
    boolean blank = q.text().isBlank();
    Query text =
        blank ? MatchAllDocsQuery.INSTANCE : new NewsQueryParser(analyzer).parseLeniently(q.text());
    Query filtered = filtered(text, q.filters(), List.of());
    boolean newest = blank || q.order() == SearchQuery.Order.NEWEST;
    return withSearcher(
        s -> {
          if (q.offset() + q.limit() == 0) {
            return new SearchResults(s.count(filtered), true, List.of());
          }
          // Hits to collect: never more than the index holds, so a far offset costs no huge queue.
          int n = Math.min(q.offset() + q.limit(), Math.max(1, s.getIndexReader().maxDoc()));
          TopDocs top;
          if (newest) {
            // The index order itself: each segment stops after the first n hits (and the count
            // up to the threshold) instead of visiting every match. Ties keep index order.
            Sort sort = Fields.INDEX_SORT;
            top =
                s.search(
                    filtered, new TopFieldCollectorManager(sort, n, null, TOTAL_HITS_THRESHOLD));
          } else {
            Query ranked = new FreshnessQuery(filtered, Fields.PUBLISHED, clock.millis());
            top = s.search(ranked, new TopScoreDocCollectorManager(n, null, TOTAL_HITS_THRESHOLD));
          }
          ScoreDoc[] page =
              top.scoreDocs.length <= q.offset()
                  ? new ScoreDoc[0]
                  : Arrays.copyOfRange(top.scoreDocs, q.offset(), top.scoreDocs.length);
          StoredFields stored = s.storedFields();
          Document[] docs = new Document[page.length];
          for (int i = 0; i < page.length; i++) {
            docs[i] = stored.document(page[i].doc);
          }
          String[] bodies =
              q.snippets() ? bodies(docs, SNIPPET_MAX_LENGTH) : new String[page.length];
          String[] snippets =
              q.snippets() && page.length > 0
                  ? snippets(s, text, page, bodies)
                  : new String[page.length];
          List<SearchHit> hits = new ArrayList<>(page.length);
          Set<String> groups = new HashSet<>();
          for (int i = 0; i < page.length; i++) {
            Document d = docs[i];
            String group = d.get(Fields.CANONICAL);
            if (group != null && !groups.add(group)) {
              continue; // a copy beside its original (only possible with a source filter)
            }
            String snippet = snippets[i];
            if (q.snippets() && (snippet == null || snippet.isEmpty())) {
              snippet = Snippets.lead(bodies[i], 200);
            }
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            hits.add(Fields.toHit(d, score, snippet == null ? "" : snippet));
          }
          boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
          return new SearchResults(top.totalHits.value(), exact, hits);
        });
  }

  /**
   * Longest body text the highlighter looks at: the best passage is sought in the first 10,000
   * characters (about 1,600 words, more than most articles; a query word that a long article only
   * uses later gets its opening passage). The highlighter visits every occurrence of the query's
   * words in what it looks at, so at 50,000 the few very long bodies made the slowest searches.
   */
  private static final int SNIPPET_MAX_LENGTH = 10_000;

  /** The field infos of the last reader searched with snippets, with that reader's cache key. */
  private record MergedInfos(IndexReader.CacheKey reader, FieldInfos infos) {}

  private volatile @Nullable MergedInfos mergedInfos;

  /**
   * The reader's merged field infos, made once per reader rather than once per search: the
   * highlighter asks for them on every call, and merging them over every segment was a sixth of the
   * snippets' cost at a million articles.
   */
  private FieldInfos mergedFieldInfos(IndexReader r) {
    IndexReader.CacheHelper helper = r.getReaderCacheHelper();
    if (helper == null) {
      return FieldInfos.getMergedFieldInfos(r);
    }
    MergedInfos m = mergedInfos;
    if (m == null || m.reader() != helper.getKey()) {
      m = new MergedInfos(helper.getKey(), FieldInfos.getMergedFieldInfos(r));
      mergedInfos = m;
    }
    return m.infos();
  }

  /**
   * The body texts of these hits' documents ("" where none is known): from the text source in one
   * call, else (a stand-alone index, or a document an older build wrote) from the stored document.
   * The source holds the current version: between a store commit and the next refresh it may be
   * newer than the indexed one, and that search's snippet is then cut from the newer text with the
   * older offsets (the highlighter stays within the text; the next refresh puts it right).
   *
   * @param maxChars how much of each body is wanted: snippets look at the opening only
   */
  private String[] bodies(Document[] docs, int maxChars) {
    String[] out = new String[docs.length];
    Map<String, String> fromSource = Map.of();
    if (texts != null && docs.length > 0) {
      List<String> ids = new ArrayList<>(docs.length);
      for (Document d : docs) {
        ids.add(d.get(Fields.ID));
      }
      fromSource = texts.texts(ids, maxChars);
    }
    for (int i = 0; i < docs.length; i++) {
      String body = fromSource.get(docs[i].get(Fields.ID));
      if (body == null) {
        body = docs[i].get(Fields.BODY);
      }
      out[i] = body == null ? "" : body.length() > maxChars ? body.substring(0, maxChars) : body;
    }
    return out;
  }

  /**
   * Snippets of the hits' bodies. The highlighter takes the bodies given (already read for the
   * results) instead of loading each document again.
   */
  private String[] snippets(IndexSearcher s, Query text, ScoreDoc[] page, String[] texts)
      throws IOException {
    Map<Integer, String> bodies = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      bodies.put(page[i].doc, texts[i]);
    }
    UnifiedHighlighter.Builder b =
        UnifiedHighlighter.builder(s, analyzer)
            .withFormatter(new Snippets())
            .withBreakIterator(Snippets::breakIterator)
            .withMaxNoHighlightPassages(1)
            .withMaxLength(SNIPPET_MAX_LENGTH);
    FieldInfos infos = mergedFieldInfos(s.getIndexReader());
    UnifiedHighlighter h =
        new UnifiedHighlighter(b) {
          @Override
          protected FieldInfo getFieldInfo(String field) {
            return infos.fieldInfo(field);
          }

          @Override
          protected List<CharSequence[]> loadFieldValues(
              String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
              throws IOException {
            if (fields.length != 1 || !Fields.BODY.equals(fields[0])) {
              return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
            }
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docIter.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docIter.nextDoc()) {
              out.add(new CharSequence[] {bodies.getOrDefault(doc, "")});
            }
            return out;
          }
        };
    TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    Query body = bodyPart(text);
    // Nothing of the query on bodies: the highlighter gives each body's opening passage.
    return h.highlight(Fields.BODY, body == null ? new MatchNoDocsQuery() : body, pageDocs, 1);
  }

  /**
   * What the highlighter needs of a query: its parts on the body field, any of which marks a
   * passage. The parsed query asks every word of every field (headline, body, extra text, byline,
   * tags); handed whole to the highlighter, it had weights built for all of them in every segment
   * and the whole query matched again in each hit, where only the body's words can be marked. A
   * phrase stays one part, so it is still marked only where the words stand together; excluded
   * words are not marked.
   *
   * @return the body part, or null when the query has none
   */
  static @Nullable Query bodyPart(Query q) {
    return switch (q) {
      case BoostQuery b -> bodyPart(b.getQuery());
      case BooleanQuery bq -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (BooleanClause c : bq.clauses()) {
          if (c.occur() == BooleanClause.Occur.MUST_NOT
              || c.occur() == BooleanClause.Occur.FILTER) {
            continue;
          }
          Query part = bodyPart(c.query());
          if (part != null) {
            b.add(part, BooleanClause.Occur.SHOULD);
            n++;
          }
        }
        yield n == 0 ? null : b.build();
      }
      default -> {
        boolean[] onBody = {false};
        q.visit(
            new QueryVisitor() {
              @Override
              public boolean acceptField(String field) {
                onBody[0] |= Fields.BODY.equals(field);
                return false;
              }
            });
        yield onBody[0] ? q : null;
      }
    };
  }

  @Override
  public List<SearchHit> related(RelatedQuery q) {
    return withSearcher(
        s ->
            Related.find(
                s,
                textAnalyzer,
                q,
                this::filtered,
                d -> bodies(new Document[] {d}, Integer.MAX_VALUE)[0]));
  }

  /**
   * {@link #related}, its floor probed by this many clauses (0: none) however few the postings of
   * the query: for tests.
   */
  List<SearchHit> related(RelatedQuery q, int probeClauses) {
    return withSearcher(
        s ->
            Related.find(
                s,
                textAnalyzer,
                q,
                this::filtered,
                d -> bodies(new Document[] {d}, Integer.MAX_VALUE)[0],
                probeClauses,
                0));
  }

  /** The query restricted by filters, without some ids. */
  Query filtered(Query query, SearchFilters f, Collection<String> excludeIds) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(query, BooleanClause.Occur.MUST);
    if (f.since() != null || f.until() != null) {
      long lo = f.since() == null ? Long.MIN_VALUE : f.since().toEpochMilli();
      long hi = f.until() == null ? Long.MAX_VALUE : f.until().toEpochMilli() - 1;
      b.add(new SortedDateRangeQuery(Fields.PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
    }
    addAnyOf(b, Fields.SECTION, f.sections());
    addAnyOf(b, Fields.SOURCE, f.sources());
    addAnyOf(b, Fields.TAG, f.tags());
    addAnyOf(b, Fields.LANG, f.languages());
    if (f.sources().isEmpty()) {
      // Copies of another article are left out: their original stands for them. With a source
      // filter they stay (the original may be another source's); a page then shows one per group.
      b.add(new TermQuery(new Term(Fields.COPY, "1")), BooleanClause.Occur.MUST_NOT);
    }
    if (!excludeIds.isEmpty()) {
      List<BytesRef> ids = excludeIds.stream().map(BytesRef::new).toList();
      b.add(new TermInSetQuery(Fields.ID, ids), BooleanClause.Occur.MUST_NOT);
    }
    return b.build();
  }

  private static void addAnyOf(BooleanQuery.Builder b, String field, Collection<String> values) {
    if (values.isEmpty()) {
      return;
    }
    if (values.size() == 1) {
      String v = Fields.keyword(values.iterator().next());
      b.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.FILTER);
      return;
    }
    List<BytesRef> terms = values.stream().map(v -> new BytesRef(Fields.keyword(v))).toList();
    b.add(new TermInSetQuery(field, terms), BooleanClause.Occur.FILTER);
  }

  @Override
  public TermStats termStats(Collection<String> terms) {
    return withSearcher(
        s -> {
          IndexReader r = s.getIndexReader();
          return new TermStats(r.numDocs(), Related.docFreqs(r, Fields.BODY, terms));
        });
  }

  @Override
  public List<String> analyze(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = textAnalyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out;
  }

  @Override
  public void backupTo(Path target) {
    IndexCommit commit;
    try {
      commit = snapshots.snapshot();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("nothing to back up: the index has never been committed", e);
    } catch (IOException e) {
      throw new IndexException("cannot snapshot the index: " + e.getMessage(), e);
    }
    try {
      Files.createDirectories(target);
      try (var existing = Files.list(target)) {
        if (existing.findAny().isPresent()) {
          throw new IllegalArgumentException("index backup target " + target + " is not empty");
        }
      }
      for (String name : commit.getFileNames()) {
        Files.copy(dir.resolve(name), target.resolve(name));
      }
      try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ)) {
        ch.force(true); // the folder entries too
      } catch (IOException ignored) {
        LOG.debug("cannot fsync the folder {} on this platform", target);
      }
    } catch (IOException e) {
      throw new IndexException(
          "backing up the index to " + target + " failed: " + e.getMessage(), e);
    } finally {
      try {
        snapshots.release(commit);
        writer.deleteUnusedFiles();
      } catch (IOException e) {
        LOG.warn("releasing the index snapshot failed: {}", e.getMessage());
      }
    }
  }

  @Override
  public int segments() {
    return withSearcher(s -> s.getIndexReader().leaves().size());
  }

  @Override
  public void forceMerge(int maxSegments) {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("maxSegments must be at least 1, not " + maxSegments);
    }
    try {
      // The merge keeps the index sort (a writer with an index sort only makes sorted segments),
      // so newest-first searches keep stopping early.
      writer.forceMerge(maxSegments, true);
    } catch (IOException e) {
      throw new IndexException("merging the index failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long diskBytes() {
    try {
      long total = 0;
      for (String f : directory.listAll()) {
        total += directory.fileLength(f);
      }
      return total;
    } catch (IOException e) {
      throw new IndexException("measuring the index failed: " + e.getMessage(), e);
    }
  }

  /** Searcher work that may throw {@link IOException}. */
  @FunctionalInterface
  interface SearcherWork<T> {
    T run(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    IndexSearcher s;
    try {
      s = searchers.acquire();
    } catch (IOException e) {
      throw new IndexException("the index is not readable: " + e.getMessage(), e);
    }
    try {
      return work.run(s);
    } catch (IOException e) {
      throw new IndexException("searching the index failed: " + e.getMessage(), e);
    } finally {
      release(s);
    }
  }

  private void release(IndexSearcher s) {
    try {
      searchers.release(s);
    } catch (IOException e) {
      throw new IndexException("releasing a searcher failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.rollback(); // uncommitted writes are dropped; the owner commits what it wants kept
      directory.close();
    } catch (IOException e) {
      throw new IndexException("closing the index failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "LuceneSearchIndex[" + dir + "]";
  }
}
