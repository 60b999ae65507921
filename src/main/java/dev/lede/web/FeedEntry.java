package dev.lede.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item of an outgoing feed or sitemap: an article as a feed reader sees it. URLs are absolute.
 *
 * @param id a stable, globally unique id (the article's canonical URL on this site)
 * @param summary the teaser excerpt (plain text)
 * @param contentText the full text where the source's rights allow it, else empty
 */
public record FeedEntry(
    String id,
    String title,
    String url,
    String summary,
    String contentText,
    @Nullable Instant published,
    @Nullable Instant updated,
    List<String> authors,
    List<String> tags,
    @Nullable String imageUrl) {
  public FeedEntry {
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }

  /** The most recent of updated and published, or null when neither is known. */
  @Nullable Instant lastChange() {
    if (updated != null && (published == null || updated.isAfter(published))) {
      return updated;
    }
    return published;
  }
}
