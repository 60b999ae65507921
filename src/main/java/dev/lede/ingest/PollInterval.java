package dev.lede.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Adaptive polling: how long to wait before polling a feed again, from its publishing rate.
 *
 * <p>The rate is estimated from the dates of the feed's most recent items (at most {@value
 * #WINDOW}) as a Poisson rate over the window that ends now: λ = k / (now − date of the k-th most
 * recent item). Counting up to now, not to the newest item, makes the estimate fall by itself when
 * a feed goes quiet. We aim to poll about twice per expected item (target = 1 / 2λ), so a new item
 * waits on average a quarter of its inter-arrival gap, and smooth the change (half old, half
 * target) so one burst does not swing the schedule. Without enough dates (fewer than 3), the
 * interval shrinks by a quarter when a poll found something new and grows by half when it found
 * nothing, the usual multiplicative rule. Always within [min, max]. This follows the "change rate
 * estimation" idea of Cho and Garcia-Molina (ACM TOIT 2003) in its simplest form.
 *
 * <p>Failures back off exponentially: interval × 2^failures, at most {@link #MAX_BACKOFF}, and
 * never earlier than a Retry-After the server asked for.
 */
final class PollInterval {
  static final int WINDOW = 20;
  static final Duration MAX_BACKOFF = Duration.ofDays(1);

  private PollInterval() {}

  static Duration next(
      Duration current,
      List<Instant> itemDates,
      int newItems,
      Instant now,
      Duration min,
      Duration max) {
    TreeSet<Instant> distinct = new TreeSet<>();
    Instant horizon = now.plus(Duration.ofHours(1)); // future-dated items are ignored
    for (Instant d : itemDates) {
      if (d != null && d.isBefore(horizon)) {
        distinct.add(d.isAfter(now) ? now : d);
      }
    }
    List<Instant> recent = new ArrayList<>(distinct.descendingSet());
    Duration proposal;
    if (recent.size() >= 3) {
      int k = Math.min(WINDOW, recent.size());
      Duration span = Duration.between(recent.get(k - 1), now);
      long spanSeconds = Math.max(1, span.toSeconds());
      long target = spanSeconds / (2L * k); // 1 / (2λ)
      long smoothed = (current.toSeconds() + target) / 2;
      proposal = Duration.ofSeconds(smoothed);
    } else if (newItems > 0) {
      proposal = Duration.ofSeconds(current.toSeconds() * 3 / 4);
    } else {
      proposal = Duration.ofSeconds(current.toSeconds() * 3 / 2);
    }
    return clamp(proposal, min, max);
  }

  /** When to try again after {@code failures} consecutive failures (failures ≥ 1). */
  static Instant backoff(
      Duration interval, int failures, Instant now, @Nullable Duration retryAfter) {
    long factor = 1L << Math.min(Math.max(failures, 1), 16);
    Duration wait = interval.multipliedBy(factor);
    if (wait.compareTo(MAX_BACKOFF) > 0) {
      wait = MAX_BACKOFF;
    }
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    return now.plus(wait);
  }

  static Duration clamp(Duration d, Duration min, Duration max) {
    if (d.compareTo(min) < 0) {
      return min;
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
