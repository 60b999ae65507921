package dev.lede.store;

import dev.lede.model.Article;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Lede's source of truth: articles with their versions, the change log, sources and the fetch log.
 * Every backend (the embedded SQLite store, later PostgreSQL) implements this interface and passes
 * the same contract test suite ({@code ArticleStoreContract}).
 *
 * <p>Every write is one transaction and returns only after it committed. Each committed write to an
 * article appends to the change log, whose sequence numbers let derived data (the search index,
 * related lists) catch up after a crash. Identity follows {@link ArticleIdentity}. Implementations
 * are thread-safe.
 */
public interface ArticleStore extends SourceStore, AutoCloseable {

  /**
   * Stores an article: NEW when its identity is unknown, UPDATED (the previous version kept) when
   * its content hash changed, UNCHANGED when it did not, REJECTED when it is invalid or was deleted
   * by an operator (a takedown sticks: re-ingesting the same article does not bring it back).
   * Returns after the transaction committed.
   */
  SubmitResult submit(Article article, @Nullable String sourceId);

  /**
   * Stores several articles in one transaction (one commit, one fsync): the results, in input
   * order, are returned after that commit. Invalid items are REJECTED without failing the others;
   * when the same identity occurs twice, the later item is applied on top of the earlier one.
   */
  List<SubmitResult> submitAll(List<Submission> batch);

  /** The current version of an article, hidden or not. */
  Optional<StoredArticle> get(String id);

  /**
   * Whether an article with this id is stored and not hidden: what {@code get(id)} followed by a
   * check of {@code hidden()} says, without reading the article. A recomputed related list needs
   * only this of its article (its profile and query are kept elsewhere). Backends should answer it
   * without reading or parsing the article's content.
   */
  default boolean isVisible(String id) {
    return get(id).map(s -> !s.hidden()).orElse(false);
  }

  /**
   * The body texts ({@link dev.lede.model.Article#text()}) of the current versions of these
   * articles, hidden or not, by id; ids not in the store are left out. The index reads snippet and
   * related-candidate texts through this instead of keeping its own copy. Backends should answer a
   * page of ids in one round trip.
   */
  default Map<String, String> texts(Collection<String> ids) {
    return texts(ids, Integer.MAX_VALUE);
  }

  /**
   * {@link #texts(Collection)}, each text cut to its first {@code maxChars} characters (exactly
   * {@code text.substring(0, min(length, maxChars))}). Snippets look at the opening of a body only:
   * a backend may read less of a long article.
   */
  default Map<String, String> texts(Collection<String> ids, int maxChars) {
    Map<String, String> out = new HashMap<>();
    for (String id : ids) {
      get(id).ifPresent(s -> out.put(id, StoredForm.cut(s.article().text(), maxChars)));
    }
    return out;
  }

  /** The article whose canonical URL (else URL) normalises to the same as {@code url}. */
  Optional<StoredArticle> findByUrl(String url);

  /** Earlier versions of an article, oldest first (the current one is not included). */
  List<ArticleVersion> versions(String id);

  /**
   * Hides an article (kept, shown nowhere) or shows it again.
   *
   * @return the change-log sequence of the change, or empty when there is no such article or it
   *     already was in that state
   */
  OptionalLong setHidden(String id, boolean hidden);

  /**
   * Deletes an article and its versions, leaving a tombstone so that the same identity is refused
   * on later submissions.
   *
   * @return the change-log sequence, or empty when there is no such article
   */
  OptionalLong delete(String id, String reason);

  /**
   * Retention: deletes up to {@code limit} articles older than {@code cutoff} in one transaction
   * (age by published date, else by first-seen time), with their versions; no tombstones. Callers
   * repeat until the result is empty.
   *
   * @return the ids deleted
   */
  List<String> pruneBefore(Instant cutoff, int limit);

  /** Deletes fetch-log entries older than {@code cutoff}; returns how many. */
  long pruneFetchesBefore(Instant cutoff);

  /**
   * Calls {@code action} for every article, in id order, from one consistent snapshot.
   *
   * @param includeHidden whether hidden articles are included
   */
  void forEach(boolean includeHidden, Consumer<StoredArticle> action);

  /** The last change-log sequence (0 when there has been none). */
  long lastChange();

  /** Changes with a sequence greater than {@code afterSeq}, in order, at most {@code limit}. */
  List<Change> changesSince(long afterSeq, int limit);

  /**
   * The highest sequence removed by {@link #compactChanges}: a consumer whose checkpoint is below
   * it cannot replay and must rebuild from a full scan.
   */
  long compactedThrough();

  /** Forgets change-log entries up to and including {@code seq} (all consumers are past them). */
  void compactChanges(long seq);

  /** A consumer's checkpoint (the last change sequence it applied), 0 when unknown. */
  long checkpoint(String consumer);

  /** Records a consumer's checkpoint. */
  void saveCheckpoint(String consumer, long seq);

  /** Every consumer's checkpoint, by name. */
  Map<String, Long> checkpoints();

  /** Counts of what the store holds. */
  StoreCounts counts();

  /** Bytes the store occupies on disk (0 when not meaningful for the backend). */
  long diskBytes();

  /**
   * Writes a consistent snapshot of the whole store to a new file (concurrent writes continue and
   * are not included).
   *
   * @throws StoreException when the file exists or cannot be written
   */
  void backupTo(Path file);

  @Override
  void close();
}
