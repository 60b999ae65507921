package dev.lede.extract;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Teaser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * HTML page to article, as a pipeline of small steps:
 *
 * <ol>
 *   <li>{@link PageParser}: bounded parse (depth, size, binary check);
 *   <li>{@link MetadataReader}: title, bylines, dates, language, site, section, tags, canonical URL
 *       — structured data first;
 *   <li>{@link BlockSplitter}: the body as text blocks in reading order, non-content skipped;
 *   <li>{@link BlockClassifier}: each block GOOD / NEAR_GOOD / SHORT / BAD from its own features;
 *   <li>{@link ContentLocator}: the container with the greatest prose-minus-boilerplate weight;
 *   <li>{@link ContentSelector}: which blocks in it are body (context, lists, headings, images);
 *   <li>{@link BodyCleaner}: headline and byline repeats, interface lines, attribution;
 *   <li>{@link BodyAssembler}: model blocks, images with captions and credits;
 *   <li>{@link RelatedTeasers}: a "You May Also Like" block, when one is clearly marked.
 * </ol>
 *
 * Pure and thread-safe: every step works on its own state.
 */
final class HtmlExtractor {
  private HtmlExtractor() {}

  static Article extract(String html, @Nullable URI url) {
    Document doc = PageParser.parse(html, url);
    ImageResolver urls = new ImageResolver(baseUri(doc, url));
    PageMeta meta = MetadataReader.read(doc, url, urls);
    Element root = doc.body() != null ? doc.body() : doc;
    List<TextBlock> blocks = BlockSplitter.split(root, urls);
    List<TeaserDetector.Unit> teasers = BlockClassifier.classify(blocks);
    ContentLocator.Located located = ContentLocator.locate(blocks, root, meta.headline());
    ContentSelector.select(blocks, located);
    List<TextBlock> kept = new ArrayList<>();
    for (TextBlock b : blocks) {
      if (b.keep) {
        kept.add(b);
      }
    }
    List<String> attribution = BodyCleaner.clean(kept, meta);
    List<Block> body = BodyAssembler.assemble(blocks);
    List<Teaser> related =
        RelatedTeasers.find(
            blocks,
            teasers,
            urls,
            meta.canonicalUrl().isEmpty() ? String.valueOf(url) : meta.canonicalUrl());
    return Article.builder()
        .url(url == null ? "" : url.toString())
        .canonicalUrl(meta.canonicalUrl())
        .title(meta.title())
        .bylines(meta.bylines())
        .published(meta.published())
        .modified(meta.modified())
        .language(meta.language())
        .siteName(meta.siteName())
        .section(meta.section())
        .description(meta.description())
        .tags(meta.tags())
        .blocks(body)
        .attribution(attribution)
        .related(related)
        .build();
  }

  /** The page URL, or the {@code <base href>} resolved against it. */
  private static @Nullable URI baseUri(Document doc, @Nullable URI url) {
    Element base = doc.selectFirst("base[href]");
    if (base == null) {
      return url;
    }
    try {
      URI href = new URI(base.attr("href").strip().replace(" ", "%20"));
      return url == null ? (href.isAbsolute() ? href : null) : url.resolve(href);
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return url;
    }
  }
}
