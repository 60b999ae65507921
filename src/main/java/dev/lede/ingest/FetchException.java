package dev.lede.ingest;

import dev.lede.model.FetchRecord;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A fetch that did not produce a usable body; the message says why, for the fetch log. */
final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Kinds of failure; {@link #retryable} ones may succeed on a later attempt. */
  enum Kind {
    BAD_URL(false),
    BLOCKED_ADDRESS(false),
    ROBOTS_DENIED(false),
    UNKNOWN_HOST(false),
    CONNECT(true),
    TIMEOUT(true),
    IO(true),
    HTTP_STATUS(false),
    TOO_LARGE(false),
    DECOMPRESSION_BOMB(false),
    BAD_ENCODING(false),
    UNACCEPTABLE_TYPE(false),
    TOO_MANY_REDIRECTS(false),
    REDIRECT_LOOP(false),
    /** The host asked us (Retry-After) or our back-off says to wait longer than this run may. */
    DEFERRED(false),
    INTERRUPTED(false);

    final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Kind kind;
  private final int status;
  private final @Nullable Duration retryAfter;

  FetchException(Kind kind, String message) {
    this(kind, message, 0, null, null);
  }

  FetchException(Kind kind, String message, @Nullable Throwable cause) {
    this(kind, message, 0, null, cause);
  }

  FetchException(
      Kind kind,
      String message,
      int status,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  static FetchException status(int status, String url, @Nullable Duration retryAfter) {
    String msg = "HTTP " + status + " from " + url;
    if (retryAfter != null) {
      msg += " (Retry-After " + retryAfter.toSeconds() + " s)";
    }
    return new FetchException(Kind.HTTP_STATUS, msg, status, retryAfter, null);
  }

  Kind kind() {
    return kind;
  }

  /** The HTTP status when the server answered, else 0. */
  int status() {
    return status;
  }

  /** How long the server asked us to wait (429/503 Retry-After), if it did. */
  @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /** Whether another attempt later may succeed: network trouble, 429, 5xx. */
  boolean retryable() {
    if (kind == Kind.HTTP_STATUS) {
      return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }
    return kind.retryable;
  }

  /** The fetch-log outcome this failure is recorded as. */
  FetchRecord.Outcome outcome() {
    return kind == Kind.ROBOTS_DENIED
        ? FetchRecord.Outcome.DENIED_BY_ROBOTS
        : FetchRecord.Outcome.FAILED;
  }
}
