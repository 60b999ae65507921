/**
 * Ingest: following sources (RSS/Atom/JSON feeds, sitemaps, single pages, local files) and handing
 * the articles they yield to the store, politely and safely.
 *
 * <p>The front is {@link dev.lede.ingest.Ingest}; what ingest needs from the rest of Lede is
 * described by {@link dev.lede.ingest.IngestSink} (where articles and fetch records go) and {@link
 * dev.lede.ingest.SourceRegistry} (the sources and their polling state). Everything else is
 * package-private: the guarded HTTP client ({@code HttpFetcher}, {@code GuardedResolver}, {@code
 * AddressPolicy}), politeness ({@code HostGate}, {@code RobotsCache}, {@code PoliteFetcher}),
 * parsers ({@code FeedParser}, {@code SitemapReader}, {@code JsonlArticles}) and the per-kind
 * ingesters.
 */
@NullMarked
package dev.lede.ingest;

import org.jspecify.annotations.NullMarked;
