package dev.lede.index;

import java.util.Objects;

/**
 * A search request.
 *
 * <p>Query syntax: words (all must match, in title, body, bylines, tags or captions; stemmed, so
 * "elections" finds "election"), {@code "quoted phrases"}, {@code -word} or {@code NOT word} to
 * exclude, {@code OR} between alternatives, parentheses, and fields: {@code title:}, {@code body:},
 * {@code byline:} (or {@code author:}), {@code section:}, {@code tag:}, {@code source:}, {@code
 * lang:}, and dates {@code since:2024-01-31}, {@code until:2024-02-29}, {@code date:2024-02-01}
 * (one day) or {@code date:[2024-01-01 TO 2024-03-31]}. Text that does not parse (an unbalanced
 * quote, a stray colon) is searched as plain words rather than refused.
 *
 * @param text the query; blank matches every article (useful with filters and {@link Order#NEWEST})
 * @param filters restrictions besides the query
 * @param order how hits are ranked
 * @param offset hits to skip (pagination); an offset past the last hit gives no hits, and {@code
 *     offset + limit} must not exceed {@link Integer#MAX_VALUE}
 * @param limit hits to return (at most 1,000)
 * @param snippets whether to compute snippets
 */
public record SearchQuery(
    String text, SearchFilters filters, Order order, int offset, int limit, boolean snippets) {

  /** Ranking of hits. */
  public enum Order {
    /**
     * By relevance, with a mild freshness boost (at most +10 % for an article published now, half
     * of that after a week) that never lifts a hit over one at least 10 % more relevant. Articles
     * without a published date get no freshness adjustment.
     */
    RELEVANCE,
    /** Newest published first; undated articles last. */
    NEWEST
  }

  public static final int MAX_LIMIT = 1_000;

  public SearchQuery {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(order, "order");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 0.." + MAX_LIMIT + ", was " + limit);
    }
    if ((long) offset + limit > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "offset must be at most "
              + (Integer.MAX_VALUE - limit)
              + " with a limit of "
              + limit
              + ", was "
              + offset);
    }
  }

  /** The first 10 hits by relevance, with snippets, without filters. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, SearchFilters.NONE, Order.RELEVANCE, 0, 10, true);
  }

  public SearchQuery withFilters(SearchFilters f) {
    return new SearchQuery(text, f, order, offset, limit, snippets);
  }

  public SearchQuery withOrder(Order o) {
    return new SearchQuery(text, filters, o, offset, limit, snippets);
  }

  public SearchQuery withPage(int newOffset, int newLimit) {
    return new SearchQuery(text, filters, order, newOffset, newLimit, snippets);
  }

  public SearchQuery withSnippets(boolean s) {
    return new SearchQuery(text, filters, order, offset, limit, s);
  }
}
