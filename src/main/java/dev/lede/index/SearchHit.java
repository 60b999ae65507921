package dev.lede.index;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search or related-candidate result.
 *
 * @param id the article's identity
 * @param title the headline
 * @param url the canonical URL, else the URL; empty when unknown
 * @param published the publication date, or null
 * @param source the source id, or null
 * @param siteName the publisher's name, empty when unknown
 * @param section the section as published, empty when none
 * @param tags the tags as published
 * @param score relevance (comparable within one result list only)
 * @param snippet HTML-safe text (escaped) with the matches wrapped in {@code <mark>…</mark>}; empty
 *     when snippets were not asked for
 */
public record SearchHit(
    String id,
    String title,
    String url,
    @Nullable Instant published,
    @Nullable String source,
    String siteName,
    String section,
    List<String> tags,
    float score,
    String snippet) {
  public SearchHit {
    tags = List.copyOf(tags);
  }
}
