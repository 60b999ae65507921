package dev.lede.recommend;

import dev.lede.index.SearchFilters;
import dev.lede.index.SearchQuery;
import dev.lede.index.TermStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Document frequencies of terms and tags, cached: how common a word or a name is changes slowly,
 * while asking the index costs a terms-dictionary seek in every segment per term (the largest cost
 * of a fresh list before this cache). Bounded LRU maps; everything is forgotten once the index has
 * grown by a tenth since the last reset, so shares stay close to the truth as the site grows.
 * Thread-safe; the index is asked outside the lock.
 */
final class DocFreqs {
  private static final int MAX_TERMS = 200_000;
  private static final int MAX_TAGS = 20_000;

  private final RelatedData data;
  private final LinkedHashMap<String, Long> terms = lru(MAX_TERMS);
  private final LinkedHashMap<String, Long> tags = lru(MAX_TAGS);
  private long docCount;
  private long docCountAtReset;

  DocFreqs(RelatedData data) {
    this.data = data;
  }

  private static LinkedHashMap<String, Long> lru(int max) {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> e) {
        return size() > max;
      }
    };
  }

  /** Articles in the index when last asked. */
  synchronized long docCount() {
    return docCount;
  }

  /** Articles in the index now (asked of the index; resets the caches as {@link #of} does). */
  long currentDocCount() {
    long n = data.termStats(List.of()).docCount();
    synchronized (this) {
      seen(n);
    }
    return n;
  }

  /** Body document frequencies of analysed terms (0 for unknown ones). */
  Map<String, Long> of(Collection<String> want) {
    Map<String, Long> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    synchronized (this) {
      for (String t : want) {
        Long df = terms.get(t);
        if (df == null) {
          missing.add(t);
        } else {
          out.put(t, df);
        }
      }
      if (missing.isEmpty() && docCount > 0) {
        return out;
      }
    }
    TermStats ts = data.termStats(missing);
    synchronized (this) {
      seen(ts.docCount());
      for (String t : missing) {
        long df = ts.docFreq().getOrDefault(t, 0L);
        terms.put(t, df);
        out.put(t, df);
      }
    }
    return out;
  }

  /** Articles carrying a tag. */
  long tag(String tag) {
    String key = tag.strip().toLowerCase(java.util.Locale.ROOT);
    synchronized (this) {
      Long n = tags.get(key);
      if (n != null) {
        return n;
      }
    }
    long n =
        data.count(
            new SearchQuery(
                "",
                SearchFilters.NONE.withTags(Set.of(tag)),
                SearchQuery.Order.NEWEST,
                0,
                0,
                false));
    synchronized (this) {
      tags.put(key, n);
    }
    return n;
  }

  private void seen(long n) {
    docCount = n;
    if (n > docCountAtReset + docCountAtReset / 10 || n < docCountAtReset) {
      terms.clear();
      tags.clear();
      docCountAtReset = n;
    }
  }

  /** BM25's smoothed idf, as {@link TermStats#idf}. */
  static double idf(long df, long n) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}
