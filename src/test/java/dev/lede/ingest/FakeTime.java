package dev.lede.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when someone sleeps on it (or a test advances it). */
final class FakeTime implements InstantSource, Sleeper {
  private final AtomicReference<Instant> now;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  FakeTime(Instant start) {
    now = new AtomicReference<>(start);
  }

  FakeTime() {
    this(Instant.parse("2026-01-05T12:00:00Z"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public void sleep(Duration d) {
    sleeps.add(d);
    advance(d);
  }

  void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
