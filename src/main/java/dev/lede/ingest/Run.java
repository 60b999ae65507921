package dev.lede.ingest;

import dev.lede.model.Article;
import dev.lede.model.FetchRecord;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping of one run: counters for the report, the fetch log, progress. Shared by the
 * threads of a run, hence atomic counters. Every failure goes to the fetch log with its reason and
 * to stderr at WARN level, and is counted; nothing here throws.
 */
final class Run implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Run.class);

  private final IngestSink sink;
  private final InstantSource clock;
  private final Progress progress;
  private final long start;
  private final AtomicInteger sources = new AtomicInteger();
  private final AtomicInteger sourcesRead = new AtomicInteger();
  private final AtomicLong fetched = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  Run(IngestSink sink, InstantSource clock, Progress progress) {
    this.sink = sink;
    this.clock = clock;
    this.progress = progress;
    this.start = clock.millis();
  }

  void sourceStarted() {
    sources.incrementAndGet();
  }

  void sourceRead() {
    sourcesRead.incrementAndGet();
  }

  /**
   * The source could not be read at all.
   *
   * @param logged whether the fetch log already has the failed fetch
   */
  void sourceFailed(@Nullable String sourceId, String location, String reason, boolean logged) {
    failed.incrementAndGet();
    LOG.warn("source {} failed: {}", location, reason);
    progress.step(tally());
    if (!logged) {
      logQuietly(
          new FetchRecord(
              clock.instant(), sourceId, location, 0, FetchRecord.Outcome.FAILED, reason, 0, 0));
    }
  }

  /** A document came back (or 304). */
  void fetched(@Nullable String sourceId, String url, FetchResult r) {
    if (r.notModified()) {
      notModified.incrementAndGet();
    } else {
      fetched.incrementAndGet();
    }
    logQuietly(
        new FetchRecord(
            clock.instant(),
            sourceId,
            url,
            r.status(),
            r.notModified() ? FetchRecord.Outcome.NOT_MODIFIED : FetchRecord.Outcome.FETCHED,
            r.redirects() > 0 ? "redirected to " + r.url() : "",
            r.wireBytes(),
            r.millis()));
  }

  /** A local file was read. */
  void fileRead(@Nullable String sourceId, String path, long bytes, long millis) {
    fetched.incrementAndGet();
    logQuietly(
        new FetchRecord(
            clock.instant(), sourceId, path, 0, FetchRecord.Outcome.FETCHED, "", bytes, millis));
  }

  /** A fetch failed; {@code countAsFailure} is false when the caller falls back on other data. */
  void fetchFailed(
      @Nullable String sourceId, String url, FetchException e, boolean countAsFailure) {
    if (countAsFailure) {
      failed.incrementAndGet();
      progress.step(tally());
    }
    LOG.warn("{}", e.getMessage());
    logQuietly(
        new FetchRecord(
            clock.instant(), sourceId, url, e.status(), e.outcome(), e.getMessage(), 0, 0));
  }

  /** An item (a feed entry, a page, a JSONL line) could not be turned into an article. */
  void itemFailed(@Nullable String sourceId, String where, String reason) {
    failed.incrementAndGet();
    LOG.warn("{}: {}", where, reason);
    progress.step(tally());
    logQuietly(
        new FetchRecord(
            clock.instant(), sourceId, where, 0, FetchRecord.Outcome.FAILED, reason, 0, 0));
  }

  /** A problem worked around (e.g. a page replaced by the feed's summary): logged, not counted. */
  void noted(@Nullable String sourceId, String where, String reason) {
    LOG.warn("{}: {}", where, reason);
    logQuietly(
        new FetchRecord(
            clock.instant(), sourceId, where, 0, FetchRecord.Outcome.FAILED, reason, 0, 0));
  }

  void skipped() {
    skipped.incrementAndGet();
  }

  /** Hands one article to the sink and counts the outcome. */
  IngestSink.Result submit(@Nullable String sourceId, Article a, String where) {
    IngestSink.Result r;
    try {
      r = sink.submit(sourceId, a);
    } catch (RuntimeException e) {
      r = IngestSink.Result.failed("store error: " + e.getMessage());
    }
    count(sourceId, r, where);
    return r;
  }

  /** Hands a batch of articles to the sink and counts each outcome. */
  List<IngestSink.Result> submitAll(
      @Nullable String sourceId, List<Article> as, List<String> where) {
    List<IngestSink.Result> rs;
    try {
      rs = sink.submitAll(sourceId, as);
      if (rs.size() != as.size()) {
        throw new IllegalStateException(
            "the store answered " + rs.size() + " results for " + as.size() + " articles");
      }
    } catch (RuntimeException e) {
      rs = new ArrayList<>();
      for (int i = 0; i < as.size(); i++) {
        rs.add(IngestSink.Result.failed("store error: " + e.getMessage()));
      }
    }
    for (int i = 0; i < rs.size(); i++) {
      count(sourceId, rs.get(i), where.get(i));
    }
    return rs;
  }

  private void count(@Nullable String sourceId, IngestSink.Result r, String where) {
    switch (r.outcome()) {
      case NEW -> created.incrementAndGet();
      case UPDATED -> updated.incrementAndGet();
      case UNCHANGED -> unchanged.incrementAndGet();
      case FAILED -> {
        itemFailed(sourceId, where, r.reason());
        return;
      }
    }
    progress.step(tally());
  }

  private String tally() {
    return String.format(
        Locale.ROOT,
        "new %d, updated %d, unchanged %d, failed %d",
        created.get(),
        updated.get(),
        unchanged.get(),
        failed.get());
  }

  private void logQuietly(FetchRecord r) {
    try {
      sink.log(r);
    } catch (RuntimeException e) {
      LOG.warn("cannot write the fetch log: {}", e.getMessage());
    }
  }

  IngestReport report() {
    return new IngestReport(
        sources.get(),
        sourcesRead.get(),
        fetched.get(),
        notModified.get(),
        created.get(),
        updated.get(),
        unchanged.get(),
        skipped.get(),
        failed.get(),
        Duration.ofMillis(clock.millis() - start));
  }

  @Override
  public void close() {
    progress.close();
  }
}
