package dev.lede.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Per-host politeness: one request at a time per host, and a pause between the end of one request
 * and the start of the next of at least the configured minimum (default 1 s) or the host's
 * robots.txt Crawl-delay, capped (default 30 s), as Nutch and StormCrawler do. A host that answered
 * 429/503 with Retry-After, or failed and is being backed off, is deferred as a whole.
 *
 * <p>The key is the host name alone: two ports of one host share a queue, as they share a machine.
 * Time and waiting are injected ({@link InstantSource}, {@link Sleeper}) so that tests check the
 * schedule without sleeping.
 */
final class HostGate {
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final Duration minDelay;
  private final Duration maxCrawlDelay;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final Semaphore lock = new Semaphore(1, true);
    volatile Instant nextAllowed = Instant.MIN;
  }

  HostGate(InstantSource clock, Sleeper sleeper, Duration minDelay, Duration maxCrawlDelay) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.minDelay = minDelay;
    this.maxCrawlDelay = maxCrawlDelay;
  }

  /** The right to send one request to a host; closing it starts the host's pause. */
  final class Permit implements AutoCloseable {
    private final Slot slot;
    private final Duration pause;
    private boolean closed;

    private Permit(Slot slot, Duration pause) {
      this.slot = slot;
      this.pause = pause;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      Instant next = clock.instant().plus(pause);
      synchronized (slot) {
        if (next.isAfter(slot.nextAllowed)) {
          slot.nextAllowed = next;
        }
      }
      slot.lock.release();
    }
  }

  /**
   * Waits for the host's turn.
   *
   * @param crawlDelay the host's robots.txt Crawl-delay, or null
   * @param maxWait the longest this caller is prepared to wait for a deferred host
   * @throws FetchException when the host is deferred beyond {@code maxWait}, or on interruption
   */
  Permit acquire(String host, @Nullable Duration crawlDelay, Duration maxWait)
      throws FetchException {
    Slot slot = slots.computeIfAbsent(key(host), k -> new Slot());
    try {
      slot.lock.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(
          FetchException.Kind.INTERRUPTED, "interrupted waiting for " + host, e);
    }
    try {
      Instant now = clock.instant();
      Instant next = slot.nextAllowed;
      if (next.isAfter(now)) {
        Duration wait = Duration.between(now, next);
        if (wait.compareTo(maxWait) > 0) {
          throw new FetchException(
              FetchException.Kind.DEFERRED,
              "host " + host + " is deferred until " + next + " (Retry-After or back-off)",
              0,
              wait,
              null);
        }
        sleeper.sleep(wait);
      }
    } catch (InterruptedException e) {
      slot.lock.release();
      Thread.currentThread().interrupt();
      throw new FetchException(
          FetchException.Kind.INTERRUPTED, "interrupted waiting for " + host, e);
    } catch (FetchException | RuntimeException e) {
      slot.lock.release();
      throw e;
    }
    return new Permit(slot, pauseFor(crawlDelay));
  }

  /**
   * The pause after a request: the minimum delay or the capped Crawl-delay, whichever is longer.
   */
  Duration pauseFor(@Nullable Duration crawlDelay) {
    if (crawlDelay == null || crawlDelay.isNegative()) {
      return minDelay;
    }
    Duration capped = crawlDelay.compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : crawlDelay;
    return capped.compareTo(minDelay) > 0 ? capped : minDelay;
  }

  /** Keeps every request to the host waiting until {@code until} (Retry-After, back-off). */
  void deferUntil(String host, Instant until) {
    Slot slot = slots.computeIfAbsent(key(host), k -> new Slot());
    synchronized (slot) {
      if (until.isAfter(slot.nextAllowed)) {
        slot.nextAllowed = until;
      }
    }
  }

  /** When the host may next be asked (may be in the past). */
  Instant nextAllowed(String host) {
    Slot slot = slots.get(key(host));
    return slot == null ? Instant.MIN : slot.nextAllowed;
  }

  private static String key(String host) {
    return host.toLowerCase(Locale.ROOT);
  }
}
