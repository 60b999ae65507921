package dev.lede;

import dev.lede.dedup.DedupConfig;
import dev.lede.index.ArticleTexts;
import dev.lede.index.IndexEntry;
import dev.lede.index.IndexException;
import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchIndex;
import dev.lede.index.SearchQuery;
import dev.lede.index.SearchResults;
import dev.lede.index.TermStats;
import dev.lede.index.lucene.LuceneSearchIndex;
import dev.lede.model.Article;
import dev.lede.model.StoryInfo;
import dev.lede.store.ArticleStore;
import dev.lede.store.ArticleVersion;
import dev.lede.store.ChangeListener;
import dev.lede.store.SourceStore;
import dev.lede.store.StoreCounts;
import dev.lede.store.StoredArticle;
import dev.lede.store.Submission;
import dev.lede.store.SubmitResult;
import dev.lede.store.sqlite.SqliteArticleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lede on one data folder: the composition root, and the only class that knows the store is SQLite
 * ({@code DIR/lede.db}) and the index Lucene ({@code DIR/index/}). Opening takes an exclusive lock
 * on the folder, brings the index up to date with the store (so a crash between the two writes
 * heals itself), and starts a maintenance thread that refreshes searchers and commits the index.
 * Thread-safe.
 *
 * <p><b>Write path and acknowledgement.</b> {@link #submit} and {@link #submitAll} return only
 * after the store transaction holding the article committed: that return is the acknowledgement.
 * Writers that arrive while a commit is in progress are grouped into the next transaction (group
 * commit), so concurrent ingest threads share one fsync. After the commit the article is applied to
 * the index writer before the call returns, but the next group's store transaction no longer waits
 * for that: the store writer and the index writer form a two-stage pipeline (groups reach the index
 * in commit order), so on two cores one group is analysed and inverted while the next one is
 * encoded, inserted and fsynced; it becomes searchable at the next refresh (at most {@link
 * Options#refreshInterval()} later, or at once with {@link #refresh}) and durable in the index at
 * the next index commit ({@link Options#commitInterval()}, {@link #flush}, {@link #close}). A crash
 * in between costs nothing: on the next open the index replays the store's change log from its last
 * committed checkpoint.
 */
public final class Lede implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lede.class);
  public static final String STORE_FILE = "lede.db";
  public static final String INDEX_DIR = "index";

  /** Submissions written in one transaction at most when writers are grouped. */
  private static final int MAX_GROUP = 2_000;

  /**
   * How to open a data folder.
   *
   * @param clock time for first-seen stamps, retention and search freshness
   * @param fsyncEachCommit fsync every store commit (an acknowledged article survives a power cut);
   *     false survives any process crash and is faster
   * @param refreshInterval how stale searches may be
   * @param commitInterval how often the index is committed (bounds the replay after a crash)
   * @param command how this process describes itself in the folder's lock file
   * @param dedupStage run the dedup stage (duplicate links, stories) inside every store
   *     transaction; false only to measure the store and index alone ({@code lede bench ingest
   *     --no-dedup}): articles written without it are assigned on the next open with it
   */
  public record Options(
      InstantSource clock,
      boolean fsyncEachCommit,
      Duration refreshInterval,
      Duration commitInterval,
      String command,
      boolean dedupStage) {
    public Options {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(command, "command");
      if (refreshInterval.isNegative() || refreshInterval.isZero()) {
        throw new IllegalArgumentException("refreshInterval must be positive");
      }
      if (commitInterval.isNegative() || commitInterval.isZero()) {
        throw new IllegalArgumentException("commitInterval must be positive");
      }
    }

    /** System clock, fsync on every commit, refresh every second, index commit every 30 s. */
    public static Options defaults() {
      return new Options(
          InstantSource.system(),
          true,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          "lede (pid " + ProcessHandle.current().pid() + ")",
          true);
    }

    public Options withClock(InstantSource c) {
      return new Options(c, fsyncEachCommit, refreshInterval, commitInterval, command, dedupStage);
    }

    public Options withFsyncEachCommit(boolean f) {
      return new Options(clock, f, refreshInterval, commitInterval, command, dedupStage);
    }

    public Options withRefreshInterval(Duration d) {
      return new Options(clock, fsyncEachCommit, d, commitInterval, command, dedupStage);
    }

    public Options withCommitInterval(Duration d) {
      return new Options(clock, fsyncEachCommit, refreshInterval, d, command, dedupStage);
    }

    public Options withCommand(String c) {
      return new Options(clock, fsyncEachCommit, refreshInterval, commitInterval, c, dedupStage);
    }

    /** Without the dedup stage in the write path: for measuring the store and index alone. */
    public Options withoutDedupStage() {
      return new Options(clock, fsyncEachCommit, refreshInterval, commitInterval, command, false);
    }
  }

  /**
   * What a data folder holds.
   *
   * @param articles visible articles in the store
   * @param hidden hidden articles (in the store, not in the index)
   * @param indexed articles in the index: equals {@code articles} when store and index agree
   * @param sources sources followed
   * @param versions earlier versions kept
   * @param fetches fetch-log entries
   * @param lastChange the store's last change-log sequence
   * @param lastChangeAt when it was committed, or null
   * @param indexCheckpoint the last change committed in the index
   * @param storeBytes bytes of the store on disk
   * @param indexBytes bytes of the index on disk
   */
  public record Stats(
      long articles,
      long hidden,
      long indexed,
      long sources,
      long versions,
      long fetches,
      long lastChange,
      @Nullable Instant lastChangeAt,
      long indexCheckpoint,
      long storeBytes,
      long indexBytes,
      int indexSegments) {}

  /**
   * A backup written by {@link #backup}.
   *
   * @param dir the backup folder
   * @param created when it was taken
   * @param lastChange the store's last change when it was taken (the snapshot may hold more)
   * @param indexCheckpoint the checkpoint of the index copy
   * @param articles visible articles when it was taken
   */
  public record BackupInfo(
      Path dir, Instant created, long lastChange, long indexCheckpoint, long articles) {}

  private static final class Pending {
    final List<Submission> items;
    final CompletableFuture<List<SubmitResult>> done = new CompletableFuture<>();

    Pending(List<Submission> items) {
      this.items = items;
    }
  }

  private final Path dataDir;
  private final Options options;
  private final DataLock lock;
  private final ArticleStore store;
  private final SearchIndex index;
  private final DedupStage dedup;
  private final IndexSync sync;
  private final Listeners listeners;
  private final ReentrantLock writes = new ReentrantLock();

  /**
   * Held while a committed group is applied to the index and offered to listeners. A writer takes
   * it before it lets go of {@link #writes} (hand over hand), so groups reach the index in the
   * order the store committed them, while the next group's store transaction already runs. Every
   * other operation holds both.
   */
  private final ReentrantLock indexing = new ReentrantLock();

  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService maintenance;
  private volatile boolean indexBehind;
  private volatile boolean closed;

  private Lede(
      Path dataDir,
      Options options,
      DataLock lock,
      SqliteArticleStore store,
      SearchIndex index,
      DedupStage dedup) {
    this.dataDir = dataDir;
    this.options = options;
    this.lock = lock;
    this.store = store;
    this.index = index;
    this.dedup = dedup;
    this.sync =
        new IndexSync(
            store,
            index,
            options.refreshInterval().toNanos(),
            options.dedupStage() ? dedup::entries : Lede::plainEntries);
    this.listeners = new Listeners(store);
    this.maintenance =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lede-maintenance").daemon(true).factory());
  }

  /** Opens {@code dataDir} with {@link Options#defaults()}. */
  public static Lede open(Path dataDir) {
    return open(dataDir, Options.defaults());
  }

  /**
   * Opens (creating when absent) a data folder.
   *
   * @throws DataFolderInUseException when another process holds the folder
   * @throws dev.lede.store.StoreException when the store cannot be opened or migrated
   */
  public static Lede open(Path dataDir, Options options) {
    DataLock lock = DataLock.acquire(dataDir, options.command(), options.clock().instant());
    SqliteArticleStore store = null;
    SearchIndex index = null;
    try {
      store =
          SqliteArticleStore.open(
              dataDir.resolve(STORE_FILE), options.clock(), options.fsyncEachCommit());
      DedupStage dedup = new DedupStage(store, DedupConfig.defaults());
      if (options.dedupStage()) {
        store.setWriteHook(dedup);
      }
      index = openIndex(dataDir.resolve(INDEX_DIR), options.clock(), store::texts);
      Lede lede = new Lede(dataDir, options, lock, store, index, dedup);
      try {
        lede.heal();
      } catch (RuntimeException | Error e) {
        lede.maintenance.shutdownNow();
        lede.sync.close();
        throw e;
      }
      lede.startMaintenance();
      return lede;
    } catch (RuntimeException | Error e) {
      if (index != null) {
        index.close();
      }
      if (store != null) {
        store.close();
      }
      lock.close();
      throw e;
    }
  }

  /**
   * Opens the index, which reads body texts from the store rather than keeping a copy; an
   * unreadable one is moved aside (kept for inspection) and rebuilt.
   */
  private static SearchIndex openIndex(Path dir, InstantSource clock, ArticleTexts texts) {
    try {
      return LuceneSearchIndex.open(dir, clock, texts);
    } catch (IndexException e) {
      Path aside = dir.resolveSibling(INDEX_DIR + ".unreadable-" + clock.millis());
      LOG.error(
          "the index cannot be read ({}); moving it to {} and rebuilding", e.getMessage(), aside);
      try {
        Files.move(dir, aside);
      } catch (IOException moveFailed) {
        e.addSuppressed(moveFailed);
        throw e;
      }
      return LuceneSearchIndex.open(dir, clock, texts);
    }
  }

  /** Index entries without stories and duplicate links (when the dedup stage is left out). */
  private static List<IndexEntry> plainEntries(List<StoredArticle> batch) {
    List<IndexEntry> out = new ArrayList<>(batch.size());
    for (StoredArticle s : batch) {
      out.add(new IndexEntry(s.id(), s.sourceId(), s.article()));
    }
    return out;
  }

  private void heal() {
    // Articles stored before the dedup stage existed get their stories first; their changes are
    // logged, so the index below picks them up.
    if (options.dedupStage()) {
      long placed = dedup.backfill(1_000);
      dedup.drainTouched();
      if (placed > 0) {
        LOG.info("assigned {} stored article(s) to duplicate groups and stories", placed);
      }
    }
    String reason = sync.rebuildReason();
    if (!reason.isEmpty()) {
      long n = sync.rebuild();
      if (n > 0) {
        LOG.info("rebuilt the index from {} stored articles: {}", n, reason);
      }
    } else {
      long from = index.checkpoint();
      long n = sync.catchUp();
      if (n > 0) {
        LOG.info("the index caught up with {} article(s) changed after change {}", n, from);
      }
      sync.commit();
    }
    index.refresh();
  }

  @SuppressWarnings("FutureReturnValueIgnored")
  private void startMaintenance() {
    long refresh = options.refreshInterval().toMillis();
    long commit = options.commitInterval().toMillis();
    maintenance.scheduleWithFixedDelay(
        () -> guard("refreshing the index", sync::scheduledRefresh),
        refresh,
        refresh,
        TimeUnit.MILLISECONDS);
    maintenance.scheduleWithFixedDelay(
        () -> guard("committing the index", this::commitNow),
        commit,
        commit,
        TimeUnit.MILLISECONDS);
  }

  private void guard(String what, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.error("{} failed: {}", what, e.toString());
    }
  }

  private void commitNow() {
    write(
        () -> {
          if (closed) {
            return null;
          }
          if (indexBehind) {
            sync.catchUp();
            indexBehind = false;
            LOG.info("the index caught up after an earlier failure");
          }
          sync.commit();
          listeners.saveCheckpoints();
          return null;
        });
  }

  // ---- articles

  /**
   * Stores an article; returns after the store committed it (the acknowledgement), see the class
   * comment. Invalid articles are REJECTED, with a reason, rather than thrown.
   */
  public SubmitResult submit(Article article, @Nullable String sourceId) {
    return submitAll(List.of(new Submission(article, sourceId))).get(0);
  }

  /** Stores several articles in one transaction; results in input order, after the commit. */
  public List<SubmitResult> submitAll(List<Submission> batch) {
    ensureOpen();
    if (batch.isEmpty()) {
      return List.of();
    }
    Pending mine = new Pending(List.copyOf(batch));
    queue.add(mine);
    while (!mine.done.isDone()) {
      writes.lock();
      List<Pending> group = List.of();
      try {
        ensureOpen();
        if (!mine.done.isDone()) {
          group = drain();
          if (!group.isEmpty()) {
            writeGroup(group); // lets go of the write lock once the store committed
          }
        }
      } finally {
        if (writes.isHeldByCurrentThread()) {
          writes.unlock();
        }
      }
      if (group.isEmpty()) {
        break; // done, or in a group another writer is applying to the index
      }
    }
    try {
      return mine.done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private List<Pending> drain() {
    List<Pending> group = new ArrayList<>();
    int size = 0;
    Pending p;
    while (size < MAX_GROUP && (p = queue.poll()) != null) {
      group.add(p);
      size += p.items.size();
    }
    return group;
  }

  /**
   * Stores a group in one transaction, then, holding {@link #indexing} and no longer {@link
   * #writes} (the next group's transaction may start), applies it to the index and completes the
   * writers' results. Called with {@link #writes} held; returns without it when the store
   * committed.
   */
  private void writeGroup(List<Pending> group) {
    List<Submission> all = new ArrayList<>();
    group.forEach(p -> all.addAll(p.items));
    List<SubmitResult> results;
    try {
      results = store.submitAll(all);
    } catch (RuntimeException e) {
      group.forEach(p -> p.done.completeExceptionally(e));
      return;
    }
    // Committed: from here on every result is an acknowledgement, whatever happens to the index.
    IndexWork work = prepareIndex(results);
    indexing.lock();
    try {
      writes.unlock();
      applyToIndex(work);
      int i = 0;
      for (Pending p : group) {
        p.done.complete(results.subList(i, i + p.items.size()));
        i += p.items.size();
      }
    } finally {
      indexing.unlock();
    }
  }

  /** A committed group's index work and the change it brings the index to. */
  private record IndexWork(IndexSync.Prepared prepared, long seq) {}

  /**
   * Reads what the index needs from the state the store writer left (the dedup stage's links and
   * stories): done before the next transaction may change it.
   */
  private @Nullable IndexWork prepareIndex(List<SubmitResult> results) {
    List<String> moved = dedup.drainTouched();
    if (indexBehind) {
      return null;
    }
    try {
      long seq = 0;
      List<StoredArticle> changed = new ArrayList<>(results.size());
      for (SubmitResult r : results) {
        if (r.changed() && r.stored() != null) {
          changed.add(r.stored());
          seq = Math.max(seq, r.changeSeq());
        }
      }
      IndexSync.Prepared p = sync.prepare(changed);
      if (!moved.isEmpty()) {
        p = p.plus(prepareMoved(moved));
        seq = Math.max(seq, store.lastChange());
      }
      return new IndexWork(p, seq);
    } catch (RuntimeException e) {
      indexFailed(e);
      return null;
    }
  }

  private void applyToIndex(@Nullable IndexWork work) {
    if (work != null && !indexBehind) {
      try {
        sync.apply(work.prepared());
        sync.advance(work.seq());
      } catch (RuntimeException e) {
        indexFailed(e);
      }
    }
    deliverToListeners();
  }

  private void indexFailed(RuntimeException e) {
    indexBehind = true;
    LOG.error(
        "updating the index failed; the store has the articles and the index will catch up: {}",
        e.toString());
  }

  /**
   * Brings the index entries of articles whose story or duplicate link changed as a side effect
   * (their changes are in the log too, so a crash before this is healed on the next open).
   */
  private void applyMoved(Collection<String> ids) {
    sync.apply(prepareMoved(ids));
  }

  private IndexSync.Prepared prepareMoved(Collection<String> ids) {
    List<StoredArticle> present = new ArrayList<>(ids.size());
    List<String> gone = new ArrayList<>();
    for (String id : ids) {
      Optional<StoredArticle> s = store.get(id);
      if (s.isPresent()) {
        present.add(s.get());
      } else {
        gone.add(id);
      }
    }
    return new IndexSync.Prepared(gone, List.of()).plus(sync.prepare(present));
  }

  private void deliverToListeners() {
    try {
      listeners.deliver();
    } catch (RuntimeException e) {
      LOG.error("delivering changes to listeners failed: {}", e.toString());
    }
  }

  /** The current version of an article (hidden ones included; check {@code hidden()}). */
  public Optional<StoredArticle> article(String id) {
    return store.get(id);
  }

  /** Whether an article is stored and not hidden (the article is not read). */
  public boolean isVisible(String id) {
    return store.isVisible(id);
  }

  /** The article stored under this URL (compared in normalised form), if any. */
  public Optional<StoredArticle> articleByUrl(String url) {
    return store.findByUrl(url);
  }

  /** Earlier versions of an article, oldest first. */
  public List<ArticleVersion> versions(String id) {
    return store.versions(id);
  }

  /**
   * Hides an article: kept in the store, removed from the index and, through their listeners, from
   * every derived list.
   *
   * @return false when there is no such article or it was hidden already
   */
  public boolean hide(String id) {
    return write(
        () -> {
          OptionalLong seq = store.setHidden(id, true);
          if (seq.isEmpty()) {
            return false;
          }
          takeDown(id, seq.getAsLong());
          return true;
        });
  }

  /**
   * Shows a hidden article again.
   *
   * @return false when there is no such article or it was not hidden
   */
  public boolean unhide(String id) {
    return write(
        () -> {
          OptionalLong seq = store.setHidden(id, false);
          if (seq.isEmpty()) {
            return false;
          }
          store.get(id).ifPresent(sync::apply);
          applyMoved(dedup.drainTouched());
          sync.advance(Math.max(seq.getAsLong(), store.lastChange()));
          deliverToListeners();
          return true;
        });
  }

  /**
   * Deletes an article from the store (with its versions), the index and every derived list; the
   * takedown sticks (re-submitting the same article is REJECTED).
   *
   * @return false when there is no such article
   */
  public boolean delete(String id, String reason) {
    return write(
        () -> {
          OptionalLong seq = store.delete(id, reason);
          if (seq.isEmpty()) {
            return false;
          }
          takeDown(id, seq.getAsLong());
          return true;
        });
  }

  private void takeDown(String id, long seq) {
    sync.remove(id);
    applyMoved(dedup.drainTouched());
    sync.advance(Math.max(seq, store.lastChange()));
    sync.refresh(); // a takedown shows at once, not at the next refresh
    deliverToListeners();
  }

  /**
   * Retention: deletes articles older than {@code keep} (by published date, else first-seen time)
   * from the store, the index and derived lists, and fetch-log entries older than that; then
   * forgets change-log entries every consumer has applied.
   *
   * @return how many articles were deleted
   */
  public long prune(Duration keep) {
    if (keep.isNegative()) {
      throw new IllegalArgumentException("keep must not be negative");
    }
    Instant cutoff = options.clock().instant().minus(keep);
    long total = 0;
    while (true) {
      List<String> ids =
          write(
              () -> {
                List<String> batch = store.pruneBefore(cutoff, 1_000);
                batch.forEach(sync::remove);
                applyMoved(dedup.drainTouched());
                if (!batch.isEmpty()) {
                  sync.advance(store.lastChange());
                  deliverToListeners();
                }
                return batch;
              });
      if (ids.isEmpty()) {
        break;
      }
      total += ids.size();
    }
    store.pruneFetchesBefore(cutoff);
    write(
        () -> {
          sync.commit();
          listeners.saveCheckpoints();
          long through = index.checkpoint();
          for (long cp : store.checkpoints().values()) {
            through = Math.min(through, cp);
          }
          if (through > store.compactedThrough()) {
            store.compactChanges(through);
          }
          return null;
        });
    sync.refresh();
    return total;
  }

  // ---- search

  /** Searches; see {@link SearchQuery} for the syntax and ranking. */
  public SearchResults search(SearchQuery query) {
    sync.beforeRead();
    return index.search(query);
  }

  /** Related candidates for an article or a text (input to the recommend stage). */
  public List<SearchHit> related(RelatedQuery query) {
    sync.beforeRead();
    RelatedQuery q = query;
    if (query.articleId() != null) {
      // Never the article again under another name: its original and its copies are left out.
      Set<String> group = new LinkedHashSet<>(query.exclude());
      dedup.duplicateOf(query.articleId()).ifPresent(group::add);
      group.addAll(dedup.copiesOf(query.articleId()));
      q = query.withExclude(group);
    }
    return index.related(q);
  }

  /** Document frequencies of analysed terms. */
  public TermStats termStats(Collection<String> terms) {
    sync.beforeRead();
    return index.termStats(terms);
  }

  /** The index's analysis of a text (for TF-IDF computed elsewhere). */
  public List<String> analyze(String text) {
    return index.analyze(text);
  }

  // ---- duplicates and stories

  /**
   * A story by id, with its articles; empty when there is no such story (never made, merged into
   * another one, or emptied by takedowns).
   */
  public Optional<StoryInfo> story(String storyId) {
    return dedup.story(storyId);
  }

  /**
   * The other articles of a visible stored article's story, the latest first, {@code limit} at most
   * (the story's latest rows only are read, whatever its length); empty for an unknown or hidden
   * id.
   */
  public List<String> latestStoryMembers(String articleId, int limit) {
    return dedup.latestStoryMembers(articleId, limit);
  }

  /**
   * Articles in the story of a visible stored article, itself included (the story's stored size:
   * one read, whatever the story's length); 0 for an unknown or hidden id.
   */
  public int storySizeOf(String articleId) {
    return dedup.storySizeOf(articleId);
  }

  /** The id of the story a visible stored article belongs to; empty for an unknown or hidden id. */
  public Optional<String> storyOf(String articleId) {
    return dedup.storyOf(articleId);
  }

  /**
   * The canonical original when the article is a copy of another one (the earliest published; a
   * wire source wins a tie); empty for an original or an unknown id.
   */
  public Optional<String> duplicateOf(String articleId) {
    return dedup.duplicateOf(articleId);
  }

  /**
   * The copies of the article's canonical original other than the article itself: for an original
   * all its copies (the provenance, "also published by …"), for a copy the other copies (its
   * original is {@link #duplicateOf}). In the order Lede first saw them; empty when there are none
   * or the id is unknown.
   */
  public List<String> copiesOf(String articleId) {
    return dedup.copiesOf(articleId);
  }

  /**
   * The {@code limit} stories seen most recently (last seen at or after {@code since}), newest
   * first, each with its articles.
   */
  public List<StoryInfo> stories(Instant since, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    return dedup.stories(since, limit);
  }

  /**
   * Every story last seen at or after {@code since}, in id order, from one consistent snapshot (for
   * exports such as {@code lede stories}).
   */
  public void forEachStory(Instant since, Consumer<StoryInfo> action) {
    dedup.forEachStory(since, action);
  }

  /**
   * Recomputes every story from scratch (after a change of story parameters): forgets all stories,
   * clusters every visible article again in the order it was first seen (duplicate links are kept)
   * in one transaction, then brings the index up to date. Returns how many articles were placed.
   */
  public long restory() {
    return write(
        () -> {
          long n = dedup.restory();
          dedup.drainTouched();
          sync.catchUp();
          sync.commit();
          sync.refresh();
          deliverToListeners();
          return n;
        });
  }

  // ---- operations

  /** Sources, their ingest state and the fetch log (the ingest stage's part of the store). */
  public SourceStore sources() {
    return store;
  }

  /**
   * Registers a derived-data consumer of the change log; it first receives every change since its
   * saved checkpoint. See {@link ChangeListener}.
   */
  public void registerListener(String name, ChangeListener listener) {
    write(
        () -> {
          listeners.register(name, listener);
          return null;
        });
  }

  /** Counts, taken while no write is in flight, so {@code articles == indexed} when in step. */
  public Stats stats() {
    return write(
        () -> {
          index.refresh();
          StoreCounts c = store.counts();
          return new Stats(
              c.articles(),
              c.hidden(),
              index.count(),
              c.sources(),
              c.versions(),
              c.fetches(),
              c.lastChange(),
              c.lastChangeAt(),
              index.checkpoint(),
              store.diskBytes(),
              index.diskBytes(),
              index.segments());
        });
  }

  /** Index segments before and after {@link #optimize}. */
  public record OptimizeInfo(int segmentsBefore, int segmentsAfter) {}

  /**
   * Merges the search index down to at most {@code maxSegments} segments and commits it: a step for
   * an operator when the site is quiet, or after a bulk load. Lucene's merge policy keeps about ten
   * segments per size tier as articles arrive (some twenty at a million articles), and every
   * segment costs each search its own term look-ups and scorer set-up; merged to five, the median
   * search at a million articles takes half the time (docs/benchmarks.md, "Search latency"). The
   * merge rewrites the index (about a minute per million articles on a quiet machine, and up to
   * twice its size on disk while it runs); writes and searches continue meanwhile, and articles
   * that arrive during it stay in small segments of their own. The commit records the checkpoint
   * the index has applied, as any commit does.
   *
   * @throws IllegalArgumentException when {@code maxSegments} is below 1
   */
  public OptimizeInfo optimize(int maxSegments) {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("maxSegments must be at least 1, not " + maxSegments);
    }
    commitNow();
    int before =
        write(
            () -> {
              index.refresh();
              return index.segments();
            });
    sync.forceMerge(maxSegments);
    int after =
        write(
            () -> {
              sync.commitAlways();
              return index.segments();
            });
    return new OptimizeInfo(before, after);
  }

  /** Rebuilds the index from the store; returns the number of articles indexed. */
  public long reindex() {
    return write(
        () -> {
          long n = sync.rebuild();
          indexBehind = false;
          return n;
        });
  }

  /** Makes every write so far visible to searches. */
  public void refresh() {
    sync.refresh();
  }

  /** Commits the index and listener checkpoints now (they are also committed periodically). */
  public void flush() {
    commitNow();
    sync.refresh();
  }

  /**
   * Writes a consistent backup into {@code target} (absent or empty): the index's last commit
   * first, then a snapshot of the store, so the store is never behind the index. Writes continue
   * meanwhile.
   */
  public BackupInfo backup(Path target) {
    Backups.requireEmptyTarget(target);
    long checkpoint =
        write(
            () -> {
              sync.commit();
              listeners.saveCheckpoints();
              return index.checkpoint();
            });
    Instant created = options.clock().instant();
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + target + ": " + e.getMessage(), e);
    }
    index.backupTo(target.resolve(INDEX_DIR));
    StoreCounts counts = store.counts();
    store.backupTo(target.resolve(STORE_FILE));
    BackupInfo info =
        new BackupInfo(target, created, counts.lastChange(), checkpoint, counts.articles());
    Backups.writeManifest(target, info);
    return info;
  }

  /**
   * Replaces the store and index of {@code dataDir} with a backup's, and removes the data derived
   * from the store it replaces (dedup tables, related lists). The folder must not be in use; unless
   * {@code replaceExisting}, it must not hold a store yet. The next {@link #open} brings the index
   * up to date with the restored store and rebuilds the dedup tables from it.
   *
   * @throws DataFolderInUseException when another process holds the folder
   * @throws IllegalArgumentException when {@code backup} is not a Lede backup
   * @throws IllegalStateException when the folder holds a store and {@code replaceExisting} is
   *     false
   */
  public static BackupInfo restore(
      Path backup, Path dataDir, boolean replaceExisting, Options options) {
    BackupInfo info = Backups.readManifest(backup);
    try (DataLock l = DataLock.acquire(dataDir, options.command(), options.clock().instant())) {
      if (Files.exists(dataDir.resolve(STORE_FILE)) && !replaceExisting) {
        throw new IllegalStateException(
            "the data folder "
                + dataDir
                + " already holds a store; restoring would replace it (use --force to do so)");
      }
      Backups.replace(backup, dataDir, options.clock().millis());
    } catch (IOException e) {
      throw new UncheckedIOException("restoring " + backup + " failed: " + e.getMessage(), e);
    }
    return info;
  }

  /** The data folder. */
  public Path dataDir() {
    return dataDir;
  }

  private <T> T write(Supplier<T> work) {
    writes.lock();
    indexing.lock();
    try {
      ensureOpen();
      return work.get();
    } finally {
      indexing.unlock();
      writes.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Lede on " + dataDir + " is closed");
    }
  }

  /** Commits the index and listener checkpoints, then closes the index, store and folder lock. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    maintenance.shutdown();
    try {
      if (!maintenance.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("maintenance did not stop within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writes.lock();
    indexing.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (!indexBehind) {
        sync.commit();
      }
      listeners.saveCheckpoints();
    } catch (RuntimeException e) {
      LOG.error("committing on close failed; the next open will catch up: {}", e.toString());
    } finally {
      try {
        sync.close();
        index.close();
      } finally {
        try {
          store.close();
        } finally {
          lock.close();
          indexing.unlock();
          writes.unlock();
        }
      }
    }
    Pending p;
    while ((p = queue.poll()) != null) {
      p.done.completeExceptionally(new IllegalStateException("Lede was closed"));
    }
  }
}
