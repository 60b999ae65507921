package dev.lede.ingest;

import dev.lede.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a registered source once and keeps its state: on success the validators and seen items the
 * read produced, and the next poll one adaptive interval on ({@link PollInterval}); on failure the
 * error, one more consecutive failure and a backed-off next poll (never before a Retry-After). A
 * source is never polled twice at once; an interrupted poll (shutdown) leaves the state as it was.
 */
final class SourcePoller {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

  private final SourceRegistry registry;
  private final SourceReader reader;
  private final IngestOptions options;
  private final InstantSource clock;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  SourcePoller(
      SourceRegistry registry, SourceReader reader, IngestOptions options, InstantSource clock) {
    this.registry = registry;
    this.reader = reader;
    this.options = options;
    this.clock = clock;
  }

  /** Whether the source is due now (not paused, next poll time reached, not being polled). */
  boolean due(Source s, Instant now) {
    if (s.paused() || inFlight.contains(s.id())) {
      return false;
    }
    Instant next = state(s.id()).nextPollAt();
    return next == null || !next.isAfter(now);
  }

  void poll(Source src, Run run) {
    if (!inFlight.add(src.id())) {
      LOG.info("source {} is already being polled", src.id());
      return;
    }
    try {
      run.sourceStarted();
      SourceState st = state(src.id());
      Instant now = clock.instant();
      Job job = new Job(src.id(), src.location(), src.fetchFullText(), st, run);
      SourceState next;
      try {
        Job.Polled p = reader.poll(src, job);
        run.sourceRead();
        next = p.state().succeeded(clock.instant(), interval(src, st, p, now));
      } catch (SourceFailure e) {
        if (e.interrupted() || Thread.currentThread().isInterrupted()) {
          return; // stopping: keep the old state
        }
        run.sourceFailed(src.id(), src.location(), e.getMessage(), e.logged());
        FetchException fe = e.fetchFailure();
        Instant retry =
            PollInterval.backoff(
                st.interval(),
                st.consecutiveFailures() + 1,
                now,
                fe == null ? null : fe.retryAfter());
        next = st.failed(now, String.valueOf(e.getMessage()), retry);
      }
      try {
        registry.putState(src.id(), next.toJson());
      } catch (IllegalArgumentException e) {
        LOG.info("source {} was removed while it was polled; its state is not kept", src.id());
      }
    } catch (RuntimeException e) {
      LOG.error("unexpected error polling {}", src.id(), e);
      run.sourceFailed(src.id(), src.location(), "unexpected error: " + e, false);
    } finally {
      inFlight.remove(src.id());
    }
  }

  /** Feeds and sitemaps adapt to their publishing rate; pages and folders keep their interval. */
  private Duration interval(Source src, SourceState st, Job.Polled p, Instant now) {
    return switch (src.kind()) {
      case FEED, SITEMAP ->
          PollInterval.next(
              st.interval(),
              p.itemDates(),
              p.newItems(),
              now,
              options.pollMin(),
              options.pollMax());
      case PAGE, FILE -> st.interval();
    };
  }

  private SourceState state(String id) {
    return SourceState.fromJson(registry.state(id).orElse(null), options.pollInitial());
  }
}
