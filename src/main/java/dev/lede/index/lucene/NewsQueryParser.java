package dev.lede.index.lucene;

import dev.lede.index.DateRange;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The query language of {@link dev.lede.index.SearchQuery}: Lucene's classic syntax over several
 * fields, words combined with AND (a news search narrows as you type more), with field names a
 * reader would use ({@code title:}, {@code byline:}/{@code author:}, {@code section:}, {@code
 * tag:}, {@code source:}, {@code lang:}) and dates ({@code since:}, {@code until:}, {@code date:}).
 * An unknown field name is not a field: "COVID-19: lockdown" searches both words. Not thread-safe;
 * create one per query.
 */
final class NewsQueryParser extends MultiFieldQueryParser {
  /** Free-text fields and their weights: a headline match counts double. */
  static final Map<String, Float> WEIGHTS =
      Map.of(
          Fields.TITLE, 2.0f,
          Fields.BODY, 1.0f,
          Fields.EXTRA, 0.5f,
          Fields.BYLINE, 1.0f,
          Fields.TAG_TEXT, 1.0f);

  private static final String[] DEFAULT_FIELDS = {
    Fields.TITLE, Fields.BODY, Fields.EXTRA, Fields.BYLINE, Fields.TAG_TEXT
  };
  private static final int MAX_QUERY_CHARS = 1_000;

  NewsQueryParser(Analyzer analyzer) {
    super(DEFAULT_FIELDS, analyzer, WEIGHTS);
    setDefaultOperator(QueryParser.Operator.AND);
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
    setAllowLeadingWildcard(false);
  }

  /** Parses a user's query; text that does not parse is searched as plain words. */
  Query parseLeniently(String text) {
    String t = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
    try {
      return parse(t);
    } catch (ParseException e) {
      try {
        return parse(QueryParser.escape(t));
      } catch (ParseException e2) {
        return new MatchNoDocsQuery("unparseable query: " + e2.getMessage());
      }
    }
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    if (field == null) {
      return super.getFieldQuery(null, queryText, quoted);
    }
    String text = textField(field);
    if (text != null) {
      return super.getFieldQuery(text, queryText, quoted);
    }
    Query special = specialField(field, queryText);
    return special != null ? special : colonInText(field, queryText, quoted);
  }

  /** Quoted phrases ({@code author:"Ann Lee"}) arrive here, with their slop. */
  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (field == null) {
      return super.getFieldQuery(null, queryText, slop);
    }
    String text = textField(field);
    if (text != null) {
      return super.getFieldQuery(text, queryText, slop);
    }
    Query special = specialField(field, queryText);
    return special != null ? special : colonInText(field, queryText, true);
  }

  /** The text field a user's field name stands for, or null. */
  private static String textField(String field) {
    return switch (field.toLowerCase(Locale.ROOT)) {
      case "title", "headline" -> Fields.TITLE;
      case "body", "text" -> Fields.BODY;
      case "byline", "author", "by" -> Fields.BYLINE;
      default -> null;
    };
  }

  /** Keyword and date fields, or null when the name is none of them. */
  private static Query specialField(String field, String queryText) {
    return switch (field.toLowerCase(Locale.ROOT)) {
      case "section" -> keyword(Fields.SECTION, queryText);
      case "tag" -> keyword(Fields.TAG, queryText);
      case "source" -> keyword(Fields.SOURCE, queryText);
      case "lang", "language" -> keyword(Fields.LANG, queryText);
      case "since" -> dates(DateRange.parse(queryText).start().toEpochMilli(), Long.MAX_VALUE);
      case "until" -> dates(Long.MIN_VALUE, DateRange.parse(queryText).end().toEpochMilli() - 1);
      case "date", "published" -> {
        DateRange r = DateRange.parse(queryText);
        yield dates(r.start().toEpochMilli(), r.end().toEpochMilli() - 1);
      }
      default -> null;
    };
  }

  /** "COVID-19: lockdown", "Update: …" — a colon in running text, not a field. */
  private Query colonInText(String field, String queryText, boolean quoted) throws ParseException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Query left = super.getFieldQuery(null, field, false);
    Query right = super.getFieldQuery(null, queryText, quoted);
    if (left != null) {
      b.add(left, BooleanClause.Occur.MUST);
    }
    if (right != null) {
      b.add(right, BooleanClause.Occur.MUST);
    }
    return b.build();
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    String f = field == null ? "" : field.toLowerCase(Locale.ROOT);
    if (f.equals("date") || f.equals("published")) {
      long lo =
          part1 == null || part1.equals("*")
              ? Long.MIN_VALUE
              : startInclusive
                  ? DateRange.parse(part1).start().toEpochMilli()
                  : DateRange.parse(part1).end().toEpochMilli();
      long hi =
          part2 == null || part2.equals("*")
              ? Long.MAX_VALUE
              : endInclusive
                  ? DateRange.parse(part2).end().toEpochMilli() - 1
                  : DateRange.parse(part2).start().toEpochMilli() - 1;
      return dates(lo, hi);
    }
    return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
  }

  private static Query keyword(String field, String value) {
    return new TermQuery(new Term(field, Fields.keyword(value)));
  }

  private static Query dates(long lo, long hi) {
    return LongField.newRangeQuery(Fields.PUBLISHED, lo, hi);
  }
}
