package dev.lede.extract;

import dev.lede.model.Article;
import dev.lede.model.ArticleBuilder;
import dev.lede.model.Block;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page saved as plain text (a "text dump") to an article: headline, standfirst, bylines, dates,
 * body paragraphs, subheadings, lists, quotes, images from their alt and caption lines with the
 * credit split off, attribution lines, and the "You May Also Like" block as teasers; share, follow,
 * newsletter and other page furniture dropped.
 *
 * <p>Design: text dumps have no markup, so the extractor works on lines in four steps, each a small
 * class: {@link TextLines} normalises and bounds the input and re-joins hard-wrapped paragraphs;
 * {@link TextClassifier} says what each line is from its wording and its neighbours (furniture,
 * related heading, byline, date, attribution, credit, list item, quote, or running text); {@link
 * TextHeader} finds the headline and the metadata around it; {@link TextBody} walks the rest into
 * blocks, switching into and out of teaser blocks, which {@link TextTeasers} parses. Rules key on
 * general shapes (a short line without final punctuation, an excerpt cut with an ellipsis, a
 * trailing parenthesised credit) and on web-wide wordings, never on one site's strings: we are
 * measured on dumps never seen. Work is linear in the input and bounded by {@link
 * TextLines#MAX_CHARS}.
 */
final class TextExtractor {
  private TextExtractor() {}

  static Article extract(String text, @Nullable URI url) {
    List<TextLines.Line> lines = TextLines.of(text);
    if (lines.isEmpty()) {
      throw new ExtractionException("no text: the input holds only whitespace");
    }
    List<TextItem> items = TextClassifier.classify(lines);
    TextMeta meta = new TextMeta();
    StringBuilder title = new StringBuilder();
    int bodyStart = TextHeader.read(items, meta, title);
    ArticleBuilder b = Article.builder().url(url == null ? "" : url.toString());
    b.title(title.toString());
    b.blocks(TextBody.read(items, bodyStart, meta, title.toString()));
    meta.applyTo(b);
    Article a = b.build();
    if (a.blocks().isEmpty()) {
      a = plainFallback(items, a);
    }
    String lang = TextLanguage.guess(a.title() + "\n" + a.text());
    return lang.isEmpty() ? a : a.toBuilder().language(lang).build();
  }

  /**
   * A dump in which the layout rules found no body (two or three bare lines, say) is read plainly:
   * its first line is the headline and every further text line a paragraph, so no text is lost.
   */
  private static Article plainFallback(List<TextItem> items, Article a) {
    List<Block> body = new ArrayList<>();
    @Nullable String head = null;
    for (TextItem it : items) {
      if (!it.is(TextItem.Kind.TEXT) || it.text().isBlank()) {
        continue;
      }
      if (head == null && it.text().length() <= 300) {
        head = it.text().strip();
      } else {
        body.add(new Block.Paragraph(it.text().strip()));
      }
    }
    if (head == null || body.isEmpty()) {
      return a;
    }
    String section = a.section().equals(head) ? "" : a.section();
    return a.toBuilder().title(head).section(section).blocks(body).build();
  }
}
