package dev.lede.web;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A tiny cache of rendered pages with a short time to live. A new related item or a headline-test
 * change must show within a second, so entries live at most {@code ttlMillis} (default 1000 ms):
 * under load nearly every request is served from memory, and nothing is ever older than the TTL.
 * Bounded: when full, it is cleared (pages are cheap to re-render; a clear is rare and safe).
 */
final class PageCache<T> {
  private record Entry<T>(T value, long expires) {}

  private final ConcurrentHashMap<String, Entry<T>> map = new ConcurrentHashMap<>();
  private final InstantSource clock;
  private final long ttlMillis;
  private final int maxEntries;

  PageCache(InstantSource clock, long ttlMillis, int maxEntries) {
    this.clock = clock;
    this.ttlMillis = ttlMillis;
    this.maxEntries = maxEntries;
  }

  T get(String key, Supplier<T> render) {
    long now = clock.millis();
    Entry<T> e = map.get(key);
    if (e != null && e.expires() > now) {
      return e.value();
    }
    T value = render.get();
    if (map.size() >= maxEntries) {
      map.clear();
    }
    map.put(key, new Entry<>(value, now + ttlMillis));
    return value;
  }

  void invalidateAll() {
    map.clear();
  }
}
