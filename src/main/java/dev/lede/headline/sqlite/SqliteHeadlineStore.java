package dev.lede.headline.sqlite;

import dev.lede.headline.HeadlineStore;
import dev.lede.headline.HeadlineTest;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * A {@link HeadlineStore} in its own SQLite file ({@code DIR/headlines.db}), separate from the
 * article store so that headline tests never touch the article schema or its migrations.
 *
 * <p>One connection in WAL mode, serialised by a lock: the service above already serialises its
 * work, and each operation is a handful of statements. Every write is one transaction ({@link
 * #save} replaces a test and its variants together); {@link #addCounts} is a single upsert that
 * adds to the stored counts, so it is atomic per (article, variant) even across processes. The
 * schema is versioned with {@code PRAGMA user_version} and created or upgraded on open; a file
 * written by a newer Lede is refused rather than misread. Instants are stored as ISO-8601 text so
 * they come back exactly. Thread-safe.
 */
public final class SqliteHeadlineStore implements HeadlineStore, AutoCloseable {
  /** The file name in the data folder. */
  public static final String FILE = "headlines.db";

  /** The schema version this code writes. */
  static final int SCHEMA_VERSION = 1;

  private static final List<String> SCHEMA_V1 =
      List.of(
          """
          CREATE TABLE headline_test (
            article_id TEXT PRIMARY KEY,
            original   TEXT NOT NULL,
            status     TEXT NOT NULL,
            winner     TEXT,
            canonical  INTEGER NOT NULL,
            created    TEXT NOT NULL
          )""",
          """
          CREATE TABLE headline_variant (
            article_id TEXT NOT NULL REFERENCES headline_test(article_id) ON DELETE CASCADE,
            variant_id TEXT NOT NULL,
            position   INTEGER NOT NULL,
            text       TEXT NOT NULL,
            origin     TEXT NOT NULL,
            created    TEXT NOT NULL,
            PRIMARY KEY (article_id, variant_id)
          )""",
          """
          CREATE TABLE headline_counts (
            article_id  TEXT NOT NULL,
            variant_id  TEXT NOT NULL,
            impressions INTEGER NOT NULL,
            clicks      INTEGER NOT NULL,
            PRIMARY KEY (article_id, variant_id)
          )""");

  private final Path file;
  private final Connection conn;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private SqliteHeadlineStore(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  /** Opens {@code dataDir/headlines.db}, creating the folder, file and schema when absent. */
  public static SqliteHeadlineStore open(Path dataDir) {
    return openFile(dataDir.resolve(FILE));
  }

  /** Opens (creating when absent) a headline store at this exact file. */
  public static SqliteHeadlineStore openFile(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("cannot create the folder of " + file, e);
    }
    SQLiteConfig c = new SQLiteConfig();
    c.setJournalMode(SQLiteConfig.JournalMode.WAL);
    c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    c.setBusyTimeout(10_000);
    c.enforceForeignKeys(true);
    c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection conn;
    try {
      conn = c.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open the headline store " + file + ": " + e.getMessage(), e);
    }
    try {
      migrate(conn, file);
    } catch (SQLException | RuntimeException e) {
      try {
        conn.close();
      } catch (SQLException s) {
        e.addSuppressed(s);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(
          "cannot create the schema of the headline store " + file + ": " + e.getMessage(), e);
    }
    return new SqliteHeadlineStore(file, conn);
  }

  private static void migrate(Connection conn, Path file) throws SQLException {
    int version;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > SCHEMA_VERSION) {
      throw new IllegalStateException(
          "the headline store "
              + file
              + " has schema version "
              + version
              + ", newer than this Lede understands ("
              + SCHEMA_VERSION
              + ")");
    }
    if (version == SCHEMA_VERSION) {
      return;
    }
    conn.setAutoCommit(false);
    try (Statement s = conn.createStatement()) {
      if (version < 1) {
        for (String ddl : SCHEMA_V1) {
          s.executeUpdate(ddl);
        }
      }
      s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.setAutoCommit(true);
    }
  }

  /** The file this store lives in. */
  public Path file() {
    return file;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(String what, Work<T> work) {
    lock.lock();
    try {
      ensureOpen();
      return work.run(conn);
    } catch (SQLException e) {
      throw new IllegalStateException(what + " failed in " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T write(String what, Work<T> work) {
    lock.lock();
    try {
      ensureOpen();
      conn.setAutoCommit(false);
      try {
        T out = work.run(conn);
        conn.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        try {
          conn.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(what + " failed in " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the headline store " + file + " is closed");
    }
  }

  @Override
  public Optional<HeadlineTest> test(String articleId) {
    return read(
        "reading the headline test of " + articleId,
        c -> {
          List<HeadlineTest> found = load(c, articleId);
          return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
  }

  @Override
  public List<HeadlineTest> tests() {
    return read("listing headline tests", c -> load(c, null));
  }

  private static List<HeadlineTest> load(Connection c, @Nullable String articleId)
      throws SQLException {
    String where = articleId == null ? "" : " WHERE article_id = ?";
    Map<String, List<HeadlineTest.Variant>> variants = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT article_id, variant_id, text, origin, created FROM headline_variant"
                + where
                + " ORDER BY article_id, position")) {
      if (articleId != null) {
        ps.setString(1, articleId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          variants
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new HeadlineTest.Variant(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      Instant.parse(rs.getString(5))));
        }
      }
    }
    List<HeadlineTest> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT article_id, original, status, winner, canonical, created FROM headline_test"
                + where
                + " ORDER BY article_id")) {
      if (articleId != null) {
        ps.setString(1, articleId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          out.add(
              new HeadlineTest(
                  id,
                  rs.getString(2),
                  variants.getOrDefault(id, List.of()),
                  HeadlineTest.Status.valueOf(rs.getString(3)),
                  rs.getString(4),
                  rs.getInt(5) != 0,
                  Instant.parse(rs.getString(6))));
        }
      }
    }
    return out;
  }

  @Override
  public void save(HeadlineTest test) {
    write(
        "saving the headline test of " + test.articleId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  INSERT INTO headline_test
                    (article_id, original, status, winner, canonical, created)
                  VALUES (?, ?, ?, ?, ?, ?)
                  ON CONFLICT (article_id) DO UPDATE SET
                    original = excluded.original, status = excluded.status,
                    winner = excluded.winner, canonical = excluded.canonical,
                    created = excluded.created""")) {
            ps.setString(1, test.articleId());
            ps.setString(2, test.original());
            ps.setString(3, test.status().name());
            ps.setString(4, test.winner());
            ps.setInt(5, test.canonical() ? 1 : 0);
            ps.setString(6, test.created().toString());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM headline_variant WHERE article_id = ?")) {
            ps.setString(1, test.articleId());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO headline_variant"
                      + " (article_id, variant_id, position, text, origin, created)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            int pos = 0;
            for (HeadlineTest.Variant v : test.variants()) {
              ps.setString(1, test.articleId());
              ps.setString(2, v.id());
              ps.setInt(3, pos++);
              ps.setString(4, v.text());
              ps.setString(5, v.origin());
              ps.setString(6, v.created().toString());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public void delete(String articleId) {
    write(
        "deleting the headline test of " + articleId,
        c -> {
          for (String table : List.of("headline_variant", "headline_counts", "headline_test")) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + table + " WHERE article_id = ?")) {
              ps.setString(1, articleId);
              ps.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public void addCounts(String articleId, String variantId, long impressions, long clicks) {
    read(
        "counting events of " + articleId + "/" + variantId,
        c -> {
          // One statement, hence one implicit transaction: atomic per (article, variant).
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  INSERT INTO headline_counts (article_id, variant_id, impressions, clicks)
                  VALUES (?, ?, ?, ?)
                  ON CONFLICT (article_id, variant_id) DO UPDATE SET
                    impressions = impressions + excluded.impressions,
                    clicks = clicks + excluded.clicks""")) {
            ps.setString(1, articleId);
            ps.setString(2, variantId);
            ps.setLong(3, impressions);
            ps.setLong(4, clicks);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Map<String, Counts> counts(String articleId) {
    return read(
        "reading the counts of " + articleId,
        c -> {
          Map<String, Counts> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT variant_id, impressions, clicks FROM headline_counts"
                      + " WHERE article_id = ?")) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3)));
              }
            }
          }
          return Map.copyOf(out);
        });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      conn.close();
    } catch (SQLException e) {
      throw new IllegalStateException("closing the headline store " + file + " failed", e);
    } finally {
      lock.unlock();
    }
  }
}
