package dev.lede.store;

import dev.lede.model.Article;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An article as the store holds it: the current version of the extracted model plus the store's
 * bookkeeping.
 *
 * @param id the article's identity (see {@link ArticleIdentity}); equals {@code article.id()}
 * @param sourceId the source it was last submitted for, or null for a one-off ingest
 * @param article the current version, with {@code id} set
 * @param urlKey the normalised canonical URL (else URL) used for look-ups; empty when none
 * @param contentHash hash of the editorial content (see {@link ArticleIdentity#contentHash})
 * @param version 1 for the first version, incremented on every update
 * @param firstSeen when the store first acknowledged this article
 * @param lastUpdated when the current version was stored
 * @param hidden taken down by an operator: kept in the store, absent from search and lists
 */
public record StoredArticle(
    String id,
    @Nullable String sourceId,
    Article article,
    String urlKey,
    String contentHash,
    int version,
    Instant firstSeen,
    Instant lastUpdated,
    boolean hidden) {

  public StoredArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(urlKey, "urlKey");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    if (!id.equals(article.id())) {
      throw new IllegalArgumentException(
          "stored article id " + id + " differs from the model's id " + article.id());
    }
  }

  /** The publication date, if the publisher gave one (first-seen is not a publication date). */
  public @Nullable Instant published() {
    return article.published();
  }
}
