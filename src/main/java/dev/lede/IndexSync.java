package dev.lede;

import dev.lede.index.IndexEntry;
import dev.lede.index.SearchIndex;
import dev.lede.store.ArticleStore;
import dev.lede.store.Change;
import dev.lede.store.StoredArticle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the store. The store is the truth; the index holds what the change
 * log says up to {@link #applied()} (in memory) and up to its committed checkpoint (on disk).
 * Catching up does not re-enact history: for every article the missed changes mention, it makes the
 * index agree with the article's current state in the store (present and visible: indexed; hidden
 * or gone: removed). That is idempotent, so replaying too much is harmless. All methods are called
 * under {@link Lede}'s write lock.
 */
final class IndexSync {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
  private static final int PAGE = 10_000;

  private final ArticleStore store;
  private final SearchIndex index;
  private final AtomicLong applied = new AtomicLong();
  private volatile boolean dirty;

  IndexSync(ArticleStore store, SearchIndex index) {
    this.store = store;
    this.index = index;
    applied.set(index.checkpoint());
  }

  /** The last change applied to the index (perhaps not committed yet). */
  long applied() {
    return applied.get();
  }

  /** Makes the index agree with one article's current state. */
  void apply(StoredArticle s) {
    if (s.hidden()) {
      index.delete(s.id());
    } else {
      index.upsert(new IndexEntry(s.id(), s.sourceId(), s.article()));
    }
    dirty = true;
  }

  /** Removes an article from the index. */
  void remove(String id) {
    index.delete(id);
    dirty = true;
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
      for (String id : ids) {
        Optional<StoredArticle> s = store.get(id);
        if (s.isPresent()) {
          apply(s.get());
        } else {
          remove(id);
        }
      }
      articles += ids.size();
      from = page.get(page.size() - 1).seq();
      advance(from);
    }
    advance(store.lastChange());
    return articles;
  }

  /** Rebuilds the index from a full scan of the store, then commits it. */
  long rebuild() {
    long seq = store.lastChange();
    index.deleteAll();
    long[] n = {0};
    store.forEach(
        false,
        s -> {
          index.upsert(new IndexEntry(s.id(), s.sourceId(), s.article()));
          if (++n[0] % 100_000 == 0) {
            LOG.info("reindexed {} articles", n[0]);
          }
        });
    applied.set(seq);
    index.commit(seq);
    index.refresh();
    dirty = false;
    return n[0];
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

  /** Commits the index at {@link #applied()} when it has moved since the last commit. */
  void commit() {
    long a = applied.get();
    if (a != index.checkpoint()) {
      index.commit(a);
    }
  }

  /** Makes applied writes visible to searches. */
  void refresh() {
    if (dirty) {
      dirty = false;
      index.refresh();
    }
  }
}
