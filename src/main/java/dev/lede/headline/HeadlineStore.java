package dev.lede.headline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where headline tests and their counts live. The embedded and scaled stores implement it beside
 * their article tables; {@link InMemoryHeadlineStore} serves tests and single-process use.
 * Implementations must make {@link #addCounts} atomic per (article, variant).
 */
public interface HeadlineStore {
  /** Impressions and clicks counted for one variant. */
  record Counts(long impressions, long clicks) {}

  Optional<HeadlineTest> test(String articleId);

  List<HeadlineTest> tests();

  void save(HeadlineTest test);

  void delete(String articleId);

  void addCounts(String articleId, String variantId, long impressions, long clicks);

  /** Counts per variant id (variants never counted are absent). */
  Map<String, Counts> counts(String articleId);
}
