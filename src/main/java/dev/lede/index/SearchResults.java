package dev.lede.index;

import java.util.List;

/**
 * A page of hits.
 *
 * @param total how many articles match
 * @param totalIsExact false when {@code total} is a lower bound (counting stops early on big result
 *     sets, which keeps queries fast)
 * @param hits the requested page
 */
public record SearchResults(long total, boolean totalIsExact, List<SearchHit> hits) {
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
