package dev.lede;

import dev.lede.index.IndexEntry;
import dev.lede.index.SearchIndex;
import dev.lede.store.ArticleStore;
import dev.lede.store.Change;
import dev.lede.store.StoredArticle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the store. The store is the truth; the index holds what the change
 * log says up to {@link #applied()} (in memory) and up to its committed checkpoint (on disk).
 *
 * <p>Catching up does not re-enact history: for every article the missed changes mention, it makes
 * the index agree with the article's current state in the store (present and visible: indexed;
 * hidden or gone: removed). That is idempotent, so replaying too much is harmless.
 *
 * <p>Applying a batch uses every core: analysis and inversion dominate the cost of a write, and
 * Lucene's writer indexes from several threads at once. Articles are split by id, so two versions
 * of one article in a batch are applied in order; the call returns when the whole batch is in.
 *
 * <p>Refreshing (making writes visible to searches) is skipped while nobody searches: each refresh
 * cuts a small segment that later has to be merged, which during a bulk load costs more than the
 * indexing itself. A read after an idle spell refreshes first, so searches are never staler than
 * the refresh interval.
 *
 * <p>Writes are called under {@link Lede}'s indexing lock ({@link #prepare} under its write lock);
 * {@link #beforeRead} from any thread.
 */
final class IndexSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
  private static final int PAGE = 10_000;

  /** Batches smaller than this are applied on the calling thread alone. */
  private static final int PARALLEL_MIN = 16;

  /** Without a search for this long, scheduled refreshes are skipped. */
  private static final long SEARCH_IDLE_NANOS = 30_000_000_000L;

  private final ArticleStore store;
  private final SearchIndex index;
  private final Function<List<StoredArticle>, List<IndexEntry>> entries;
  private final long refreshNanos;
  private final AtomicLong applied = new AtomicLong();
  private final int lanes;
  private final ExecutorService helpers;

  /** Index writes so far, and how many of them the last finished refresh included. */
  private final AtomicLong written = new AtomicLong();

  private final AtomicLong refreshed = new AtomicLong();
  private volatile boolean rebuilding;
  private volatile long lastRefresh = System.nanoTime();
  private volatile long lastRead = System.nanoTime() - SEARCH_IDLE_NANOS;

  IndexSync(
      ArticleStore store,
      SearchIndex index,
      long refreshNanos,
      Function<List<StoredArticle>, List<IndexEntry>> entries) {
    this.store = store;
    this.index = index;
    this.entries = entries;
    this.refreshNanos = refreshNanos;
    this.lanes = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    this.helpers =
        Executors.newFixedThreadPool(
            Math.max(1, lanes - 1),
            Thread.ofPlatform().name("lede-index-", 0).daemon(true).factory());
    applied.set(index.checkpoint());
  }

  /** The last change applied to the index (perhaps not committed yet). */
  long applied() {
    return applied.get();
  }

  /** Makes the index agree with one article's current state. */
  void apply(StoredArticle s) {
    applyAll(List.of(s));
  }

  private void put(IndexEntry e) {
    index.upsert(e);
    written.incrementAndGet();
  }

  /**
   * What {@link #apply(Prepared)} will do to the index: ids to remove and entries to upsert, made
   * from the store's state while the store writer waits (entries read the dedup stage's state).
   */
  record Prepared(List<String> removals, List<IndexEntry> entries) {
    static final Prepared NOTHING = new Prepared(List.of(), List.of());

    Prepared plus(Prepared other) {
      if (other.removals.isEmpty() && other.entries.isEmpty()) {
        return this;
      }
      List<String> r = new ArrayList<>(removals);
      r.addAll(other.removals);
      List<IndexEntry> e = new ArrayList<>(entries);
      e.addAll(other.entries);
      return new Prepared(r, e);
    }
  }

  /** The index work for several articles' current states (hidden ones are removed). */
  Prepared prepare(List<StoredArticle> batch) {
    List<StoredArticle> visible = new ArrayList<>(batch.size());
    List<String> removals = new ArrayList<>();
    for (StoredArticle s : batch) {
      if (s.hidden()) {
        removals.add(s.id());
      } else {
        visible.add(s);
      }
    }
    return new Prepared(removals, visible.isEmpty() ? List.of() : entries.apply(visible));
  }

  /**
   * Applies several articles' current states (with their stories and duplicate links), in parallel
   * lanes split by id.
   */
  void applyAll(List<StoredArticle> batch) {
    apply(prepare(batch));
  }

  /** Applies prepared index work, in parallel lanes split by id. */
  void apply(Prepared work) {
    work.removals().forEach(this::remove);
    List<IndexEntry> all = work.entries();
    if (all.size() < PARALLEL_MIN || lanes == 1) {
      all.forEach(this::put);
      return;
    }
    List<List<IndexEntry>> parts = new ArrayList<>(lanes);
    for (int i = 0; i < lanes; i++) {
      parts.add(new ArrayList<>());
    }
    for (IndexEntry s : all) {
      parts.get(Math.floorMod(s.id().hashCode(), lanes)).add(s);
    }
    List<Future<?>> running = new ArrayList<>(lanes - 1);
    for (int i = 1; i < lanes; i++) {
      List<IndexEntry> part = parts.get(i);
      running.add(helpers.submit(() -> part.forEach(this::put)));
    }
    RuntimeException failure = null;
    try {
      parts.get(0).forEach(this::put);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException re
                ? re
                : new IllegalStateException(e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Removes an article from the index. */
  void remove(String id) {
    index.delete(id);
    written.incrementAndGet();
  }

  /** Records that every change up to {@code seq} has been applied. */
  void advance(long seq) {
    applied.accumulateAndGet(seq, Math::max);
  }

  /** Applies the changes the index has missed since its checkpoint; returns how many articles. */
  long catchUp() {
    long from = index.checkpoint();
    long articles = 0;
    while (true) {
      List<Change> page = store.changesSince(from, PAGE);
      if (page.isEmpty()) {
        break;
      }
      Set<String> ids = new LinkedHashSet<>();
      page.forEach(c -> ids.add(c.articleId()));
      List<StoredArticle> present = new ArrayList<>();
      for (String id : ids) {
        Optional<StoredArticle> s = store.get(id);
        if (s.isPresent()) {
          present.add(s.get());
        } else {
          remove(id);
        }
      }
      applyAll(present);
      articles += ids.size();
      from = page.get(page.size() - 1).seq();
      advance(from);
    }
    advance(store.lastChange());
    return articles;
  }

  /** Rebuilds the index from a full scan of the store, then commits it. */
  long rebuild() {
    rebuilding = true; // searchers keep the old view until the rebuilt index is committed
    try {
      long seq = store.lastChange();
      index.deleteAll();
      List<StoredArticle> batch = new ArrayList<>(1_000);
      long[] n = {0};
      store.forEach(
          false,
          s -> {
            batch.add(s);
            if (batch.size() == 1_000) {
              applyAll(batch);
              batch.clear();
            }
            if (++n[0] % 100_000 == 0) {
              LOG.info("reindexed {} articles", n[0]);
            }
          });
      applyAll(batch);
      applied.set(seq);
      index.commit(seq);
    } finally {
      rebuilding = false;
    }
    refreshNow();
    return index.count();
  }

  /** Whether the index must be rebuilt rather than caught up. */
  String rebuildReason() {
    if (index.needsRebuild()) {
      return "the index is new or was written with another layout";
    }
    long cp = index.checkpoint();
    if (cp > store.lastChange()) {
      return "the index (at change "
          + cp
          + ") is ahead of the store (at "
          + store.lastChange()
          + ")";
    }
    if (cp < store.compactedThrough()) {
      return "the changes the index missed (after " + cp + ") were compacted away";
    }
    return "";
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments; {@link #commitAlways} then makes
   * the merged form durable and searched. Writes may continue meanwhile.
   */
  void forceMerge(int maxSegments) {
    index.forceMerge(maxSegments);
  }

  /**
   * Commits the index at {@link #applied()} whether or not it moved (after a merge the merged
   * segments must become the durable commit), then refreshes. The caller holds writers out.
   */
  void commitAlways() {
    index.commit(applied.get());
    refreshNow();
  }

  /** Commits the index at {@link #applied()} when it has moved since the last commit. */
  void commit() {
    long a = applied.get();
    if (a != index.checkpoint()) {
      index.commit(a);
    }
  }

  private boolean dirty() {
    return written.get() > refreshed.get();
  }

  /**
   * Refreshes and records which writes the refresh included: those counted before it started (with
   * several writers, a refresh that another thread began earlier may miss a write that finished
   * meanwhile; that write's own refresh then waits for it and refreshes again).
   */
  private void refreshNow() {
    long w = written.get();
    lastRefresh = System.nanoTime();
    index.refresh();
    refreshed.accumulateAndGet(w, Math::max);
  }

  /** Makes applied writes visible to searches now. */
  void refresh() {
    if (dirty() && !rebuilding) {
      refreshNow();
    }
  }

  /** The scheduled refresh: only when someone searched lately. */
  void scheduledRefresh() {
    if (System.nanoTime() - lastRead < SEARCH_IDLE_NANOS) {
      refresh();
    }
  }

  /** Before a search: refresh first when the searcher is older than the refresh interval. */
  void beforeRead() {
    long now = System.nanoTime();
    lastRead = now;
    if (dirty() && now - lastRefresh >= refreshNanos) {
      refresh();
    }
  }

  @Override
  public void close() {
    helpers.shutdownNow();
  }
}
