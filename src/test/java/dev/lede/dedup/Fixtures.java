package dev.lede.dedup;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test articles: fixture files (headline, blank line, paragraphs) and quick builders. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2025-03-04T06:00:00Z");

  private Fixtures() {}

  /** {@code src/test/resources/dedup/<name>.txt} as an article. */
  static Article file(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/dedup/" + name + ".txt")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String[] parts = text.strip().split("\n\\s*\n");
      return article(name, parts[0], List.of(parts).subList(1, parts.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article article(String id, String title, List<String> paragraphs) {
    List<Block> blocks = new ArrayList<>();
    for (String p : paragraphs) {
      blocks.add(new Block.Paragraph(p.strip()));
    }
    return Article.builder().id(id).title(title).blocks(blocks).build();
  }

  static ArticleRef ref(String id, Article a, String source, Instant seen) {
    return ArticleRef.of(id, a, source, source, seen);
  }

  static ArticleRef ref(String id, Article a, String source, long minutes) {
    return ref(id, a, source, T0.plusSeconds(60 * minutes));
  }
}
