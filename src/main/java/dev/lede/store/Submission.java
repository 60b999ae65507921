package dev.lede.store;

import dev.lede.model.Article;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One article handed to the store, with the source it came from (null for a one-off ingest). */
public record Submission(Article article, @Nullable String sourceId) {
  public Submission {
    Objects.requireNonNull(article, "article");
  }
}
