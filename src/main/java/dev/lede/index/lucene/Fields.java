package dev.lede.index.lucene;

import dev.lede.index.IndexEntry;
import dev.lede.index.SearchHit;
import dev.lede.model.Article;
import dev.lede.model.Block;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The index layout: which field holds what, and how an article becomes a Lucene document. Bump
 * {@link #LAYOUT_VERSION} whenever this or the analysis changes: an index written with another
 * version is rebuilt from the store on start.
 */
final class Fields {
  static final String LAYOUT_VERSION = "4";

  /**
   * The article id: keyword, stored, and in sorted doc values, so that related candidates read
   * their ids without decompressing a stored document.
   */
  static final String ID = "id";

  /** Headline; stored with offsets for highlighting. */
  static final String TITLE = "title";

  /**
   * Body text, with offsets for snippets. Stored only in an index without an {@link
   * dev.lede.index.ArticleTexts} source (a stand-alone index); Lede's index reads bodies from the
   * store instead.
   */
  static final String BODY = "body";

  /** Description, image captions and alt texts: searched with a lower weight, not stored. */
  static final String EXTRA = "extra";

  /** Bylines, analysed as names (no stemming). */
  static final String BYLINE = "byline";

  /** Lower-cased keyword fields for filters. */
  static final String SECTION = "section";

  static final String TAG = "tag";
  static final String SOURCE = "source";
  static final String LANG = "lang";

  /** Tags as text, so that free-text queries match them too. */
  static final String TAG_TEXT = "tag_text";

  /** Publication time in epoch milliseconds: points, doc values (sort, freshness), stored. */
  static final String PUBLISHED = "published";

  /**
   * The order of documents in every segment: newest published first, undated last. Newest-first
   * searches use this very sort and stop early in each segment, and a date range becomes a range of
   * document numbers ({@link LongField#newRangeQuery} notices the index sort) instead of a points
   * query that marks every matching document.
   */
  static final Sort INDEX_SORT =
      new Sort(
          LongField.newSortField(PUBLISHED, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE));

  /** Stored only, for results. */
  static final String URL = "url";

  static final String SITE = "site";

  /** The story id (keyword, stored): lists can cap one item per story. */
  static final String STORY = "story";

  /**
   * The canonical original of the article's duplicate group (its own id for an original; keyword,
   * stored): copies collapse onto it.
   */
  static final String CANONICAL = "canonical";

  /** "1" on a copy of another article: searches and related candidates leave copies out. */
  static final String COPY = "copy";

  static final String SECTION_SHOWN = "section_shown";
  static final String TAG_SHOWN = "tag_shown";

  private static final FieldType TEXT_WITH_OFFSETS = new FieldType();

  static {
    TEXT_WITH_OFFSETS.setTokenized(true);
    TEXT_WITH_OFFSETS.setStored(true);
    TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT_WITH_OFFSETS.freeze();
  }

  private static final FieldType INDEXED_WITH_OFFSETS = new FieldType(TEXT_WITH_OFFSETS);

  static {
    INDEXED_WITH_OFFSETS.setStored(false);
    INDEXED_WITH_OFFSETS.freeze();
  }

  private Fields() {}

  /** The keyword form of a filter value: trimmed and lower-cased. */
  static String keyword(String value) {
    String k = value.strip().toLowerCase(Locale.ROOT);
    if (k.length() <= MAX_KEYWORD_CHARS) {
      return k;
    }
    // Lucene refuses a term over 32,766 UTF-8 bytes, and one refused document would stop every
    // later write and the index's catch-up on open: a section, tag or source name this long is
    // junk, indexed (and looked up) by its first characters.
    int end = MAX_KEYWORD_CHARS;
    if (Character.isHighSurrogate(k.charAt(end - 1))) {
      end--;
    }
    return k.substring(0, end);
  }

  /** Characters of a keyword (section, tag, source, language) indexed at most: 1,024 bytes. */
  static final int MAX_KEYWORD_CHARS = 256;

  /**
   * The document of an entry.
   *
   * @param storeBody whether the body text is stored in the index (a stand-alone index) or read
   *     from elsewhere when needed
   */
  static Document toDocument(IndexEntry e, boolean storeBody) {
    Article a = e.article();
    Document d = new Document();
    d.add(new StringField(ID, e.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(ID, new BytesRef(e.id())));
    d.add(new Field(TITLE, a.title(), TEXT_WITH_OFFSETS));
    d.add(new Field(BODY, a.text(), storeBody ? TEXT_WITH_OFFSETS : INDEXED_WITH_OFFSETS));
    StringBuilder extra = new StringBuilder(a.description());
    for (Block.Image img : a.images()) {
      extra.append("\n").append(img.caption()).append("\n").append(img.alt());
    }
    if (!extra.toString().isBlank()) {
      d.add(new TextField(EXTRA, extra.toString(), Field.Store.NO));
    }
    for (String b : a.bylines()) {
      d.add(new TextField(BYLINE, b, Field.Store.NO));
    }
    if (!a.section().isBlank()) {
      d.add(new StringField(SECTION, keyword(a.section()), Field.Store.NO));
      d.add(new StoredField(SECTION_SHOWN, a.section()));
    }
    for (String t : a.tags()) {
      if (!t.isBlank()) {
        d.add(new StringField(TAG, keyword(t), Field.Store.NO));
        d.add(new TextField(TAG_TEXT, t, Field.Store.NO));
        d.add(new StoredField(TAG_SHOWN, t));
      }
    }
    if (e.sourceId() != null) {
      d.add(new StringField(SOURCE, keyword(e.sourceId()), Field.Store.YES));
    }
    if (!a.language().isBlank()) {
      d.add(new StringField(LANG, keyword(a.language()), Field.Store.NO));
    }
    if (a.published() != null) {
      d.add(new LongField(PUBLISHED, a.published().toEpochMilli(), Field.Store.YES));
    }
    String url = a.canonicalUrl().isBlank() ? a.url() : a.canonicalUrl();
    if (!url.isBlank()) {
      d.add(new StoredField(URL, url));
    }
    if (!a.siteName().isBlank()) {
      d.add(new StoredField(SITE, a.siteName()));
    }
    if (e.story() != null) {
      d.add(new StringField(STORY, e.story(), Field.Store.YES));
    }
    d.add(
        new StringField(
            CANONICAL, e.duplicateOf() == null ? e.id() : e.duplicateOf(), Field.Store.YES));
    if (e.duplicateOf() != null) {
      d.add(new StringField(COPY, "1", Field.Store.NO));
    }
    return d;
  }

  /** A hit from a stored document. */
  static SearchHit toHit(Document d, float score, String snippet) {
    IndexableField pub = d.getField(PUBLISHED);
    Instant published =
        pub == null || pub.numericValue() == null
            ? null
            : Instant.ofEpochMilli(pub.numericValue().longValue());
    List<String> tags = new ArrayList<>();
    for (IndexableField t : d.getFields(TAG_SHOWN)) {
      tags.add(t.stringValue());
    }
    return new SearchHit(
        d.get(ID),
        orEmpty(d.get(TITLE)),
        orEmpty(d.get(URL)),
        published,
        d.get(SOURCE),
        orEmpty(d.get(SITE)),
        orEmpty(d.get(SECTION_SHOWN)),
        tags,
        score,
        snippet);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
