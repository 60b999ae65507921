package dev.lede.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that tests set and advance by hand. Thread-safe. */
public final class TestClock implements InstantSource {
  private volatile Instant now;

  public TestClock(Instant start) {
    this.now = start;
  }

  public TestClock(String isoInstant) {
    this(Instant.parse(isoInstant));
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void set(Instant t) {
    now = t;
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }
}
