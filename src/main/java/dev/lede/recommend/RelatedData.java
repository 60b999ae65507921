package dev.lede.recommend;

import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.index.TermStats;
import dev.lede.model.Article;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Related} reads: articles, index candidates, and the duplicate and story assignments.
 * The composition root implements it over the store, the index and the dedup stage; tests and the
 * evaluation implement it over their own data. Implementations are thread-safe.
 */
public interface RelatedData {

  /** A visible article with the source it was submitted for. */
  record Doc(String id, @Nullable String sourceId, Article article) {}

  /** The visible article with this id (hidden and deleted ones are absent). */
  Optional<Doc> article(String id);

  /**
   * Whether {@link #article} would find this id, without reading the article: a list computed again
   * from its article's stored profile and query needs only this. Implementations over a store
   * should answer it without reading the article's content.
   */
  default boolean isVisible(String id) {
    return article(id).isPresent();
  }

  /** MoreLikeThis-style candidates (see {@link RelatedQuery}), best first. */
  List<SearchHit> similar(RelatedQuery query);

  /** A search (entity queries, the section fallback). */
  List<SearchHit> search(SearchQuery query);

  /** Document frequencies of analysed terms in article bodies, with the number of articles. */
  TermStats termStats(Collection<String> terms);

  /** Smoothed inverse document frequencies of analysed terms (see {@link TermStats#idf}). */
  default Map<String, Double> idf(Collection<String> terms) {
    TermStats ts = termStats(terms);
    Map<String, Double> out = new HashMap<>();
    for (String t : terms) {
      out.put(t, ts.idf(t));
    }
    return out;
  }

  /** How many articles a search matches (its hits are not read). */
  long count(SearchQuery query);

  /** The index's terms of a text. */
  List<String> analyze(String text);

  /** The story an article belongs to, or null when not (yet) assigned. */
  @Nullable String storyOf(String id);

  /**
   * Articles in the article's story, itself included (0 when it has none). This default counts the
   * members {@link #storyMembers} gives; data over a store should read the story's stored count
   * instead, which costs the same for a story of any length (the ranker asks once per list).
   */
  default int storySize(String id) {
    return storyOf(id) == null ? 0 : storyMembers(id, Integer.MAX_VALUE).size() + 1;
  }

  /**
   * Other articles of the article's story, the last {@code limit} the story lists at most (none
   * when it has no story, or for data without stories).
   */
  default List<String> storyMembers(String id, int limit) {
    return List.of();
  }

  /** The canonical original this article copies, or null when it is an original. */
  @Nullable String duplicateOf(String id);

  /** The article's duplicate group: its canonical original's id, or its own. */
  default String duplicateGroupOf(String id) {
    String d = duplicateOf(id);
    return d == null ? id : d;
  }

  /**
   * The article's sentence embedding (unit length, see {@code dev.lede.index.Embedder}), or null
   * when embeddings are off or the article has none yet.
   */
  default float @Nullable [] embedding(String id) {
    return null;
  }

  /**
   * Ids of the visible articles whose embeddings are nearest to this vector, nearest first, at most
   * {@code n} (none when embeddings are off).
   */
  default List<String> nearestByEmbedding(float[] vector, int n) {
    return List.of();
  }

  /** The rewritten headline where one exists, else empty. */
  default String altHeadline(String id) {
    return "";
  }

  /** Makes every write so far visible to {@link #similar} and {@link #search}. */
  void refresh();
}
