package dev.lede.extract;

/**
 * What an element's markup (tag, class, id, role, itemprop) says about its content. Strong hints
 * mark boilerplate that the pruning step removes unless a guard protects it; weak hints only lower
 * a block's weight; caption, credit and byline hints route text to images and metadata.
 */
enum Hint {
  NONE(false),
  /** "article-body", "entry-content", itemprop=articleBody: likely the main text. */
  CONTENT(false),
  /** Header, meta, tags, info, tools: rarely body text, often short labels. */
  WEAK(false),
  /** Byline, author, date, dateline. */
  BYLINE(false),
  CAPTION(false),
  CREDIT(false),
  COMMENTS(true),
  SHARE(true),
  RELATED(true),
  NEWSLETTER(true),
  COOKIE(true),
  AD(true),
  NAV(true),
  FOOTER(true),
  SIDEBAR(true),
  POPUP(true);

  private final boolean strong;

  Hint(boolean strong) {
    this.strong = strong;
  }

  /** True for boilerplate that is pruned unless guarded. */
  boolean strong() {
    return strong;
  }

  /** True for hints that lower a block's weight. */
  boolean negative() {
    return strong || this == WEAK || this == BYLINE || this == CREDIT;
  }
}
