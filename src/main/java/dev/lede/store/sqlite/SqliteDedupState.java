package dev.lede.store.sqlite;

import dev.lede.dedup.DedupState;
import dev.lede.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The dedup stage's state in the store's own SQLite file (tables of migrations V003 to V007): the
 * corpus never has to fit in memory. Bound to one connection: the store's writer (used only inside
 * the store's write transactions, so that an article, its fingerprint, its duplicate link and its
 * story commit together) or a reader (read-only snapshot).
 *
 * <p>Lookup postings: each article row keeps its own posting keys ({@code dedup_article.postings},
 * 5 bytes each), written with the row; the lookups go to a {@link PostingIndex}, a memory-mapped
 * table next to the store that is derived from those keys (at most {@value #PER_KEY} articles per
 * key, the oldest, as in the heap state), brought up to date after each commit ({@link #committed})
 * and rebuilt from the rows when it does not reflect the store's state ({@code
 * meta.dedup_postings_gen}, bumped in every transaction that adds postings or files story terms).
 * The store stays the source of truth: a crash costs a rebuild, never a posting.
 *
 * <p>Story-term lists: every filing of a story under its terms is one appended row of {@code
 * dedup_story_filing} (story, time, 4-byte terms; migration V006), written at the flush; the
 * lookups go to a {@link StoryTermIndex}, a memory-mapped table of the {@value #PER_TERM} most
 * recently filed stories per term derived from those rows (and from the V004 {@code
 * dedup_term_list} blobs of an upgraded store, no longer written), under the same generation
 * counter as the posting index and rebuilt with it.
 *
 * <p>Document frequencies: each transaction appends its increments as one row of {@code
 * dedup_df_delta} (migration V007), and every {@value #FOLD_ROWS} rows a flush sums them into
 * {@code dedup_df} (one upsert per distinct term of all of them) and deletes them; the reads go to
 * a {@link DocFreqIndex}, a memory-mapped counter table derived from both, under the same
 * generation counter and rebuilt with the other indexes.
 *
 * <p>The lookups of one article are batched: the candidate stories and candidate fingerprints with
 * one {@code IN} list each. Statement sizes are rounded up (padding that matches nothing) so that a
 * handful of prepared statements serve every article. Story rows are cached write-through in a
 * bounded LRU ({@value #STORY_CACHE} rows): the candidates of an article are mostly recent stories,
 * read again and again.
 *
 * <p>Everything an article writes is held back in the heap for the current transaction only (reads
 * see it through an overlay) and written by {@link #flush} just before the commit: its article row
 * (inserted once, complete, with its posting keys; the key is counted in memory as SQLite would
 * hand it out), its story filings (one row per story and time), the story rows it changed (once
 * each), one row of frequency increments and the counters. After a rollback {@link #forget} drops
 * all of it, cached stories included; a crash before the commit loses the transaction as a whole.
 * The writer's page cache is raised ({@link #onWriter}).
 *
 * <p>Per article on disk: one {@code dedup_article} row (id, fingerprint of about 600–900 bytes,
 * about 37 posting keys of 5 bytes, two integers) and about 37 slots of 9 bytes in the posting
 * index (at most 70% full); about one filing row of 32 terms (~150 bytes) and its share of the
 * 16-byte slots of the story-term index; per story one row with its centroid. Not thread-safe (the
 * store serialises writers).
 */
final class SqliteDedupState implements DedupState, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteDedupState.class);
  private static final String DOCUMENTS = "dedup_documents";
  private static final String NEXT_STORY = "dedup_next_story";

  /**
   * Counts the transactions that added postings or filed story terms: the store state a {@link
   * PostingIndex} and a {@link StoryTermIndex} reflect.
   */
  static final String POSTINGS_GEN = "dedup_postings_gen";

  /** Bytes of one posting key in {@code dedup_article.postings}: the table, then the key. */
  private static final int POSTING_BYTES = 5;

  /**
   * Increment rows of {@code dedup_df_delta} after which a flush folds them into {@code dedup_df}
   * (one upsert per distinct term of all of them, instead of per distinct term of each).
   */
  static final int FOLD_ROWS = 64;

  /** Story rows kept in the heap (about 2 KB each with its centroid: 8 MB at most). */
  private static final int STORY_CACHE = 4096;

  /** Values in one {@code IN (...)} list. */
  private static final int MAX_IN = 512;

  /** Postings kept per lookup key (lookups ask for at most this many). */
  private static final int PER_KEY = 64;

  /** The writer connection's page cache, in KB. */
  private static final int WRITER_CACHE_KB = 64 * 1024;

  /** Stories kept per story term, the most recently filed (lookups ask for at most this many). */
  static final int PER_TERM = 64;

  private final Connection c;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final LongIntMap dfDelta = new LongIntMap(1 << 12);
  private final HashMap<Long, List<Long>> pendingPostings = new HashMap<>();
  private final Map<Long, Map<Long, Long>> pendingTerms = new HashMap<>();

  /** Article rows added or changed in this transaction, written once each by {@link #flush}. */
  private final Map<Long, Row> dirtyRows = new HashMap<>();

  /** Ids of the articles added in this transaction, inserted by {@link #flush}, and their keys. */
  private final Map<String, Long> newIds = new HashMap<>();

  /** The key the next added article gets (as SQLite's rowid would: largest + 1), -1 unread. */
  private long nextKey = -1;

  /** A {@code dedup_article} row. */
  private static final class Row {
    final long key;
    final String id;
    byte @Nullable [] sketch;
    long canonical;
    long story;
    byte @Nullable [] postings;

    Row(
        long key,
        String id,
        byte @Nullable [] sketch,
        long canonical,
        long story,
        byte @Nullable [] postings) {
      this.key = key;
      this.id = id;
      this.sketch = sketch;
      this.canonical = canonical;
      this.story = story;
      this.postings = postings;
    }
  }

  /** Story rows changed in this transaction, written once each by {@link #flush}. */
  private final Map<Long, StoryRow> dirtyStories = new HashMap<>();

  /**
   * Recently read or written story rows (write-through, bounded): the stories an article is
   * compared with are mostly the recent ones, read again and again with their centroids.
   */
  private final Map<Long, StoryRow> storyCache =
      new LinkedHashMap<>(STORY_CACHE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, StoryRow> eldest) {
          return size() > STORY_CACHE;
        }
      };

  private long documents = -1;
  private boolean documentsDirty;
  private long nextStory = -1;
  private boolean nextStoryDirty;

  /** Whether this state owns (rebuilds and closes) {@link #liveIndex}: the writer's does. */
  private final boolean ownsIndex;

  /** The index file, to rebuild it (writer only). */
  private final @Nullable Path indexFile;

  /** The postings generation of the store, -1 when not read yet. */
  private long postingsGen = -1;

  /** The generation {@link #flush} wrote in the open transaction, 0 when none. */
  private long flushedGen;

  /** The index may miss committed postings (a failure between commit and apply): rebuild it. */
  private boolean indexSuspect;

  /** The lookup postings (shared with readers; owned, and closed, by the writer's state). */
  private volatile @Nullable PostingIndex liveIndex;

  /** The story-term index file, to rebuild it (writer only). */
  private final @Nullable Path termIndexFile;

  /** The story-term lists (shared with readers; owned, and closed, by the writer's state). */
  private volatile @Nullable StoryTermIndex liveTerms;

  /**
   * {@link #clearStories} ran in the open transaction: the term and frequency indexes are not read,
   * and reset.
   */
  private boolean termsCleared;

  /** The frequency index file, to rebuild it (writer only). */
  private final @Nullable Path dfIndexFile;

  /** The document frequencies (shared with readers; owned, and closed, by the writer's state). */
  private volatile @Nullable DocFreqIndex liveDf;

  /** Rows in {@code dedup_df_delta} not folded into {@code dedup_df} yet, -1 when not read. */
  private long deltaRows = -1;

  /** Increment rows after which they are folded ({@value #FOLD_ROWS}; tests fold sooner). */
  private int foldRows = FOLD_ROWS;

  /** A state on a reader connection, reading from the writer's derived indexes. */
  SqliteDedupState(
      Connection c,
      @Nullable PostingIndex index,
      @Nullable StoryTermIndex termIndex,
      @Nullable DocFreqIndex dfIndex) {
    this.c = c;
    this.liveIndex = index;
    this.liveTerms = termIndex;
    this.liveDf = dfIndex;
    this.ownsIndex = false;
    this.indexFile = null;
    this.termIndexFile = null;
    this.dfIndexFile = null;
  }

  private SqliteDedupState(Connection c, Path indexFile, Path termIndexFile, Path dfIndexFile) {
    this.c = c;
    this.indexFile = indexFile;
    this.termIndexFile = termIndexFile;
    this.dfIndexFile = dfIndexFile;
    this.ownsIndex = true;
  }

  /** Folds the frequency increments every {@code rows} rows (tests: to fold within a few). */
  void foldEvery(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("fold after at least one row: " + rows);
    }
    foldRows = rows;
  }

  /** The frequency index as it is now, for a reader's state (see {@link #sharedIndex}). */
  @Nullable DocFreqIndex sharedDfIndex() {
    return liveDf;
  }

  /**
   * The frequency index (the writer opens or rebuilds it on first use); null on a reader when the
   * writer has not opened it.
   */
  @Nullable DocFreqIndex dfIndex() {
    if (ownsIndex && liveDf == null && dfIndexFile != null) {
      long gen = meta(POSTINGS_GEN);
      DocFreqIndex idx = DocFreqIndex.openIfValid(dfIndexFile, gen);
      liveDf = idx != null ? idx : rebuildDfIndex(dfIndexFile, gen);
    }
    return liveDf;
  }

  /**
   * A new frequency index in {@code file} for store generation {@code gen}: the folded frequencies
   * plus the increment rows not folded yet.
   */
  private DocFreqIndex rebuildDfIndex(Path file, long gen) {
    long started = System.nanoTime();
    long folded =
        query("SELECT count(*) FROM dedup_df", p -> {}, rs -> rs.next() ? rs.getLong(1) : 0L);
    long pending =
        query(
            "SELECT coalesce(sum(length(deltas)), 0) FROM dedup_df_delta",
            p -> {},
            rs -> rs.next() ? rs.getLong(1) / 8 : 0L);
    // increment rows repeat terms: a quarter of their pairs is a fair guess of the new ones
    DocFreqIndex idx = DocFreqIndex.create(file, folded + pending / 4, gen);
    try {
      query(
          "SELECT term, df FROM dedup_df",
          p -> {},
          rs -> {
            while (rs.next()) {
              idx.add(checkedTerm(rs.getLong(1)), rs.getLong(2));
            }
            return null;
          });
      query(
          "SELECT deltas FROM dedup_df_delta",
          p -> {},
          rs -> {
            while (rs.next()) {
              byte[] b = rs.getBytes(1);
              for (int o = 0; o + 8 <= b.length; o += 8) {
                idx.add(intAt(b, o), intAt(b, o + 4));
              }
            }
            return null;
          });
      idx.setGeneration(gen);
    } catch (RuntimeException e) {
      idx.close();
      throw e;
    }
    LOG.atLevel(idx.size() == 0 ? Level.DEBUG : Level.INFO)
        .log(
            "rebuilt the dedup frequency index {} from the store: {} terms in {} ms",
            file,
            idx.size(),
            (System.nanoTime() - started) / 1_000_000);
    return idx;
  }

  /** Story terms are 32-bit term hashes (as the clusterer counts them); the indexes key on that. */
  private static int checkedTerm(long term) {
    if (term != (int) term) {
      throw new IllegalArgumentException("story term out of the 32-bit range: " + term);
    }
    return (int) term;
  }

  private static void putInt(byte[] b, int o, int v) {
    b[o] = (byte) (v >>> 24);
    b[o + 1] = (byte) (v >>> 16);
    b[o + 2] = (byte) (v >>> 8);
    b[o + 3] = (byte) v;
  }

  /**
   * The posting index as it is now, for a reader's state: never opened from here (a reader thread
   * must not use the writer's connection); null until the writer has used it.
   */
  @Nullable PostingIndex sharedIndex() {
    return liveIndex;
  }

  /** The story-term index as it is now, for a reader's state (see {@link #sharedIndex}). */
  @Nullable StoryTermIndex sharedTermIndex() {
    return liveTerms;
  }

  /**
   * The story-term index (the writer opens or rebuilds it on first use); null on a reader when the
   * writer has not opened it.
   */
  @Nullable StoryTermIndex termIndex() {
    if (ownsIndex && liveTerms == null && termIndexFile != null) {
      long gen = meta(POSTINGS_GEN);
      StoryTermIndex idx = StoryTermIndex.openIfValid(termIndexFile, gen);
      liveTerms = idx != null ? idx : rebuildTermIndex(termIndexFile, gen);
    }
    return liveTerms;
  }

  /**
   * A new story-term index in {@code file} for store generation {@code gen}, from the filing rows
   * (and the V004 term lists of an upgraded store, no longer written).
   */
  private StoryTermIndex rebuildTermIndex(Path file, long gen) {
    long started = System.nanoTime();
    long legacy =
        hasTable("dedup_term_list")
            ? query(
                "SELECT coalesce(sum(length(list)), 0) FROM dedup_term_list",
                p -> {},
                rs -> rs.next() ? rs.getLong(1) / PackedLists.TERM_BYTES : 0L)
            : 0L;
    // filings repeat (term, story) pairs: a third of the filed terms is a fair first size
    long filed =
        query(
            "SELECT coalesce(sum(length(terms)), 0) FROM dedup_story_filing",
            p -> {},
            rs -> rs.next() ? rs.getLong(1) / 4 : 0L);
    StoryTermIndex idx = StoryTermIndex.create(file, legacy + filed / 3, gen);
    try {
      if (legacy > 0) {
        query(
            "SELECT term, list FROM dedup_term_list",
            p -> {},
            rs -> {
              while (rs.next()) {
                int term = (int) rs.getLong(1);
                byte[] list = rs.getBytes(2);
                for (int k = 0; k < PackedLists.termCount(list); k++) {
                  idx.add(term, PackedLists.story(list, k), PackedLists.seen(list, k));
                }
              }
              return null;
            });
      }
      query(
          "SELECT story, seen, terms FROM dedup_story_filing",
          p -> {},
          rs -> {
            while (rs.next()) {
              long story = rs.getLong(1);
              long seen = rs.getLong(2);
              byte[] b = rs.getBytes(3);
              for (int o = 0; o + 4 <= b.length; o += 4) {
                idx.add(intAt(b, o), story, seen);
              }
            }
            return null;
          });
      idx.setGeneration(gen);
    } catch (RuntimeException e) {
      idx.close();
      throw e;
    }
    LOG.atLevel(idx.size() == 0 ? Level.DEBUG : Level.INFO)
        .log(
            "rebuilt the dedup story-term index {} from the store: {} entries in {} ms",
            file,
            idx.size(),
            (System.nanoTime() - started) / 1_000_000);
    return idx;
  }

  private static int intAt(byte[] b, int o) {
    return ((b[o] & 0xff) << 24)
        | ((b[o + 1] & 0xff) << 16)
        | ((b[o + 2] & 0xff) << 8)
        | (b[o + 3] & 0xff);
  }

  /**
   * The posting index (the writer opens or rebuilds it on first use, so that opening a store at an
   * older schema version does not touch it); null on a reader when the writer has not opened it.
   */
  @Nullable PostingIndex index() {
    if (ownsIndex && liveIndex == null && indexFile != null) {
      liveIndex = openIndex(indexFile);
    }
    return liveIndex;
  }

  /**
   * Opens the posting index in {@code file} when it reflects this store's state, or rebuilds it
   * from the posting keys of the article rows (and the V004 posting lists of an upgraded store).
   */
  private PostingIndex openIndex(Path file) {
    long gen = meta(POSTINGS_GEN);
    PostingIndex idx = PostingIndex.openIfValid(file, gen);
    if (idx != null) {
      return idx;
    }
    return rebuildIndex(file, gen);
  }

  private PostingIndex rebuildIndex(Path file, long gen) {
    long started = System.nanoTime();
    long legacy =
        hasTable("dedup_posting_list")
            ? query(
                "SELECT coalesce(sum(length(list)), 0) FROM dedup_posting_list",
                p -> {},
                rs -> rs.next() ? rs.getLong(1) / 4 : 0L)
            : 0L;
    long rows =
        query(
            "SELECT coalesce(sum(length(postings)), 0) FROM dedup_article",
            p -> {},
            rs -> rs.next() ? rs.getLong(1) / POSTING_BYTES : 0L);
    PostingIndex idx = PostingIndex.create(file, legacy + rows, gen);
    try {
      if (legacy > 0) {
        query(
            "SELECT key, list FROM dedup_posting_list",
            p -> {},
            rs -> {
              while (rs.next()) {
                long key = rs.getLong(1);
                for (long a : PackedLists.articles(rs.getBytes(2))) {
                  idx.add(key, a);
                }
              }
              return null;
            });
      }
      query(
          "SELECT key, postings FROM dedup_article WHERE postings IS NOT NULL",
          p -> {},
          rs -> {
            while (rs.next()) {
              long article = rs.getLong(1);
              byte[] b = rs.getBytes(2);
              for (int o = 0; o + POSTING_BYTES <= b.length; o += POSTING_BYTES) {
                idx.add(postingKeyAt(b, o), article);
              }
            }
            return null;
          });
      idx.setGeneration(gen);
    } catch (RuntimeException e) {
      idx.close();
      throw e;
    }
    // A new, empty store makes its index too: nothing worth a line on the operator's terminal.
    LOG.atLevel(idx.size() == 0 ? Level.DEBUG : Level.INFO)
        .log(
            "rebuilt the dedup posting index {} from the store: {} postings in {} ms",
            file,
            idx.size(),
            (System.nanoTime() - started) / 1_000_000);
    return idx;
  }

  private boolean hasTable(String name) {
    return query(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
        p -> p.setString(1, name),
        ResultSet::next);
  }

  private static long postingKeyAt(byte[] b, int o) {
    long table = b[o] & 0xffL;
    long key =
        ((b[o + 1] & 0xffL) << 24)
            | ((b[o + 2] & 0xffL) << 16)
            | ((b[o + 3] & 0xffL) << 8)
            | (b[o + 4] & 0xffL);
    return (table << 32) | key;
  }

  private static byte[] appendPosting(byte @Nullable [] list, int table, int key) {
    int n = list == null ? 0 : list.length;
    byte[] out = list == null ? new byte[POSTING_BYTES] : java.util.Arrays.copyOf(list, n + 5);
    out[n] = (byte) table;
    out[n + 1] = (byte) (key >>> 24);
    out[n + 2] = (byte) (key >>> 16);
    out[n + 3] = (byte) (key >>> 8);
    out[n + 4] = (byte) key;
    return out;
  }

  /** The index, rebuilt first when it may have missed a commit. */
  private PostingIndex postingIndex() {
    PostingIndex idx = index();
    if (idx == null) {
      throw new IllegalStateException("this dedup state has no posting index");
    }
    if (indexSuspect) {
      rebuildSuspect();
      return java.util.Objects.requireNonNull(liveIndex);
    }
    return idx;
  }

  /** The story-term index, rebuilt first when it may have missed a commit. */
  private StoryTermIndex storyTermIndex() {
    StoryTermIndex idx = termIndex();
    if (idx == null) {
      throw new IllegalStateException("this dedup state has no story-term index");
    }
    if (indexSuspect) {
      rebuildSuspect();
      return java.util.Objects.requireNonNull(liveTerms);
    }
    return idx;
  }

  /** The frequency index, rebuilt first when it may have missed a commit. */
  private DocFreqIndex docFreqIndex() {
    DocFreqIndex idx = dfIndex();
    if (idx == null) {
      throw new IllegalStateException("this dedup state has no frequency index");
    }
    if (indexSuspect) {
      rebuildSuspect();
      return java.util.Objects.requireNonNull(liveDf);
    }
    return idx;
  }

  /** Rebuilds the derived indexes from the store (they may have missed a commit). */
  private void rebuildSuspect() {
    if (!ownsIndex || indexFile == null || termIndexFile == null || dfIndexFile == null) {
      return;
    }
    long gen = meta(POSTINGS_GEN);
    PostingIndex p = liveIndex;
    if (p != null) {
      p.close();
    }
    liveIndex = rebuildIndex(indexFile, gen);
    StoryTermIndex t = liveTerms;
    if (t != null) {
      t.close();
    }
    liveTerms = rebuildTermIndex(termIndexFile, gen);
    DocFreqIndex d = liveDf;
    if (d != null) {
      d.close();
    }
    liveDf = rebuildDfIndex(dfIndexFile, gen);
    postingsGen = -1;
    indexSuspect = false;
  }

  /**
   * After the commit of the transaction {@link #flush} wrote: applies its postings to the index and
   * records the store generation they bring it to.
   */
  void committed() {
    if (flushedGen == 0) {
      pendingPostings.clear();
      pendingTerms.clear();
      dfDelta.clear();
      termsCleared = false;
      return;
    }
    try {
      PostingIndex idx = postingIndex();
      idx.markDirty();
      for (Map.Entry<Long, List<Long>> e : pendingPostings.entrySet()) {
        for (long a : e.getValue()) {
          idx.add(e.getKey(), a);
        }
      }
      idx.setGeneration(flushedGen);
      StoryTermIndex terms = storyTermIndex();
      if (termsCleared && termIndexFile != null) {
        terms.close();
        terms = StoryTermIndex.create(termIndexFile, 0, flushedGen);
        liveTerms = terms;
      }
      terms.markDirty();
      for (Map.Entry<Long, Map<Long, Long>> e : pendingTerms.entrySet()) {
        int term = (int) (long) e.getKey();
        for (Map.Entry<Long, Long> s : e.getValue().entrySet()) {
          terms.add(term, s.getKey(), s.getValue());
        }
      }
      terms.setGeneration(flushedGen);
      DocFreqIndex df = docFreqIndex();
      if (termsCleared && dfIndexFile != null) {
        df.close();
        df = DocFreqIndex.create(dfIndexFile, 0, flushedGen);
        liveDf = df;
      }
      df.markDirty();
      for (long term : dfDelta.sortedKeys()) {
        df.add((int) term, dfDelta.get(term, 0));
      }
      df.setGeneration(flushedGen);
    } catch (RuntimeException e) {
      indexSuspect = true; // rebuilt from the store before the next use
      LOG.warn("applying a committed transaction to the dedup indexes failed; rebuilding them", e);
    } finally {
      pendingPostings.clear();
      pendingTerms.clear();
      dfDelta.clear();
      termsCleared = false;
      flushedGen = 0;
    }
  }

  /**
   * The state on the store's writer connection, whose page cache is raised to {@value
   * #WRITER_CACHE_KB} KB (native memory, bounded; SQLite's default is 2 MB): an article's lookups
   * land on posting and term lists spread over the whole file, and each page that misses the cache
   * is a system call.
   */
  static SqliteDedupState onWriter(
      Connection c, Path indexFile, Path termIndexFile, Path dfIndexFile) {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA cache_size = -" + WRITER_CACHE_KB);
    } catch (SQLException e) {
      throw new StoreException("setting up the dedup state failed: " + e.getMessage(), e);
    }
    return new SqliteDedupState(c, indexFile, termIndexFile, dfIndexFile);
  }

  /** Forgets cached values (after a rollback, or when another connection may have written). */
  void forget() {
    if (flushedGen != 0) {
      // the failure may have come after the commit: the store's generation tells
      long stored;
      try {
        stored = meta(POSTINGS_GEN);
      } catch (RuntimeException e) {
        stored = -1;
      }
      if (stored == flushedGen) {
        committed();
      } else if (stored != flushedGen - 1) {
        indexSuspect = true;
      }
    }
    flushedGen = 0;
    postingsGen = -1;
    storyCache.clear();
    dfDelta.clear();
    deltaRows = -1;
    pendingPostings.clear();
    pendingTerms.clear();
    termsCleared = false;
    dirtyStories.clear();
    dirtyRows.clear();
    newIds.clear();
    nextKey = -1;
    documents = -1;
    documentsDirty = false;
    nextStory = -1;
    nextStoryDirty = false;
  }

  /**
   * Writes what was held back (postings, story terms, frequencies); call inside the transaction.
   */
  void flush() {
    try {
      flushRows();
      flushTerms();
      bumpGeneration();
      flushStories();
      flushDf();
    } catch (SQLException e) {
      throw new StoreException("writing dedup state failed: " + e.getMessage(), e);
    }
    if (documentsDirty) {
      setMeta(DOCUMENTS, documents);
      documentsDirty = false;
    }
    if (nextStoryDirty) {
      setMeta(NEXT_STORY, nextStory);
      nextStoryDirty = false;
    }
  }

  /**
   * Appends this transaction's frequency increments as one row (they reach the index in {@link
   * #committed}), and every {@value #FOLD_ROWS} rows folds them into {@code dedup_df}.
   */
  private void flushDf() throws SQLException {
    if (dfDelta.isEmpty()) {
      return;
    }
    long[] terms = dfDelta.sortedKeys();
    byte[] b = new byte[terms.length * 8];
    for (int i = 0; i < terms.length; i++) {
      putInt(b, 8 * i, checkedTerm(terms[i]));
      putInt(b, 8 * i + 4, dfDelta.get(terms[i], 0));
    }
    update("INSERT INTO dedup_df_delta (deltas) VALUES (?)", p -> p.setBytes(1, b));
    if (deltaRows < 0) {
      deltaRows =
          query(
              "SELECT count(*) FROM dedup_df_delta", p -> {}, rs -> rs.next() ? rs.getLong(1) : 0L);
    } else {
      deltaRows++;
    }
    if (deltaRows >= foldRows) {
      foldDf();
    }
  }

  /**
   * Sums the increment rows into {@code dedup_df} (one upsert per distinct term, in term order) and
   * deletes them: the frequencies, and so the index derived from them, stay the same.
   */
  private void foldDf() throws SQLException {
    LongIntMap sum = new LongIntMap(1 << 14);
    query(
        "SELECT deltas FROM dedup_df_delta",
        p -> {},
        rs -> {
          while (rs.next()) {
            byte[] b = rs.getBytes(1);
            for (int o = 0; o + 8 <= b.length; o += 8) {
              sum.add(intAt(b, o), intAt(b, o + 4));
            }
          }
          return null;
        });
    PreparedStatement p =
        prepare(
            "INSERT INTO dedup_df (term, df) VALUES (?, ?)"
                + " ON CONFLICT (term) DO UPDATE SET df = df + excluded.df");
    for (long term : sum.sortedKeys()) {
      p.setLong(1, term);
      p.setInt(2, sum.get(term, 0));
      p.addBatch();
    }
    p.executeBatch();
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM dedup_df_delta");
    }
    deltaRows = 0;
  }

  // ---- articles

  @Override
  public long key(String articleId) {
    Long added = newIds.get(articleId);
    if (added != null) {
      return added;
    }
    return query(
        "SELECT key FROM dedup_article WHERE id = ?",
        p -> p.setString(1, articleId),
        rs -> rs.next() ? rs.getLong(1) : -1L);
  }

  /**
   * Hands out the next key (the largest so far + 1, as SQLite would) and holds the new row back: it
   * is inserted once, complete, by {@link #flush} (an id stored already fails there, with the
   * transaction).
   */
  @Override
  public long add(String articleId) {
    if (newIds.containsKey(articleId)) {
      throw new StoreException("article " + articleId + " is in the dedup state already");
    }
    if (nextKey < 0) {
      nextKey =
          query(
              "SELECT coalesce(max(key), 0) + 1 FROM dedup_article",
              p -> {},
              rs -> rs.next() ? rs.getLong(1) : 1L);
    }
    long key = nextKey++;
    newIds.put(articleId, key);
    dirtyRows.put(key, new Row(key, articleId, null, -1, -1, null));
    return key;
  }

  @Override
  public String id(long key) {
    Row row = row(key);
    if (row == null) {
      throw new IllegalArgumentException("unknown article key " + key);
    }
    return row.id;
  }

  /**
   * The row of an article changed in this transaction, or its stored row (not kept), or null.
   * Changes go to the held-back copy ({@link #changed}) and are written by {@link #flush}.
   */
  private @Nullable Row row(long key) {
    Row dirty = dirtyRows.get(key);
    if (dirty != null) {
      return dirty;
    }
    return query(
        "SELECT id, sketch, canonical, story, postings FROM dedup_article WHERE key = ?",
        p -> p.setLong(1, key),
        rs ->
            rs.next()
                ? new Row(
                    key,
                    rs.getString(1),
                    rs.getBytes(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getBytes(5))
                : null);
  }

  /** The held-back copy of an article's row to change, or null for an unknown article. */
  private @Nullable Row changed(long key) {
    Row row = row(key);
    if (row != null) {
      dirtyRows.put(key, row);
    }
    return row;
  }

  /**
   * Writes the article rows added (an insert each) or changed (an update each) in this transaction.
   */
  private void flushRows() throws SQLException {
    if (dirtyRows.isEmpty()) {
      return;
    }
    PreparedStatement insert =
        newIds.isEmpty()
            ? null
            : prepare(
                "INSERT INTO dedup_article (key, id, sketch, canonical, story, postings)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
    PreparedStatement update = null;
    for (Row r : new TreeMap<>(dirtyRows).values()) {
      Long added = newIds.get(r.id);
      if (insert != null && added != null && added == r.key) {
        insert.setLong(1, r.key);
        insert.setString(2, r.id);
        insert.setBytes(3, r.sketch);
        insert.setLong(4, r.canonical);
        insert.setLong(5, r.story);
        insert.setBytes(6, r.postings);
        insert.addBatch();
      } else {
        if (update == null) {
          update =
              prepare(
                  "UPDATE dedup_article SET sketch = ?, canonical = ?, story = ?, postings = ?"
                      + " WHERE key = ?");
        }
        update.setBytes(1, r.sketch);
        update.setLong(2, r.canonical);
        update.setLong(3, r.story);
        update.setBytes(4, r.postings);
        update.setLong(5, r.key);
        update.addBatch();
      }
    }
    if (insert != null) {
      insert.executeBatch();
    }
    if (update != null) {
      update.executeBatch();
    }
    dirtyRows.clear();
    newIds.clear();
  }

  /**
   * Keys from a query on a stored column, corrected by the rows changed in this transaction: a
   * stored key whose changed row no longer matches is left out, changed rows that match are added;
   * ascending.
   */
  private List<Long> overlaid(List<Long> stored, java.util.function.Predicate<Row> matches) {
    java.util.TreeSet<Long> out = new java.util.TreeSet<>();
    for (long k : stored) {
      Row r = dirtyRows.get(k);
      if (r == null || matches.test(r)) {
        out.add(k);
      }
    }
    for (Row r : dirtyRows.values()) {
      if (matches.test(r)) {
        out.add(r.key);
      }
    }
    return new ArrayList<>(out);
  }

  private List<Long> keysWhere(String sql, long value) {
    List<Long> out = new ArrayList<>();
    query(
        sql,
        p -> p.setLong(1, value),
        rs -> {
          while (rs.next()) {
            out.add(rs.getLong(1));
          }
          return null;
        });
    return out;
  }

  @Override
  public long articles() {
    return newIds.size()
        + query(
            "SELECT count(*) FROM dedup_article", p -> {}, rs -> rs.next() ? rs.getLong(1) : 0L);
  }

  // ---- fingerprints

  @Override
  public void putSketch(long article, byte[] sketch) {
    Row r = changed(article);
    if (r != null) {
      r.sketch = sketch;
    }
  }

  @Override
  public byte @Nullable [] sketch(long article) {
    Row r = dirtyRows.get(article);
    if (r != null) {
      return r.sketch;
    }
    return query(
        "SELECT sketch FROM dedup_article WHERE key = ?",
        p -> p.setLong(1, article),
        rs -> rs.next() ? rs.getBytes(1) : null);
  }

  @Override
  public void removeSketch(long article) {
    Row r = changed(article);
    if (r != null) {
      r.sketch = null;
    }
  }

  @Override
  public void addPosting(int table, int key, long article) {
    if (table < 0 || table > 255) {
      throw new IllegalArgumentException("lookup table out of range: " + table);
    }
    List<Long> list =
        pendingPostings.computeIfAbsent(postingKey(table, key), k -> new ArrayList<>(2));
    if (!list.contains(article)) {
      Row r = changed(article);
      if (r == null) {
        throw new IllegalArgumentException("unknown article key " + article);
      }
      r.postings = appendPosting(r.postings, table, key);
      list.add(article);
    }
  }

  private static long postingKey(int table, int key) {
    return ((long) table << 32) | (key & 0xffffffffL);
  }

  @Override
  public void postings(int table, int key, int limit, LongConsumer out) {
    postings(new int[] {table}, new int[] {key}, 1, limit, (probe, a) -> out.accept(a));
  }

  /**
   * The stored lists of all distinct probe keys in one statement (a primary-key {@code IN} list),
   * merged with the postings held back in this transaction.
   */
  @Override
  public void postings(int[] tables, int[] keys, int n, int limit, ProbeSink out) {
    Map<Long, int[]> probes = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      probes.merge(postingKey(tables[i], keys[i]), new int[] {i}, SqliteDedupState::concat);
    }
    PostingIndex idx = postingIndex();
    long[] buf = new long[PER_KEY];
    int[] count = new int[1];
    for (Map.Entry<Long, int[]> e : probes.entrySet()) {
      idx.get(e.getKey(), limit, buf, count);
      List<Long> pending = pendingPostings.get(e.getKey());
      long[] articles;
      int found;
      if (pending != null) {
        articles = mergeArticles(buf, count[0], pending, limit);
        found = articles.length;
      } else if (count[0] > 0) {
        articles = buf;
        found = count[0];
      } else {
        continue;
      }
      for (int k = 0; k < Math.min(limit, found); k++) {
        for (int i : e.getValue()) {
          out.accept(i, articles[k]);
        }
      }
    }
  }

  /** The first {@code n} of {@code stored} and {@code added}: distinct, ascending, at most cap. */
  private static long[] mergeArticles(long[] stored, int n, List<Long> added, int cap) {
    long[] all = java.util.Arrays.copyOf(stored, n + added.size());
    int m = n;
    for (long a : added) {
      all[m++] = a;
    }
    java.util.Arrays.sort(all, 0, m);
    int out = 0;
    for (int i = 0; i < m && out < cap; i++) {
      if (out == 0 || all[i] != all[out - 1]) {
        all[out++] = all[i];
      }
    }
    return java.util.Arrays.copyOf(all, out);
  }

  /**
   * The postings of this transaction are in their articles' rows ({@link #flushRows}); here the
   * store's postings generation is bumped in the same transaction. They reach the index in {@link
   * #committed}, after the commit.
   */
  /**
   * Counts this transaction in {@code meta} when it changes what the derived indexes hold, so that
   * an index that missed it is told apart.
   */
  private void bumpGeneration() {
    if (pendingPostings.isEmpty() && pendingTerms.isEmpty() && dfDelta.isEmpty() && !termsCleared) {
      return;
    }
    if (postingsGen < 0) {
      postingsGen = meta(POSTINGS_GEN);
    }
    postingsGen++;
    setMeta(POSTINGS_GEN, postingsGen);
    flushedGen = postingsGen;
  }

  @Override
  public void sketches(long[] wanted, int count, BiConsumer<Long, byte[]> out) {
    long[] articles = new long[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      Row r = dirtyRows.get(wanted[i]);
      if (r == null) {
        articles[n++] = wanted[i];
      } else if (r.sketch != null) {
        out.accept(r.key, r.sketch);
      }
    }
    if (n == 0) {
      return;
    }
    int size = bucket(n);
    PreparedStatement p =
        prepare(
            "SELECT key, sketch FROM dedup_article WHERE key IN ("
                + String.join(", ", java.util.Collections.nCopies(size, "?"))
                + ") AND sketch IS NOT NULL");
    try {
      for (int i = 0; i < size; i++) {
        p.setLong(i + 1, i < n ? articles[i] : -1);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.accept(rs.getLong(1), rs.getBytes(2));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading dedup state failed: " + e.getMessage(), e);
    }
  }

  /** Statement sizes: powers of two from 16, so that a handful of statements serve all. */
  private static int bucket(int n) {
    return Math.max(16, Integer.highestOneBit(Math.max(1, n - 1)) << 1);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // ---- duplicates

  @Override
  public void setCanonical(long article, long canonical) {
    Row r = changed(article);
    if (r != null) {
      r.canonical = canonical;
    }
  }

  @Override
  public long canonical(long article) {
    Row r = dirtyRows.get(article);
    if (r != null) {
      return r.canonical;
    }
    return query(
        "SELECT canonical FROM dedup_article WHERE key = ?",
        p -> p.setLong(1, article),
        rs -> rs.next() ? rs.getLong(1) : -1L);
  }

  @Override
  public void copies(long canonical, LongConsumer out) {
    List<Long> stored =
        keysWhere("SELECT key FROM dedup_article WHERE canonical = ? ORDER BY key", canonical);
    for (long k : overlaid(stored, r -> r.canonical == canonical)) {
      if (k != canonical) {
        out.accept(k);
      }
    }
  }

  // ---- stories

  @Override
  public long nextStoryId() {
    if (nextStory < 0) {
      nextStory = meta(NEXT_STORY);
    }
    nextStoryDirty = true;
    return nextStory++;
  }

  @Override
  public void putStory(StoryRow s) {
    storyCache.put(s.id(), s);
    dirtyStories.put(s.id(), s);
  }

  @Override
  public @Nullable StoryRow story(long storyId) {
    StoryRow cached = cachedStory(storyId);
    if (cached != null) {
      return cached;
    }
    StoryRow row =
        query(
            "SELECT id, headline, first_seen, last_seen, size, centroid FROM dedup_story WHERE id = ?",
            p -> p.setLong(1, storyId),
            rs -> rs.next() ? row(rs) : null);
    if (row != null) {
      storyCache.put(storyId, row);
    }
    return row;
  }

  /** A story changed in this transaction or cached, or null. */
  private @Nullable StoryRow cachedStory(long storyId) {
    StoryRow dirty = dirtyStories.get(storyId);
    return dirty != null ? dirty : storyCache.get(storyId);
  }

  /** Writes changed story rows before a statement that reads the story table itself. */
  private void flushStoriesForQuery() {
    try {
      flushStories();
    } catch (SQLException e) {
      throw new StoreException("writing dedup state failed: " + e.getMessage(), e);
    }
  }

  private static StoryRow row(ResultSet rs) throws SQLException {
    return new StoryRow(
        rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getBytes(6));
  }

  @Override
  public void removeStory(long storyId) {
    storyCache.remove(storyId);
    dirtyStories.remove(storyId);
    update("DELETE FROM dedup_story WHERE id = ?", p -> p.setLong(1, storyId));
  }

  @Override
  public void setStory(long article, long storyId) {
    Row r = changed(article);
    if (r != null) {
      r.story = storyId;
    }
  }

  @Override
  public long storyOf(long article) {
    Row r = dirtyRows.get(article);
    if (r != null) {
      return r.story;
    }
    return query(
        "SELECT story FROM dedup_article WHERE key = ?",
        p -> p.setLong(1, article),
        rs -> rs.next() ? rs.getLong(1) : -1L);
  }

  @Override
  public void members(long storyId, LongConsumer out) {
    List<Long> stored =
        keysWhere("SELECT key FROM dedup_article WHERE story = ? ORDER BY key", storyId);
    for (long k : overlaid(stored, r -> r.story == storyId)) {
      out.accept(k);
    }
  }

  @Override
  public void moveMembers(long from, long to) {
    if (from == to) {
      return;
    }
    update(
        "UPDATE dedup_article SET story = ? WHERE story = ?",
        p -> {
          p.setLong(1, to);
          p.setLong(2, from);
        });
    for (Row r : dirtyRows.values()) {
      if (r.story == from) {
        r.story = to;
      }
    }
  }

  /** Story terms are 32-bit term hashes (as the clusterer files them); the index keys on that. */
  @Override
  public void addStoryTerm(long term, long storyId, long seenMillis) {
    if (term != (int) term) {
      throw new IllegalArgumentException("story term out of the 32-bit range: " + term);
    }
    pendingTerms.computeIfAbsent(term, t -> new HashMap<>()).merge(storyId, seenMillis, Math::max);
  }

  @Override
  public void storiesWithTerm(long term, long sinceMillis, int limit, LongConsumer out) {
    storiesWithTerms(new long[] {term}, 1, sinceMillis, limit, (probe, story) -> out.accept(story));
  }

  /**
   * The lists of all distinct terms from the story-term index, merged with the story terms held
   * back in this transaction; lists are kept most recent first, so each is read from the front
   * until {@code limit} entries or one older than {@code sinceMillis}.
   */
  @Override
  public void storiesWithTerms(long[] terms, int n, long sinceMillis, int limit, ProbeSink out) {
    if (limit > PER_TERM) {
      throw new IllegalArgumentException("at most " + PER_TERM + " stories per term are kept");
    }
    Map<Long, int[]> probes = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      probes.merge(terms[i], new int[] {i}, SqliteDedupState::concat);
    }
    StoryTermIndex idx = termsCleared ? null : storyTermIndex();
    long[] stories = new long[PER_TERM];
    long[] seen = new long[PER_TERM];
    for (Map.Entry<Long, int[]> e : probes.entrySet()) {
      long term = e.getKey();
      int n2 = idx == null || term != (int) term ? 0 : idx.get((int) term, stories, seen);
      Map<Long, Long> pending = pendingTerms.get(term);
      if (pending != null) {
        Map<Long, Long> all = new HashMap<>(pending);
        for (int k = 0; k < n2; k++) {
          all.merge(stories[k], seen[k], Math::max);
        }
        byte[] list = PackedLists.mergeTerms(null, all, PER_TERM);
        n2 = PackedLists.termCount(list);
        for (int k = 0; k < n2; k++) {
          stories[k] = PackedLists.story(list, k);
          seen[k] = PackedLists.seen(list, k);
        }
      }
      for (int k = 0; k < Math.min(n2, limit); k++) {
        if (seen[k] < sinceMillis) {
          break;
        }
        for (int i : e.getValue()) {
          out.accept(i, stories[k]);
        }
      }
    }
  }

  /**
   * Appends the held-back story terms as filing rows, one per (story, time): the source the
   * story-term index is derived from. They stay held back until {@link #committed} applies them to
   * the index.
   */
  private void flushTerms() throws SQLException {
    if (pendingTerms.isEmpty()) {
      return;
    }
    // (story, time) → its terms, in a fixed order
    TreeMap<Long, TreeMap<Long, List<Long>>> filings = new TreeMap<>();
    for (Map.Entry<Long, Map<Long, Long>> e : pendingTerms.entrySet()) {
      for (Map.Entry<Long, Long> s : e.getValue().entrySet()) {
        filings
            .computeIfAbsent(s.getKey(), k -> new TreeMap<>())
            .computeIfAbsent(s.getValue(), k -> new ArrayList<>())
            .add(e.getKey());
      }
    }
    PreparedStatement p =
        prepare("INSERT INTO dedup_story_filing (story, seen, terms) VALUES (?, ?, ?)");
    for (Map.Entry<Long, TreeMap<Long, List<Long>>> f : filings.entrySet()) {
      for (Map.Entry<Long, List<Long>> t : f.getValue().entrySet()) {
        List<Long> terms = t.getValue();
        java.util.Collections.sort(terms);
        byte[] b = new byte[terms.size() * 4];
        for (int i = 0; i < terms.size(); i++) {
          int v = (int) (long) terms.get(i);
          b[4 * i] = (byte) (v >>> 24);
          b[4 * i + 1] = (byte) (v >>> 16);
          b[4 * i + 2] = (byte) (v >>> 8);
          b[4 * i + 3] = (byte) v;
        }
        p.setLong(1, f.getKey());
        p.setLong(2, t.getKey());
        p.setBytes(3, b);
        p.addBatch();
      }
    }
    p.executeBatch();
  }

  /** Writes the story rows changed in this transaction, each once. */
  private void flushStories() throws SQLException {
    if (dirtyStories.isEmpty()) {
      return;
    }
    PreparedStatement p =
        prepare(
            "INSERT INTO dedup_story (id, headline, first_seen, last_seen, size, centroid)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " headline = excluded.headline, first_seen = excluded.first_seen,"
                + " last_seen = excluded.last_seen, size = excluded.size,"
                + " centroid = excluded.centroid");
    for (StoryRow s : new TreeMap<>(dirtyStories).values()) {
      p.setLong(1, s.id());
      p.setString(2, s.headline());
      p.setLong(3, s.firstSeen());
      p.setLong(4, s.lastSeen());
      p.setInt(5, s.size());
      p.setBytes(6, s.centroid());
      p.addBatch();
    }
    p.executeBatch();
    dirtyStories.clear();
  }

  @Override
  public void stories(long[] ids, int n, Consumer<StoryRow> out) {
    long[] missing = new long[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      StoryRow cached = cachedStory(ids[i]);
      if (cached != null) {
        out.accept(cached);
      } else {
        missing[m++] = ids[i];
      }
    }
    if (m == 0) {
      return;
    }
    int size = bucket(m);
    PreparedStatement p =
        prepare(
            "SELECT id, headline, first_seen, last_seen, size, centroid FROM dedup_story"
                + " WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(size, "?"))
                + ")");
    try {
      for (int i = 0; i < size; i++) {
        p.setLong(i + 1, i < m ? missing[i] : -1);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          StoryRow row = row(rs);
          storyCache.put(row.id(), row);
          out.accept(row);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading dedup state failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void forEachStory(long sinceMillis, Consumer<StoryRow> out) {
    flushStoriesForQuery();
    query(
        "SELECT id, headline, first_seen, last_seen, size, centroid FROM dedup_story"
            + " WHERE last_seen >= ? ORDER BY id",
        p -> p.setLong(1, sinceMillis),
        rs -> {
          while (rs.next()) {
            out.accept(row(rs));
          }
          return null;
        });
  }

  @Override
  public void recentStories(long sinceMillis, int limit, Consumer<StoryRow> out) {
    flushStoriesForQuery();
    query(
        "SELECT id, headline, first_seen, last_seen, size, centroid FROM dedup_story"
            + " WHERE last_seen >= ? ORDER BY last_seen DESC, id LIMIT ?",
        p -> {
          p.setLong(1, sinceMillis);
          p.setInt(2, limit);
        },
        rs -> {
          while (rs.next()) {
            out.accept(row(rs));
          }
          return null;
        });
  }

  @Override
  public void memberIds(long storyId, Consumer<String> out) {
    if (dirtyRows.isEmpty()) {
      query(
          "SELECT id FROM dedup_article WHERE story = ? ORDER BY key",
          p -> p.setLong(1, storyId),
          rs -> {
            while (rs.next()) {
              out.accept(rs.getString(1));
            }
            return null;
          });
      return;
    }
    members(storyId, k -> out.accept(id(k)));
  }

  @Override
  public void latestMemberIds(long storyId, int limit, Consumer<String> out) {
    if (!dirtyRows.isEmpty()) {
      DedupState.super.latestMemberIds(storyId, limit, out);
      return;
    }
    // The story index holds the key (the row id) in order: read backwards, `limit` rows at most.
    query(
        "SELECT id FROM dedup_article WHERE story = ? ORDER BY key DESC LIMIT ?",
        p -> {
          p.setLong(1, storyId);
          p.setInt(2, Math.max(0, limit));
        },
        rs -> {
          while (rs.next()) {
            out.accept(rs.getString(1));
          }
          return null;
        });
  }

  @Override
  public void clearStories() {
    try (Statement s = c.createStatement()) {
      storyCache.clear();
      dirtyStories.clear();
      s.executeUpdate("DELETE FROM dedup_story");
      s.executeUpdate("DELETE FROM dedup_term_list");
      s.executeUpdate("DELETE FROM dedup_story_filing");
      s.executeUpdate("DELETE FROM dedup_df");
      s.executeUpdate("DELETE FROM dedup_df_delta");
      s.executeUpdate("UPDATE dedup_article SET story = -1 WHERE story <> -1");
      dirtyRows.values().forEach(r -> r.story = -1);
    } catch (SQLException e) {
      throw new StoreException("clearing stories failed: " + e.getMessage(), e);
    }
    setMeta(DOCUMENTS, 0);
    deltaRows = 0;
    dfDelta.clear();
    pendingTerms.clear();
    termsCleared = true;
    documents = 0;
    documentsDirty = false;
  }

  // ---- document frequencies

  @Override
  public void addDocument(long[] terms, int n) {
    for (int i = 0; i < n; i++) {
      dfDelta.add(checkedTerm(terms[i]), 1);
    }
    documents = documents() + 1;
    documentsDirty = true;
  }

  /**
   * The frequency index plus the increments of this transaction (none from the index after {@link
   * #clearStories} in it).
   */
  @Override
  public int df(long term) {
    int t = checkedTerm(term);
    long stored = termsCleared ? 0 : docFreqIndex().get(t);
    return (int) stored + dfDelta.get(term, 0);
  }

  @Override
  public long documents() {
    if (documents < 0) {
      documents = meta(DOCUMENTS);
    }
    return documents;
  }

  // ---- meta counters

  private long meta(String key) {
    String v =
        query(
            "SELECT value FROM meta WHERE key = ?",
            p -> p.setString(1, key),
            rs -> rs.next() ? rs.getString(1) : null);
    return v == null ? 0 : Long.parseLong(v);
  }

  private void setMeta(String key, long value) {
    update(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        p -> {
          p.setString(1, key);
          p.setString(2, Long.toString(value));
        });
  }

  // ---- plumbing

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private PreparedStatement prepare(String sql) {
    PreparedStatement p = statements.get(sql);
    if (p == null) {
      try {
        p = c.prepareStatement(sql);
      } catch (SQLException e) {
        throw new StoreException("preparing a dedup statement failed: " + e.getMessage(), e);
      }
      statements.put(sql, p);
    }
    return p;
  }

  private <T> T query(String sql, Binder binder, Reader<T> reader) {
    PreparedStatement p = prepare(sql);
    try {
      binder.bind(p);
      try (ResultSet rs = p.executeQuery()) {
        return reader.read(rs);
      }
    } catch (SQLException e) {
      throw new StoreException("reading dedup state failed: " + e.getMessage(), e);
    }
  }

  private void update(String sql, Binder binder) {
    PreparedStatement p = prepare(sql);
    try {
      binder.bind(p);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("writing dedup state failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (ownsIndex && liveIndex != null) {
      liveIndex.close();
    }
    if (ownsIndex && liveTerms != null) {
      liveTerms.close();
    }
    if (ownsIndex && liveDf != null) {
      liveDf.close();
    }
    for (PreparedStatement p : statements.values()) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing a prepared statement of a connection that is going away: nothing to do
      }
    }
    statements.clear();
  }
}
