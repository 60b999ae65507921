package dev.lede.index.lucene;

import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Related candidates in the manner of MoreLikeThis: the article's (or text's) most distinctive
 * terms by tf·idf, weighted by that score, ORed into one query over title and body. Settings differ
 * from MoreLikeThis's defaults where those suit big web corpora rather than a news store: a term
 * needs to occur once in the article (a short news item rarely repeats names) and in at least one
 * other article (a term found nowhere else cannot find anything); the number of terms is capped by
 * the request, which bounds the cost of huge bodies. Ranking stops at relevance: freshness,
 * diversity and duplicate removal are the recommend stage's business.
 */
final class Related {
  /** Filters and exclusions added to a query. */
  @FunctionalInterface
  interface Filtering {
    Query apply(Query q, SearchFilters f, Collection<String> exclude);
  }

  /** Tokens read from one text at most: bounds the cost of a huge body. */
  private static final int MAX_TOKENS_PARSED = 10_000;

  private Related() {}

  static List<SearchHit> find(
      IndexSearcher s, Analyzer analyzer, RelatedQuery q, Filtering filtering) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {Fields.TITLE, Fields.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(q.maxQueryTerms());
    mlt.setMaxNumTokensParsed(MAX_TOKENS_PARSED);
    mlt.setBoost(true);
    Set<String> exclude = new HashSet<>(q.exclude());
    Query like;
    if (q.articleId() != null) {
      exclude.add(q.articleId());
      TopDocs self = s.search(new TermQuery(new Term(Fields.ID, q.articleId())), 1);
      if (self.scoreDocs.length == 0) {
        return List.of();
      }
      Document d = s.storedFields().document(self.scoreDocs[0].doc);
      String title = d.get(Fields.TITLE) == null ? "" : d.get(Fields.TITLE);
      String body = d.get(Fields.BODY) == null ? "" : d.get(Fields.BODY);
      like = mlt.like(Map.of(Fields.TITLE, List.of(title), Fields.BODY, List.of(body)));
    } else {
      like = mlt.like(Map.of(Fields.TITLE, List.of(q.text()), Fields.BODY, List.of(q.text())));
    }
    if (like instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
      return List.of();
    }
    Query query = filtering.apply(like, q.filters(), exclude);
    TopDocs top = s.search(query, q.limit());
    StoredFields stored = s.storedFields();
    List<SearchHit> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(Fields.toHit(stored.document(sd.doc), sd.score, ""));
    }
    return out;
  }
}
