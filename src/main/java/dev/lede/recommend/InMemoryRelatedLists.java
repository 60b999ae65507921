package dev.lede.recommend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link RelatedListStore} in memory, for tests and evaluations. */
final class InMemoryRelatedLists implements RelatedListStore {
  private final Map<String, RelatedList> lists = new HashMap<>();
  private final Map<String, Set<String>> mentions = new HashMap<>();
  private final Map<String, Pending> queue = new LinkedHashMap<>();
  private final Map<String, String> meta = new HashMap<>();

  @Override
  public synchronized List<String> listIds() {
    return List.copyOf(lists.keySet());
  }

  @Override
  public synchronized @org.jspecify.annotations.Nullable String meta(String key) {
    return meta.get(key);
  }

  @Override
  public synchronized void putMeta(String key, String value) {
    meta.put(key, value);
  }

  @Override
  public synchronized Optional<RelatedList> get(String id) {
    return Optional.ofNullable(lists.get(id));
  }

  @Override
  public synchronized void put(RelatedList list) {
    drop(List.of(list.id()));
    lists.put(list.id(), list.withStored(false));
    for (RelatedList.Item i : list.items()) {
      mentions.computeIfAbsent(i.id(), k -> new HashSet<>()).add(list.id());
    }
  }

  @Override
  public synchronized void drop(Collection<String> ids) {
    for (String id : ids) {
      RelatedList old = lists.remove(id);
      if (old != null) {
        for (RelatedList.Item i : old.items()) {
          Set<String> m = mentions.get(i.id());
          if (m != null) {
            m.remove(id);
            if (m.isEmpty()) {
              mentions.remove(i.id());
            }
          }
        }
      }
    }
  }

  @Override
  public synchronized List<String> listsMentioning(String itemId) {
    return List.copyOf(mentions.getOrDefault(itemId, Set.of()));
  }

  @Override
  public synchronized void enqueue(Collection<Pending> work) {
    for (Pending p : work) {
      Pending old = queue.remove(p.id());
      boolean isNew = p.isNew() || (old != null && old.isNew());
      queue.put(
          p.id(),
          new Pending(
              p.id(),
              Math.max(p.seq(), old == null ? 0 : old.seq()),
              old == null ? p.queuedAtMillis() : old.queuedAtMillis(),
              isNew));
    }
  }

  @Override
  public synchronized void dequeue(Collection<Pending> done) {
    for (Pending d : done) {
      Pending cur = queue.get(d.id());
      if (cur != null && cur.seq() <= d.seq()) {
        queue.remove(d.id());
      }
    }
  }

  @Override
  public synchronized List<Pending> pending(int limit) {
    List<Pending> all = new ArrayList<>(queue.values());
    all.sort(Comparator.comparingLong(Pending::seq));
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  @Override
  public synchronized long pendingCount() {
    return queue.size();
  }

  @Override
  public synchronized long maxPendingNewSeq() {
    long max = 0;
    for (Pending p : queue.values()) {
      if (p.isNew()) {
        max = Math.max(max, p.seq());
      }
    }
    return max;
  }

  @Override
  public synchronized long size() {
    return lists.size();
  }

  @Override
  public void close() {}
}
