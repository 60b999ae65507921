package dev.lede.extract;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** A page saved as plain text to article. */
final class TextExtractor {
  private TextExtractor() {}

  static Article extract(String text, @Nullable URI url) {
    String[] lines = text.strip().split("\\R");
    var b = Article.builder().url(url == null ? "" : url.toString()).title(lines[0].strip());
    for (int i = 1; i < lines.length; i++) {
      String t = lines[i].strip();
      if (!t.isEmpty()) {
        b.addBlock(new Block.Paragraph(t));
      }
    }
    return b.build();
  }
}
