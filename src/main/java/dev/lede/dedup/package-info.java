/**
 * Duplicates and stories: recognises copies of the same piece of writing (exact and near
 * duplicates, linked to a canonical original with provenance) and groups articles into stories,
 * online at ingest. The front is {@link dev.lede.dedup.Dedup}; its state lives behind {@link
 * dev.lede.dedup.DedupState} (the store implements it; {@link dev.lede.dedup.InMemoryDedupState} is
 * the compact implementation for tests and evaluations). Everything else here is package-private.
 */
@NullMarked
package dev.lede.dedup;

import org.jspecify.annotations.NullMarked;
