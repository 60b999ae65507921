package dev.lede.index;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request for related candidates: articles that share the most distinctive terms (tf·idf, in the
 * manner of MoreLikeThis) of the title and body of an indexed article, or of a text.
 *
 * @param articleId take the terms from this indexed article (which is then excluded), or null
 * @param text take the terms from this text when {@code articleId} is null
 * @param exclude ids never to return
 * @param filters restrictions on the candidates
 * @param limit candidates to return
 * @param maxQueryTerms how many of the most distinctive (term, field) pairs make the query (caps
 *     the cost of huge bodies)
 * @param hits what each hit carries
 * @param titleText with {@code text}: the terms to look for in headlines, when they are fewer than
 *     those of {@code text} (null: the terms of {@code text} in headlines too). Each term looked
 *     for in a field is one clause of the query, so a short headline text makes a cheaper query.
 * @param floorHint a score that the last hit is expected to reach (0: none), such as the last hit's
 *     score when the same query ran before: the search may skip every document under it from the
 *     start. A hint never changes the hits: where too few documents reach it (the {@code limit}
 *     hits and the excluded ids dropped from them), the search runs again without it.
 */
public record RelatedQuery(
    @Nullable String articleId,
    String text,
    Set<String> exclude,
    SearchFilters filters,
    int limit,
    int maxQueryTerms,
    Hits hits,
    @Nullable String titleText,
    float floorHint) {

  public static final int DEFAULT_MAX_QUERY_TERMS = 25;

  /** What a related hit carries. */
  public enum Hits {
    /** Every field of {@link SearchHit} (the snippet empty). */
    FULL,
    /**
     * The id, the score and the publication date only; the other fields are empty (title, URL, site
     * name, section, tags) or null (source). For callers that rank candidates by id and score and
     * read what else they need from their own data: the index then reads no stored headline or body
     * for the hits, which is most of the cost of a hit.
     */
    ID_AND_SCORE
  }

  public RelatedQuery {
    Objects.requireNonNull(text, "text");
    exclude = Set.copyOf(exclude);
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(hits, "hits");
    if (articleId == null && text.isBlank()) {
      throw new IllegalArgumentException("a related query needs an article id or a text");
    }
    if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + SearchQuery.MAX_LIMIT);
    }
    if (maxQueryTerms < 1) {
      throw new IllegalArgumentException("maxQueryTerms must be positive");
    }
    if (!(floorHint >= 0f) || Float.isInfinite(floorHint)) {
      throw new IllegalArgumentException("floorHint must be a finite score, 0 or more");
    }
  }

  /** A query with full hits. */
  public RelatedQuery(
      @Nullable String articleId,
      String text,
      Set<String> exclude,
      SearchFilters filters,
      int limit,
      int maxQueryTerms) {
    this(articleId, text, exclude, filters, limit, maxQueryTerms, Hits.FULL, null, 0f);
  }

  /** Candidates related to an indexed article. */
  public static RelatedQuery forArticle(String id, int limit) {
    return new RelatedQuery(id, "", Set.of(), SearchFilters.NONE, limit, DEFAULT_MAX_QUERY_TERMS);
  }

  /** Candidates related to a text. */
  public static RelatedQuery forText(String text, int limit) {
    return new RelatedQuery(
        null, text, Set.of(), SearchFilters.NONE, limit, DEFAULT_MAX_QUERY_TERMS);
  }

  public RelatedQuery withExclude(Set<String> ids) {
    return new RelatedQuery(
        articleId, text, ids, filters, limit, maxQueryTerms, hits, titleText, floorHint);
  }

  public RelatedQuery withFilters(SearchFilters f) {
    return new RelatedQuery(
        articleId, text, exclude, f, limit, maxQueryTerms, hits, titleText, floorHint);
  }

  public RelatedQuery withMaxQueryTerms(int n) {
    return new RelatedQuery(
        articleId, text, exclude, filters, limit, n, hits, titleText, floorHint);
  }

  public RelatedQuery withHits(Hits h) {
    return new RelatedQuery(
        articleId, text, exclude, filters, limit, maxQueryTerms, h, titleText, floorHint);
  }

  /**
   * The terms to look for in headlines (a query from text only): fewer clauses than looking for
   * every term of the text in headlines too.
   */
  public RelatedQuery withTitleText(@Nullable String t) {
    return new RelatedQuery(
        articleId, text, exclude, filters, limit, maxQueryTerms, hits, t, floorHint);
  }

  /** The same query with a floor hint (see {@link RelatedQuery}); 0 for none. */
  public RelatedQuery withFloorHint(float hint) {
    return new RelatedQuery(
        articleId, text, exclude, filters, limit, maxQueryTerms, hits, titleText, hint);
  }
}
