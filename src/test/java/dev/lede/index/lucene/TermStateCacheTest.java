package dev.lede.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class TermStateCacheTest {
  private static void add(IndexWriter w, String body) throws IOException {
    Document d = new Document();
    d.add(new TextField("body", body, Field.Store.NO));
    w.addDocument(d);
  }

  private static BytesRef[] sorted(String... terms) {
    BytesRef[] out = new BytesRef[terms.length];
    for (int i = 0; i < terms.length; i++) {
      out[i] = new BytesRef(terms[i]);
    }
    Arrays.sort(out);
    return out;
  }

  private static IndexWriter writer(Directory dir) throws IOException {
    return new IndexWriter(
        dir,
        new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE));
  }

  @Test
  void lookup_givesTheDictionarysFrequencies_andAbsentForMissingTerms() throws IOException {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = writer(dir)) {
      add(w, "quake kursk quake");
      add(w, "quake flood");
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        TermStateCache cache = new TermStateCache(1_000);
        LeafReaderContext leaf = r.leaves().get(0);
        BytesRef[] terms = sorted("quake", "kursk", "volcano");
        TermStateCache.Entry[] e = cache.lookup(leaf, "body", terms);
        // sorted: kursk, quake, volcano
        assertThat(e[0].docFreq()).isEqualTo(1);
        assertThat(e[1].docFreq()).isEqualTo(2);
        assertThat(e[1].totalTermFreq()).isEqualTo(3);
        assertThat(e[2]).isSameAs(TermStateCache.ABSENT);
        // The cached state positions an enum on the term, as a seek does.
        TermsEnum te = leaf.reader().terms("body").iterator();
        te.seekExact(new BytesRef("quake"), e[1].state());
        assertThat(te.docFreq()).isEqualTo(2);
        assertThat(cache.lookup(leaf, "nofield", terms)).containsOnly(TermStateCache.ABSENT);
      }
    }
  }

  @Test
  void secondLookup_seeksNothing_andNewSegmentsAreLookedUp() throws IOException {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = writer(dir)) {
      add(w, "quake kursk");
      w.commit();
      TermStateCache cache = new TermStateCache(1_000);
      BytesRef[] terms = sorted("quake", "kursk", "volcano");
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        cache.lookup(r.leaves().get(0), "body", terms);
        assertThat(cache.seeks()).isEqualTo(3);
        cache.lookup(r.leaves().get(0), "body", terms);
        assertThat(cache.seeks()).isEqualTo(3);
        add(w, "volcano quake");
        w.commit();
        try (DirectoryReader r2 = DirectoryReader.openIfChanged(r)) {
          assertThat(r2).isNotNull();
          assertThat(r2.leaves()).hasSize(2);
          // The old segment's entries stand (same core); the new segment is looked up.
          long volcano = 0;
          for (LeafReaderContext leaf : r2.leaves()) {
            volcano += cache.lookup(leaf, "body", terms)[2].docFreq();
          }
          assertThat(cache.seeks()).isEqualTo(6);
          assertThat(volcano).isEqualTo(r2.docFreq(new Term("body", "volcano")));
        }
      }
    }
  }

  @Test
  void closedSegments_areForgotten_andAFullCacheStartsAgain() throws IOException {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter w = writer(dir)) {
      add(w, "quake kursk");
      w.commit();
      TermStateCache cache = new TermStateCache(4);
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        cache.lookup(r.leaves().get(0), "body", sorted("quake", "kursk", "volcano"));
        assertThat(cache.size()).isEqualTo(3);
        cache.lookup(r.leaves().get(0), "body", sorted("flood", "storm"));
        assertThat(cache.size()).isLessThanOrEqualTo(4);
        assertThat(cache.size()).isPositive();
      }
      assertThat(cache.size()).isZero();
    }
  }
}
