package dev.lede.ingest;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A registered source's polling status, as ingest keeps it (for {@code lede sources list}).
 *
 * @param interval the current adaptive poll interval
 * @param nextPollAt when the source is due (null: now)
 * @param lastPollAt the last attempt
 * @param lastSuccessAt the last successful poll
 * @param consecutiveFailures failed polls in a row
 * @param lastError why the last poll failed, empty when it did not
 */
public record SourceStatus(
    Duration interval,
    @Nullable Instant nextPollAt,
    @Nullable Instant lastPollAt,
    @Nullable Instant lastSuccessAt,
    int consecutiveFailures,
    String lastError) {

  /** The status of a registered source, read from its state in the registry. */
  public static SourceStatus of(SourceRegistry registry, String sourceId) {
    SourceState s =
        SourceState.fromJson(
            registry.state(sourceId).orElse(null), IngestOptions.defaults().pollInitial());
    return new SourceStatus(
        s.interval(),
        s.nextPollAt(),
        s.lastPollAt(),
        s.lastSuccessAt(),
        s.consecutiveFailures(),
        s.lastError());
  }
}
