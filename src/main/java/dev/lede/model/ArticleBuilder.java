package dev.lede.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mutable builder for {@link Article}; every field starts empty. Not thread-safe. */
public final class ArticleBuilder {
  private @Nullable String id;
  private String url = "";
  private String canonicalUrl = "";
  private String title = "";
  private List<String> bylines = new ArrayList<>();
  private @Nullable Instant published;
  private @Nullable Instant modified;
  private String language = "";
  private String siteName = "";
  private String section = "";
  private String description = "";
  private List<String> tags = new ArrayList<>();
  private List<Block> blocks = new ArrayList<>();
  private List<String> attribution = new ArrayList<>();
  private List<Teaser> related = new ArrayList<>();

  ArticleBuilder() {}

  ArticleBuilder(Article a) {
    id = a.id();
    url = a.url();
    canonicalUrl = a.canonicalUrl();
    title = a.title();
    bylines = new ArrayList<>(a.bylines());
    published = a.published();
    modified = a.modified();
    language = a.language();
    siteName = a.siteName();
    section = a.section();
    description = a.description();
    tags = new ArrayList<>(a.tags());
    blocks = new ArrayList<>(a.blocks());
    attribution = new ArrayList<>(a.attribution());
    related = new ArrayList<>(a.related());
  }

  public ArticleBuilder id(@Nullable String v) {
    id = v;
    return this;
  }

  public ArticleBuilder url(String v) {
    url = v;
    return this;
  }

  public ArticleBuilder canonicalUrl(String v) {
    canonicalUrl = v;
    return this;
  }

  public ArticleBuilder title(String v) {
    title = v;
    return this;
  }

  public ArticleBuilder bylines(List<String> v) {
    bylines = new ArrayList<>(v);
    return this;
  }

  public ArticleBuilder published(@Nullable Instant v) {
    published = v;
    return this;
  }

  public ArticleBuilder modified(@Nullable Instant v) {
    modified = v;
    return this;
  }

  public ArticleBuilder language(String v) {
    language = v;
    return this;
  }

  public ArticleBuilder siteName(String v) {
    siteName = v;
    return this;
  }

  public ArticleBuilder section(String v) {
    section = v;
    return this;
  }

  public ArticleBuilder description(String v) {
    description = v;
    return this;
  }

  public ArticleBuilder tags(List<String> v) {
    tags = new ArrayList<>(v);
    return this;
  }

  public ArticleBuilder blocks(List<Block> v) {
    blocks = new ArrayList<>(v);
    return this;
  }

  public ArticleBuilder addBlock(Block b) {
    blocks.add(b);
    return this;
  }

  public ArticleBuilder attribution(List<String> v) {
    attribution = new ArrayList<>(v);
    return this;
  }

  public ArticleBuilder related(List<Teaser> v) {
    related = new ArrayList<>(v);
    return this;
  }

  public Article build() {
    return new Article(
        id,
        url,
        canonicalUrl,
        title,
        bylines,
        published,
        modified,
        language,
        siteName,
        section,
        description,
        tags,
        blocks,
        attribution,
        related);
  }
}
