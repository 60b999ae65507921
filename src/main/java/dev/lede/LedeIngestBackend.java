package dev.lede;

import dev.lede.ingest.IngestSink;
import dev.lede.ingest.SourceRegistry;
import dev.lede.model.Article;
import dev.lede.model.FetchRecord;
import dev.lede.model.Source;
import dev.lede.store.SourceStore;
import dev.lede.store.Submission;
import dev.lede.store.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ingest stage's view of a data folder: an {@link IngestSink} and a {@link SourceRegistry} over
 * an open {@link Lede}.
 *
 * <ul>
 *   <li>Articles go through {@link Lede#submitAll}, which returns only after the store transaction
 *       committed (and the article was handed to the index), so an article that ingest counts as
 *       new or updated is durable. A rejection by the store (an invalid article, or one taken down
 *       by an operator) is a FAILED result with the store's reason.
 *   <li>Sources, with their rights policy, full-text setting and pause flag, are rows of the
 *       store's sources table; ingest's opaque per-source state (HTTP validators such as ETag and
 *       Last-Modified, the adaptive poll interval, the next poll, failures and the last error) is
 *       that row's state, written in its own transaction.
 *   <li>Fetch-log lines, failures with their reason included, are appended to the store's fetch
 *       log.
 * </ul>
 *
 * The {@link Lede} stays owned by the caller (close it after the ingest front). Thread-safe.
 */
public final class LedeIngestBackend implements IngestSink, SourceRegistry {
  /** What the store holds as the state of a source that ingest never wrote. */
  private static final String EMPTY_STATE = "{}";

  private final Lede lede;
  private final SourceStore sources;

  /** Serialises add (check, then insert) against itself and remove. */
  private final Object registryLock = new Object();

  public LedeIngestBackend(Lede lede) {
    this.lede = Objects.requireNonNull(lede, "lede");
    this.sources = lede.sources();
  }

  // ---- IngestSink

  @Override
  public Result submit(@Nullable String sourceId, Article article) {
    return toResult(lede.submit(article, sourceId));
  }

  @Override
  public List<Result> submitAll(@Nullable String sourceId, List<Article> articles) {
    List<Submission> batch = new ArrayList<>(articles.size());
    for (Article a : articles) {
      batch.add(new Submission(a, sourceId));
    }
    List<SubmitResult> rs = lede.submitAll(batch);
    List<Result> out = new ArrayList<>(rs.size());
    for (SubmitResult r : rs) {
      out.add(toResult(r));
    }
    return out;
  }

  @Override
  public void log(FetchRecord record) {
    sources.appendFetch(record);
  }

  static Result toResult(SubmitResult r) {
    String id = r.id();
    if (r.outcome() == SubmitResult.Outcome.REJECTED || id == null) {
      return Result.failed(r.reason().isEmpty() ? "rejected by the store" : r.reason());
    }
    return switch (r.outcome()) {
      case NEW -> Result.stored(Outcome.NEW, id);
      case UPDATED -> Result.stored(Outcome.UPDATED, id);
      case UNCHANGED -> Result.stored(Outcome.UNCHANGED, id);
      case REJECTED -> throw new AssertionError("handled above");
    };
  }

  // ---- SourceRegistry

  @Override
  public void add(Source source) {
    synchronized (registryLock) {
      if (sources.source(source.id()).isPresent()) {
        throw new IllegalArgumentException("a source with id '" + source.id() + "' exists");
      }
      sources.putSource(source);
    }
  }

  @Override
  public void update(Source source) {
    synchronized (registryLock) {
      if (sources.source(source.id()).isEmpty()) {
        throw new IllegalArgumentException("no source with id '" + source.id() + "'");
      }
      sources.putSource(source);
    }
  }

  @Override
  public Optional<Source> get(String id) {
    return sources.source(id);
  }

  @Override
  public List<Source> list() {
    return sources.sources();
  }

  @Override
  public boolean remove(String id) {
    synchronized (registryLock) {
      return sources.removeSource(id);
    }
  }

  @Override
  public Optional<String> state(String id) {
    try {
      String s = sources.sourceState(id);
      return s.isBlank() || s.strip().equals(EMPTY_STATE) ? Optional.empty() : Optional.of(s);
    } catch (NoSuchElementException e) {
      return Optional.empty();
    }
  }

  @Override
  public void putState(String id, String json) {
    try {
      sources.putSourceState(id, json);
    } catch (NoSuchElementException e) {
      throw new IllegalArgumentException("no source with id '" + id + "'", e);
    }
  }
}
