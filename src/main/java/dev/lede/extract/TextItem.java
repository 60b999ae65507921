package dev.lede.extract;

/**
 * A line of a text dump with what it was recognised as.
 *
 * @param kind what the line is
 * @param text the line as it reads
 * @param payload the useful part: a list item's text without its bullet, a quote without '>', a
 *     credit, a URL, an inline teaser's headline; otherwise the text
 * @param blankBefore whether a blank line preceded it
 * @param ordered for list items, whether numbered
 * @param level for headings, the level (2–6)
 * @param url the address a line links to (a Markdown link or image), or ""
 */
record TextItem(
    Kind kind,
    String text,
    String payload,
    boolean blankBefore,
    boolean ordered,
    int level,
    String url) {

  TextItem(Kind kind, String text, String payload, boolean blankBefore, boolean ordered) {
    this(kind, text, payload, blankBefore, ordered, 0, "");
  }

  /** What a line of a dump is. */
  enum Kind {
    /** Running text: a headline, paragraph, subheading, caption or teaser line. */
    TEXT,
    /** Share, follow, newsletter, ad, navigation, footer: dropped. */
    BOILER,
    /** A heading that opens a block of teasers ("You May Also Like"). */
    MARKER,
    /** A one-line teaser link ("Read more: …"). */
    INLINE_RELATED,
    /** "Tags: …". */
    TAGS,
    /** "Section: …". */
    SECTION,
    /** A line that is only a URL. */
    URL,
    /** A date line ("Updated March 4, 2025 9:15 a.m. ET"). */
    DATE,
    /** A byline ("By Jane Doe"). */
    BYLINE,
    /** An attribution line ("Reuters contributed to this report."). */
    ATTRIBUTION,
    /** A photo credit on its own line. */
    CREDIT,
    /** A bulleted or numbered list item. */
    LIST,
    /** A block-quoted line. */
    QUOTE,
    /** A marked-up subheading ("## What changes"). */
    HEADING,
    /** A marked-up image ("![alt](src)"): payload is the alt text, url the source. */
    IMAGE,
    /** A labelled caption ("Image caption, …", "Caption: …"): payload is the caption. */
    CAPTION
  }

  TextItem as(Kind k, String newPayload) {
    return new TextItem(k, text, newPayload, blankBefore, false, level, url);
  }

  TextItem withUrl(String u) {
    return new TextItem(kind, text, payload, blankBefore, ordered, level, u);
  }

  boolean is(Kind k) {
    return kind == k;
  }

  int words() {
    return TextShape.words(text);
  }
}
