package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollIntervalTest {
  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final Duration MIN = Duration.ofMinutes(10);
  private static final Duration MAX = Duration.ofHours(24);

  private static List<Instant> every(Duration gap, int n) {
    List<Instant> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(NOW.minus(gap.multipliedBy(i + 1)));
    }
    return out;
  }

  @Test
  void busyFeed_convergesToHalfItsGap_boundedByMinimum() {
    Duration d = Duration.ofHours(1);
    for (int i = 0; i < 12; i++) {
      d = PollInterval.next(d, every(Duration.ofMinutes(60), 20), 0, NOW, MIN, MAX);
    }
    // 20 items an hour apart over 20 h: half the gap is 30 min
    assertThat(d).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));
    Duration fast = Duration.ofHours(1);
    for (int i = 0; i < 12; i++) {
      fast = PollInterval.next(fast, every(Duration.ofMinutes(2), 20), 0, NOW, MIN, MAX);
    }
    assertThat(fast).isEqualTo(MIN);
  }

  @Test
  void quietFeed_slowsDown_boundedByMaximum() {
    Duration d = Duration.ofHours(1);
    for (int i = 0; i < 20; i++) {
      d = PollInterval.next(d, every(Duration.ofDays(7), 5), 0, NOW, MIN, MAX);
    }
    assertThat(d).isEqualTo(MAX);
  }

  @Test
  void feedThatWentQuiet_estimateFallsWithTime() {
    List<Instant> old = every(Duration.ofMinutes(30), 10); // ten items, the newest 30 min ago
    Duration fresh = PollInterval.next(Duration.ofHours(1), old, 0, NOW, MIN, MAX);
    Duration later =
        PollInterval.next(Duration.ofHours(1), old, 0, NOW.plus(Duration.ofDays(2)), MIN, MAX);
    assertThat(later).isGreaterThan(fresh);
  }

  @Test
  void withoutDates_multiplicativeRule() {
    Duration h = Duration.ofHours(1);
    assertThat(PollInterval.next(h, List.of(), 2, NOW, MIN, MAX)).isEqualTo(Duration.ofMinutes(45));
    assertThat(PollInterval.next(h, List.of(), 0, NOW, MIN, MAX)).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void futureDates_ignored() {
    List<Instant> dates =
        List.of(
            NOW.plus(Duration.ofDays(30)),
            NOW.plus(Duration.ofDays(31)),
            NOW.plus(Duration.ofDays(32)));
    assertThat(PollInterval.next(Duration.ofHours(1), dates, 0, NOW, MIN, MAX))
        .isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void backoff_doublesPerFailure_cappedAtADay_andRespectsRetryAfter() {
    Duration h = Duration.ofHours(1);
    assertThat(PollInterval.backoff(h, 1, NOW, null)).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(PollInterval.backoff(h, 3, NOW, null)).isEqualTo(NOW.plus(Duration.ofHours(8)));
    assertThat(PollInterval.backoff(h, 10, NOW, null)).isEqualTo(NOW.plus(Duration.ofDays(1)));
    assertThat(PollInterval.backoff(h, 1, NOW, Duration.ofHours(6)))
        .isEqualTo(NOW.plus(Duration.ofHours(6)));
  }
}
