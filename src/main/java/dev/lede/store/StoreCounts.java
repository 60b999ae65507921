package dev.lede.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Sizes of what the store holds.
 *
 * @param articles visible (not hidden) articles
 * @param hidden hidden articles
 * @param versions earlier versions kept
 * @param sources sources
 * @param fetches fetch-log entries
 * @param lastChange the last change-log sequence (0 when none)
 * @param lastChangeAt when it was committed, or null when none
 */
public record StoreCounts(
    long articles,
    long hidden,
    long versions,
    long sources,
    long fetches,
    long lastChange,
    @Nullable Instant lastChangeAt) {}
