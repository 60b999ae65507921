package dev.lede.wikinews;

import dev.lede.model.Article;
import dev.lede.model.CitedSource;
import java.util.List;
import java.util.Objects;

/**
 * A Wikinews article with what the {@link Article} record has no field for: its licence and the
 * sources it cites. The licence's attribution line is also among the article's attribution lines.
 */
public record WikinewsArticle(Article article, WikinewsLicence licence, List<CitedSource> sources) {
  public WikinewsArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(licence, "licence");
    sources = List.copyOf(sources);
  }
}
