package dev.lede.ingest;

import dev.lede.model.Source;
import java.util.List;
import java.util.Optional;

/**
 * The sources Lede follows, and an opaque polling state per source. Implemented by the store; must
 * be safe to call from several threads.
 *
 * <p>The state is a JSON string written by ingest (HTTP validators per URL, adaptive poll interval,
 * next poll time, consecutive failures, last error, recently seen items); the store persists it
 * as-is and never interprets it.
 */
public interface SourceRegistry {

  /**
   * Adds a source.
   *
   * @throws IllegalArgumentException when a source with this id exists
   */
  void add(Source source);

  /**
   * Replaces a source's settings (name, rights, paused, ...), keeping its state.
   *
   * @throws IllegalArgumentException when no source has this id
   */
  void update(Source source);

  /** The source with this id, if any. */
  Optional<Source> get(String id);

  /** All sources, ordered by id. */
  List<Source> list();

  /** Removes a source and its state; false when there was none. Its articles stay. */
  boolean remove(String id);

  /** The source's ingest state as last put, if any. */
  Optional<String> state(String id);

  /**
   * Stores the source's ingest state, replacing the previous one.
   *
   * @throws IllegalArgumentException when no source has this id
   */
  void putState(String id, String json);
}
