package dev.lede.ingest;

import dev.lede.model.Article;
import dev.lede.model.FetchRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where ingest hands its results: extracted articles and fetch-log lines. Implemented by the store;
 * must be safe to call from several ingest threads at once.
 *
 * <p>Durability contract: {@link #submit} returns only after the article is durably stored (its
 * transaction committed). Ingest counts an article as new or updated only on that return value.
 */
public interface IngestSink {

  /** What became of a submitted article. */
  enum Outcome {
    /** First time this article was seen: stored as a new article. */
    NEW,
    /** A known article whose content changed: stored as a new version. */
    UPDATED,
    /** A known article, identical to the stored version: nothing written. */
    UNCHANGED,
    /** Not stored; {@link Result#reason()} says why. */
    FAILED
  }

  /**
   * The store's answer for one article.
   *
   * @param outcome what happened
   * @param articleId the article's id in the store (null only when {@code outcome} is FAILED)
   * @param reason why it failed; empty otherwise
   */
  record Result(Outcome outcome, @Nullable String articleId, String reason) {
    public Result {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(reason, "reason");
      if (outcome != Outcome.FAILED && articleId == null) {
        throw new IllegalArgumentException("a stored article must have an id");
      }
    }

    public static Result stored(Outcome outcome, String articleId) {
      return new Result(outcome, articleId, "");
    }

    public static Result failed(String reason) {
      return new Result(Outcome.FAILED, null, reason);
    }
  }

  /**
   * Stores one article for a source, returning after it is durable.
   *
   * @param sourceId the registered source it came from, or null for a one-off ingest
   * @param article the extracted article; its {@code id} is the identity when set (JSONL input),
   *     otherwise the store derives one (canonical URL, else a content hash)
   * @return the outcome; a bad article yields FAILED rather than an exception
   */
  Result submit(@Nullable String sourceId, Article article);

  /**
   * Stores several articles of one source, returning after all are durable. The default submits
   * them one at a time; a store may override it to commit them in one transaction.
   *
   * @return one result per article, in order
   */
  default List<Result> submitAll(@Nullable String sourceId, List<Article> articles) {
    List<Result> out = new ArrayList<>(articles.size());
    for (Article a : articles) {
      out.add(submit(sourceId, a));
    }
    return out;
  }

  /** Appends a line to the fetch log. */
  void log(FetchRecord record);
}
