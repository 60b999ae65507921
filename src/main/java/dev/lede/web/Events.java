package dev.lede.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaser impressions and clicks: one schema ({@link TeaserEvent}) for server-side impressions, the
 * click redirect and the beacon. Events are de-duplicated by key (one per visitor, teaser, page,
 * slot and half hour), bots are not counted, each visitor (or, without the id cookie, each client
 * address — kept in memory only, never stored) is rate-limited, and accepted events are written to
 * the store in batches by a named background thread, so serving a page never waits on a write.
 *
 * <p>The visitor id is a random first-party cookie ({@value #COOKIE}, HttpOnly, SameSite=Lax) set
 * only while headline tests are on; it carries no personal data. Without it, events carry a
 * per-request random id (not de-duplicated across requests).
 */
final class Events implements AutoCloseable {
  static final String COOKIE = "lede_v";
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);
  private static final Pattern BOTS =
      Pattern.compile(
          "(?i)bot|crawl|spider|slurp|fetch|curl|wget|python|java/|go-http|httpclient|okhttp|scrapy|"
              + "facebookexternalhit|preview|monitor|lighthouse|headless|phantom|wrk|ab/|siege");
  private static final int MAX_PER_MINUTE = 120;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SiteServices services;
  private final SiteConfig config;
  private final InstantSource clock;
  private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, int[]> rate = new ConcurrentHashMap<>();
  private final BlockingQueue<TeaserEvent> queue = new ArrayBlockingQueue<>(100_000);
  private final Thread writer;
  private volatile boolean running = true;
  private volatile long rateWindow;

  Events(SiteServices services, SiteConfig config, InstantSource clock) {
    this.services = services;
    this.config = config;
    this.clock = clock;
    this.writer = Thread.ofPlatform().name("lede-events").daemon(true).start(this::drain);
  }

  /** Counts an impression for each teaser a page served. */
  void impressions(Context ctx, String from, List<String> ids, List<String> variants) {
    if (ids.isEmpty() || isBot(ctx.userAgent())) {
      return;
    }
    String visitor = visitor(ctx);
    var now = clock.instant();
    for (int i = 0; i < ids.size(); i++) {
      String v = i < variants.size() ? variants.get(i) : "";
      offer(
          new TeaserEvent(TeaserEvent.Type.IMPRESSION, ids.get(i), from, i, v, visitor, now),
          visitor);
    }
  }

  /** Counts a click (from the redirect or the beacon); false when it was not counted. */
  boolean click(Context ctx, String article, String from, int slot, String variant) {
    if (isBot(ctx.userAgent())) {
      return false;
    }
    String visitor = visitor(ctx);
    return offer(
        new TeaserEvent(
            TeaserEvent.Type.CLICK, article, from, slot, variant, visitor, clock.instant()),
        rateKey(ctx, visitor));
  }

  static boolean isBot(String userAgent) {
    return userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).find();
  }

  /** The visitor's id: the cookie when headline tests may set it, else a per-request id. */
  String visitor(Context ctx) {
    String v = ctx.cookie(COOKIE);
    if (v != null && v.matches("[A-Za-z0-9_-]{16,43}")) {
      return v;
    }
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    if (config.headlineTestCookie()) {
      Cookie c = new Cookie(COOKIE, id);
      c.setHttpOnly(true);
      c.setSameSite(SameSite.LAX);
      c.setPath("/");
      c.setMaxAge(60 * 60 * 24 * 180);
      c.setSecure(config.baseUrl().startsWith("https:"));
      ctx.cookie(c);
      return id;
    }
    return "r-" + id;
  }

  private static String rateKey(Context ctx, String visitor) {
    return visitor.startsWith("r-") ? "ip:" + ctx.ip() : visitor;
  }

  private boolean offer(TeaserEvent e, String rateKey) {
    long now = clock.millis();
    long window = now / 60_000;
    if (window != rateWindow) {
      rateWindow = window;
      rate.clear();
      if (seen.size() > 500_000) {
        long cutoff = now - 3_600_000;
        seen.values().removeIf(t -> t < cutoff);
      }
    }
    int[] count = rate.computeIfAbsent(rateKey.toLowerCase(Locale.ROOT), k -> new int[1]);
    synchronized (count) {
      if (count[0] >= MAX_PER_MINUTE) {
        return false;
      }
      count[0]++;
    }
    if (seen.putIfAbsent(e.key(), now) != null) {
      return false;
    }
    return queue.offer(e);
  }

  private void drain() {
    List<TeaserEvent> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        TeaserEvent first = queue.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 4999);
        services.recordEvents(List.copyOf(batch));
      } catch (InterruptedException e) {
        running = false; // drain what is queued, then stop
      } catch (RuntimeException e) {
        LOG.warn("could not record {} teaser events: {}", batch.size(), e.toString());
      } finally {
        batch.clear();
      }
    }
  }

  /** Writes what is queued and stops the writer. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
