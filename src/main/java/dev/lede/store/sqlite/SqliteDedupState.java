package dev.lede.store.sqlite;

import dev.lede.dedup.DedupState;
import dev.lede.store.StoreException;
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

/**
 * The dedup stage's state in the store's own SQLite file (tables of migration V003): the corpus
 * never has to fit in memory. Bound to one connection: the store's writer (used only inside the
 * store's write transactions, so that an article, its fingerprint, its duplicate link and its story
 * commit together) or a reader (read-only snapshot).
 *
 * <p>Reads are statements on an index (prepared once per connection); the lookups of one article
 * are batched: all its posting probes in one statement (a VALUES list joined to the posting key,
 * the first {@code limit} rows of each key kept by a window function; lists hold at most {@value
 * #PER_KEY} postings, the oldest, as in the heap state, so a key costs a bounded read), all its
 * story-term probes in another, then the candidate stories, candidate fingerprints and missing
 * document frequencies with one {@code IN} list each. Statement sizes are rounded up (padding that
 * matches nothing) so that a handful of prepared statements serve every article. Story rows are
 * cached write-through in a bounded LRU ({@value #STORY_CACHE} rows): the candidates of an article
 * are mostly recent stories, read again and again. The three kinds of rows written by the dozen per
 * article — lookup postings, story terms and document-frequency increments — are held back in the
 * heap for the current transaction only (reads see them through an overlay) and written by {@link
 * #flush} just before the commit, sorted by key and with the increments of one transaction summed:
 * far fewer, far more local B-tree writes. Document frequencies read are cached in a bounded map.
 * After a rollback {@link #forget} drops all of it, cached stories included.
 *
 * <p>Per article on disk: one {@code dedup_article} row (id, fingerprint of about 600–900 bytes,
 * two integers) and about 37 postings of three integers in a WITHOUT ROWID table; per story one row
 * with its centroid and about 40 term rows. Not thread-safe (the store serialises writers).
 */
final class SqliteDedupState implements DedupState, AutoCloseable {
  private static final String DOCUMENTS = "dedup_documents";
  private static final String NEXT_STORY = "dedup_next_story";
  private static final int DF_CACHE = 1 << 18;

  /** Story rows kept in the heap (about 2 KB each with its centroid: 8 MB at most). */
  private static final int STORY_CACHE = 4096;

  /** Values in one {@code IN (...)} list. */
  private static final int MAX_IN = 512;

  /** Postings kept per lookup key (lookups ask for at most this many). */
  private static final int PER_KEY = 64;

  private final Connection c;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final LongIntMap dfCache = new LongIntMap(1 << 12);
  private final LongIntMap dfDelta = new LongIntMap(1 << 12);
  private final TreeMap<Long, List<Long>> pendingPostings = new TreeMap<>();
  private final Map<Long, Map<Long, Long>> pendingTerms = new HashMap<>();

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

  SqliteDedupState(Connection c) {
    this.c = c;
  }

  /** Forgets cached values (after a rollback, or when another connection may have written). */
  void forget() {
    storyCache.clear();
    dfCache.clear();
    dfDelta.clear();
    pendingPostings.clear();
    pendingTerms.clear();
    documents = -1;
    documentsDirty = false;
  }

  /**
   * Writes what was held back (postings, story terms, frequencies); call inside the transaction.
   */
  void flush() {
    try {
      if (!pendingPostings.isEmpty()) {
        // Lookups read the oldest postings of a key only (article keys grow): a list already
        // holding PER_KEY of them is full, as in the heap state's PostingTable.
        PreparedStatement p =
            prepare(
                "INSERT OR IGNORE INTO dedup_posting (tbl, k, article) SELECT ?, ?, ?"
                    + " WHERE (SELECT count(*) FROM (SELECT 1 FROM dedup_posting"
                    + " WHERE tbl = ?1 AND k = ?2 LIMIT "
                    + PER_KEY
                    + ")) < "
                    + PER_KEY);
        for (Map.Entry<Long, List<Long>> e : pendingPostings.entrySet()) {
          for (long a : e.getValue()) {
            p.setInt(1, (int) (e.getKey() >> 32));
            p.setInt(2, (int) (long) e.getKey());
            p.setLong(3, a);
            p.addBatch();
          }
        }
        p.executeBatch();
        pendingPostings.clear();
      }
      if (!pendingTerms.isEmpty()) {
        PreparedStatement p =
            prepare(
                "INSERT INTO dedup_story_term (term, story, seen) VALUES (?, ?, ?)"
                    + " ON CONFLICT (term, story) DO UPDATE SET seen = max(seen, excluded.seen)");
        for (Map.Entry<Long, Map<Long, Long>> e : new TreeMap<>(pendingTerms).entrySet()) {
          for (Map.Entry<Long, Long> st : e.getValue().entrySet()) {
            p.setLong(1, e.getKey());
            p.setLong(2, st.getKey());
            p.setLong(3, st.getValue());
            p.addBatch();
          }
        }
        p.executeBatch();
        pendingTerms.clear();
      }
      if (!dfDelta.isEmpty()) {
        PreparedStatement p =
            prepare(
                "INSERT INTO dedup_df (term, df) VALUES (?, ?)"
                    + " ON CONFLICT (term) DO UPDATE SET df = df + excluded.df");
        for (long term : dfDelta.sortedKeys()) {
          int delta = dfDelta.get(term, 0);
          p.setLong(1, term);
          p.setInt(2, delta);
          p.addBatch();
          dfCache.addIfPresent(term, delta);
        }
        p.executeBatch();
        dfDelta.clear();
      }
    } catch (SQLException e) {
      throw new StoreException("writing dedup state failed: " + e.getMessage(), e);
    }
    if (documentsDirty) {
      setMeta(DOCUMENTS, documents);
      documentsDirty = false;
    }
  }

  // ---- articles

  @Override
  public long key(String articleId) {
    return query(
        "SELECT key FROM dedup_article WHERE id = ?",
        p -> p.setString(1, articleId),
        rs -> rs.next() ? rs.getLong(1) : -1L);
  }

  @Override
  public long add(String articleId) {
    return query(
        "INSERT INTO dedup_article (id) VALUES (?) RETURNING key",
        p -> p.setString(1, articleId),
        rs -> {
          rs.next();
          return rs.getLong(1);
        });
  }

  @Override
  public String id(long key) {
    String id =
        query(
            "SELECT id FROM dedup_article WHERE key = ?",
            p -> p.setLong(1, key),
            rs -> rs.next() ? rs.getString(1) : null);
    if (id == null) {
      throw new IllegalArgumentException("unknown article key " + key);
    }
    return id;
  }

  @Override
  public long articles() {
    return query(
        "SELECT count(*) FROM dedup_article", p -> {}, rs -> rs.next() ? rs.getLong(1) : 0);
  }

  // ---- fingerprints

  @Override
  public void putSketch(long article, byte[] sketch) {
    update(
        "UPDATE dedup_article SET sketch = ? WHERE key = ?",
        p -> {
          p.setBytes(1, sketch);
          p.setLong(2, article);
        });
  }

  @Override
  public byte @Nullable [] sketch(long article) {
    return query(
        "SELECT sketch FROM dedup_article WHERE key = ?",
        p -> p.setLong(1, article),
        rs -> rs.next() ? rs.getBytes(1) : null);
  }

  @Override
  public void removeSketch(long article) {
    update("UPDATE dedup_article SET sketch = NULL WHERE key = ?", p -> p.setLong(1, article));
  }

  @Override
  public void addPosting(int table, int key, long article) {
    List<Long> list =
        pendingPostings.computeIfAbsent(postingKey(table, key), k -> new ArrayList<>(2));
    if (!list.contains(article)) {
      list.add(article);
    }
  }

  private static long postingKey(int table, int key) {
    return ((long) table << 32) | (key & 0xffffffffL);
  }

  @Override
  public void postings(int table, int key, int limit, LongConsumer out) {
    List<Long> pending = pendingPostings.get(postingKey(table, key));
    if (pending != null) {
      List<Long> all = new ArrayList<>();
      postingsStored(table, key, limit, all::add);
      for (long a : pending) {
        if (!all.contains(a)) {
          all.add(a);
        }
      }
      all.sort(null);
      for (int i = 0; i < Math.min(limit, all.size()); i++) {
        out.accept(all.get(i));
      }
      return;
    }
    postingsStored(table, key, limit, out);
  }

  private void postingsStored(int table, int key, int limit, LongConsumer out) {
    query(
        "SELECT article FROM dedup_posting WHERE tbl = ? AND k = ? ORDER BY article LIMIT ?",
        p -> {
          p.setInt(1, table);
          p.setInt(2, key);
          p.setInt(3, limit);
        },
        rs -> {
          while (rs.next()) {
            out.accept(rs.getLong(1));
          }
          return null;
        });
  }

  /** Distinct probes are asked in one statement; keys with rows of this transaction one by one. */
  @Override
  public void postings(int[] tables, int[] keys, int n, int limit, ProbeSink out) {
    Map<Long, int[]> probes = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      long pk = postingKey(tables[i], keys[i]);
      if (pendingPostings.containsKey(pk)) {
        int probe = i;
        postings(tables[i], keys[i], limit, a -> out.accept(probe, a));
        continue;
      }
      probes.merge(pk, new int[] {i}, SqliteDedupState::concat);
    }
    if (probes.isEmpty()) {
      return;
    }
    int size = bucket(probes.size());
    PreparedStatement p = prepare(postingsSql(size));
    try {
      int v = 1;
      for (long pk : probes.keySet()) {
        p.setInt(v++, (int) (pk >> 32));
        p.setInt(v++, (int) pk);
      }
      for (int i = probes.size(); i < size; i++) {
        p.setInt(v++, -1);
        p.setInt(v++, 0);
      }
      p.setInt(v, limit);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int[] which = probes.get(postingKey(rs.getInt(1), rs.getInt(2)));
          long article = rs.getLong(3);
          if (which != null) {
            for (int i : which) {
              out.accept(i, article);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading dedup state failed: " + e.getMessage(), e);
    }
  }

  /**
   * One statement for many keys: the keys joined to the posting table's primary key, the first
   * {@code limit} articles of each kept. Lists hold at most {@link #PER_KEY} postings ({@link
   * #flush} files no more), so the window reads a bounded number of rows per key.
   */
  private static String postingsSql(int size) {
    return "WITH q(tbl, k) AS (VALUES "
        + String.join(", ", java.util.Collections.nCopies(size, "(?, ?)"))
        + ") SELECT tbl, k, article FROM (SELECT p.tbl AS tbl, p.k AS k, p.article AS article,"
        + " row_number() OVER (PARTITION BY p.tbl, p.k ORDER BY p.article) AS rn"
        + " FROM q JOIN dedup_posting p ON p.tbl = q.tbl AND p.k = q.k) WHERE rn <= ?";
  }

  @Override
  public void sketches(long[] articles, int n, BiConsumer<Long, byte[]> out) {
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
    update(
        "UPDATE dedup_article SET canonical = ? WHERE key = ?",
        p -> {
          p.setLong(1, canonical);
          p.setLong(2, article);
        });
  }

  @Override
  public long canonical(long article) {
    return query(
        "SELECT canonical FROM dedup_article WHERE key = ?",
        p -> p.setLong(1, article),
        rs -> rs.next() ? rs.getLong(1) : -1L);
  }

  @Override
  public void copies(long canonical, LongConsumer out) {
    query(
        "SELECT key FROM dedup_article WHERE canonical = ? AND key <> ? ORDER BY key",
        p -> {
          p.setLong(1, canonical);
          p.setLong(2, canonical);
        },
        rs -> {
          while (rs.next()) {
            out.accept(rs.getLong(1));
          }
          return null;
        });
  }

  // ---- stories

  @Override
  public long nextStoryId() {
    long next = meta(NEXT_STORY);
    setMeta(NEXT_STORY, next + 1);
    return next;
  }

  @Override
  public void putStory(StoryRow s) {
    storyCache.put(s.id(), s);
    update(
        "INSERT INTO dedup_story (id, headline, first_seen, last_seen, size, centroid)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            + " headline = excluded.headline, first_seen = excluded.first_seen,"
            + " last_seen = excluded.last_seen, size = excluded.size, centroid = excluded.centroid",
        p -> {
          p.setLong(1, s.id());
          p.setString(2, s.headline());
          p.setLong(3, s.firstSeen());
          p.setLong(4, s.lastSeen());
          p.setInt(5, s.size());
          p.setBytes(6, s.centroid());
        });
  }

  @Override
  public @Nullable StoryRow story(long storyId) {
    StoryRow cached = storyCache.get(storyId);
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

  private static StoryRow row(ResultSet rs) throws SQLException {
    return new StoryRow(
        rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getBytes(6));
  }

  @Override
  public void removeStory(long storyId) {
    storyCache.remove(storyId);
    update("DELETE FROM dedup_story WHERE id = ?", p -> p.setLong(1, storyId));
  }

  @Override
  public void setStory(long article, long storyId) {
    update(
        "UPDATE dedup_article SET story = ? WHERE key = ?",
        p -> {
          p.setLong(1, storyId);
          p.setLong(2, article);
        });
  }

  @Override
  public long storyOf(long article) {
    return query(
        "SELECT story FROM dedup_article WHERE key = ?",
        p -> p.setLong(1, article),
        rs -> rs.next() ? rs.getLong(1) : -1L);
  }

  @Override
  public void members(long storyId, LongConsumer out) {
    query(
        "SELECT key FROM dedup_article WHERE story = ? ORDER BY key",
        p -> p.setLong(1, storyId),
        rs -> {
          while (rs.next()) {
            out.accept(rs.getLong(1));
          }
          return null;
        });
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
  }

  @Override
  public void addStoryTerm(long term, long storyId, long seenMillis) {
    pendingTerms.computeIfAbsent(term, t -> new HashMap<>()).merge(storyId, seenMillis, Math::max);
  }

  @Override
  public void storiesWithTerm(long term, long sinceMillis, int limit, LongConsumer out) {
    Map<Long, Long> pending = pendingTerms.get(term);
    if (pending == null) {
      storiesWithTermStored(term, sinceMillis, limit, (story, seen) -> out.accept(story));
      return;
    }
    Map<Long, Long> all = new HashMap<>();
    storiesWithTermStored(
        term, sinceMillis, limit, (story, seen) -> all.merge(story, seen, Math::max));
    for (long story : withPending(all, pending, sinceMillis, limit)) {
      out.accept(story);
    }
  }

  /**
   * Adds the transaction's held-back story terms seen since {@code sinceMillis} to the stored ones
   * and returns the {@code limit} most recently seen stories (ties by id).
   */
  private static List<Long> withPending(
      Map<Long, Long> all, Map<Long, Long> pending, long sinceMillis, int limit) {
    pending.forEach(
        (story, seen) -> {
          if (seen >= sinceMillis) {
            all.merge(story, seen, Math::max);
          }
        });
    return all.entrySet().stream()
        .sorted(
            Map.Entry.<Long, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public void storiesWithTerms(long[] terms, int n, long sinceMillis, int limit, ProbeSink out) {
    Map<Long, int[]> probes = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      probes.merge(terms[i], new int[] {i}, SqliteDedupState::concat);
    }
    if (probes.isEmpty()) {
      return;
    }
    // stored rows of every term in one statement; terms with rows of this transaction are merged
    // with them below, as storiesWithTerm does
    Map<Long, Map<Long, Long>> merged = new HashMap<>();
    int size = bucket(probes.size());
    PreparedStatement p =
        prepare(
            "WITH q(term) AS (VALUES "
                + String.join(", ", java.util.Collections.nCopies(size, "(?)"))
                + ") SELECT term, story, seen FROM (SELECT t.term AS term, t.story AS story,"
                + " t.seen AS seen, row_number() OVER (PARTITION BY t.term"
                + " ORDER BY t.seen DESC, t.story) AS rn FROM q JOIN dedup_story_term t"
                + " ON t.term = q.term AND t.seen >= ?) WHERE rn <= ?");
    try {
      int v = 1;
      for (long term : probes.keySet()) {
        p.setLong(v++, term);
      }
      for (int i = probes.size(); i < size; i++) {
        p.setLong(v++, Long.MIN_VALUE);
      }
      p.setLong(v++, sinceMillis);
      p.setInt(v, limit);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long term = rs.getLong(1);
          long story = rs.getLong(2);
          int[] which = probes.get(term);
          if (which == null) {
            continue;
          }
          if (pendingTerms.containsKey(term)) {
            merged
                .computeIfAbsent(term, t -> new HashMap<>())
                .merge(story, rs.getLong(3), Math::max);
          } else {
            for (int i : which) {
              out.accept(i, story);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading dedup state failed: " + e.getMessage(), e);
    }
    for (Map.Entry<Long, int[]> e : probes.entrySet()) {
      Map<Long, Long> pending = pendingTerms.get(e.getKey());
      if (pending == null) {
        continue;
      }
      Map<Long, Long> all = merged.computeIfAbsent(e.getKey(), t -> new HashMap<>());
      for (long story : withPending(all, pending, sinceMillis, limit)) {
        for (int i : e.getValue()) {
          out.accept(i, story);
        }
      }
    }
  }

  @Override
  public void stories(long[] ids, int n, Consumer<StoryRow> out) {
    long[] missing = new long[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      StoryRow cached = storyCache.get(ids[i]);
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

  @FunctionalInterface
  private interface StorySeen {
    void accept(long story, long seen);
  }

  private void storiesWithTermStored(long term, long sinceMillis, int limit, StorySeen out) {
    query(
        "SELECT story, seen FROM dedup_story_term WHERE term = ? AND seen >= ?"
            + " ORDER BY seen DESC LIMIT ?",
        p -> {
          p.setLong(1, term);
          p.setLong(2, sinceMillis);
          p.setInt(3, limit);
        },
        rs -> {
          while (rs.next()) {
            out.accept(rs.getLong(1), rs.getLong(2));
          }
          return null;
        });
  }

  @Override
  public void forEachStory(long sinceMillis, Consumer<StoryRow> out) {
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
    query(
        "SELECT id FROM dedup_article WHERE story = ? ORDER BY key",
        p -> p.setLong(1, storyId),
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
      s.executeUpdate("DELETE FROM dedup_story");
      s.executeUpdate("DELETE FROM dedup_story_term");
      s.executeUpdate("DELETE FROM dedup_df");
      s.executeUpdate("UPDATE dedup_article SET story = -1 WHERE story <> -1");
    } catch (SQLException e) {
      throw new StoreException("clearing stories failed: " + e.getMessage(), e);
    }
    setMeta(DOCUMENTS, 0);
    dfCache.clear();
    dfDelta.clear();
    pendingTerms.clear();
    documents = 0;
    documentsDirty = false;
  }

  // ---- document frequencies

  @Override
  public void addDocument(long[] terms, int n) {
    for (int i = 0; i < n; i++) {
      dfDelta.add(terms[i], 1);
    }
    documents = documents() + 1;
    documentsDirty = true;
  }

  @Override
  public int df(long term) {
    return storedDf(term) + dfDelta.get(term, 0);
  }

  /** Reads the stored frequencies of the terms not cached yet in one statement. */
  @Override
  public void prefetchDf(long[] terms, int n) {
    long[] missing = new long[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (dfCache.get(terms[i], -1) < 0) {
        missing[m++] = terms[i];
      }
    }
    if (m == 0) {
      return;
    }
    if (dfCache.size() + m >= DF_CACHE) {
      dfCache.clear();
    }
    for (int from = 0; from < m; from += MAX_IN) {
      int count = Math.min(MAX_IN, m - from);
      int size = bucket(count);
      PreparedStatement p =
          prepare(
              "SELECT term, df FROM dedup_df WHERE term IN ("
                  + String.join(", ", java.util.Collections.nCopies(size, "?"))
                  + ")");
      try {
        for (int i = 0; i < size; i++) {
          p.setLong(i + 1, missing[from + Math.min(i, count - 1)]);
        }
        for (int i = 0; i < count; i++) {
          dfCache.put(missing[from + i], 0);
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            dfCache.put(rs.getLong(1), rs.getInt(2));
          }
        }
      } catch (SQLException e) {
        throw new StoreException("reading dedup state failed: " + e.getMessage(), e);
      }
    }
  }

  private int storedDf(long term) {
    int cached = dfCache.get(term, -1);
    if (cached >= 0) {
      return cached;
    }
    int v =
        query(
            "SELECT df FROM dedup_df WHERE term = ?",
            p -> p.setLong(1, term),
            rs -> rs.next() ? rs.getInt(1) : 0);
    if (dfCache.size() >= DF_CACHE) {
      dfCache.clear();
    }
    dfCache.put(term, v);
    return v;
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
