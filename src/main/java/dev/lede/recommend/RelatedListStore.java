package dev.lede.recommend;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link Related} keeps computed lists and its refresh queue. The composition root supplies a
 * persistent one in the data folder; {@link #inMemory()} serves tests and evaluations.
 * Implementations are thread-safe.
 */
public interface RelatedListStore extends AutoCloseable {

  /**
   * A queued refresh: {@code id} changed at change {@code seq}, queued at {@code queuedAtMillis}.
   */
  record Pending(String id, long seq, long queuedAtMillis, boolean isNew) {}

  /** The stored list of an article. */
  Optional<RelatedList> get(String id);

  /** Stores (replaces) an article's list, with the items it mentions. */
  void put(RelatedList list);

  /** Drops the lists of these articles. */
  void drop(Collection<String> ids);

  /** The articles whose stored lists mention {@code itemId}. */
  List<String> listsMentioning(String itemId);

  /** Queues refresh work (replacing an earlier entry of the same id). */
  void enqueue(Collection<Pending> work);

  /** Removes done work from the queue (an entry queued again since, with a higher seq, stays). */
  void dequeue(Collection<Pending> done);

  /** The oldest queued entries, oldest first. */
  List<Pending> pending(int limit);

  /** Entries queued. */
  long pendingCount();

  /** The highest change sequence of a queued new article, or 0. */
  long maxPendingNewSeq();

  /**
   * Stored ranking profiles (derived data: an article's names, section, tags, date and teaser in
   * one line, see {@code Related}) of these ids; absent ones are left out. Stores that keep none
   * return nothing (profiles are then made from the articles).
   */
  default java.util.Map<String, String> profiles(Collection<String> ids) {
    return java.util.Map.of();
  }

  /**
   * {@link #profiles} as the UTF-8 bytes of the lines (a store that holds them so reads them
   * without making each line a string first: a fresh list reads a few dozen).
   */
  default java.util.Map<String, byte[]> profileBytes(Collection<String> ids) {
    java.util.Map<String, byte[]> out = new java.util.HashMap<>();
    profiles(ids)
        .forEach((id, line) -> out.put(id, line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return out;
  }

  /** Stores (replaces) profiles. */
  default void putProfiles(java.util.Map<String, String> profiles) {}

  /** Drops the profiles of these articles (they changed). */
  default void dropProfiles(Collection<String> ids) {}

  /** Ids of the articles with a stored list. */
  default List<String> listIds() {
    return List.of();
  }

  /** A value kept with the lists (such as how they were ranked), or null. */
  default @org.jspecify.annotations.Nullable String meta(String key) {
    return null;
  }

  /** Keeps a value with the lists. */
  default void putMeta(String key, String value) {}

  /** Stored lists. */
  long size();

  @Override
  void close();

  /** A store in memory (lost on close). */
  static RelatedListStore inMemory() {
    return new InMemoryRelatedLists();
  }
}
