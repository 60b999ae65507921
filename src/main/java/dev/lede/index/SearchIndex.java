package dev.lede.index;

import java.util.Collection;
import java.util.List;

/**
 * The search index: full-text search with filters, related candidates, term statistics, and the
 * checkpoint that ties it to the store's change log. Every backend (the embedded Lucene index,
 * later OpenSearch) passes the same contract suite ({@code SearchIndexContract}).
 *
 * <p>Writes ({@link #upsert}, {@link #delete}) are buffered: they become visible to searches after
 * {@link #refresh} and durable after {@link #commit}, which also records the last store change
 * applied. After a crash the index reopens at its last commit and its owner replays the store's
 * changes from {@link #checkpoint}; upserts and deletes are idempotent, so replaying is safe.
 * Implementations are thread-safe.
 */
public interface SearchIndex extends AutoCloseable {

  /** Adds the article, or replaces the entry with the same id. */
  void upsert(IndexEntry entry);

  /** Removes the article with this id (nothing when absent). */
  void delete(String id);

  /** Removes everything (before a rebuild); the checkpoint becomes 0 at the next commit. */
  void deleteAll();

  /**
   * Makes every write so far durable, recording {@code checkpoint} as the last store change they
   * include.
   */
  void commit(long checkpoint);

  /** The checkpoint of the last commit (0 for a new index). */
  long checkpoint();

  /**
   * True when the index on disk was written with a different index layout or analysis than this
   * build uses (or is new), so it must be rebuilt from the store rather than caught up.
   */
  boolean needsRebuild();

  /** Makes every write so far visible to searches. */
  void refresh();

  /** Articles in the index, as visible to searches. */
  long count();

  /** Searches; see {@link SearchQuery} for the query syntax. */
  SearchResults search(SearchQuery query);

  /** Related candidates, best first; see {@link RelatedQuery}. */
  List<SearchHit> related(RelatedQuery query);

  /** Document frequencies of analysed terms in article bodies. */
  TermStats termStats(Collection<String> terms);

  /** The terms this index makes of a text (lower-cased, stemmed, stop words removed). */
  List<String> analyze(String text);

  /**
   * Copies the last commit (with its checkpoint) into {@code target}, an empty or absent folder, as
   * an index that {@code open} reads back. Writes may continue meanwhile; they are not included.
   *
   * @throws IllegalStateException when nothing has been committed yet
   */
  void backupTo(java.nio.file.Path target);

  /** Bytes the index occupies on disk (0 when not meaningful for the backend). */
  long diskBytes();

  /**
   * Segments (or shards' segments) a search visits now, as far as the backend knows; each costs a
   * search its own term look-ups and scorer set-up. 0 when not meaningful for the backend.
   */
  int segments();

  /**
   * Merges the index down to at most {@code maxSegments} segments, blocking until done: an
   * operator's step for an index that is mostly read (searches get faster with fewer segments).
   * Writes and searches may continue meanwhile. The merged form is searched after the next {@link
   * #refresh} and durable after the next {@link #commit}.
   *
   * @throws IllegalArgumentException when {@code maxSegments} is below 1
   */
  void forceMerge(int maxSegments);

  @Override
  void close();
}
