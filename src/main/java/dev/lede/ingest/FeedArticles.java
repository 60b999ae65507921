package dev.lede.ingest;

import dev.lede.model.Article;
import dev.lede.model.ArticleBuilder;
import dev.lede.model.Block;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Feed items to articles, and the merge of a feed item with its extracted page.
 *
 * <p>Whether an item "carries only a summary" is decided by {@link #summaryOnly}: many RSS 2.0
 * feeds put the whole article in {@code <description>}, and those need no page fetch. When the page
 * is fetched, the page's extraction wins and the feed fills what the page lacks (title, dates,
 * bylines, tags, language, site name, description): feed metadata is clean where pages are noisy,
 * but the page is the publisher's full record.
 */
final class FeedArticles {
  static final int FULL_TEXT_MIN_CHARS = 500;
  static final int CONTENT_MIN_CHARS = 200;
  private static final Pattern TEASER_END =
      Pattern.compile(
          "(?i)(…|\\.\\.\\.|\\[…\\]|\\[\\.\\.\\.\\]|read more|continue reading|read the full"
              + " (story|article)|weiterlesen|lire la suite)[\\s.»>\\]]*$");
  private static final int MAX_DESCRIPTION = 1000;

  private FeedArticles() {}

  /** The article as the feed alone describes it. */
  static Article fromItem(FeedParser.Item item, FeedParser.Feed feed) {
    URI base = base(item.link());
    List<Block> blocks = body(item, base);
    String lang = item.language().isEmpty() ? feed.language() : item.language();
    ArticleBuilder b =
        Article.builder()
            .url(item.link())
            .title(item.title())
            .bylines(item.authors())
            .published(item.published() != null ? item.published() : item.updated())
            .modified(
                item.updated() != null && !item.updated().equals(item.published())
                    ? item.updated()
                    : null)
            .language(lang)
            .siteName(feed.title())
            .description(description(item))
            .tags(item.categories())
            .blocks(blocks);
    if (!item.imageUrl().isEmpty() && blocks.stream().noneMatch(x -> x instanceof Block.Image)) {
      List<Block> withImage = new ArrayList<>(blocks.size() + 1);
      withImage.add(new Block.Image(item.imageUrl(), "", "", ""));
      withImage.addAll(blocks);
      b.blocks(withImage);
    }
    return b.build();
  }

  /**
   * True when the item does not carry the article itself, so its page should be fetched: a content
   * element (content:encoded, Atom content, JSON content_*) is the article unless it is short
   * (under {@value #CONTENT_MIN_CHARS} characters) or ends like a teaser ("…", "Read more");
   * without one, a description of under {@value #FULL_TEXT_MIN_CHARS} characters is a summary.
   */
  static boolean summaryOnly(FeedParser.Item item, Article fromFeed) {
    String text = fromFeed.text().strip();
    boolean hasContent = !item.contentHtml().isBlank() || !item.contentText().isBlank();
    if (!hasContent) {
      return text.length() < FULL_TEXT_MIN_CHARS;
    }
    return text.length() < CONTENT_MIN_CHARS || TEASER_END.matcher(text).find();
  }

  /** The extracted page, completed with the feed's metadata where the page has none. */
  static Article merge(Article page, Article feed) {
    ArticleBuilder b = page.toBuilder();
    if (page.title().isBlank()) {
      b.title(feed.title());
    }
    if (page.bylines().isEmpty()) {
      b.bylines(feed.bylines());
    }
    if (page.published() == null) {
      b.published(feed.published());
    }
    if (page.modified() == null) {
      b.modified(feed.modified());
    }
    if (page.language().isBlank()) {
      b.language(feed.language());
    }
    if (page.siteName().isBlank()) {
      b.siteName(feed.siteName());
    }
    if (page.description().isBlank()) {
      b.description(feed.description());
    }
    if (page.tags().isEmpty()) {
      b.tags(feed.tags());
    }
    if (page.text().isBlank()) {
      b.blocks(feed.blocks()); // extraction found no body: keep the feed's
    }
    if (page.url().isBlank()) {
      b.url(feed.url());
    }
    return b.build();
  }

  private static List<Block> body(FeedParser.Item item, @Nullable URI base) {
    if (!item.contentHtml().isBlank()) {
      List<Block> blocks = HtmlText.blocks(item.contentHtml(), base);
      if (!blocks.isEmpty()) {
        return blocks;
      }
    }
    if (!item.contentText().isBlank()) {
      List<Block> out = new ArrayList<>();
      for (String p : HtmlText.paragraphs(item.contentText())) {
        out.add(new Block.Paragraph(p));
      }
      return out;
    }
    return HtmlText.blocks(item.summaryHtml(), base);
  }

  private static String description(FeedParser.Item item) {
    String d = HtmlText.plain(item.summaryHtml());
    if (d.length() <= MAX_DESCRIPTION) {
      return d;
    }
    int cut = d.lastIndexOf(' ', MAX_DESCRIPTION);
    return d.substring(0, cut > MAX_DESCRIPTION / 2 ? cut : MAX_DESCRIPTION) + "…";
  }

  private static @Nullable URI base(String link) {
    if (link.isEmpty()) {
      return null;
    }
    try {
      return URI.create(link);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
