package dev.lede.headline;

import dev.lede.model.TeaserEvent;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a teaser event counts. Bots (by user agent, and requests without one) are not
 * counted; a visitor's repeated impression or click of the same variant within the de-duplication
 * window counts once (the key is type, article, variant and visitor — so a reload or a double click
 * is one event, and a visitor's CTR is at most one click per impression); a visitor sending more
 * than {@code maxPerMinute} events a minute is rate-limited. Events without a visitor id (cookie
 * off) cannot be de-duplicated; they are counted, and only bots are filtered.
 *
 * <p>Memory is bounded: at most {@code maxKeys} de-duplication keys and visitors are remembered,
 * least recently seen first out. Thread-safe. {@link #sawImpression} tells whether a click's
 * visitor was counted an impression of the same teaser (article and variant): the headline tests
 * count a known visitor's click only then, so a beacon cannot make a variant's clicks outrun its
 * impressions (clicks without a visitor id, the cookie switched off, cannot be tied and count).
 */
public final class EventGate {
  /** What became of an event. */
  public enum Decision {
    COUNTED,
    DUPLICATE,
    BOT,
    RATE_LIMITED,
    /**
     * A click on a running test's teaser from a visitor with no counted impression of that teaser
     * remembered (a beacon sent without the page, or with a fresh visitor id each time).
     */
    NO_IMPRESSION
  }

  private static final Pattern BOTS =
      Pattern.compile(
          "bot|crawl|spider|slurp|scrap|fetch|preview|monitor|headless|phantom|lighthouse"
              + "|facebookexternalhit|embedly|curl|wget|python|java/|go-http|okhttp|axios|httpclient"
              + "|libwww|perl|ruby|node-fetch|postman|insomnia");

  private final InstantSource clock;
  private final Duration window;
  private final int maxPerMinute;
  private final Map<String, Long> seen;
  private final Map<String, long[]> rates;

  public EventGate(InstantSource clock, Duration dedupWindow, int maxPerMinute, int maxKeys) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(dedupWindow, "dedupWindow");
    if (maxPerMinute < 1 || maxKeys < 1) {
      throw new IllegalArgumentException("maxPerMinute and maxKeys must be positive");
    }
    this.maxPerMinute = maxPerMinute;
    this.seen = lru(maxKeys);
    this.rates = lru(maxKeys);
  }

  /** 30-minute de-duplication, 60 events a minute per visitor, 200,000 keys remembered. */
  public static EventGate defaults(InstantSource clock) {
    return new EventGate(clock, Duration.ofMinutes(30), 60, 200_000);
  }

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  /** True if the user agent is a known bot or tool, or missing. */
  public static boolean isBot(@Nullable String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return true;
    }
    return BOTS.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
  }

  /** The key that makes a repeated event a duplicate; null when the visitor is unknown. */
  public static @Nullable String dedupKey(TeaserEvent e) {
    if (e.visitor() == null) {
      return null;
    }
    return e.type()
        + "|"
        + e.article()
        + "|"
        + (e.variant() == null ? "" : e.variant())
        + "|"
        + e.visitor();
  }

  /**
   * True when the click's visitor was counted an impression of the same article and variant that is
   * still remembered (within the de-duplication window). False for a click without a visitor.
   */
  public synchronized boolean sawImpression(TeaserEvent click) {
    if (click.visitor() == null) {
      return false;
    }
    TeaserEvent impression =
        new TeaserEvent(
            TeaserEvent.Type.IMPRESSION,
            click.article(),
            click.from(),
            click.slot(),
            click.variant(),
            click.visitor(),
            click.ts());
    Long last = seen.get(dedupKey(impression));
    return last != null && clock.millis() - last < window.toMillis();
  }

  /** Decides whether the event counts, remembering it if it does. */
  public synchronized Decision admit(TeaserEvent e, @Nullable String userAgent) {
    if (isBot(userAgent)) {
      return Decision.BOT;
    }
    long now = clock.millis();
    if (e.visitor() != null) {
      long[] r = rates.computeIfAbsent(e.visitor(), k -> new long[] {now, 0});
      if (now - r[0] >= 60_000) {
        r[0] = now;
        r[1] = 0;
      }
      if (++r[1] > maxPerMinute) {
        return Decision.RATE_LIMITED;
      }
    }
    String key = dedupKey(e);
    if (key != null) {
      Long last = seen.get(key);
      if (last != null && now - last < window.toMillis()) {
        return Decision.DUPLICATE;
      }
      seen.put(key, now);
    }
    return Decision.COUNTED;
  }
}
