package dev.lede.ingest;

import dev.lede.model.Article;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A feed, read once: decompress a gzip file (under the fetch limits), parse, map each item to an
 * article, fetch the page of summary-only items (when the source wants full text) and merge, hand
 * each article to the sink. Items an earlier poll ingested (same key, same date) are skipped
 * without a request. A page that cannot be fetched for a passing reason (timeout, 5xx, back-off)
 * leaves the item unmarked so the next poll tries again; meanwhile the feed's own version is
 * stored.
 */
final class FeedIngester {
  private final PoliteFetcher fetcher;
  private final FeedParser parser;
  private final PageReader pages;

  FeedIngester(PoliteFetcher fetcher, FeedParser parser) {
    this.fetcher = fetcher;
    this.parser = parser;
    this.pages = new PageReader(fetcher);
  }

  /** Fetches the feed (conditionally) and processes it. */
  Job.Polled poll(URI url, Job job) throws SourceFailure {
    FetchResult r;
    try {
      r = fetcher.fetch(url, ContentKind.FEED, job.state().validatorsFor(url.toString()));
    } catch (FetchException e) {
      job.run().fetchFailed(job.sourceId(), url.toString(), e, false);
      throw new SourceFailure(e.getMessage(), e, true);
    }
    job.run().fetched(job.sourceId(), url.toString(), r);
    return process(url, r, job);
  }

  /** Processes a fetched feed. */
  Job.Polled process(URI url, FetchResult r, Job job) throws SourceFailure {
    SourceState state = job.state().withValidators(url.toString(), r.validators());
    if (r.notModified()) {
      return new Job.Polled(state, List.of(), 0);
    }
    FeedParser.Feed feed;
    try {
      byte[] body =
          Sniffer.isGzip(r.body(), r.mediaType())
              ? fetcher.gunzip(r.body(), r.url().toString())
              : r.body();
      feed = parser.parse(body, r.charset(), r.url());
    } catch (BadContentException | FetchException e) {
      String msg = "feed " + r.url() + ": " + e.getMessage();
      throw new SourceFailure(msg, e);
    }
    List<Instant> dates = new ArrayList<>();
    Set<String> seenNow = new LinkedHashSet<>();
    int created = 0;
    for (FeedParser.Item item : feed.items()) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      Instant date = item.updated() != null ? item.updated() : item.published();
      if (date != null) {
        dates.add(date);
      }
      String key =
          !item.guid().isEmpty()
              ? item.guid()
              : !item.link().isEmpty() ? item.link() : item.title();
      String fp = SourceState.fingerprint(key, date);
      if (state.hasSeen(fp)) {
        job.run().skipped();
        continue;
      }
      String where = item.link().isEmpty() ? r.url() + " item '" + item.title() + "'" : item.link();
      Article article = FeedArticles.fromItem(item, feed);
      boolean complete = true;
      if (job.fetchFullText()
          && !item.link().isEmpty()
          && FeedArticles.summaryOnly(item, article)) {
        try {
          Article page = pages.read(URI.create(item.link()), job);
          article = FeedArticles.merge(page, article);
        } catch (FetchException e) {
          job.run().fetchFailed(job.sourceId(), item.link(), e, false);
          complete = !e.retryable() && e.kind() != FetchException.Kind.DEFERRED;
          if (e.kind() == FetchException.Kind.INTERRUPTED) {
            break;
          }
        } catch (BadContentException | IllegalArgumentException e) {
          job.run()
              .noted(
                  job.sourceId(),
                  item.link(),
                  "page unusable, feed version kept: " + e.getMessage());
        }
      }
      if (article.title().isEmpty() && article.text().isEmpty()) {
        job.run().itemFailed(job.sourceId(), where, "feed item has neither title nor text");
        seenNow.add(fp);
        continue;
      }
      IngestSink.Result res = job.run().submit(job.sourceId(), article, where);
      if (res.outcome() == IngestSink.Outcome.NEW) {
        created++;
      }
      if (res.outcome() != IngestSink.Outcome.FAILED && complete) {
        seenNow.add(fp);
      }
    }
    return new Job.Polled(state.withSeen(seenNow), dates, created);
  }
}
