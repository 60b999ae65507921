package dev.lede.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the store's change log. Sequences are assigned at commit, strictly increasing and
 * never reused, so a consumer (the search index, a derived list) that remembers the last sequence
 * it applied can resume exactly where it stopped.
 *
 * @param seq the change's sequence number (starting at 1)
 * @param kind what happened
 * @param articleId the article concerned
 * @param at when it was committed
 */
public record Change(long seq, Kind kind, String articleId, Instant at) {

  /** What a change did. Consumers reconcile with the article's current state in the store. */
  public enum Kind {
    /** Stored or updated (also: made visible again after a hide). */
    UPSERT,
    /** Hidden by an operator: still stored, shown nowhere. */
    HIDE,
    /** Deleted (by an operator or by retention). */
    DELETE
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(at, "at");
  }
}
