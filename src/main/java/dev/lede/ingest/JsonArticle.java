package dev.lede.ingest;

import dev.lede.model.Article;

/**
 * One article given as a JSON object in the ingest JSONL shape (see {@code JsonlArticles}): the
 * parse the JSON API's {@code POST /api/articles} shares with {@code lede ingest file.jsonl}, so an
 * article submitted over HTTP is cleaned exactly like one read from a file (markup stripped, only
 * {@code text} required).
 */
public final class JsonArticle {
  private JsonArticle() {}

  /**
   * Parses one JSON object.
   *
   * @throws IllegalArgumentException with a readable reason when it is not a valid article
   */
  public static Article parse(String json) {
    try {
      return JsonlArticles.fromLine(json, "the article");
    } catch (BadContentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
