package dev.lede.ingest;

import dev.lede.model.Article;
import dev.lede.model.ArticleBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sitemap, sitemap index or Google News sitemap, read once. An index's sitemaps are fetched (at
 * most {@value #MAX_CHILD_SITEMAPS}, one level: the protocol forbids nested indexes), each
 * conditionally with its own validators; the index's list is kept in the {@link SourceState}, so
 * that an index answering 304 still has its sitemaps polled (news sites change a sitemap, rarely
 * the index). A sitemap answering 304 adds nothing: its URLs were read before. The listed URLs are
 * ordered newest first (news:publication_date, else lastmod) and capped at the configured number
 * per sitemap, so one sitemap cannot flood the store or keep the crawler busy for days; each page
 * is fetched and extracted. A Google News sitemap's news:title and news:publication_date are the
 * publisher's own statement for news indexing and replace the page's title and date (page titles
 * often carry the site's name); its language, publication name and keywords fill what the page
 * lacks.
 */
final class SitemapIngester {
  static final int MAX_CHILD_SITEMAPS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(SitemapIngester.class);

  private final PoliteFetcher fetcher;
  private final PageReader pages;
  private final int maxUrls;

  SitemapIngester(PoliteFetcher fetcher, int maxUrls) {
    this.fetcher = fetcher;
    this.pages = new PageReader(fetcher);
    this.maxUrls = maxUrls;
  }

  Job.Polled poll(URI url, Job job) throws SourceFailure {
    FetchResult r;
    try {
      r = fetcher.fetch(url, ContentKind.SITEMAP, job.state().validatorsFor(url.toString()));
    } catch (FetchException e) {
      job.run().fetchFailed(job.sourceId(), url.toString(), e, false);
      throw new SourceFailure(e.getMessage(), e, true);
    }
    job.run().fetched(job.sourceId(), url.toString(), r);
    return process(url, r, job);
  }

  Job.Polled process(URI url, FetchResult r, Job job) throws SourceFailure {
    SourceState state = job.state().withValidators(url.toString(), r.validators());
    List<SitemapReader.Entry> entries = new ArrayList<>();
    List<URI> children;
    if (r.notModified()) {
      if (state.sitemaps().isEmpty()) {
        return new Job.Polled(state, List.of(), 0);
      }
      // an unchanged index says nothing about its sitemaps: poll the ones it listed last time
      children = state.sitemaps().stream().map(URI::create).toList();
    } else {
      SitemapReader.Parsed parsed;
      try {
        parsed = parse(r);
      } catch (BadContentException | FetchException e) {
        throw new SourceFailure("sitemap " + r.url() + ": " + e.getMessage(), e);
      }
      entries.addAll(parsed.entries());
      children = parsed.index() ? capped(parsed.sitemaps(), r.url()) : List.of();
      state = state.withSitemaps(children.stream().map(URI::toString).toList());
    }
    // which sitemap of the index listed each entry (first listing wins, as for the entries)
    Map<String, String> listedBy = new LinkedHashMap<>();
    for (URI child : children) {
      int before = entries.size();
      state = child(child, state, job, entries);
      for (int i = before; i < entries.size(); i++) {
        listedBy.putIfAbsent(entries.get(i).url().toString(), child.toString());
      }
    }
    Map<String, SitemapReader.Entry> unique = new LinkedHashMap<>();
    for (SitemapReader.Entry e : entries) {
      unique.putIfAbsent(e.url().toString(), e);
    }
    List<SitemapReader.Entry> ordered = new ArrayList<>(unique.values());
    ordered.sort(
        Comparator.comparing(
            SitemapReader.Entry::date, Comparator.nullsLast(Comparator.reverseOrder())));
    if (ordered.size() > maxUrls) {
      LOG.info("sitemap {} lists {} URLs; taking the newest {}", r.url(), ordered.size(), maxUrls);
      ordered = ordered.subList(0, maxUrls);
    }
    List<Instant> dates = new ArrayList<>();
    Set<String> seenNow = new LinkedHashSet<>();
    int created = 0;
    for (SitemapReader.Entry e : ordered) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      if (e.date() != null) {
        dates.add(e.date());
      }
      String fp = SourceState.fingerprint(e.url().toString(), e.date());
      if (state.hasSeen(fp)) {
        job.run().skipped();
        continue;
      }
      Article page;
      try {
        page = pages.read(e.url(), job);
      } catch (FetchException ex) {
        job.run().fetchFailed(job.sourceId(), e.url().toString(), ex, true);
        if (ex.kind() == FetchException.Kind.INTERRUPTED) {
          break;
        }
        if (!ex.retryable() && ex.kind() != FetchException.Kind.DEFERRED) {
          seenNow.add(fp);
        }
        continue;
      } catch (BadContentException ex) {
        job.run().itemFailed(job.sourceId(), e.url().toString(), ex.getMessage());
        seenNow.add(fp);
        continue;
      }
      IngestSink.Result res =
          job.run().submit(job.sourceId(), complete(page, e), e.url().toString());
      if (res.outcome() == IngestSink.Outcome.NEW) {
        created++;
      }
      if (res.outcome() != IngestSink.Outcome.FAILED) {
        seenNow.add(fp);
      }
    }
    SourceState after = state.withSeen(seenNow);
    // A sitemap keeps its validators only when every page it listed was handled: one left for
    // later (deferred, a retryable failure, past the URL cap, an interrupted run) would wait until
    // the sitemap changed if its next answer were a 304.
    Set<String> unfinished = new LinkedHashSet<>();
    for (Map.Entry<String, String> l : listedBy.entrySet()) {
      SitemapReader.Entry e = unique.get(l.getKey());
      if (!after.hasSeen(SourceState.fingerprint(l.getKey(), e.date()))) {
        unfinished.add(l.getValue());
      }
    }
    for (String child : unfinished) {
      after = after.withValidators(child, Validators.NONE);
    }
    return new Job.Polled(after, dates, created);
  }

  private static List<URI> capped(List<URI> children, URI index) {
    if (children.size() <= MAX_CHILD_SITEMAPS) {
      return children;
    }
    LOG.info(
        "sitemap index {} lists {} sitemaps; reading the first {}",
        index,
        children.size(),
        MAX_CHILD_SITEMAPS);
    return children.subList(0, MAX_CHILD_SITEMAPS);
  }

  /**
   * Reads one sitemap of an index conditionally, adding its entries to {@code into}; the state
   * comes back with the sitemap's validators, kept only once it was read (a sitemap that failed is
   * fetched in full next time).
   */
  private SourceState child(URI child, SourceState state, Job job, List<SitemapReader.Entry> into) {
    String key = child.toString();
    try {
      FetchResult cr = fetcher.fetch(child, ContentKind.SITEMAP, state.validatorsFor(key));
      job.run().fetched(job.sourceId(), key, cr);
      if (cr.notModified()) {
        return state.withValidators(key, cr.validators());
      }
      SitemapReader.Parsed p = parse(cr);
      if (p.index()) {
        job.run().itemFailed(job.sourceId(), key, "nested sitemap index ignored");
        return state.withValidators(key, Validators.NONE);
      }
      into.addAll(p.entries());
      return state.withValidators(key, cr.validators());
    } catch (FetchException e) {
      job.run().fetchFailed(job.sourceId(), key, e, true);
    } catch (BadContentException e) {
      job.run().itemFailed(job.sourceId(), key, e.getMessage());
    }
    return state.withValidators(key, Validators.NONE);
  }

  private SitemapReader.Parsed parse(FetchResult r) throws BadContentException, FetchException {
    byte[] body = r.body();
    String type = r.mediaType();
    if (Sniffer.isGzip(body, type)) {
      body = fetcher.gunzip(body, r.url().toString());
      type = null;
    }
    return SitemapReader.parse(body, type, r.charset(), r.url());
  }

  /** The page's article completed with the sitemap's news metadata. */
  static Article complete(Article page, SitemapReader.Entry e) {
    ArticleBuilder b = page.toBuilder();
    if (!e.newsTitle().isEmpty()) {
      b.title(e.newsTitle());
    }
    if (e.newsPublished() != null) {
      b.published(e.newsPublished());
    }
    if (page.modified() == null
        && e.lastModified() != null
        && !e.lastModified().equals(e.newsPublished())) {
      b.modified(e.lastModified());
    }
    if (page.language().isBlank()) {
      b.language(e.newsLanguage());
    }
    if (page.siteName().isBlank()) {
      b.siteName(e.newsPublication());
    }
    if (page.tags().isEmpty()) {
      b.tags(e.keywords());
    }
    return b.build();
  }
}
