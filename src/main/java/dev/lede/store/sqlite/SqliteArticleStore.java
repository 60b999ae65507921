package dev.lede.store.sqlite;

import dev.lede.dedup.DedupState;
import dev.lede.model.Article;
import dev.lede.model.FetchRecord;
import dev.lede.model.Source;
import dev.lede.store.ArticleIdentity;
import dev.lede.store.ArticleStore;
import dev.lede.store.ArticleVersion;
import dev.lede.store.Change;
import dev.lede.store.StoreCounts;
import dev.lede.store.StoreException;
import dev.lede.store.StoredArticle;
import dev.lede.store.StoredForm;
import dev.lede.store.Submission;
import dev.lede.store.SubmitResult;
import dev.lede.store.WriteHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ArticleStore} on one SQLite file in WAL mode. Writes go through a single connection, one
 * transaction each; reads use a small pool and see the last committed state. Articles are kept as
 * their compact JSON ({@link StoredForm}) next to the columns that queries need.
 */
public final class SqliteArticleStore implements ArticleStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteArticleStore.class);

  private final Path file;
  private final Db db;
  private final InstantSource clock;
  private final SqliteDedupState dedupState;
  private volatile WriteHook hook = WriteHook.NONE;

  private SqliteArticleStore(Path file, Db db, InstantSource clock) {
    this.file = file;
    this.db = db;
    this.clock = clock;
    this.dedupState =
        SqliteDedupState.onWriter(
            db.setupConnection(),
            postingIndexFile(file),
            storyTermIndexFile(file),
            dfIndexFile(file));
  }

  /**
   * Sets the derived state written inside every article transaction (see {@link WriteHook}); set it
   * before the first write.
   */
  public void setWriteHook(WriteHook h) {
    this.hook = Objects.requireNonNull(h, "hook");
  }

  /**
   * The dedup stage's state in this store, bound to the writer connection: to be used only from a
   * {@link WriteHook} call or inside {@link #writeDerived}, where it joins the write transaction.
   */
  public DedupState dedupState() {
    return dedupState;
  }

  /**
   * Runs {@code work} on a read-only snapshot of the dedup state (a reader connection): for the
   * read API (stories, duplicate links) while writes go on.
   */
  public <T> T readDedup(String what, Function<DedupState, T> work) {
    return db.read(
        what,
        c -> {
          try (SqliteDedupState s =
              new SqliteDedupState(
                  c,
                  dedupState.sharedIndex(),
                  dedupState.sharedTermIndex(),
                  dedupState.sharedDfIndex())) {
            return work.apply(s);
          }
        });
  }

  /**
   * Runs {@code work}, which changes derived state through {@link #dedupState()}, in one write
   * transaction; logs an UPSERT change for every id it returns (so the index and other consumers
   * pick them up, after a crash too); with {@code touchedAll}, logs one for every visible article
   * instead (after a recomputation of everything). Returns the last change sequence.
   */
  public long writeDerived(String what, boolean touchedAll, Supplier<Collection<String>> work) {
    return tx(
        what,
        c -> {
          Collection<String> touched = work.get();
          if (touchedAll) {
            try (PreparedStatement p =
                c.prepareStatement(
                    "INSERT INTO changes (kind, article_id, at)"
                        + " SELECT 'UPSERT', id, ? FROM articles WHERE hidden = 0 ORDER BY rowid")) {
              p.setLong(1, clock.millis());
              p.executeUpdate();
            }
          } else {
            try (ArticleRows rows = new ArticleRows(c, clock.instant())) {
              logTouched(rows, touched);
            }
          }
          return lastChange(c);
        });
  }

  /**
   * Up to {@code limit} visible articles the dedup stage has not seen yet, in the order they were
   * first stored (after an upgrade from a store without dedup state, or an interrupted backfill).
   */
  public List<StoredArticle> withoutDedupState(int limit) {
    return db.read(
        "finding articles without dedup state",
        c -> {
          List<StoredArticle> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT "
                      + ArticleRows.COLUMNS
                      + " FROM articles WHERE hidden = 0 AND NOT EXISTS"
                      + " (SELECT 1 FROM dedup_article d WHERE d.id = articles.id"
                      + " AND d.sketch IS NOT NULL) ORDER BY rowid LIMIT ?")) {
            p.setInt(1, limit);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(ArticleRows.read(rs));
              }
            }
          }
          return out;
        });
  }

  private static void logTouched(ArticleRows rows, Collection<String> touched) throws SQLException {
    for (String id : touched) {
      rows.logChange(Change.Kind.UPSERT, id);
    }
  }

  /** A write transaction; on failure the hook and the dedup state forget what they cached. */
  private <T> T tx(String what, Db.Work<T> work) {
    T committed;
    try {
      committed =
          db.write(
              what,
              c -> {
                T result = work.run(c);
                dedupState.flush(); // held-back dedup rows go into this transaction
                return result;
              });
    } catch (RuntimeException | Error e) {
      dedupState.forget();
      try {
        hook.rolledBack();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    dedupState.committed(); // committed postings, story terms, frequencies reach the indexes
    return committed;
  }

  /** The dedup posting index next to the store file (derived data, see {@link PostingIndex}). */
  static Path postingIndexFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".postings");
  }

  /**
   * The dedup story-term index next to the store file (derived data, see {@link StoryTermIndex}).
   */
  static Path storyTermIndexFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".storyterms");
  }

  /** The dedup frequency index next to the store file (derived data, see {@link DocFreqIndex}). */
  static Path dfIndexFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".df");
  }

  /**
   * The files next to the store file {@code file} that are derived from it: the dedup stage's
   * mapped tables and their files in the making. Each is rebuilt from the store when absent, and is
   * checked against the store only by a transaction count, which two histories of one store (a
   * backup restored twice, written on in between) can share: whatever replaces the store file
   * removes these too.
   */
  public static List<Path> derivedFiles(Path file) {
    List<Path> out = new ArrayList<>();
    for (Path p : List.of(postingIndexFile(file), storyTermIndexFile(file), dfIndexFile(file))) {
      out.add(p);
      out.add(MappedTableFile.tmpFile(p));
    }
    return out;
  }

  /**
   * Opens (creating when absent) the store in {@code file} and applies pending migrations.
   *
   * @param fsyncEachCommit true to fsync every commit (survives power loss); false survives a
   *     process crash but may lose the last commits when the machine loses power
   */
  public static SqliteArticleStore open(Path file, InstantSource clock, boolean fsyncEachCommit) {
    return open(file, clock, fsyncEachCommit, Integer.MAX_VALUE);
  }

  /** As {@link #open(Path, InstantSource, boolean)}, migrating only up to {@code schemaVersion}. */
  static SqliteArticleStore open(
      Path file, InstantSource clock, boolean fsyncEachCommit, int schemaVersion) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the folder of " + file + ": " + e.getMessage(), e);
    }
    Db db = new Db(file, fsyncEachCommit);
    try {
      Migrations.apply(db.setupConnection(), schemaVersion, clock.millis());
    } catch (SQLException | RuntimeException e) {
      db.close();
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
    }
    return new SqliteArticleStore(file, db, clock);
  }

  /** The schema version of the open store. */
  public int schemaVersion() {
    return db.read("reading the schema version", Migrations::current);
  }

  @Override
  public SubmitResult submit(Article article, @Nullable String sourceId) {
    return submitAll(List.of(new Submission(article, sourceId))).get(0);
  }

  @Override
  public List<SubmitResult> submitAll(List<Submission> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    return tx(
        "storing " + batch.size() + " article(s)",
        c -> {
          List<SubmitResult> out = new ArrayList<>(batch.size());
          try (ArticleRows rows = new ArticleRows(c, clock.instant())) {
            for (Submission s : batch) {
              out.add(rows.submit(s.article(), s.sourceId()));
            }
            logTouched(rows, hook.afterSubmit(out));
          }
          return out;
        });
  }

  @Override
  public Optional<StoredArticle> get(String id) {
    return db.read("reading article " + id, c -> one(c, "id = ?", id));
  }

  /** One indexed row looked up (the id is unique), no content read or parsed. */
  @Override
  public boolean isVisible(String id) {
    return db.readAutoCommit(
        "checking article " + id,
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT 1 FROM articles WHERE id = ? AND hidden = 0")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /**
   * How much of a row's JSON is read for {@code maxChars} characters of text: the metadata before
   * the blocks, the blocks' own fields and escapes. When the opening read falls short (many tiny
   * blocks, a long description), the whole row is read for that article.
   */
  private static long prefixFor(int maxChars) {
    return 2L * maxChars + 4096;
  }

  /**
   * One query for the page: with a bound, SQLite hands over only the opening of each row's JSON
   * ({@code substr}), so the few very long articles cost what a short one does; an opening that
   * holds too little of the text is read again in full.
   */
  @Override
  public Map<String, String> texts(Collection<String> ids, int maxChars) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
    long prefix = prefixFor(maxChars);
    boolean bounded = prefix < Integer.MAX_VALUE;
    return db.read(
        "reading the texts of " + distinct.size() + " articles",
        c -> {
          Map<String, String> out = HashMap.newHashMap(distinct.size());
          List<String> whole = new ArrayList<>();
          String column = bounded ? "substr(json, 1, " + prefix + ")" : "json";
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT id, "
                      + column
                      + " FROM articles WHERE id IN ("
                      + String.join(",", Collections.nCopies(distinct.size(), "?"))
                      + ")")) {
            for (int i = 0; i < distinct.size(); i++) {
              p.setString(i + 1, distinct.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                String id = rs.getString(1);
                if (!bounded) {
                  out.put(id, StoredForm.textOf(rs.getString(2)));
                  continue;
                }
                String text = StoredForm.textOfPrefix(rs.getString(2), maxChars);
                if (text == null) {
                  whole.add(id);
                } else {
                  out.put(id, text);
                }
              }
            }
          }
          for (String id : whole) {
            try (PreparedStatement p =
                c.prepareStatement("SELECT json FROM articles WHERE id = ?")) {
              p.setString(1, id);
              try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                  out.put(id, StoredForm.cut(StoredForm.textOf(rs.getString(1)), maxChars));
                }
              }
            }
          }
          return out;
        });
  }

  @Override
  public Optional<StoredArticle> findByUrl(String url) {
    String key = ArticleIdentity.urlKey(url);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return db.read("finding the article at " + url, c -> one(c, "url_key = ?", key));
  }

  private static Optional<StoredArticle> one(Connection c, String where, String value)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT "
                + ArticleRows.COLUMNS
                + " FROM articles WHERE "
                + where
                + " ORDER BY rowid LIMIT 1")) {
      p.setString(1, value);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(ArticleRows.read(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public List<ArticleVersion> versions(String id) {
    return db.read(
        "reading the versions of " + id,
        c -> {
          List<ArticleVersion> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT version, content_hash, stored_at, json FROM article_versions"
                      + " WHERE article_id = ? ORDER BY version")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                Article a = StoredForm.fromJson(rs.getString(4));
                out.add(
                    new ArticleVersion(
                        id,
                        rs.getInt(1),
                        rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        a.id() == null ? a.withId(id) : a));
              }
            }
          }
          return out;
        });
  }

  @Override
  public OptionalLong setHidden(String id, boolean hidden) {
    return tx(
        (hidden ? "hiding " : "showing ") + id,
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE articles SET hidden = ? WHERE id = ? AND hidden <> ?")) {
            p.setInt(1, hidden ? 1 : 0);
            p.setString(2, id);
            p.setInt(3, hidden ? 1 : 0);
            if (p.executeUpdate() == 0) {
              return OptionalLong.empty();
            }
          }
          try (ArticleRows rows = new ArticleRows(c, clock.instant())) {
            long seq = rows.logChange(hidden ? Change.Kind.HIDE : Change.Kind.UPSERT, id);
            Collection<String> touched;
            if (hidden) {
              touched = hook.afterRemove(id);
            } else {
              StoredArticle shown = one(c, "id = ?", id).orElseThrow();
              touched = hook.afterShow(shown);
            }
            logTouched(rows, touched);
            return OptionalLong.of(seq);
          }
        });
  }

  @Override
  public OptionalLong delete(String id, String reason) {
    Objects.requireNonNull(reason, "reason");
    return tx(
        "deleting " + id,
        c -> {
          if (!deleteRows(c, id)) {
            return OptionalLong.empty();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO tombstones (id, deleted_at, reason) VALUES (?, ?, ?)")) {
            p.setString(1, id);
            p.setLong(2, clock.millis());
            p.setString(3, reason);
            p.executeUpdate();
          }
          try (ArticleRows rows = new ArticleRows(c, clock.instant())) {
            long seq = rows.logChange(Change.Kind.DELETE, id);
            logTouched(rows, hook.afterRemove(id));
            return OptionalLong.of(seq);
          }
        });
  }

  private static boolean deleteRows(Connection c, String id) throws SQLException {
    try (PreparedStatement v =
            c.prepareStatement("DELETE FROM article_versions WHERE article_id = ?");
        PreparedStatement a = c.prepareStatement("DELETE FROM articles WHERE id = ?")) {
      v.setString(1, id);
      v.executeUpdate();
      a.setString(1, id);
      return a.executeUpdate() > 0;
    }
  }

  @Override
  public List<String> pruneBefore(Instant cutoff, int limit) {
    return tx(
        "pruning articles older than " + cutoff,
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT id FROM articles WHERE coalesce(published, first_seen) < ? LIMIT ?")) {
            p.setLong(1, cutoff.toEpochMilli());
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          try (ArticleRows rows = new ArticleRows(c, clock.instant())) {
            for (String id : ids) {
              deleteRows(c, id);
              rows.logChange(Change.Kind.DELETE, id);
            }
            for (String id : ids) {
              logTouched(rows, hook.afterRemove(id));
            }
          }
          return ids;
        });
  }

  @Override
  public long pruneFetchesBefore(Instant cutoff) {
    return db.write(
        "pruning the fetch log",
        c -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM fetch_log WHERE at < ?")) {
            p.setLong(1, cutoff.toEpochMilli());
            return (long) p.executeUpdate();
          }
        });
  }

  @Override
  public void forEach(boolean includeHidden, Consumer<StoredArticle> action) {
    db.read(
        "scanning articles",
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT "
                      + ArticleRows.COLUMNS
                      + " FROM articles"
                      + (includeHidden ? "" : " WHERE hidden = 0")
                      + " ORDER BY rowid")) {
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                action.accept(ArticleRows.read(rs));
              }
            }
          }
          return null;
        });
  }

  @Override
  public long lastChange() {
    return db.read("reading the change log", SqliteArticleStore::lastChange);
  }

  private static long lastChange(Connection c) throws SQLException {
    // sqlite_sequence keeps the highest sequence ever handed out, even after compaction.
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'changes'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  @Override
  public List<Change> changesSince(long afterSeq, int limit) {
    return db.read(
        "reading the change log",
        c -> {
          List<Change> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT seq, kind, article_id, at FROM changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
            p.setLong(1, afterSeq);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Change(
                        rs.getLong(1),
                        Change.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
              }
            }
          }
          return out;
        });
  }

  @Override
  public long compactedThrough() {
    return db.read(
        "reading store settings",
        c -> {
          String v = meta(c, "compacted_through");
          return v == null ? 0L : Long.parseLong(v);
        });
  }

  @Override
  public void compactChanges(long seq) {
    db.write(
        "compacting the change log",
        c -> {
          String v = meta(c, "compacted_through");
          long through = Math.max(seq, v == null ? 0 : Long.parseLong(v));
          try (PreparedStatement p = c.prepareStatement("DELETE FROM changes WHERE seq <= ?")) {
            p.setLong(1, through);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            p.setString(1, "compacted_through");
            p.setString(2, Long.toString(through));
            p.executeUpdate();
          }
          return null;
        });
  }

  private static @Nullable String meta(Connection c, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Override
  public long checkpoint(String consumer) {
    return db.read(
        "reading the checkpoint of " + consumer,
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT seq FROM checkpoints WHERE consumer = ?")) {
            p.setString(1, consumer);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  @Override
  public void saveCheckpoint(String consumer, long seq) {
    db.write(
        "saving the checkpoint of " + consumer,
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO checkpoints (consumer, seq) VALUES (?, ?)"
                      + " ON CONFLICT (consumer) DO UPDATE SET seq = excluded.seq")) {
            p.setString(1, consumer);
            p.setLong(2, seq);
            return p.executeUpdate();
          }
        });
  }

  @Override
  public Map<String, Long> checkpoints() {
    return db.read(
        "reading checkpoints",
        c -> {
          Map<String, Long> out = new TreeMap<>();
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT consumer, seq FROM checkpoints")) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }
          return out;
        });
  }

  @Override
  public StoreCounts counts() {
    return db.read(
        "counting",
        c -> {
          long visible = count(c, "SELECT count(*) FROM articles WHERE hidden = 0");
          long hidden = count(c, "SELECT count(*) FROM articles WHERE hidden <> 0");
          long versions = count(c, "SELECT count(*) FROM article_versions");
          long sources = count(c, "SELECT count(*) FROM sources");
          long fetches = count(c, "SELECT count(*) FROM fetch_log");
          long last = lastChange(c);
          Instant lastAt = null;
          try (PreparedStatement p = c.prepareStatement("SELECT at FROM changes WHERE seq = ?")) {
            p.setLong(1, last);
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                lastAt = Instant.ofEpochMilli(rs.getLong(1));
              }
            }
          }
          return new StoreCounts(visible, hidden, versions, sources, fetches, last, lastAt);
        });
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public long diskBytes() {
    long total = 0;
    for (String suffix : new String[] {"", "-wal", "-shm", ".postings", ".storyterms", ".df"}) {
      Path p = file.resolveSibling(file.getFileName() + suffix);
      try {
        total += Files.exists(p) ? Files.size(p) : 0;
      } catch (IOException ignored) {
        LOG.debug("{} vanished while being measured; counted as empty", p);
      }
    }
    return total;
  }

  @Override
  public void backupTo(Path target) {
    if (Files.exists(target)) {
      throw new StoreException("backup target " + target + " already exists");
    }
    db.readAutoCommit(
        "backing up to " + target,
        c -> {
          // VACUUM INTO reads one consistent snapshot and writes a compact copy; writers go on.
          try (PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
            p.setString(1, target.toAbsolutePath().toString());
            p.execute();
          }
          return null;
        });
  }

  // ---- sources, state and fetch log

  @Override
  public void putSource(Source source) {
    db.write(
        "saving source " + source.id(),
        c -> {
          SourceRows.put(c, source);
          return null;
        });
  }

  @Override
  public Optional<Source> source(String id) {
    return db.read("reading source " + id, c -> SourceRows.get(c, id));
  }

  @Override
  public List<Source> sources() {
    return db.read("listing sources", SourceRows::all);
  }

  @Override
  public boolean removeSource(String id) {
    return db.write("removing source " + id, c -> SourceRows.remove(c, id));
  }

  @Override
  public String sourceState(String sourceId) {
    return db.read("reading the state of source " + sourceId, c -> SourceRows.state(c, sourceId));
  }

  @Override
  public void putSourceState(String sourceId, String stateJson) {
    SourceRows.requireJsonObject(stateJson);
    db.write(
        "saving the state of source " + sourceId,
        c -> {
          SourceRows.putState(c, sourceId, stateJson);
          return null;
        });
  }

  @Override
  public void appendFetch(FetchRecord record) {
    appendFetches(List.of(record));
  }

  @Override
  public void appendFetches(List<FetchRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    db.write(
        "appending to the fetch log",
        c -> {
          SourceRows.appendFetches(c, records);
          return null;
        });
  }

  @Override
  public List<FetchRecord> fetches(@Nullable String sourceId, @Nullable Instant since, int limit) {
    return db.read("reading the fetch log", c -> SourceRows.fetches(c, sourceId, since, limit));
  }

  @Override
  public void close() {
    dedupState.close();
    db.close();
  }

  @Override
  public String toString() {
    return "SqliteArticleStore[" + file + "]";
  }
}
