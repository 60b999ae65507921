package dev.lede.store;

import dev.lede.model.FetchRecord;
import dev.lede.model.Source;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The part of the store the ingest stage works with: the sources Lede follows, an opaque JSON state
 * per source that ingest owns (HTTP validators, poll interval, next poll, failures, last error),
 * and the fetch log. Every method is one transaction; all are thread-safe.
 */
public interface SourceStore {

  /** Adds a source, or replaces the one with the same id (its state is kept). */
  void putSource(Source source);

  /** The source with this id. */
  Optional<Source> source(String id);

  /** All sources, ordered by id. */
  List<Source> sources();

  /**
   * Removes a source and its state. Its articles and fetch-log entries stay (they still name it).
   *
   * @return false when there was no such source
   */
  boolean removeSource(String id);

  /**
   * The ingest stage's state for a source, a JSON object ({@code "{}"} until first set).
   *
   * @throws java.util.NoSuchElementException when there is no such source
   */
  String sourceState(String sourceId);

  /**
   * Replaces the state of a source.
   *
   * @param stateJson a JSON object
   * @throws IllegalArgumentException when the text is not a JSON object
   * @throws java.util.NoSuchElementException when there is no such source
   */
  void putSourceState(String sourceId, String stateJson);

  /** Appends to the fetch log. */
  void appendFetch(FetchRecord record);

  /** Appends several entries in one transaction. */
  void appendFetches(List<FetchRecord> records);

  /**
   * Fetch-log entries, newest first.
   *
   * @param sourceId only this source's entries, or null for all
   * @param since only entries at or after this time, or null for all
   * @param limit at most this many
   */
  List<FetchRecord> fetches(@Nullable String sourceId, @Nullable Instant since, int limit);
}
