package dev.lede;

import dev.lede.store.ArticleStore;
import dev.lede.store.Change;
import dev.lede.store.ChangeListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered {@link ChangeListener}s with their delivery positions. Delivery reads the change log
 * from the store rather than passing the changes of the current write along: a listener that fell
 * behind (it threw, or was registered late) catches up through the same path. Checkpoints are saved
 * with the index commits, so a crash re-delivers at most that interval. Called under {@link Lede}'s
 * indexing lock (held by whoever applies writes to the index).
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private static final int PAGE = 1_000;

  private static final class Entry {
    final ChangeListener listener;
    long delivered;
    long saved;

    Entry(ChangeListener listener, long delivered) {
      this.listener = listener;
      this.delivered = delivered;
      this.saved = delivered;
    }
  }

  private final ArticleStore store;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  Listeners(ArticleStore store) {
    this.store = store;
  }

  void register(String name, ChangeListener listener) {
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "a listener needs a name (its checkpoint is kept under it)");
    }
    if (entries.containsKey(name)) {
      throw new IllegalStateException("a listener named '" + name + "' is already registered");
    }
    Entry e = new Entry(listener, store.checkpoint(name));
    entries.put(name, e);
    deliver(name, e);
  }

  /** Offers every listener the changes it has not had yet. */
  void deliver() {
    if (entries.isEmpty()) {
      return;
    }
    long last = store.lastChange();
    entries.forEach(
        (name, e) -> {
          if (e.delivered < last) {
            deliver(name, e);
          }
        });
  }

  private void deliver(String name, Entry e) {
    while (true) {
      List<Change> page = store.changesSince(e.delivered, PAGE);
      if (page.isEmpty()) {
        return;
      }
      try {
        e.listener.onChanges(page);
      } catch (RuntimeException ex) {
        LOG.error(
            "listener '{}' failed on changes {}..{}; they will be offered again: {}",
            name,
            page.get(0).seq(),
            page.get(page.size() - 1).seq(),
            ex.toString());
        return;
      }
      e.delivered = page.get(page.size() - 1).seq();
    }
  }

  /** Saves the checkpoints of listeners that moved on. */
  void saveCheckpoints() {
    entries.forEach(
        (name, e) -> {
          if (e.delivered != e.saved) {
            store.saveCheckpoint(name, e.delivered);
            e.saved = e.delivered;
          }
        });
  }

  /** The lowest position any listener has saved (for change-log compaction), or MAX_VALUE. */
  long lowestSaved() {
    return entries.values().stream().mapToLong(e -> e.saved).min().orElse(Long.MAX_VALUE);
  }
}
