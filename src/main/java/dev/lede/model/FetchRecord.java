package dev.lede.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of the fetch log: what happened when Lede fetched a URL or read a file.
 *
 * @param at when the fetch finished
 * @param sourceId the source it was done for, or null for a one-off ingest
 * @param url the URL (or file path) fetched
 * @param httpStatus the final HTTP status, or 0 when there was no response
 * @param outcome the result
 * @param reason why it failed or was skipped (empty on success)
 * @param bytes body bytes received
 * @param millis how long it took
 */
public record FetchRecord(
    Instant at,
    @Nullable String sourceId,
    String url,
    int httpStatus,
    Outcome outcome,
    String reason,
    long bytes,
    long millis) {

  /** What a fetch came to. */
  public enum Outcome {
    FETCHED,
    NOT_MODIFIED,
    FAILED,
    SKIPPED,
    DENIED_BY_ROBOTS
  }

  public FetchRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }
}
