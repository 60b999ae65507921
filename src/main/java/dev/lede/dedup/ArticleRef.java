package dev.lede.dedup;

import dev.lede.model.Article;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link Dedup} needs to know about an article: its id in the store, the extracted article
 * (headline, body blocks, publication time), where it came from, and when Lede first saw it.
 *
 * @param id the article's id in the store
 * @param sourceId the id of the source it was read from (empty when unknown)
 * @param sourceName the source's display name (the publisher), empty when unknown
 * @param firstSeen when Lede first saw the article (the time used when it has no publication date)
 * @param wire whether the publisher is a news agency (wins a tie for the canonical original)
 */
public record ArticleRef(
    String id,
    Article article,
    String sourceId,
    String sourceName,
    Instant firstSeen,
    boolean wire) {
  public ArticleRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(firstSeen, "firstSeen");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("article id must not be empty");
    }
  }

  /** An article whose wire flag comes from {@link WireSources#DEFAULT}. */
  public static ArticleRef of(
      String id, Article article, String sourceId, String sourceName, Instant firstSeen) {
    return new ArticleRef(
        id,
        article,
        sourceId,
        sourceName,
        firstSeen,
        WireSources.DEFAULT.isWire(sourceName, article.siteName()));
  }

  /** The time that decides which copy is the original: publication, else first seen. */
  Instant time() {
    Instant p = article.published();
    return p != null ? p : firstSeen;
  }
}
