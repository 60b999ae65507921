package dev.lede.index.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Multiplies relevance by a mild freshness factor:
 *
 * <pre>  score = relevance × (1 + W · 2^(−age / H))</pre>
 *
 * with W = 0.10 and H = 7 days, age measured from the article's published date to now (a date in
 * the future counts as age 0). An article published today gets at most +10 %, one a week old +5 %,
 * one a month old +0.6 %, and one without a published date exactly ×1: first-seen time is not a
 * publication date, so it earns no freshness.
 *
 * <p>Why multiplicative and bounded: the factor lies in [1, 1 + W], so a hit can only pass one that
 * is less than 10 % more relevant. A clearly better match always stays ahead, while among near ties
 * (the common case for a news query: many articles on one event) the newest comes first. An
 * additive boost would instead depend on the scale of BM25 scores, which varies with the query.
 *
 * <p>Why a query of our own rather than Lucene's {@code FunctionScoreQuery}: this scorer reports
 * {@code maxScore × (1 + W)} as its upper bound and passes minimum competitive scores down divided
 * by (1 + W), so the dynamic pruning of top-k retrieval (block-max WAND) keeps working; the generic
 * function query disables it, which costs an order of magnitude on common words at a million
 * articles.
 *
 * <p>A segment whose newest article is older than 24 half-lives (168 days) is not wrapped at all:
 * the factor is 1 in float arithmetic for all its documents, so the inner query's scorer runs as it
 * is — with Lucene's specialised bulk scorers and exact minimum competitive scores, and without a
 * date read per document. In an archive that is most segments.
 */
final class FreshnessQuery extends Query {
  static final double WEIGHT = 0.10;
  static final double HALF_LIFE_MILLIS = 7 * 24 * 3600 * 1000.0;
  private static final float MAX_FACTOR = (float) (1 + WEIGHT);

  /**
   * An age from which the factor no longer changes a float score: after 24 half-lives the boost is
   * W · 2^−24 ≈ 6·10^−9, under half the relative spacing of floats (2^−25 ≈ 3·10^−8), so {@code
   * (float) (score × factor)} rounds back to {@code score} exactly.
   */
  static final double NEUTRAL_AGE_MILLIS = 24 * HALF_LIFE_MILLIS;

  private final Query in;
  private final String field;
  private final long nowMillis;

  FreshnessQuery(Query in, String field, long nowMillis) {
    this.in = Objects.requireNonNull(in);
    this.field = Objects.requireNonNull(field);
    this.nowMillis = nowMillis;
  }

  /** The freshness factor for an article published at {@code publishedMillis}. */
  static double factor(long publishedMillis, long nowMillis) {
    double age = Math.max(0, nowMillis - publishedMillis);
    return 1 + WEIGHT * Math.pow(2, -age / HALF_LIFE_MILLIS);
  }

  /**
   * Whether some document of the segment may get a factor above 1 in float arithmetic: its newest
   * published date (from the points of the date field, so sorted and unsorted segments alike) is
   * younger than {@link #NEUTRAL_AGE_MILLIS}.
   */
  private boolean anyFresh(LeafReaderContext ctx) throws IOException {
    PointValues points = ctx.reader().getPointValues(field);
    if (points == null || points.size() == 0) {
      return false; // no document has a published date: all get exactly 1
    }
    long newest = LongPoint.decodeDimension(points.getMaxPackedValue(), 0);
    return nowMillis - newest < NEUTRAL_AGE_MILLIS;
  }

  @Override
  @SuppressWarnings(
      "ReferenceEquality") // Lucene's idiom: rewrite returns the same instance when done
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query r = in.rewrite(searcher);
    return r == in ? super.rewrite(searcher) : new FreshnessQuery(r, field, nowMillis);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight inner = in.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) {
      return inner;
    }
    return new FilterWeight(this, inner) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
        ScorerSupplier s = inner.scorerSupplier(ctx);
        if (s == null || !anyFresh(ctx)) {
          // Every document of this segment gets the factor 1 (to float precision): the inner
          // scorer as it is, with its own bulk scorer (MaxScore, block-max conjunction), scores
          // bit for bit what the wrapper would.
          return s;
        }
        SortedNumericDocValues dates = DocValues.getSortedNumeric(ctx.reader(), field);
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new FreshScorer(s.get(leadCost), dates, nowMillis);
          }

          @Override
          public long cost() {
            return s.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            s.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
        Explanation e = inner.explain(ctx, doc);
        if (!e.isMatch()) {
          return e;
        }
        SortedNumericDocValues dates = DocValues.getSortedNumeric(ctx.reader(), field);
        double f = dates.advanceExact(doc) ? factor(dates.nextValue(), nowMillis) : 1.0;
        return Explanation.match(
            (float) (e.getValue().floatValue() * f),
            "relevance × freshness",
            e,
            Explanation.match((float) f, "freshness factor"));
      }
    };
  }

  private static final class FreshScorer extends Scorer {
    private final Scorer in;
    private final SortedNumericDocValues dates;
    private final long now;
    private int cachedDoc = -1;
    private double cachedFactor = 1.0;

    FreshScorer(Scorer in, SortedNumericDocValues dates, long now) {
      this.in = in;
      this.dates = dates;
      this.now = now;
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return in.iterator();
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return in.twoPhaseIterator();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo) * MAX_FACTOR;
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      // A document needs a relevance of at least minScore / MAX_FACTOR to reach minScore.
      in.setMinCompetitiveScore(Math.nextDown(minScore / MAX_FACTOR));
    }

    @Override
    public float score() throws IOException {
      int doc = in.docID();
      if (doc != cachedDoc) {
        cachedFactor = dates.advanceExact(doc) ? factor(dates.nextValue(), now) : 1.0;
        cachedDoc = doc;
      }
      return (float) (in.score() * cachedFactor);
    }

    @Override
    public Collection<ChildScorable> getChildren() {
      return List.of(new ChildScorable(in, "MUST"));
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String f) {
    return "fresh(" + in.toString(f) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o)
        && in.equals(((FreshnessQuery) o).in)
        && field.equals(((FreshnessQuery) o).field)
        && nowMillis == ((FreshnessQuery) o).nowMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, field, nowMillis);
  }
}
