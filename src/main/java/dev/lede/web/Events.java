package dev.lede.web;

import dev.lede.model.TeaserEvent;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects teaser impressions and clicks in the one event schema ({@link TeaserEvent}): impressions
 * when a page serves a teaser list, clicks from the redirect and the beacon. Events are queued with
 * the request's user agent and handed to {@link SiteServices#recordEvents} in batches by a named
 * background thread, so serving a page never waits on a write; the services drop bots, duplicates
 * and rate-limited visitors before anything is stored.
 *
 * <p>The visitor id is a random first-party cookie ({@value #COOKIE}, HttpOnly, SameSite=Lax), set
 * only while headline tests are on (the setting allows it and a test is running); it carries no
 * personal data. Without it the visitor is unknown (null) and the page's headline bucket is drawn
 * per request.
 */
final class Events implements AutoCloseable {
  static final String COOKIE = "lede_v";
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SiteServices services;
  private final SiteConfig config;
  private final InstantSource clock;
  private final BlockingQueue<SiteServices.ObservedEvent> queue = new ArrayBlockingQueue<>(100_000);
  private final BlockingQueue<PageImpressions> pages = new ArrayBlockingQueue<>(20_000);
  private final Thread writer;
  private volatile boolean running = true;

  Events(SiteServices services, SiteConfig config, InstantSource clock) {
    this.services = services;
    this.config = config;
    this.clock = clock;
    this.writer = Thread.ofPlatform().name("lede-events").daemon(true).start(this::drain);
  }

  /**
   * Counts an impression for each teaser a page served: one enqueue per page, expanded into events
   * on the writer thread. A visitor cookie is made only when a teaser is in a headline test.
   */
  void impressions(
      Context ctx, String from, List<String> ids, List<String> variants, boolean testing) {
    if (ids.isEmpty()) {
      return;
    }
    String visitor = testing ? visitor(ctx) : existingVisitor(ctx);
    if (!pages.offer(new PageImpressions(from, ids, variants, visitor, ua(ctx), clock.instant()))) {
      LOG.debug("event queue full; dropping a page's impressions");
    }
  }

  private record PageImpressions(
      String from,
      List<String> ids,
      List<String> variants,
      @Nullable String visitor,
      String userAgent,
      java.time.Instant at) {
    void expand(List<SiteServices.ObservedEvent> out) {
      for (int i = 0; i < ids.size(); i++) {
        String v = i < variants.size() && !variants.get(i).isEmpty() ? variants.get(i) : null;
        out.add(
            new SiteServices.ObservedEvent(
                new TeaserEvent(TeaserEvent.Type.IMPRESSION, ids.get(i), from, i, v, visitor, at),
                userAgent));
      }
    }
  }

  private static @Nullable String existingVisitor(Context ctx) {
    String v = ctx.cookie(COOKIE);
    return v != null && v.matches("[A-Za-z0-9_-]{16,43}") ? v : null;
  }

  /** Queues a click (from the redirect or the beacon). */
  void click(Context ctx, String article, String from, int slot, String variant) {
    offer(
        new TeaserEvent(
            TeaserEvent.Type.CLICK,
            article,
            from.isEmpty() ? null : from,
            slot,
            variant.isEmpty() ? null : variant,
            visitor(ctx),
            clock.instant()),
        ua(ctx));
  }

  private static String ua(Context ctx) {
    String ua = ctx.userAgent();
    return ua == null ? "" : ua;
  }

  /**
   * The visitor's id from the cookie, set on first sight while headline tests are on; else null.
   */
  @Nullable String visitor(Context ctx) {
    String v = ctx.cookie(COOKIE);
    if (v != null && v.matches("[A-Za-z0-9_-]{16,43}")) {
      return v;
    }
    if (!config.headlineTestCookie() || !services.headlineTestsRunning()) {
      return null;
    }
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    Cookie c = new Cookie(COOKIE, id);
    c.setHttpOnly(true);
    c.setSameSite(SameSite.LAX);
    c.setPath("/");
    c.setMaxAge(60 * 60 * 24 * 180);
    c.setSecure(config.baseUrl().startsWith("https:"));
    ctx.cookie(c);
    return id;
  }

  private void offer(TeaserEvent e, String userAgent) {
    if (!queue.offer(new SiteServices.ObservedEvent(e, userAgent))) {
      LOG.debug("event queue full; dropping a {} event", e.type());
    }
  }

  private void drain() {
    List<SiteServices.ObservedEvent> batch = new ArrayList<>();
    List<PageImpressions> pageBatch = new ArrayList<>();
    while (running || !queue.isEmpty() || !pages.isEmpty()) {
      try {
        queue.drainTo(batch, 5000);
        pages.drainTo(pageBatch, 1000);
        if (batch.isEmpty() && pageBatch.isEmpty()) {
          if (!running) {
            break;
          }
          // Batched off the request threads: a page's impressions wait at most this long.
          Thread.sleep(50);
          continue;
        }
        for (PageImpressions p : pageBatch) {
          p.expand(batch);
        }
        pageBatch.clear();
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
