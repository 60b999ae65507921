package dev.lede.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import java.io.UncheckedIOException;

/**
 * The JSON a store keeps for an article: {@link ArticleJson}'s documented shape without the fields
 * it derives from the blocks ({@code text}, {@code images}), which would double the bytes stored.
 * {@link ArticleJson#fromJson} reads it back unchanged.
 */
public final class StoredForm {
  private StoredForm() {}

  /** The compact JSON of an article. */
  public static String toJson(Article a) {
    ObjectNode tree = ArticleJson.toTree(a);
    tree.remove("text");
    tree.remove("images");
    try {
      return ArticleJson.mapper().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads what {@link #toJson} wrote. */
  public static Article fromJson(String json) {
    return ArticleJson.fromJson(json);
  }
}
