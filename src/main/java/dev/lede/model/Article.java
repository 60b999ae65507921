package dev.lede.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A clean news article: metadata, the body as ordered blocks, attribution lines and the teasers
 * found on its page. Immutable; strings that are unknown are empty, never null, except where a
 * field is marked {@link Nullable} (an id not yet assigned, an unknown date).
 *
 * @param id the article's identity in Lede; null until ingest assigns one
 * @param url where the article was read from; empty when unknown
 * @param canonicalUrl the publisher's canonical URL; empty when unknown
 * @param bylines people (not organisations) credited as authors
 * @param attribution lines such as "Reuters contributed to this report."
 * @param related teasers for other articles found on the page
 */
public record Article(
    @Nullable String id,
    String url,
    String canonicalUrl,
    String title,
    List<String> bylines,
    @Nullable Instant published,
    @Nullable Instant modified,
    String language,
    String siteName,
    String section,
    String description,
    List<String> tags,
    List<Block> blocks,
    List<String> attribution,
    List<Teaser> related) {

  public Article {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(canonicalUrl, "canonicalUrl");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(siteName, "siteName");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(description, "description");
    bylines = List.copyOf(bylines);
    tags = List.copyOf(tags);
    blocks = List.copyOf(blocks);
    attribution = List.copyOf(attribution);
    related = List.copyOf(related);
  }

  /** A builder starting from an empty article. */
  public static ArticleBuilder builder() {
    return new ArticleBuilder();
  }

  /** A builder starting from this article's values. */
  public ArticleBuilder toBuilder() {
    return new ArticleBuilder(this);
  }

  /**
   * The body alone as plain text: text blocks in order, separated by one blank line; list items on
   * lines of their own. Images, captions, attribution and teasers are not part of it.
   */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      String t = b.text();
      if (t.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append(t);
    }
    return sb.toString();
  }

  /** The images of the body, in order. */
  public List<Block.Image> images() {
    List<Block.Image> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Block.Image img) {
        out.add(img);
      }
    }
    return List.copyOf(out);
  }

  /** The same article under another id. */
  public Article withId(@Nullable String newId) {
    return toBuilder().id(newId).build();
  }
}
