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
    String lastError) {}
