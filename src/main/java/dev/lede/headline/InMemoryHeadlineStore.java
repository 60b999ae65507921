package dev.lede.headline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link HeadlineStore} in memory. Thread-safe. */
public final class InMemoryHeadlineStore implements HeadlineStore {
  private final Map<String, HeadlineTest> tests = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Counts>> counts = new ConcurrentHashMap<>();

  @Override
  public Optional<HeadlineTest> test(String articleId) {
    return Optional.ofNullable(tests.get(articleId));
  }

  @Override
  public List<HeadlineTest> tests() {
    List<HeadlineTest> out = new ArrayList<>(tests.values());
    out.sort((a, b) -> a.articleId().compareTo(b.articleId()));
    return out;
  }

  @Override
  public void save(HeadlineTest test) {
    tests.put(test.articleId(), test);
  }

  @Override
  public void delete(String articleId) {
    tests.remove(articleId);
    counts.remove(articleId);
  }

  @Override
  public void addCounts(String articleId, String variantId, long impressions, long clicks) {
    counts
        .computeIfAbsent(articleId, k -> new ConcurrentHashMap<>())
        .merge(
            variantId,
            new Counts(impressions, clicks),
            (a, b) -> new Counts(a.impressions() + b.impressions(), a.clicks() + b.clicks()));
  }

  @Override
  public Map<String, Counts> counts(String articleId) {
    return Map.copyOf(counts.getOrDefault(articleId, Map.of()));
  }
}
