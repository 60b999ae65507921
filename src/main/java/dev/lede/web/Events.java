package dev.lede.web;

import dev.lede.model.TeaserEvent;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>A page's impressions cost the request one small object on a lock-free queue (the teaser ids
 * and variants are the cached page's own lists; the events are made on the writer thread).
 *
 * <p>The visitor id is the random first-party cookie of {@link Visitors}, set only while headline
 * tests are on (the setting allows it and a test is running); it carries no personal data. Without
 * it the visitor is unknown (null).
 */
final class Events implements AutoCloseable {
  static final String COOKIE = Visitors.COOKIE;
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);
  private static final int MAX_PAGES = 20_000;

  private final SiteServices services;
  private final Visitors visitors;
  private final InstantSource clock;
  private final BlockingQueue<SiteServices.ObservedEvent> queue = new ArrayBlockingQueue<>(100_000);
  private final ConcurrentLinkedQueue<PageImpressions> pages = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final Thread writer;
  private volatile boolean running = true;

  Events(SiteServices services, SiteConfig config, InstantSource clock) {
    this.services = services;
    this.visitors = new Visitors(config);
    this.clock = clock;
    this.writer = Thread.ofPlatform().name("lede-events").daemon(true).start(this::drain);
  }

  /**
   * Counts an impression for each teaser a page served: one enqueue per page, expanded into events
   * on the writer thread ({@code variants[i]} "" for the original or an untested teaser).
   */
  void impressions(
      String from,
      List<String> ids,
      List<String> variants,
      @Nullable String visitor,
      @Nullable String userAgent) {
    if (ids.isEmpty()) {
      return;
    }
    if (pending.incrementAndGet() > MAX_PAGES) {
      pending.decrementAndGet();
      LOG.debug("event queue full; dropping a page's impressions");
      return;
    }
    pages.offer(
        new PageImpressions(
            from, ids, variants, visitor, userAgent == null ? "" : userAgent, clock.millis()));
  }

  private record PageImpressions(
      String from,
      List<String> ids,
      List<String> variants,
      @Nullable String visitor,
      String userAgent,
      long atMillis) {
    void expand(List<SiteServices.ObservedEvent> out) {
      java.time.Instant at = java.time.Instant.ofEpochMilli(atMillis);
      for (int i = 0; i < ids.size(); i++) {
        String v = i < variants.size() && !variants.get(i).isEmpty() ? variants.get(i) : null;
        out.add(
            new SiteServices.ObservedEvent(
                new TeaserEvent(TeaserEvent.Type.IMPRESSION, ids.get(i), from, i, v, visitor, at),
                userAgent));
      }
    }
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
    if (!visitors.cookieAllowed()) {
      return null;
    }
    String v = Visitors.valid(ctx.cookie(COOKIE));
    if (v != null) {
      return v;
    }
    if (!services.headlineTestsRunning()) {
      return null;
    }
    String id = Visitors.newId();
    ctx.res().addHeader("Set-Cookie", visitors.setCookie(id));
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
        // Impressions first, then the clicks made no later than the newest page taken: a click
        // counts toward a headline test only after its visitor's impression of the teaser was
        // counted, so a click must not be recorded ahead of the page it was made on (a page still
        // waiting was served after the cut-off, and its clicks come later still). Clicks never
        // starve: the cut-off moves on with the pages, and is open once none wait.
        long cutoff = Long.MAX_VALUE;
        for (PageImpressions p; pageBatch.size() < 1000 && (p = pages.poll()) != null; ) {
          pageBatch.add(p);
          pending.decrementAndGet();
          cutoff = p.atMillis();
        }
        if (pages.isEmpty()) {
          cutoff = Long.MAX_VALUE;
        }
        for (PageImpressions p : pageBatch) {
          p.expand(batch);
        }
        pageBatch.clear();
        for (int taken = 0;
            taken < 5000
                && queue.peek() instanceof SiteServices.ObservedEvent c
                && c.event().ts().toEpochMilli() <= cutoff;
            taken++) {
          batch.add(queue.poll()); // the one reader: the head peeked is the head polled
        }
        if (batch.isEmpty()) {
          if (!running) {
            break;
          }
          // Batched off the request threads: a page's impressions wait at most this long.
          Thread.sleep(50);
          continue;
        }
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
