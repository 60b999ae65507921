package dev.lede.ingest;

import java.time.Duration;

/** Waiting, injectable so politeness and back-off can be tested without waiting. */
@FunctionalInterface
interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d);
      }
    };
  }
}
