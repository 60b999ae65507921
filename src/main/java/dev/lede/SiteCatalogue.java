package dev.lede;

import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.index.SearchResults;
import dev.lede.store.StoredArticle;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A compact in-memory list of the visible articles (id, date, source, section) for what the index
 * cannot answer directly: sections by use, counts, sitemap pages, "since" lists, articles per day.
 *
 * <p>Built from the index (which holds exactly the visible articles) and rebuilt lazily: a change
 * listener on the store's change log bumps a counter, and the next read at least {@link
 * #MIN_AGE_MS} after the last build refreshes the index (so the changes are searchable) and
 * rebuilds. A change therefore shows within about a second; reads in between are served from
 * memory. At 20,000 articles a rebuild reads 20 pages of 1,000 hits.
 */
final class SiteCatalogue {
  static final long MIN_AGE_MS = 1_000;
  private static final int PAGE = 1_000;

  /** One visible article; {@code when} is its publication date, else its first-seen time. */
  record Entry(String id, Instant when, String sourceId, String section) {}

  /** One consistent view. */
  record Snapshot(List<Entry> newestFirst, List<String> sections, Map<String, Entry> byId) {}

  private final Lede lede;
  private final InstantSource clock;
  private final AtomicLong changes = new AtomicLong(1);
  private final ReentrantLock building = new ReentrantLock();
  private volatile Snapshot snapshot = new Snapshot(List.of(), List.of(), Map.of());
  private volatile long builtFor;
  private volatile long builtAt = Long.MIN_VALUE / 2;

  SiteCatalogue(Lede lede, InstantSource clock) {
    this.lede = lede;
    this.clock = clock;
  }

  /** Marks the catalogue stale (called from the change listener: cheap, never blocks). */
  void changed() {
    changes.incrementAndGet();
  }

  Snapshot get() {
    long seen = changes.get();
    if (seen != builtFor && clock.millis() - builtAt >= MIN_AGE_MS) {
      if (building.tryLock()) {
        try {
          if (seen != builtFor) {
            lede.refresh();
            snapshot = build();
            builtFor = seen;
            builtAt = clock.millis();
          }
        } finally {
          building.unlock();
        }
      } else if (builtFor == 0) {
        building.lock(); // the very first build: wait for it rather than show an empty site
        try {
          return snapshot;
        } finally {
          building.unlock();
        }
      }
    }
    return snapshot;
  }

  private Snapshot build() {
    List<Entry> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      SearchResults r =
          lede.search(
              new SearchQuery(
                  "", SearchFilters.NONE, SearchQuery.Order.NEWEST, offset, PAGE, false));
      for (SearchHit h : r.hits()) {
        Instant when = h.published();
        if (when == null) {
          when = lede.article(h.id()).map(StoredArticle::firstSeen).orElse(Instant.EPOCH);
        }
        all.add(new Entry(h.id(), when, h.source() == null ? "" : h.source(), h.section().strip()));
      }
      if (r.hits().size() < PAGE) {
        break;
      }
    }
    all.sort(Comparator.comparing(Entry::when).reversed().thenComparing(Entry::id));
    Map<String, Integer> counts = new HashMap<>();
    Map<String, String> display = new HashMap<>();
    Map<String, Entry> byId = new HashMap<>();
    for (Entry e : all) {
      byId.put(e.id(), e);
      if (!e.section().isEmpty()) {
        String k = e.section().toLowerCase(Locale.ROOT);
        counts.merge(k, 1, Integer::sum);
        display.putIfAbsent(k, e.section());
      }
    }
    List<String> sections =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(e -> display.get(e.getKey()))
            .toList();
    return new Snapshot(List.copyOf(all), sections, Map.copyOf(byId));
  }

  /** The entry of a visible article, if the catalogue knows it. */
  @Nullable Entry entry(String id) {
    return get().byId().get(id);
  }
}
