package dev.lede.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@code lede.http.requests} timers, one per (route, status), registered on first use and then
 * found without building tags: a map look-up by route and an array slot by status.
 */
final class HttpTimers {
  private final MeterRegistry registry;
  private final Timer.Builder builder =
      Timer.builder("lede.http.requests").description("HTTP requests served");
  private final ConcurrentHashMap<String, Timer[]> timers = new ConcurrentHashMap<>();

  HttpTimers(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String route, int status, long nanos) {
    Timer[] byStatus = timers.computeIfAbsent(route, x -> new Timer[600]);
    int slot = status >= 0 && status < 600 ? status : 0;
    Timer t = byStatus[slot];
    if (t == null) {
      t = builder.tags("route", route, "status", Integer.toString(status)).register(registry);
      byStatus[slot] = t;
    }
    t.record(nanos, TimeUnit.NANOSECONDS);
  }
}
