package dev.lede.ingest;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One source being read in a run.
 *
 * @param sourceId the registered source, or null for a one-off ingest
 * @param location the URL or path, for messages and the fetch log
 * @param fetchFullText fetch the page of feed items that carry only a summary
 * @param state what earlier polls remembered (a fresh state for one-off ingests)
 * @param run the run's bookkeeping
 */
record Job(
    @Nullable String sourceId, String location, boolean fetchFullText, SourceState state, Run run) {

  /**
   * What reading a source once came to.
   *
   * @param state the state to remember (validators, seen items)
   * @param itemDates dates of the items the source lists, for the adaptive interval
   * @param newItems articles stored for the first time
   */
  record Polled(SourceState state, List<Instant> itemDates, int newItems) {}
}
