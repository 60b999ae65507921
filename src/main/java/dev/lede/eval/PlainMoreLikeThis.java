package dev.lede.eval;

import dev.lede.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The baseline related list: Lucene's MoreLikeThis at its default settings (25 query terms, a term
 * must occur twice in the article and in at least 5 articles; what Elasticsearch's more_like_this
 * and many related-posts plugins do) over title and body, analysed with Lucene's StandardAnalyzer,
 * in an in-memory index of the same articles. No freshness, no duplicate removal, no diversity.
 */
public final class PlainMoreLikeThis implements AutoCloseable {
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final StandardAnalyzer analyzer = new StandardAnalyzer();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Map<String, Integer> docById = new HashMap<>();

  public PlainMoreLikeThis(List<Article> articles) {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (Article a : articles) {
        Document d = new Document();
        d.add(new StringField("id", a.id() == null ? "" : a.id(), Field.Store.YES));
        d.add(new TextField("title", a.title(), Field.Store.YES));
        d.add(new TextField("body", a.text(), Field.Store.YES));
        w.addDocument(d);
      }
      w.forceMerge(1);
      w.commit();
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
      StoredFields sf = reader.storedFields();
      for (int i = 0; i < reader.maxDoc(); i++) {
        docById.put(sf.document(i).get("id"), i);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The top {@code k} articles like {@code id} (never itself). */
  public List<String> related(String id, int k) {
    Integer doc = docById.get(id);
    if (doc == null) {
      return List.of();
    }
    try {
      MoreLikeThis mlt = new MoreLikeThis(reader);
      mlt.setAnalyzer(analyzer);
      mlt.setFieldNames(new String[] {"title", "body"});
      Query q = mlt.like(doc);
      List<String> out = new ArrayList<>();
      StoredFields sf = searcher.storedFields();
      for (ScoreDoc sd : searcher.search(q, k + 1).scoreDocs) {
        if (sd.doc == doc) {
          continue;
        }
        out.add(sf.document(sd.doc).get("id"));
        if (out.size() == k) {
          break;
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      dir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
