/**
 * The embedded search index on Lucene 10, in the data folder: English analysis tuned for news
 * ({@code NewsAnalyzer}), a query parser with fields and dates, freshness-aware ranking, snippets
 * and MoreLikeThis candidates.
 */
@NullMarked
package dev.lede.index.lucene;

import org.jspecify.annotations.NullMarked;
