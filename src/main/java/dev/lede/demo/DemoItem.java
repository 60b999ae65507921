package dev.lede.demo;

import dev.lede.model.Article;
import dev.lede.model.CitedSource;
import java.util.List;
import java.util.Objects;

/**
 * One article of the demo corpus with its licence and cited sources. The credit the licence asks
 * for ("From Wikinews, CC BY 2.5 — URL (text reformatted)") is the article's first attribution
 * line, so whatever shows attribution lines shows it.
 *
 * @param article the article, its id kept from the corpus
 * @param licence "CC BY 2.5" or "Public domain"
 * @param licenceUrl the licence text's address; empty for the public domain
 * @param sources the sources the article cites, possibly none
 */
public record DemoItem(
    Article article, String licence, String licenceUrl, List<CitedSource> sources) {
  public DemoItem {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(licenceUrl, "licenceUrl");
    sources = List.copyOf(sources);
  }

  /** The article's id. */
  public String id() {
    return Objects.requireNonNull(article.id(), "demo articles always have an id");
  }

  /** The licence credit to show with the article (its first attribution line). */
  public String attributionLine() {
    return article.attribution().isEmpty() ? "" : article.attribution().get(0);
  }
}
