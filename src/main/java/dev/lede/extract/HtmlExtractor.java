package dev.lede.extract;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/** HTML page to article. */
final class HtmlExtractor {
  private HtmlExtractor() {}

  static Article extract(String html, @Nullable URI url) {
    Document doc = Jsoup.parse(html, url == null ? "" : url.toString());
    var b = Article.builder().url(url == null ? "" : url.toString()).title(doc.title());
    for (Element p : doc.select("p")) {
      String t = p.text().strip();
      if (!t.isEmpty()) {
        b.addBlock(new Block.Paragraph(t));
      }
    }
    return b.build();
  }
}
