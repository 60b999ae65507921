package dev.lede.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class FreshnessQueryTest {
  private static final long DAY = 24 * 3600 * 1000L;
  private static final long NOW = 1_780_000_000_000L;

  @Test
  void neutralAge_leavesEveryFloatScoreUnchanged() {
    // The premise of not wrapping old segments: from NEUTRAL_AGE on, score × factor rounds back
    // to the score itself, for any float score.
    Random r = new Random(11);
    long old = NOW - (long) FreshnessQuery.NEUTRAL_AGE_MILLIS;
    double f = FreshnessQuery.factor(old, NOW);
    assertThat(f).isGreaterThan(1.0);
    for (int i = 0; i < 200_000; i++) {
      float score = Float.intBitsToFloat(0x3c000000 + r.nextInt(0x0a000000)); // ~0.008 … 1e4
      assertThat((float) (score * f)).isEqualTo(score);
    }
    // …while a day younger than that still would change some of them.
    double younger = FreshnessQuery.factor(old + 30 * DAY, NOW);
    boolean changed = false;
    for (int i = 0; i < 10_000 && !changed; i++) {
      float score = Float.intBitsToFloat(0x3c000000 + r.nextInt(0x0a000000));
      changed = (float) (score * younger) != score;
    }
    assertThat(changed).isTrue();
  }

  @Test
  void oldAndUndatedSegments_scoreExactlyAsTheInnerQuery_freshOnesGetTheFactor() throws Exception {
    try (var dir = new ByteBuffersDirectory()) {
      var cfg =
          new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
      try (var w = new IndexWriter(dir, cfg)) {
        // Segment 1: an archive, every article a year or more old.
        for (int i = 0; i < 40; i++) {
          w.addDocument(doc("old" + i, NOW - (365 + i) * DAY, i));
        }
        w.commit();
        // Segment 2: no published dates at all.
        for (int i = 0; i < 20; i++) {
          w.addDocument(doc("undated" + i, null, i));
        }
        w.commit();
        // Segment 3: fresh articles, days old.
        for (int i = 0; i < 20; i++) {
          w.addDocument(doc("new" + i, NOW - i * DAY, i));
        }
        w.commit();
      }
      try (var reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(3);
        IndexSearcher s = new IndexSearcher(reader);
        // The old and the undated segments run the inner query's own scorer; the fresh one the
        // wrapper.
        Query term = new TermQuery(new Term("body", "harbour"));
        var innerWeight = s.createWeight(s.rewrite(term), ScoreMode.TOP_SCORES, 1f);
        var freshWeight =
            s.createWeight(
                s.rewrite(new FreshnessQuery(term, Fields.PUBLISHED, NOW)),
                ScoreMode.TOP_SCORES,
                1f);
        for (int leaf = 0; leaf < 3; leaf++) {
          var ctx = reader.leaves().get(leaf);
          assertThat(freshWeight.scorer(ctx).getClass() == innerWeight.scorer(ctx).getClass())
              .as("segment %d runs the inner scorer", leaf)
              .isEqualTo(leaf < 2);
        }
        for (Query inner :
            new Query[] {
              new TermQuery(new Term("body", "harbour")),
              new BooleanQuery.Builder()
                  .add(new TermQuery(new Term("body", "harbour")), BooleanClause.Occur.MUST)
                  .add(new TermQuery(new Term("body", "ferry")), BooleanClause.Occur.MUST)
                  .build(),
              new BooleanQuery.Builder()
                  .add(new TermQuery(new Term("body", "ferry")), BooleanClause.Occur.SHOULD)
                  .add(new TermQuery(new Term("body", "storm")), BooleanClause.Occur.SHOULD)
                  .build()
            }) {
          Map<String, Float> plain = scores(s, s.search(inner, 100));
          Map<String, Float> fresh =
              scores(s, s.search(new FreshnessQuery(inner, Fields.PUBLISHED, NOW), 100));
          assertThat(fresh.keySet()).isEqualTo(plain.keySet()).isNotEmpty();
          plain.forEach(
              (id, score) -> {
                if (id.startsWith("new")) {
                  int age = Integer.parseInt(id.substring(3));
                  double factor = FreshnessQuery.factor(NOW - age * DAY, NOW);
                  assertThat((double) fresh.get(id) / score).as(id).isCloseTo(factor, within(1e-6));
                  assertThat(fresh.get(id)).as(id).isGreaterThan(score);
                } else {
                  assertThat(fresh.get(id)).as(id).isEqualTo(score); // bit for bit
                }
              });
        }
      }
    }
  }

  private static Document doc(String id, Long published, int i) {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    if (published != null) {
      d.add(new LongField(Fields.PUBLISHED, published, Field.Store.NO));
    }
    String body =
        "harbour ".repeat(1 + i % 4)
            + (i % 2 == 0 ? "ferry " : "")
            + (i % 3 == 0 ? "storm " : "")
            + "words ".repeat(i % 7);
    d.add(new TextField("body", body, Field.Store.NO));
    return d;
  }

  private static Map<String, Float> scores(IndexSearcher s, TopDocs top) throws Exception {
    Map<String, Float> m = new HashMap<>();
    var stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      m.put(stored.document(sd.doc).get("id"), sd.score);
    }
    return m;
  }
}
