package dev.lede.web;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A tiny cache of rendered pages with a short time to live. A new related item or a headline-test
 * change must show within a second, so entries live {@code ttlMillis} (default 1000 ms).
 *
 * <p>When an entry expires, the first request re-renders it while the others keep getting the
 * expired copy until the new one is in (stale-while-revalidate, one render per key at a time), so a
 * popular page under load costs one render a second instead of one per concurrent request — and
 * nothing is ever older than the TTL plus one render. Bounded: when full, it is cleared (pages are
 * cheap to re-render; a clear is rare and safe).
 */
final class PageCache<T> {
  private record Entry<T>(T value, long expires, AtomicBoolean refreshing) {}

  private final ConcurrentHashMap<String, Entry<T>> map = new ConcurrentHashMap<>();
  private final InstantSource clock;
  private final long ttlMillis;
  private final int maxEntries;

  PageCache(InstantSource clock, long ttlMillis, int maxEntries) {
    this.clock = clock;
    this.ttlMillis = ttlMillis;
    this.maxEntries = maxEntries;
  }

  /**
   * The cached value when it can be served without rendering: fresh, or expired while another
   * request re-renders it. Null otherwise (absent, or expired with nobody re-rendering: then {@link
   * #get} renders it). Allocates nothing.
   */
  @Nullable T peek(String key) {
    Entry<T> e = map.get(key);
    if (e == null) {
      return null;
    }
    return e.expires() > clock.millis() || e.refreshing().get() ? e.value() : null;
  }

  T get(String key, Supplier<T> render) {
    long now = clock.millis();
    Entry<T> e = map.get(key);
    if (e != null) {
      if (e.expires() > now || !e.refreshing().compareAndSet(false, true)) {
        return e.value(); // fresh, or another request is re-rendering it
      }
      try {
        return put(key, render.get());
      } catch (RuntimeException ex) {
        map.remove(key, e); // e.g. taken down (NotFound): never serve the old copy again
        throw ex;
      }
    }
    return put(key, render.get());
  }

  private T put(String key, T value) {
    if (map.size() >= maxEntries) {
      map.clear();
    }
    map.put(key, new Entry<>(value, clock.millis() + ttlMillis, new AtomicBoolean()));
    return value;
  }

  void invalidateAll() {
    map.clear();
  }
}
