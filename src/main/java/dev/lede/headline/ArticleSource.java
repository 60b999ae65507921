package dev.lede.headline;

import dev.lede.model.Article;
import java.util.Optional;

/** Looks up stored articles by id (the lead wires the article store here). */
@FunctionalInterface
public interface ArticleSource {
  Optional<Article> article(String id);
}
