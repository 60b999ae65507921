package dev.lede.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the store did with a submitted article. Returned only after the transaction that stored it
 * has committed: a result of {@link Outcome#NEW} or {@link Outcome#UPDATED} is the acknowledgement
 * that the article survives a crash.
 *
 * @param outcome what happened
 * @param id the article's identity; null only when rejected before one could be derived
 * @param changeSeq the change-log sequence of the write, or 0 when nothing was written
 * @param reason why it was rejected; empty otherwise
 * @param stored the article as stored now (null when rejected)
 */
public record SubmitResult(
    Outcome outcome,
    @Nullable String id,
    long changeSeq,
    String reason,
    @Nullable StoredArticle stored) {

  /** The outcome of one submission. */
  public enum Outcome {
    /** A new article was stored. */
    NEW,
    /** A known article changed: the previous version was kept and this one became current. */
    UPDATED,
    /** The same content was already stored: nothing was written. */
    UNCHANGED,
    /** Not stored: invalid, or taken down by an operator ({@link #reason} says which). */
    REJECTED
  }

  public SubmitResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  /** A rejection: nothing was written. */
  public static SubmitResult rejected(@Nullable String id, String reason) {
    return new SubmitResult(Outcome.REJECTED, id, 0, reason, null);
  }

  /** True when this submission wrote something (a new article or a new version). */
  public boolean changed() {
    return outcome == Outcome.NEW || outcome == Outcome.UPDATED;
  }
}
