package dev.lede.ingest;

import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.FetchRecord;
import dev.lede.model.Urls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link IngestSink} following the identity rules of issue 3: an explicit id, else the
 * normalised canonical URL, else the normalised URL, else a content hash.
 */
public final class InMemorySink implements IngestSink {
  final Map<String, Article> articles = new LinkedHashMap<>();
  final Map<String, String> sourceOf = new LinkedHashMap<>();
  final List<FetchRecord> log = new CopyOnWriteArrayList<>();
  int batches;

  @Override
  public synchronized Result submit(@Nullable String sourceId, Article a) {
    String key = identity(a);
    Article stored = a.withId(key);
    Article prev = articles.put(key, stored);
    sourceOf.put(key, String.valueOf(sourceId));
    if (prev == null) {
      return Result.stored(Outcome.NEW, key);
    }
    return Result.stored(
        ArticleJson.toJson(prev).equals(ArticleJson.toJson(stored))
            ? Outcome.UNCHANGED
            : Outcome.UPDATED,
        key);
  }

  @Override
  public synchronized List<Result> submitAll(@Nullable String sourceId, List<Article> as) {
    batches++;
    List<Result> out = new ArrayList<>();
    for (Article a : as) {
      out.add(submit(sourceId, a));
    }
    return out;
  }

  static String identity(Article a) {
    if (a.id() != null) {
      return a.id();
    }
    if (!a.canonicalUrl().isEmpty() && Urls.isHttpUrl(a.canonicalUrl())) {
      return Urls.normalize(a.canonicalUrl());
    }
    if (!a.url().isEmpty() && Urls.isHttpUrl(a.url())) {
      return Urls.normalize(a.url());
    }
    return "hash:" + Integer.toHexString((a.title() + "\n" + a.text()).hashCode());
  }

  @Override
  public void log(FetchRecord record) {
    log.add(record);
  }

  public synchronized List<Article> all() {
    return List.copyOf(articles.values());
  }

  synchronized Article byUrl(String url) {
    return articles.values().stream()
        .filter(a -> a.url().equals(url) || Urls.normalize(a.url()).equals(Urls.normalize(url)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no article for " + url + " among " + articles.keySet()));
  }

  public List<FetchRecord> failures() {
    return log.stream()
        .filter(
            r ->
                r.outcome() != FetchRecord.Outcome.FETCHED
                    && r.outcome() != FetchRecord.Outcome.NOT_MODIFIED)
        .toList();
  }
}
