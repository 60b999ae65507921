package dev.lede.index.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.Weight;

/**
 * A range of publication dates, as a range of document numbers. The index keeps every segment
 * sorted newest first ({@link Fields#INDEX_SORT}), so the documents published in [lo, hi] sit next
 * to each other: two binary searches over the date doc values find where they start and end (about
 * 2 × log₂(segment size) lookups), and the filter costs nothing per document. Lucene's own range
 * query would instead mark every matching document in a bit set from the points (a million
 * documents' worth for "since 2005") before the text query could start.
 *
 * <p>A segment that is not sorted this way (none should be, but the query must stay right if one
 * is) falls back to {@link LongField#newRangeQuery}. Undated documents sort last with the value
 * {@code Long.MIN_VALUE} and fall outside every range, as they do for the points query.
 */
final class SortedDateRangeQuery extends Query {
  private final String field;
  private final long lo;
  private final long hi;

  SortedDateRangeQuery(String field, long lo, long hi) {
    this.field = Objects.requireNonNull(field);
    this.lo = lo;
    this.hi = hi;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Query slowQuery = LongField.newRangeQuery(field, lo, hi);
    Weight slow = searcher.createWeight(searcher.rewrite(slowQuery), scoreMode, boost);
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
        LeafReader reader = ctx.reader();
        if (!sortedNewestFirst(reader)) {
          return slow.scorerSupplier(ctx);
        }
        int max = reader.maxDoc();
        int from = firstAtOrBelow(reader, hi, max); // newest first: dates fall as docs rise
        // Undated documents sort last with Long.MIN_VALUE: without a lower bound they end it.
        int to = firstAtOrBelow(reader, lo == Long.MIN_VALUE ? Long.MIN_VALUE : lo - 1, max);
        if (from >= to) {
          return null;
        }
        float score = score();
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) {
            return new ConstantScoreScorer(score, scoreMode, DocIdSetIterator.range(from, to));
          }

          @Override
          public long cost() {
            return to - from;
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false; // the range is found in a few lookups: nothing worth caching
      }
    };
  }

  private boolean sortedNewestFirst(LeafReader reader) {
    Sort sort = reader.getMetaData().sort();
    return sort != null && sort.equals(Fields.INDEX_SORT) && field.equals(Fields.PUBLISHED);
  }

  /** The first document whose date is at most {@code bound} ({@code max} when none is). */
  private int firstAtOrBelow(LeafReader reader, long bound, int max) throws IOException {
    int low = 0;
    int high = max;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (date(reader, mid) <= bound) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** The sort value of a document: its newest date, or {@code Long.MIN_VALUE} when undated. */
  private long date(LeafReader reader, int doc) throws IOException {
    SortedNumericDocValues values = DocValues.getSortedNumeric(reader, field);
    if (!values.advanceExact(doc)) {
      return Long.MIN_VALUE;
    }
    long newest = Long.MIN_VALUE;
    for (int i = 0; i < values.docValueCount(); i++) {
      newest = Math.max(newest, values.nextValue());
    }
    return newest;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String f) {
    return "published:[" + lo + " TO " + hi + "] (index order)";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o)
        && field.equals(((SortedDateRangeQuery) o).field)
        && lo == ((SortedDateRangeQuery) o).lo
        && hi == ((SortedDateRangeQuery) o).hi;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), field, lo, hi);
  }
}
