package dev.lede.index.lucene;

import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Related candidates in the manner of MoreLikeThis: the article's (or text's) most distinctive
 * terms by tf·idf, weighted by that score, ORed into one query over title and body. Settings differ
 * from MoreLikeThis's defaults where those suit big web corpora rather than a news store: a term
 * needs to occur once in the article (a short news item rarely repeats names) and in at least one
 * other article (a term found nowhere else cannot find anything); the number of terms is capped by
 * the request, which bounds the cost of huge bodies. Ranking stops at relevance: freshness,
 * diversity and duplicate removal are the recommend stage's business.
 *
 * <p>The query is built here rather than by Lucene's {@code MoreLikeThis}, with the same choice of
 * terms and the same weights (per field: term frequency in the text times the classic idf {@code 1
 * + ln((docCount + 1) / (docFreq + 1))}, the best {@code maxQueryTerms} (term, field) pairs, each
 * boosted by its score over the lowest kept), for speed: the document frequency of each term is
 * looked up once and the looked-up term states go into the query, where {@code MoreLikeThis} looked
 * every term up a second time when the query was weighted; a text given for both fields is analysed
 * once. Top hits are collected without counting every match, so the disjunction can skip documents
 * that cannot reach the top (block-max MaxScore), and it skips from a floor that a cheap probe of
 * the heaviest clauses finds rather than from 0 (the same hits: see {@code floor}). With {@link
 * RelatedQuery.Hits#ID_AND_SCORE} a hit reads its id and date from doc values: no stored document
 * is decompressed (a segment written before ids had doc values reads the id from the stored
 * document).
 */
final class Related {
  /** Filters and exclusions added to a query. */
  @FunctionalInterface
  interface Filtering {
    Query apply(Query q, SearchFilters f, Collection<String> exclude);
  }

  /** Tokens read from one text at most: bounds the cost of a huge body. */
  private static final int MAX_TOKENS_PARSED = 10_000;

  /** A term must occur in this many articles to be used (in the manner of MoreLikeThis). */
  private static final int MIN_DOC_FREQ = 2;

  /** Excluded ids dropped from the hits rather than excluded by the query, at most. */
  private static final int MAX_EXCLUDED_AFTER = 8;

  private static final ClassicSimilarity IDF = new ClassicSimilarity();

  /** Floor hints that held (the search was done from them), and those that did not. */
  static final java.util.concurrent.atomic.LongAdder HINTS_HELD =
      new java.util.concurrent.atomic.LongAdder();

  static final java.util.concurrent.atomic.LongAdder HINTS_MISSED =
      new java.util.concurrent.atomic.LongAdder();

  private static final String[] FIELDS = {Fields.TITLE, Fields.BODY};

  private Related() {}

  /** One (term, field) candidate for the query. */
  private record Scored(Term term, TermStates states, float score) {}

  static List<SearchHit> find(
      IndexSearcher s,
      Analyzer analyzer,
      RelatedQuery q,
      Filtering filtering,
      Function<Document, String> bodyOf)
      throws IOException {
    return find(s, analyzer, q, filtering, bodyOf, PROBE_CLAUSES, PROBE_POSTINGS_PER_PAIR);
  }

  /**
   * As {@link #find(IndexSearcher, Analyzer, RelatedQuery, Filtering, Function)}, with the floor
   * probed by the query's {@code probeClauses} heaviest clauses (0: no floor) where the clauses'
   * postings reach {@code postingsPerPair} per (hit, clause) pair. The hits are the same for every
   * value; only the work differs.
   */
  static List<SearchHit> find(
      IndexSearcher s,
      Analyzer analyzer,
      RelatedQuery q,
      Filtering filtering,
      Function<Document, String> bodyOf,
      int probeClauses,
      int postingsPerPair)
      throws IOException {
    Set<String> exclude = new HashSet<>(q.exclude());
    String title;
    String body;
    if (q.articleId() != null) {
      exclude.add(q.articleId());
      TopDocs self = s.search(new TermQuery(new Term(Fields.ID, q.articleId())), 1);
      if (self.scoreDocs.length == 0) {
        return List.of();
      }
      Document d = s.storedFields().document(self.scoreDocs[0].doc);
      title = d.get(Fields.TITLE) == null ? "" : d.get(Fields.TITLE);
      body = bodyOf.apply(d);
    } else {
      title = q.titleText() == null ? q.text() : q.titleText();
      body = q.text();
    }
    Map<String, Integer> titleTf = termFrequencies(analyzer, Fields.TITLE, title);
    Map<String, Integer> bodyTf =
        body.equals(title) ? titleTf : termFrequencies(analyzer, Fields.BODY, body);
    List<Scored> kept =
        like(s, Map.of(Fields.TITLE, titleTf, Fields.BODY, bodyTf), q.maxQueryTerms());
    if (kept.isEmpty()) {
      return List.of();
    }
    float lowest = kept.get(kept.size() - 1).score();
    Query like = disjunction(kept, kept.size(), lowest);
    // A few excluded ids (the article and its duplicate group: one or two) are dropped from the
    // hits rather than excluded by the query: a clause less to rewrite and set up in every segment,
    // for as many more hits collected. The same hits: ties keep their order by document.
    boolean dropAfter = exclude.size() <= MAX_EXCLUDED_AFTER;
    Query query = filtering.apply(like, q.filters(), dropAfter ? Set.of() : exclude);
    int want = dropAfter ? q.limit() + exclude.size() : q.limit();
    // Counting every match would keep the disjunction from skipping: collect the top hits only,
    // with a floor under which no hit can make the top (see floor()).
    float floor = 0f;
    TopDocs top = null;
    boolean probing =
        probeClauses > 0 && kept.size() > probeClauses && worthProbing(kept, want, postingsPerPair);
    // One weight for the hinted search, the floor's rescoring and the search (creating a weight
    // sets up every clause's similarity: a few kilobytes per clause, made once).
    Weight w =
        q.floorHint() > 0f || probing
            ? s.createWeight(s.rewrite(query), ScoreMode.TOP_SCORES, 1f)
            : null;
    if (w != null && q.floorHint() > 0f) {
      // A hint (the last hit's score when this query ran before) stands for the probe. Exact when
      // at least `want` collected documents score at least the hint: no document reaching the
      // floor is ever skipped, so the best `want` are among them. The collector may also be given
      // documents under the floor (the scorer skips only what it can rule out; it does not filter
      // what it collects), so the count alone says nothing: the `want`-th score must reach the
      // hint. Else the search runs again as without it.
      TopDocs hinted = search(s, w, new FloorManager(want, q.floorHint()));
      if (hinted.scoreDocs.length >= want && hinted.scoreDocs[want - 1].score >= q.floorHint()) {
        top = hinted;
        HINTS_HELD.increment();
      } else {
        HINTS_MISSED.increment();
      }
    }
    if (top == null) {
      if (w != null && probing) {
        Query probe =
            filtering.apply(
                disjunction(kept, probeClauses, lowest),
                q.filters(),
                dropAfter ? Set.of() : exclude);
        floor = floor(s, w, probe, want);
      }
      top =
          w != null
              ? search(s, w, new FloorManager(want, floor))
              : s.search(query, new FloorManager(want, floor));
    }
    List<SearchHit> out = new ArrayList<>(Math.min(q.limit(), top.scoreDocs.length));
    if (q.hits() == RelatedQuery.Hits.FULL) {
      StoredFields stored = s.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        SearchHit h = Fields.toHit(stored.document(sd.doc), sd.score, "");
        if (!exclude.contains(h.id()) && out.size() < q.limit()) {
          out.add(h);
        }
      }
      return out;
    }
    // Ids and dates read in document order, with one doc-values iterator per segment (they only
    // advance; one per hit was a few dozen iterators per list), then taken in score order.
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    ScoreDoc[] sds = top.scoreDocs;
    long[] byDoc = new long[sds.length];
    for (int i = 0; i < sds.length; i++) {
      byDoc[i] = ((long) sds[i].doc << 32) | i;
    }
    Arrays.sort(byDoc);
    @Nullable String[] ids = new String[sds.length];
    @Nullable Instant[] dates = new Instant[sds.length];
    @Nullable StoredFields stored = null;
    @Nullable LeafReaderContext leaf = null;
    @Nullable SortedDocValues idValues = null;
    @Nullable SortedNumericDocValues dateValues = null;
    for (long o : byDoc) {
      int i = (int) o;
      int global = sds[i].doc;
      if (leaf == null || global >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(global, leaves));
        idValues = leaf.reader().getSortedDocValues(Fields.ID);
        dateValues = DocValues.getSortedNumeric(leaf.reader(), Fields.PUBLISHED);
      }
      int doc = global - leaf.docBase;
      if (idValues != null && idValues.advanceExact(doc)) {
        ids[i] = idValues.lookupOrd(idValues.ordValue()).utf8ToString();
      } else { // a segment written before ids had doc values
        if (stored == null) {
          stored = s.storedFields();
        }
        IdVisitor v = new IdVisitor();
        stored.document(global, v);
        ids[i] = v.id;
      }
      dates[i] = published(dateValues, doc);
    }
    for (int i = 0; i < sds.length && out.size() < q.limit(); i++) {
      String id = ids[i];
      if (id != null && !exclude.contains(id)) {
        out.add(new SearchHit(id, "", "", dates[i], null, "", "", List.of(), sds[i].score, ""));
      }
    }
    return out;
  }

  /** The analysed terms of a text with their frequencies (the first tokens only). */
  private static Map<String, Integer> termFrequencies(Analyzer analyzer, String field, String text)
      throws IOException {
    Map<String, Integer> tf = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return tf;
    }
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      int tokens = 0;
      while (ts.incrementToken()) {
        if (++tokens > MAX_TOKENS_PARSED) {
          break;
        }
        tf.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    }
    return tf;
  }

  /**
   * The best {@code maxTerms} (term, field) pairs by tf·idf, best first; empty when no term
   * qualifies. The query is their {@link #disjunction}.
   */
  private static List<Scored> like(
      IndexSearcher s, Map<String, Map<String, Integer>> tfPerField, int maxTerms)
      throws IOException {
    IndexReader r = s.getIndexReader();
    List<Scored> scored = new ArrayList<>();
    for (String field : FIELDS) {
      Map<String, Integer> tf = tfPerField.get(field);
      if (tf == null || tf.isEmpty()) {
        continue;
      }
      long docCount = r.getDocCount(field);
      if (docCount <= 0) {
        docCount = r.numDocs();
      }
      Map<String, TermStates> states = termStates(s, field, tf.keySet());
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        TermStates st = states.get(e.getKey());
        int df = st == null ? 0 : st.docFreq();
        if (df < MIN_DOC_FREQ) {
          continue;
        }
        scored.add(
            new Scored(new Term(field, e.getKey()), st, e.getValue() * IDF.idf(df, docCount)));
      }
    }
    scored.sort((x, y) -> Float.compare(y.score(), x.score()));
    return scored.subList(0, Math.min(maxTerms, scored.size()));
  }

  /**
   * The disjunction of the first {@code n} kept pairs, each boosted by its score over {@code
   * lowest}.
   */
  private static Query disjunction(List<Scored> kept, int n, float lowest) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Scored t : kept.subList(0, n)) {
      b.add(
          new BoostQuery(new TermQuery(t.term(), t.states()), t.score() / lowest),
          BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * Postings of the query's clauses per (hit, clause) pair to rescore, from which a floor pays:
   * rescoring the probe's hits costs about a postings block (128) per pair, and the floor saves a
   * share of walking the clauses' postings. Measured (docs/benchmarks.md, "## Related stories"): at
   * 100,000 articles, 68,000–530,000 postings per query, the probe cost 0.3–0.7 ms more than it
   * saved; at a million, 610,000–5,300,000, it saved up to 2.3 ms per list.
   */
  private static final int PROBE_POSTINGS_PER_PAIR = 256;

  /** Whether the clauses' postings are many enough for a floor to save more than it costs. */
  private static boolean worthProbing(List<Scored> kept, int want, int postingsPerPair) {
    long postings = 0;
    for (Scored t : kept) {
      postings += t.states().docFreq();
    }
    return postings >= (long) postingsPerPair * want * kept.size();
  }

  /** The floor's share of the score it is computed from (summation order leaves the last bits). */
  private static final float FLOOR_MARGIN = 1f - 1e-4f;

  /**
   * The heaviest clauses of a query that probe for its floor; a query of no more clauses runs
   * without a floor.
   */
  static final int PROBE_CLAUSES = 4;

  /**
   * A floor for the top {@code want} hits of the query of {@code w} (its weight for top scores): a
   * score that the {@code want}-th best hit reaches, so that the search may skip every document
   * under it from the first document on (block-max MaxScore otherwise starts from 0 and raises its
   * threshold only as the top fills: on a corpus of many close variants most of the work). It is
   * the {@code want}-th best score under that query of the top hits of {@code probe} — the heaviest
   * clauses of the same disjunction under the same filters, so each of its hits matches the query —
   * and {@code want} documents that match it with at least that score exist: the best {@code want}
   * have at least it too. The hits are therefore the same as without a floor (kept a little under
   * the computed score, as another order of summation may differ in the last bits). 0 (no floor)
   * when the probe finds fewer than {@code want} documents.
   */
  private static float floor(IndexSearcher s, Weight w, Query probe, int want) throws IOException {
    TopDocs pt = s.search(probe, new TopScoreDocCollectorManager(want, null, want, false));
    if (pt.scoreDocs.length < want) {
      return 0f;
    }
    int[] docs = new int[pt.scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = pt.scoreDocs[i].doc;
    }
    Arrays.sort(docs);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    float[] full = new float[docs.length];
    int n = 0;
    int i = 0;
    while (i < docs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      Scorer sc = w.scorer(leaf);
      int end = leaf.docBase + leaf.reader().maxDoc();
      while (i < docs.length && docs[i] < end) {
        int d = docs[i++] - leaf.docBase;
        if (sc != null) {
          DocIdSetIterator it = sc.iterator();
          int at = it.docID() >= d ? it.docID() : it.advance(d);
          if (at == d) {
            full[n++] = sc.score();
          }
        }
      }
    }
    if (n < want) {
      return 0f;
    }
    Arrays.sort(full, 0, n);
    return full[n - want] * FLOOR_MARGIN;
  }

  /**
   * The top hits of a weight already made, segment by segment on the calling thread, as {@link
   * IndexSearcher#search(Query, CollectorManager)} collects them with one slice (its leaf loop:
   * each segment's bulk scorer as the top-level scoring clause over its live documents). Kept in
   * step with Lucene's loop by hand: it has no query timeout and no executor, which this index's
   * searcher does not use either; a collector that needs more than the weight would need them here.
   */
  private static TopDocs search(IndexSearcher s, Weight w, FloorManager manager)
      throws IOException {
    Collector c = manager.newCollector();
    c.setWeight(w);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      LeafCollector lc;
      try {
        lc = c.getLeafCollector(leaf);
      } catch (CollectionTerminatedException e) {
        continue;
      }
      ScorerSupplier ss = w.scorerSupplier(leaf);
      if (ss != null) {
        ss.setTopLevelScoringClause();
        BulkScorer bs = ss.bulkScorer();
        try {
          bs.score(lc, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
        } catch (CollectionTerminatedException e) {
          // this segment is done
        }
      }
      lc.finish();
    }
    return manager.reduce(List.of(c));
  }

  private static class Floored extends FilterCollector {
    Floored(TopScoreDocCollector in) {
      super(in);
    }

    TopScoreDocCollector top() {
      return (TopScoreDocCollector) in;
    }
  }

  /** Top hits, told from the start that nothing under {@code floor} can be among them. */
  private static final class FloorManager implements CollectorManager<Collector, TopDocs> {
    private final TopScoreDocCollectorManager in;
    private final float floor;

    FloorManager(int want, float floor) {
      this.in = new TopScoreDocCollectorManager(want, null, want, false);
      this.floor = floor;
    }

    @Override
    public Collector newCollector() throws IOException {
      TopScoreDocCollector c = in.newCollector();
      if (floor <= 0f) {
        return c;
      }
      return new Floored(c) {
        @Override
        public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
          return new FilterLeafCollector(super.getLeafCollector(ctx)) {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
              scorer.setMinCompetitiveScore(floor);
              super.setScorer(
                  new Scorable() {
                    @Override
                    public float score() throws IOException {
                      return scorer.score();
                    }

                    @Override
                    public void setMinCompetitiveScore(float min) throws IOException {
                      scorer.setMinCompetitiveScore(Math.max(min, floor));
                    }
                  });
            }
          };
        }
      };
    }

    @Override
    public TopDocs reduce(Collection<Collector> cs) throws IOException {
      List<TopScoreDocCollector> tops = new ArrayList<>();
      for (Collector c : cs) {
        tops.add(c instanceof TopScoreDocCollector t ? t : ((Floored) c).top());
      }
      return in.reduce(tops);
    }
  }

  /**
   * The term states of these terms of a field in every segment, looked up with one terms enum per
   * segment in term order ({@code TermStates.build} opens an enum per term and segment: most of the
   * cost of looking up a few dozen terms in a dozen segments).
   */
  private static Map<String, TermStates> termStates(
      IndexSearcher s, String field, Collection<String> terms) throws IOException {
    IndexReaderContext top = s.getTopReaderContext();
    List<BytesRef> sorted = new ArrayList<>(terms.size());
    Map<BytesRef, TermStates> byBytes = new HashMap<>();
    for (String t : terms) {
      BytesRef b = new BytesRef(t);
      sorted.add(b);
      byBytes.put(b, new TermStates(top));
    }
    Collections.sort(sorted);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Terms fieldTerms = leaf.reader().terms(field);
      if (fieldTerms == null) {
        continue;
      }
      TermsEnum te = fieldTerms.iterator();
      for (BytesRef b : sorted) {
        if (te.seekExact(b)) {
          byBytes.get(b).register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
        }
      }
    }
    Map<String, TermStates> out = new HashMap<>();
    for (BytesRef b : sorted) {
      out.put(b.utf8ToString(), byBytes.get(b));
    }
    return out;
  }

  /**
   * Document frequencies of these terms of a field (0 for absent ones), looked up as {@link
   * #termStates} does: one terms enum per segment, terms in order.
   */
  static Map<String, Long> docFreqs(IndexReader r, String field, Collection<String> terms)
      throws IOException {
    List<BytesRef> sorted = new ArrayList<>(terms.size());
    for (String t : terms) {
      sorted.add(new BytesRef(t));
    }
    Collections.sort(sorted);
    long[] df = new long[sorted.size()];
    for (LeafReaderContext leaf : r.leaves()) {
      Terms fieldTerms = leaf.reader().terms(field);
      if (fieldTerms == null) {
        continue;
      }
      TermsEnum te = fieldTerms.iterator();
      for (int i = 0; i < df.length; i++) {
        if (te.seekExact(sorted.get(i))) {
          df[i] += te.docFreq();
        }
      }
    }
    Map<String, Long> out = new HashMap<>();
    for (int i = 0; i < df.length; i++) {
      out.put(sorted.get(i).utf8ToString(), df[i]);
    }
    return out;
  }

  private static @Nullable Instant published(SortedNumericDocValues dv, int doc)
      throws IOException {
    if (!dv.advanceExact(doc) || dv.docValueCount() == 0) {
      return null;
    }
    return Instant.ofEpochMilli(dv.nextValue());
  }

  /** Reads the id field of a stored document and stops. */
  private static final class IdVisitor extends StoredFieldVisitor {
    @Nullable String id;

    @Override
    public Status needsField(FieldInfo fieldInfo) {
      if (id != null) {
        return Status.STOP;
      }
      return Fields.ID.equals(fieldInfo.name) ? Status.YES : Status.NO;
    }

    @Override
    public void stringField(FieldInfo fieldInfo, String value) {
      id = value;
    }
  }
}
