package dev.lede.ingest;

import dev.lede.model.Source;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads one source once, whatever its kind: dispatches a registered source to the ingester of its
 * kind, and tells a one-off URL's kind from what it serves (a feed, a sitemap or a page) before
 * handing the already fetched document on, so nothing is fetched twice.
 */
final class SourceReader {
  private final PoliteFetcher fetcher;
  private final FeedIngester feeds;
  private final SitemapIngester sitemaps;
  private final FileIngester files;

  SourceReader(
      PoliteFetcher fetcher, FeedIngester feeds, SitemapIngester sitemaps, FileIngester files) {
    this.fetcher = fetcher;
    this.feeds = feeds;
    this.sitemaps = sitemaps;
    this.files = files;
  }

  /** A registered source, read by its kind (conditionally where validators are known). */
  Job.Polled poll(Source src, Job job) throws SourceFailure {
    return switch (src.kind()) {
      case FEED -> feeds.poll(parseUrl(src.location()), job);
      case SITEMAP -> sitemaps.poll(parseUrl(src.location()), job);
      case PAGE -> pollPage(parseUrl(src.location()), job);
      case FILE -> files.ingest(Path.of(src.location()), job);
    };
  }

  /** A one-off location: an http(s) URL of any kind, or a local file or folder. */
  Job.Polled readOnce(String loc, Job job) throws SourceFailure {
    if (loc.matches("(?i)https?://.*")) {
      URI u = parseUrl(loc);
      FetchResult r;
      try {
        r = fetcher.fetch(u, ContentKind.ANY, Validators.NONE);
      } catch (FetchException e) {
        job.run().fetchFailed(null, loc, e, false);
        throw new SourceFailure(e.getMessage(), e, true);
      }
      job.run().fetched(null, loc, r);
      return dispatch(u, r, job);
    }
    if (loc.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
      throw new SourceFailure(
          "unsupported URL scheme (http and https only): " + loc,
          new IllegalArgumentException(loc));
    }
    Path p = toPath(loc);
    if (p == null) {
      throw new SourceFailure("not a valid path: " + loc, new IllegalArgumentException(loc));
    }
    return files.ingest(p, job);
  }

  /** What a URL serves, and a feed's title (to name a new source). */
  record Probe(Source.Kind kind, String name) {}

  Probe probe(URI url) {
    FetchResult r;
    byte[] body;
    try {
      r = fetcher.fetch(url, ContentKind.ANY, Validators.NONE);
      body = unzipped(r);
    } catch (FetchException e) {
      throw new IllegalArgumentException(
          "cannot fetch " + url + " to detect its kind: " + e.getMessage(), e);
    }
    Source.Kind k = Sniffer.kind(body, r.mediaType());
    String name = "";
    if (k == Source.Kind.FEED) {
      try {
        name = new Feeds().parse(body, r.charset(), r.url()).title();
      } catch (BadContentException e) {
        throw new IllegalArgumentException("feed " + url + " cannot be read: " + e.getMessage(), e);
      }
    }
    return new Probe(k, name);
  }

  private Job.Polled dispatch(URI u, FetchResult r, Job job) throws SourceFailure {
    byte[] body;
    try {
      body = unzipped(r);
    } catch (FetchException e) {
      throw new SourceFailure(e.getMessage(), e);
    }
    Source.Kind kind = Sniffer.kind(body, r.mediaType());
    FetchResult decoded = body == r.body() ? r : r.withGunzipped(body); // sniffed = what is read
    return switch (kind) {
      case FEED -> feeds.process(u, decoded, job);
      case SITEMAP -> sitemaps.process(u, decoded, job);
      case PAGE, FILE -> page(u, decoded, job);
    };
  }

  private byte[] unzipped(FetchResult r) throws FetchException {
    return Sniffer.isGzip(r.body(), r.mediaType())
        ? fetcher.gunzip(r.body(), r.url().toString())
        : r.body();
  }

  private Job.Polled pollPage(URI u, Job job) throws SourceFailure {
    FetchResult r;
    try {
      r = fetcher.fetch(u, ContentKind.PAGE, job.state().validatorsFor(u.toString()));
    } catch (FetchException e) {
      job.run().fetchFailed(job.sourceId(), u.toString(), e, false);
      throw new SourceFailure(e.getMessage(), e, true);
    }
    job.run().fetched(job.sourceId(), u.toString(), r);
    return page(u, r, job);
  }

  private static Job.Polled page(URI u, FetchResult r, Job job) throws SourceFailure {
    SourceState state = job.state().withValidators(u.toString(), r.validators());
    if (r.notModified()) {
      return new Job.Polled(state, List.of(), 0);
    }
    try {
      IngestSink.Result res =
          job.run().submit(job.sourceId(), PageReader.extract(r), r.url().toString());
      return new Job.Polled(state, List.of(), res.outcome() == IngestSink.Outcome.NEW ? 1 : 0);
    } catch (BadContentException e) {
      throw new SourceFailure(e.getMessage(), e);
    }
  }

  static URI parseUrl(String s) throws SourceFailure {
    try {
      URI u = new URI(s.strip().replace(" ", "%20"));
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
        throw new SourceFailure("not an http(s) URL: " + s, new IllegalArgumentException(s));
      }
      return u;
    } catch (URISyntaxException e) {
      throw new SourceFailure("not a valid URL: " + s, e);
    }
  }

  static @Nullable Path toPath(String s) {
    try {
      if (s.regionMatches(true, 0, "file:", 0, 5)) {
        return Path.of(URI.create(s));
      }
      return Path.of(s);
    } catch (IllegalArgumentException e) { // InvalidPathException included
      return null;
    }
  }
}
