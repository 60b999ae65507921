package dev.lede;

import dev.lede.recommend.RelatedJson;
import dev.lede.recommend.RelatedList;
import dev.lede.recommend.RelatedListCodec;
import dev.lede.recommend.RelatedListStore;
import dev.lede.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * Stored related lists in their own SQLite file, {@code DIR/related.db}, next to the store: derived
 * data (rebuildable from the store at any time), so it is kept apart from the store's schema and
 * migrations and written without an fsync per commit (a crash loses at most a few lists, which are
 * then computed on demand). Tables: {@code list} (article id → the list in {@link
 * RelatedListCodec}'s compact form, with its change position; schema 1 held JSON and is converted
 * on open), {@code mention} (item → lists that show it, so a takedown reaches them) and {@code
 * pending} (the refresh queue) and {@code profile} (each article's ranking profile, so that a
 * candidate costs a row rather than an article read and an entity scan). One connection behind a
 * lock; the folder lock held by {@link Lede} keeps other processes out.
 *
 * <p>Serving a page reads a list on every view, so the most recently served lists are kept parsed
 * in a bounded LRU map ({@value #CACHE_LISTS} lists, about 5 kB each): a hit costs no SQLite read
 * and no JSON parse. Every write goes through this object (the folder lock keeps other processes
 * out), and {@link #put} and {@link #drop} update the map in the same lock, so it never serves a
 * list the file no longer holds. A list not in the map costs one primary-key read through a
 * prepared statement kept open, and one pass over its line ({@link RelatedListCodec}): no JSON
 * tree.
 */
final class RelatedListsDb implements RelatedListStore {
  static final String FILE = "related.db";
  private static final int SCHEMA = 2;

  static final int CACHE_LISTS = 20_000;

  private final Connection c;

  /** The list read, prepared once; guarded by {@code this}. */
  private final PreparedStatement readList;

  /** Parsed lists, least recently used first; guarded by {@code this}. */
  private final java.util.LinkedHashMap<String, RelatedList> cache =
      new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, RelatedList> e) {
          return size() > CACHE_LISTS;
        }
      };

  private RelatedListsDb(Connection c) throws SQLException {
    this.c = c;
    this.readList = c.prepareStatement("SELECT data FROM list WHERE article_id = ?");
  }

  static RelatedListsDb open(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    cfg.setBusyTimeout(10_000);
    try {
      Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA user_version");
        int v;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
          v = rs.next() ? rs.getInt(1) : 0;
        }
        if (v > SCHEMA) {
          c.close();
          throw new StoreException(
              file + " was written by a newer Lede (schema " + v + "); delete it to recompute");
        }
        if (v == 1) {
          toSchema2(c);
        }
        s.execute(
            "CREATE TABLE IF NOT EXISTS list (article_id TEXT PRIMARY KEY, as_of INTEGER NOT NULL,"
                + " computed_at INTEGER NOT NULL, data TEXT NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS mention (item_id TEXT NOT NULL, list_id TEXT NOT NULL,"
                + " PRIMARY KEY (item_id, list_id)) WITHOUT ROWID");
        s.execute("CREATE INDEX IF NOT EXISTS mention_by_list ON mention (list_id)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS pending (article_id TEXT PRIMARY KEY, seq INTEGER NOT NULL,"
                + " queued_at INTEGER NOT NULL, is_new INTEGER NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS pending_by_seq ON pending (seq)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS profile (article_id TEXT PRIMARY KEY, data TEXT NOT NULL)"
                + " WITHOUT ROWID");
        s.execute(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                + " WITHOUT ROWID");
        s.execute("PRAGMA user_version = " + SCHEMA);
      }
      try {
        return new RelatedListsDb(c);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Schema 1 → 2: lists stored as JSON are rewritten in the compact form, in one transaction. A
   * list that does not read back is left out, with its mentions (it is computed again on demand).
   */
  private static void toSchema2(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE list RENAME TO list_v1");
      s.execute(
          "CREATE TABLE list (article_id TEXT PRIMARY KEY, as_of INTEGER NOT NULL,"
              + " computed_at INTEGER NOT NULL, data TEXT NOT NULL)");
      try (ResultSet rs =
              s.executeQuery("SELECT article_id, as_of, computed_at, json FROM list_v1");
          PreparedStatement put =
              c.prepareStatement(
                  "INSERT INTO list (article_id, as_of, computed_at, data) VALUES (?, ?, ?, ?)");
          PreparedStatement forget = c.prepareStatement("DELETE FROM mention WHERE list_id = ?")) {
        while (rs.next()) {
          String line;
          try {
            line = RelatedListCodec.encode(RelatedJson.fromStored(rs.getString(4)));
          } catch (IllegalArgumentException e) {
            forget.setString(1, rs.getString(1));
            forget.executeUpdate();
            continue;
          }
          put.setString(1, rs.getString(1));
          put.setLong(2, rs.getLong(2));
          put.setLong(3, rs.getLong(3));
          put.setString(4, line);
          put.executeUpdate();
        }
      }
      s.execute("DROP TABLE list_v1");
      s.execute("PRAGMA user_version = " + SCHEMA);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  private synchronized <T> T tx(String what, Work<T> w) {
    try {
      c.setAutoCommit(false);
      try {
        T r = w.run();
        c.commit();
        return r;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  private synchronized <T> T read(String what, Work<T> w) {
    try {
      return w.run();
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<RelatedList> get(String id) {
    RelatedList hit = cache.get(id);
    if (hit != null) {
      return Optional.of(hit);
    }
    Optional<RelatedList> read = readList(id);
    read.ifPresent(l -> cache.put(id, l));
    return read;
  }

  private Optional<RelatedList> readList(String id) {
    return read(
        "reading a related list",
        () -> {
          readList.setString(1, id);
          try (ResultSet rs = readList.executeQuery()) {
            // A line that does not read back is no list: computed again on demand.
            return rs.next()
                ? Optional.ofNullable(RelatedListCodec.decode(rs.getString(1)))
                : Optional.<RelatedList>empty();
          }
        });
  }

  @Override
  public synchronized void put(RelatedList list) {
    String line = RelatedListCodec.encode(list);
    cache.remove(list.id());
    tx(
        "storing a related list",
        () -> {
          dropOne(list.id());
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO list (article_id, as_of, computed_at, data) VALUES (?, ?, ?, ?)")) {
            p.setString(1, list.id());
            p.setLong(2, list.asOf());
            p.setLong(3, list.computedAt().toEpochMilli());
            p.setString(4, line);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO mention (item_id, list_id) VALUES (?, ?)")) {
            for (RelatedList.Item i : list.items()) {
              p.setString(1, i.id());
              p.setString(2, list.id());
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
    cache.put(list.id(), list.withStored(false));
  }

  private void dropOne(String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM list WHERE article_id = ?")) {
      p.setString(1, id);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("DELETE FROM mention WHERE list_id = ?")) {
      p.setString(1, id);
      p.executeUpdate();
    }
  }

  @Override
  public synchronized void drop(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    ids.forEach(cache::remove);
    tx(
        "dropping related lists",
        () -> {
          for (String id : ids) {
            dropOne(id);
          }
          return null;
        });
  }

  @Override
  public List<String> listsMentioning(String itemId) {
    return read(
        "reading related mentions",
        () -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT list_id FROM mention WHERE item_id = ?")) {
            p.setString(1, itemId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void enqueue(Collection<Pending> work) {
    if (work.isEmpty()) {
      return;
    }
    tx(
        "queueing related refreshes",
        () -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO pending (article_id, seq, queued_at, is_new) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (article_id) DO UPDATE SET seq = max(seq, excluded.seq),"
                      + " is_new = max(is_new, excluded.is_new)")) {
            for (Pending w : work) {
              p.setString(1, w.id());
              p.setLong(2, w.seq());
              p.setLong(3, w.queuedAtMillis());
              p.setInt(4, w.isNew() ? 1 : 0);
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  @Override
  public void dequeue(Collection<Pending> done) {
    if (done.isEmpty()) {
      return;
    }
    tx(
        "dequeueing related refreshes",
        () -> {
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM pending WHERE article_id = ? AND seq <= ?")) {
            for (Pending w : done) {
              p.setString(1, w.id());
              p.setLong(2, w.seq());
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<Pending> pending(int limit) {
    return read(
        "reading the related refresh queue",
        () -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT article_id, seq, queued_at, is_new FROM pending ORDER BY seq LIMIT ?")) {
            p.setInt(1, limit);
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Pending(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4) != 0));
              }
            }
            return out;
          }
        });
  }

  @Override
  public Map<String, String> profiles(Collection<String> ids) {
    return readProfiles(ids, rs -> rs.getString(2));
  }

  /**
   * The stored lines' UTF-8 bytes as SQLite holds them: one copy each, where a string is decoded
   * from a copy of them.
   */
  @Override
  public Map<String, byte[]> profileBytes(Collection<String> ids) {
    return readProfiles(ids, rs -> rs.getBytes(2));
  }

  private interface Column<T> {
    T of(ResultSet rs) throws SQLException;
  }

  private <T> Map<String, T> readProfiles(Collection<String> ids, Column<T> data) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return read(
        "reading related profiles",
        () -> {
          Map<String, T> out = new HashMap<>();
          List<String> all = new ArrayList<>(ids);
          for (int from = 0; from < all.size(); from += 200) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 200));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement p =
                c.prepareStatement(
                    "SELECT article_id, data FROM profile WHERE article_id IN (" + marks + ")")) {
              for (int i = 0; i < part.size(); i++) {
                p.setString(i + 1, part.get(i));
              }
              try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                  out.put(rs.getString(1), data.of(rs));
                }
              }
            }
          }
          return out;
        });
  }

  @Override
  public void putProfiles(Map<String, String> profiles) {
    if (profiles.isEmpty()) {
      return;
    }
    tx(
        "storing related profiles",
        () -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO profile (article_id, data) VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : profiles.entrySet()) {
              p.setString(1, e.getKey());
              p.setString(2, e.getValue());
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  @Override
  public void dropProfiles(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    tx(
        "dropping related profiles",
        () -> {
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM profile WHERE article_id = ?")) {
            for (String id : ids) {
              p.setString(1, id);
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<String> listIds() {
    return read(
        "reading the ids of stored related lists",
        () -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT article_id FROM list")) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  @Override
  public @Nullable String meta(String key) {
    return read(
        "reading related settings",
        () -> {
          try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? rs.getString(1) : null;
            }
          }
        });
  }

  @Override
  public void putMeta(String key, String value) {
    tx(
        "storing related settings",
        () -> {
          try (PreparedStatement p =
              c.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public long pendingCount() {
    return scalar("SELECT count(*) FROM pending");
  }

  @Override
  public long maxPendingNewSeq() {
    return scalar("SELECT coalesce(max(seq), 0) FROM pending WHERE is_new = 1");
  }

  @Override
  public long size() {
    return scalar("SELECT count(*) FROM list");
  }

  private long scalar(String sql) {
    return read(
        sql,
        () -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  @Override
  public synchronized void close() {
    try {
      readList.close();
      c.close();
    } catch (SQLException e) {
      throw new StoreException("closing " + FILE + " failed: " + e.getMessage(), e);
    }
  }
}
