package dev.lede.ingest;

import dev.lede.extract.ExtractionException;
import dev.lede.extract.Extractor;
import dev.lede.model.Article;
import java.net.URI;

/** Fetches an article page politely and extracts it; the fetch is logged in the run. */
final class PageReader {
  private final PoliteFetcher fetcher;

  PageReader(PoliteFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** The fetched page's article (the response is logged; failures are thrown for the caller). */
  Article read(URI url, Job job) throws FetchException, BadContentException {
    FetchResult r = fetcher.fetch(url, ContentKind.PAGE, Validators.NONE);
    job.run().fetched(job.sourceId(), url.toString(), r);
    return extract(r);
  }

  /**
   * The article of an already fetched page; a canonical URL on another site is dropped (see {@link
   * SameSite}).
   */
  static Article extract(FetchResult r) throws BadContentException {
    try {
      Article a =
          SameSite.trustedCanonical(
              Extractor.extract(r.body(), Sniffer.pageType(r.mediaType()), r.charset(), r.url()),
              r.url());
      return a.url().isEmpty() ? a.toBuilder().url(r.url().toString()).build() : a;
    } catch (ExtractionException e) {
      throw new BadContentException("cannot extract " + r.url() + ": " + e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new BadContentException("extraction of " + r.url() + " failed: " + e, e);
    }
  }
}
