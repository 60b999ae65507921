package dev.lede;

import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Assignment;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.DedupState;
import dev.lede.index.IndexEntry;
import dev.lede.model.Source;
import dev.lede.model.StoryInfo;
import dev.lede.store.StoredArticle;
import dev.lede.store.SubmitResult;
import dev.lede.store.WriteHook;
import dev.lede.store.sqlite.SqliteArticleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The dedup stage inside Lede's write path: a {@link WriteHook} that runs {@link Dedup} in the
 * store's own transaction, so an article, its fingerprint, its duplicate link and its story commit
 * together (after a crash, the store and the dedup state cannot disagree; the index catches up from
 * the change log like for any article). Every visible article is assigned: new ones on submit,
 * shown-again ones on unhide, updated ones whose text changed again on submit (they leave their
 * place first, so a new text is not kept as a copy of what the old one copied); hidden, deleted and
 * pruned ones leave their duplicate group and story.
 *
 * <p>Articles whose duplicate link or story changed as a side effect (an earlier original that
 * became a copy of an earlier-published newcomer, the members of a story merged into another) are
 * returned to the store, which logs a change for each, and are collected in {@link #drainTouched}
 * for the index. Reads use a reader snapshot and do not wait for writes.
 *
 * <p>Story ids are the decimal form of the dedup stage's story numbers.
 */
final class DedupStage implements WriteHook {
  private final SqliteArticleStore store;
  private final DedupState state;
  private final Dedup dedup;
  private final Map<String, String> sourceNames = new ConcurrentHashMap<>();
  private final Set<String> touched = new LinkedHashSet<>();

  DedupStage(SqliteArticleStore store, DedupConfig config) {
    this.store = store;
    this.state = store.dedupState();
    this.dedup = new Dedup(state, config);
  }

  Dedup dedup() {
    return dedup;
  }

  // ---- inside the store's transaction

  @Override
  public Collection<String> afterSubmit(List<SubmitResult> results) {
    Set<String> written = new HashSet<>();
    for (SubmitResult r : results) {
      if (r.changed() && r.id() != null) {
        written.add(r.id());
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (SubmitResult r : results) {
      StoredArticle s = r.stored();
      if (!r.changed() || s == null || s.hidden()) {
        continue;
      }
      if (r.outcome() == SubmitResult.Outcome.UPDATED && textChanged(s)) {
        out.addAll(leave(s.id()));
      }
      out.addAll(place(s));
    }
    out.removeAll(written);
    touched.addAll(out);
    return out;
  }

  /** Assigns an article (one still placed keeps its place); returns the others it moved. */
  private List<String> place(StoredArticle s) {
    Assignment a = dedup.assign(ref(s));
    List<String> moved = new ArrayList<>(a.regrouped());
    if (!a.mergedStories().isEmpty()) {
      state.memberIds(a.storyId(), moved::add);
    }
    moved.remove(s.id());
    return moved;
  }

  /**
   * Whether a new version of a stored article reads differently to the dedup stage from the version
   * it was placed with (see {@link Dedup#placedAlike}): then its fingerprint, duplicate link and
   * story are stale, and it leaves them to be placed again like a shown-again article. The earlier
   * version is read on a reader connection, which does not see this transaction yet; when it is not
   * there (stored earlier in this same transaction), the article is placed again too.
   */
  private boolean textChanged(StoredArticle s) {
    Optional<StoredArticle> before = store.get(s.id());
    return before.isEmpty() || !Dedup.placedAlike(ref(before.get()), ref(s));
  }

  @Override
  public Collection<String> afterRemove(String id) {
    List<String> changed = leave(id);
    touched.addAll(changed);
    return changed;
  }

  /** Takes an article out of its duplicate group and story; returns the others it moved. */
  private List<String> leave(String id) {
    long story = dedup.storyOf(id);
    List<String> changed = new ArrayList<>(dedup.remove(id));
    if (story >= 0) {
      refreshHeadline(story, id);
    }
    return changed;
  }

  @Override
  public Collection<String> afterShow(StoredArticle article) {
    List<String> moved = place(article);
    touched.addAll(moved);
    return moved;
  }

  @Override
  public void rolledBack() {
    touched.clear();
  }

  /**
   * When the headline of a story came from an article that just left it (a takedown), the story
   * takes the headline of its earliest remaining article rather than keep showing the removed one.
   */
  private void refreshHeadline(long story, String removedId) {
    DedupState.StoryRow row = state.story(story);
    if (row == null) {
      return;
    }
    Optional<StoredArticle> removed = store.get(removedId);
    String removedTitle = removed.map(s -> s.article().title().strip()).orElse(null);
    if (removedTitle != null && !removedTitle.equals(row.headline())) {
      return;
    }
    List<String> members = new ArrayList<>();
    state.memberIds(story, members::add);
    for (String m : members) {
      Optional<StoredArticle> s = store.get(m);
      if (s.isPresent() && !s.get().hidden()) {
        String title = s.get().article().title().strip();
        if (!title.equals(row.headline())) {
          state.putStory(
              new DedupState.StoryRow(
                  row.id(), title, row.firstSeen(), row.lastSeen(), row.size(), row.centroid()));
        }
        return;
      }
    }
  }

  /** The ids whose derived state changed since the last call (for the index), then forgets them. */
  List<String> drainTouched() {
    List<String> out = new ArrayList<>(touched);
    touched.clear();
    return out;
  }

  /**
   * Assigns the visible articles the dedup state does not know yet (a store from before dedup, or
   * one restored from such a backup), oldest first, in transactions of {@code batch}; returns how
   * many.
   */
  long backfill(int batch) {
    long n = 0;
    while (true) {
      List<StoredArticle> missing = store.withoutDedupState(batch);
      if (missing.isEmpty()) {
        return n;
      }
      store.writeDerived(
          "assigning " + missing.size() + " article(s) to stories",
          false,
          () -> {
            Set<String> out = new LinkedHashSet<>();
            for (StoredArticle s : missing) {
              out.addAll(place(s));
              out.add(s.id());
            }
            touched.addAll(out);
            return out;
          });
      n += missing.size();
    }
  }

  /**
   * Recomputes every story in one transaction (duplicate links are kept), in first-seen order, and
   * logs a change for every article so the index and consumers follow.
   */
  long restory() {
    long[] n = {0};
    store.writeDerived(
        "recomputing stories",
        true,
        () -> {
          dedup.startRestory();
          store.forEach(
              false,
              s -> {
                dedup.restoryOne(ref(s));
                n[0]++;
              });
          return List.of();
        });
    return n[0];
  }

  private ArticleRef ref(StoredArticle s) {
    String sourceId = s.sourceId() == null ? "" : s.sourceId();
    return ArticleRef.of(s.id(), s.article(), sourceId, sourceName(sourceId), s.firstSeen());
  }

  private String sourceName(String sourceId) {
    if (sourceId.isEmpty()) {
      return "";
    }
    String cached = sourceNames.get(sourceId);
    if (cached != null) {
      return cached;
    }
    String name = store.source(sourceId).map(Source::name).orElse("");
    sourceNames.put(sourceId, name);
    return name;
  }

  // ---- index entries

  /** Index entries carrying each article's story and canonical original. */
  List<IndexEntry> entries(List<StoredArticle> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    return store.readDedup(
        "reading stories for the index",
        st -> {
          List<IndexEntry> out = new ArrayList<>(batch.size());
          for (StoredArticle s : batch) {
            long key = st.key(s.id());
            String story = null;
            String duplicateOf = null;
            if (key >= 0) {
              long sid = st.storyOf(key);
              story = sid < 0 ? null : Long.toString(sid);
              long c = st.canonical(key);
              duplicateOf = c < 0 || c == key ? null : st.id(c);
            }
            out.add(new IndexEntry(s.id(), s.sourceId(), s.article(), story, duplicateOf));
          }
          return out;
        });
  }

  // ---- reads

  Optional<StoryInfo> story(String storyId) {
    long id = parseStoryId(storyId);
    if (id < 0) {
      return Optional.empty();
    }
    return store.readDedup(
        "reading story " + storyId,
        st -> {
          DedupState.StoryRow row = st.story(id);
          return row == null ? Optional.empty() : Optional.of(info(st, row));
        });
  }

  List<String> latestStoryMembers(String articleId, int limit) {
    return store.readDedup(
        "reading the story members of " + articleId,
        st -> {
          long s = limit <= 0 ? -1 : storyKey(st, articleId);
          List<String> out = new ArrayList<>();
          if (s >= 0) {
            st.latestMemberIds(
                s,
                (int) Math.min(Integer.MAX_VALUE, limit + 1L), // the article itself may be one
                id -> {
                  if (out.size() < limit && !id.equals(articleId)) {
                    out.add(id);
                  }
                });
          }
          return out;
        });
  }

  int storySizeOf(String articleId) {
    return store.readDedup(
        "reading the story size of " + articleId,
        st -> {
          long s = storyKey(st, articleId);
          DedupState.StoryRow row = s < 0 ? null : st.story(s);
          return row == null ? 0 : row.size();
        });
  }

  Optional<String> storyOf(String articleId) {
    return store.readDedup(
        "reading the story of " + articleId,
        st -> {
          long s = storyKey(st, articleId);
          return s < 0 ? Optional.empty() : Optional.of(Long.toString(s));
        });
  }

  /** The story of a known article, or -1 (unknown, hidden, or in no story). */
  private static long storyKey(DedupState st, String articleId) {
    long key = st.key(articleId);
    return key < 0 ? -1 : st.storyOf(key);
  }

  Optional<String> duplicateOf(String articleId) {
    return store.readDedup(
        "reading the original of " + articleId,
        st -> {
          long key = st.key(articleId);
          long c = key < 0 ? -1 : st.canonical(key);
          return c < 0 || c == key ? Optional.empty() : Optional.of(st.id(c));
        });
  }

  List<String> copiesOf(String articleId) {
    return store.readDedup(
        "reading the copies of " + articleId,
        st -> {
          long key = st.key(articleId);
          long c = key < 0 || st.sketch(key) == null ? -1 : st.canonical(key);
          if (c < 0) {
            return List.<String>of();
          }
          List<Long> keys = new ArrayList<>();
          st.copies(c, k -> keys.add(k));
          keys.sort(null);
          List<String> ids = new ArrayList<>();
          for (long k : keys) {
            if (k != key) {
              ids.add(st.id(k));
            }
          }
          return ids;
        });
  }

  /** Whether the dedup stage knows the article (it was stored and is visible). */
  boolean knows(String articleId) {
    return store.readDedup(
        "looking up " + articleId,
        st -> {
          long key = st.key(articleId);
          return key >= 0 && st.sketch(key) != null;
        });
  }

  List<StoryInfo> stories(Instant since, int limit) {
    return store.readDedup(
        "listing stories",
        st -> {
          List<DedupState.StoryRow> rows = new ArrayList<>();
          st.recentStories(since.toEpochMilli(), limit, rows::add);
          List<StoryInfo> out = new ArrayList<>(rows.size());
          for (DedupState.StoryRow r : rows) {
            out.add(info(st, r));
          }
          return out;
        });
  }

  void forEachStory(Instant since, Consumer<StoryInfo> action) {
    store.readDedup(
        "listing stories",
        st -> {
          st.forEachStory(since.toEpochMilli(), r -> action.accept(info(st, r)));
          return null;
        });
  }

  private static StoryInfo info(DedupState st, DedupState.StoryRow r) {
    List<String> ids = new ArrayList<>();
    st.memberIds(r.id(), ids::add);
    return new StoryInfo(
        Long.toString(r.id()),
        r.headline(),
        r.size(),
        Instant.ofEpochMilli(r.firstSeen()),
        Instant.ofEpochMilli(r.lastSeen()),
        ids);
  }

  private static long parseStoryId(@Nullable String s) {
    if (s == null || s.isEmpty() || s.length() > 18) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(s);
  }
}
