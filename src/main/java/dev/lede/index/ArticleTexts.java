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
   * The body texts of these articles, by id, each cut to its first {@code maxChars} characters
   * ({@code text.substring(0, min(length, maxChars))}); an id the source does not hold is left out.
   * Snippets look at the opening of a body only, so a source can skip reading the rest of a very
   * long one.
   *
   * @param ids article ids, at most a page of them
   * @param maxChars how much of each text is wanted ({@link Integer#MAX_VALUE}: all of it)
   */
  Map<String, String> texts(Collection<String> ids, int maxChars);
}
