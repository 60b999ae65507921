package dev.lede.ingest;

import org.jspecify.annotations.Nullable;

/** A source whose main document could not be fetched or read; the message says why. */
final class SourceFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient @Nullable FetchException fetch;

  private final boolean logged;

  /** A failure not yet in the fetch log. */
  SourceFailure(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param logged whether the fetch log already has a line for it (a failed fetch)
   */
  SourceFailure(String message, Throwable cause, boolean logged) {
    super(message, cause);
    this.fetch = cause instanceof FetchException fe ? fe : null;
    this.logged = logged;
  }

  boolean logged() {
    return logged;
  }

  boolean interrupted() {
    return fetch != null && fetch.kind() == FetchException.Kind.INTERRUPTED;
  }

  /** The fetch failure behind it, when it was one (for Retry-After and interruption). */
  @Nullable FetchException fetchFailure() {
    return fetch;
  }
}
