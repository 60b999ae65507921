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
 * @param story the story it belongs to, or null when not known (yet)
 * @param duplicateOf the canonical original when the article is a copy of another one, else null:
 *     searches and related candidates never show a copy beside its original
 */
public record IndexEntry(
    String id,
    @Nullable String sourceId,
    Article article,
    @Nullable String story,
    @Nullable String duplicateOf) {
  public IndexEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(article, "article");
  }

  /** An entry without story and duplicate information. */
  public IndexEntry(String id, @Nullable String sourceId, Article article) {
    this(id, sourceId, article, null, null);
  }
}
