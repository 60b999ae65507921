package dev.lede.dedup;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link Dedup} remembers between articles: fingerprints and their lookup postings,
 * duplicate links, story records with their term centroids, story term postings, and document
 * frequencies. It is a dumb, narrow store — all decisions are made in {@code dedup} — so that the
 * embedded SQLite store (and later PostgreSQL) can implement it with a handful of tables, and the
 * corpus never has to fit in the heap.
 *
 * <p>Contract: calls come from one thread at a time ({@link Dedup} serialises them); a store that
 * implements this should run one {@link Dedup#assign} inside the transaction that stores the
 * article, so that article, fingerprint and story commit together. Article keys are dense
 * non-negative numbers the state hands out ({@link #add}); a store can use its row id. Story ids
 * come from {@link #nextStoryId} and are never reused. Times are epoch milliseconds.
 *
 * <p>A SQL layout that fits (every lookup is a primary-key or index seek; the SQLite store packs
 * the lists of one posting key and of one story term into one blob each, capped — lookups ask for
 * at most 64):
 *
 * <pre>
 * dedup_article(key INTEGER PRIMARY KEY, id TEXT UNIQUE, sketch BLOB, canonical INTEGER, story INTEGER)
 *   -- index on canonical (copies), index on story (members)
 *   -- the SQLite store also keeps each article's posting keys in its row (postings BLOB) and
 *   -- answers posting lookups from a memory-mapped index derived from them (lede.db.postings)
 * dedup_story(id INTEGER PRIMARY KEY, headline TEXT, first_seen INTEGER, last_seen INTEGER,
 *             size INTEGER, centroid BLOB)                     -- index on last_seen
 * dedup_term_list(term INTEGER PRIMARY KEY, list BLOB)    -- (story, seen) pairs, most recent first
 *   -- the SQLite store instead appends each filing (story, seen, terms) to dedup_story_filing and
 *   -- answers term lookups from a memory-mapped index derived from it (lede.db.storyterms)
 * dedup_df(term INTEGER PRIMARY KEY, df INTEGER); plus one counter row for documents()
 *   -- the SQLite store appends each transaction's increments to dedup_df_delta, folds them into
 *   -- dedup_df in bulk, and answers reads from a memory-mapped counter table derived from both (lede.db.df)
 * </pre>
 */
public interface DedupState {

  // ---- articles

  /** The key of an article id, or -1 when the id is unknown. */
  long key(String articleId);

  /** Registers an unknown article id and returns its new key. */
  long add(String articleId);

  /** The id of a key handed out by {@link #add}. */
  String id(long key);

  /** How many article ids were registered (removed ones included). */
  long articles();

  // ---- fingerprints

  /** Stores (or replaces) an article's fingerprint, an opaque blob of a few hundred bytes. */
  void putSketch(long article, byte[] sketch);

  /** The article's fingerprint, or null when it has none (unknown or removed). */
  byte @Nullable [] sketch(long article);

  /** Forgets an article's fingerprint; its postings may stay (lookups skip it). */
  void removeSketch(long article);

  /** Files {@code article} under lookup key {@code key} of table {@code table}. */
  void addPosting(int table, int key, long article);

  /**
   * The articles filed under {@code (table, key)}, oldest first, at most {@code limit}. SQL: {@code
   * SELECT article FROM dedup_posting WHERE tbl=? AND k=? ORDER BY article LIMIT ?}.
   */
  void postings(int table, int key, int limit, LongConsumer out);

  /** Receives what a batched lookup found for its probe number {@code probe}. */
  @FunctionalInterface
  interface ProbeSink {
    void accept(int probe, long value);
  }

  /**
   * {@link #postings(int, int, int, LongConsumer)} for {@code n} keys at once: for each {@code i <
   * n} the articles filed under {@code (tables[i], keys[i])} go to {@code out} with probe {@code
   * i}. A store answers it with one query instead of {@code n}.
   */
  default void postings(int[] tables, int[] keys, int n, int limit, ProbeSink out) {
    for (int i = 0; i < n; i++) {
      int probe = i;
      postings(tables[i], keys[i], limit, a -> out.accept(probe, a));
    }
  }

  /** The fingerprints of {@code n} articles at once (absent ones are left out). */
  default void sketches(long[] articles, int n, BiConsumer<Long, byte[]> out) {
    for (int i = 0; i < n; i++) {
      byte[] s = sketch(articles[i]);
      if (s != null) {
        out.accept(articles[i], s);
      }
    }
  }

  // ---- duplicates

  /** Links an article to its canonical original ({@code canonical == article} for an original). */
  void setCanonical(long article, long canonical);

  /** The canonical original of an article, the article itself for an original, -1 when unknown. */
  long canonical(long article);

  /** The articles whose canonical is {@code canonical}, other than itself. */
  void copies(long canonical, LongConsumer out);

  // ---- stories

  /** A story id never handed out before. */
  long nextStoryId();

  /** Inserts or replaces a story record. */
  void putStory(StoryRow story);

  /** A story record, or null when there is none (never made, merged away or emptied). */
  @Nullable StoryRow story(long storyId);

  /** Forgets a story record (its members must have been moved or removed first). */
  void removeStory(long storyId);

  /** Puts an article in a story ({@code -1} takes it out of any). */
  void setStory(long article, long storyId);

  /** The story of an article, or -1. */
  long storyOf(long article);

  /** The articles of a story. */
  void members(long storyId, LongConsumer out);

  /** Moves every member of story {@code from} to story {@code to}. */
  void moveMembers(long from, long to);

  /** Files a story under a term, seen at {@code seenMillis} (a later call updates the time). */
  void addStoryTerm(long term, long storyId, long seenMillis);

  /**
   * Stories filed under {@code term} and seen since {@code sinceMillis}: the {@code limit} most
   * recently seen when there are more, in no particular order; may include stories since removed
   * (callers check {@link #story}). SQL: {@code SELECT story FROM dedup_story_term WHERE term=? AND
   * seen>=? ORDER BY seen DESC LIMIT ?}.
   */
  void storiesWithTerm(long term, long sinceMillis, int limit, LongConsumer out);

  /**
   * {@link #storiesWithTerm} for {@code n} terms at once: the stories of {@code terms[i]} go to
   * {@code out} with probe {@code i}.
   */
  default void storiesWithTerms(long[] terms, int n, long sinceMillis, int limit, ProbeSink out) {
    for (int i = 0; i < n; i++) {
      int probe = i;
      storiesWithTerm(terms[i], sinceMillis, limit, s -> out.accept(probe, s));
    }
  }

  /** The rows of {@code n} stories at once (absent ones are left out). */
  default void stories(long[] ids, int n, Consumer<StoryRow> out) {
    for (int i = 0; i < n; i++) {
      StoryRow row = story(ids[i]);
      if (row != null) {
        out.accept(row);
      }
    }
  }

  /** Every story last seen at or after {@code sinceMillis}, in id order. */
  void forEachStory(long sinceMillis, Consumer<StoryRow> out);

  /**
   * The {@code limit} stories seen most recently (last seen at or after {@code sinceMillis}),
   * newest first (ties by id). Stores override this with one indexed query.
   */
  default void recentStories(long sinceMillis, int limit, Consumer<StoryRow> out) {
    java.util.List<StoryRow> all = new java.util.ArrayList<>();
    forEachStory(sinceMillis, all::add);
    all.sort(
        java.util.Comparator.comparingLong(StoryRow::lastSeen)
            .reversed()
            .thenComparingLong(StoryRow::id));
    all.stream().limit(limit).forEach(out);
  }

  /** The ids of a story's articles, in key order (the order Lede first saw them). */
  default void memberIds(long storyId, Consumer<String> out) {
    java.util.List<Long> keys = new java.util.ArrayList<>();
    members(storyId, keys::add);
    keys.sort(null);
    for (long k : keys) {
      out.accept(id(k));
    }
  }

  /**
   * The ids of a story's latest {@code limit} articles, latest first (the reverse of {@link
   * #memberIds}); an implementation should read no more than these, whatever the story's length.
   */
  default void latestMemberIds(long storyId, int limit, Consumer<String> out) {
    java.util.List<String> all = new java.util.ArrayList<>();
    memberIds(storyId, all::add);
    for (int i = all.size() - 1; i >= 0 && i >= all.size() - limit; i--) {
      out.accept(all.get(i));
    }
  }

  /** Forgets every story, membership, story term and document frequency (before a restory). */
  void clearStories();

  // ---- document frequencies (story vectors)

  /** Counts one more document containing each of the first {@code n} (distinct) terms. */
  void addDocument(long[] terms, int n);

  /** In how many counted documents a term occurs. */
  int df(long term);

  /** A hint that {@link #df} is about to be asked for these terms: a store reads them in one go. */
  default void prefetchDf(long[] terms, int n) {}

  /** How many documents were counted. */
  long documents();

  /**
   * A story as stored.
   *
   * @param centroid the story's term centroid, an opaque blob
   */
  record StoryRow(
      long id, String headline, long firstSeen, long lastSeen, int size, byte[] centroid) {}
}
