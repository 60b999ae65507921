package dev.lede.testing;

import dev.lede.model.Article;
import dev.lede.model.ArticleBuilder;
import dev.lede.model.Block;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small articles written for tests. */
public final class TestArticles {
  private TestArticles() {}

  /** An article with a title and paragraphs (split on blank lines), no id and no URL. */
  public static ArticleBuilder article(String title, String text) {
    List<Block> blocks = new ArrayList<>();
    for (String p : text.split("\n\n")) {
      if (!p.isBlank()) {
        blocks.add(new Block.Paragraph(p.strip()));
      }
    }
    return Article.builder().title(title).blocks(blocks).language("en");
  }

  /** An article with an explicit id. */
  public static Article withId(String id, String title, String text) {
    return article(title, text).id(id).build();
  }

  /** An article with an explicit id and a publication date. */
  public static Article dated(String id, String title, String text, @Nullable Instant published) {
    return article(title, text).id(id).published(published).build();
  }
}
