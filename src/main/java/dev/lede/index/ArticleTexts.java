package dev.lede.index;

import java.util.Collection;
import java.util.Map;

/**
 * Where an index finds the body texts of its articles for snippets and for related candidates of a
 * stored article: the store, which keeps every article anyway. An index given this source does not
 * keep a second copy of each body (the copy was most of the index's bytes and of its flush work,
 * and decompressing it was a sixth of a search's time).
 */
@FunctionalInterface
public interface ArticleTexts {
  /**
   * The body texts of these articles, by id; an id the source does not hold is left out.
   *
   * @param ids article ids, at most a page of them
   */
  Map<String, String> texts(Collection<String> ids);
}
