package dev.lede.store;

import java.util.List;

/**
 * A consumer of the change log that keeps derived data (related lists, story membership, caches) in
 * step with the store — the hook through which a takedown reaches every derived list.
 *
 * <p>Registered with a name; the composition root delivers every committed change, in sequence
 * order, at least once: after each write, and on registration everything since the listener's saved
 * checkpoint (so a crash in between loses nothing). A listener must therefore be idempotent, and
 * quick (it runs on the write path; queue heavy work). On {@link Change.Kind#HIDE} and {@link
 * Change.Kind#DELETE} it must drop the article from whatever it derived, including lists that
 * mention the article as an item. When it throws, the changes are offered again later.
 */
@FunctionalInterface
public interface ChangeListener {
  /** Applies committed changes, in order. */
  void onChanges(List<Change> changes);
}
