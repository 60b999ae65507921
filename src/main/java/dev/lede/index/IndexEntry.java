package dev.lede.index;

import dev.lede.model.Article;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the index holds of one article.
 *
 * @param id the article's identity in the store
 * @param sourceId the source it came from, or null
 * @param article the current version
 */
public record IndexEntry(String id, @Nullable String sourceId, Article article) {
  public IndexEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(article, "article");
  }
}
