package dev.lede.store.sqlite;

import dev.lede.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the versioned schema migrations {@code db/sqlite/V001.sql}, {@code V002.sql}, … in order,
 * each in its own transaction together with its row in {@code schema_version}, so that a crash
 * mid-migration leaves the previous version intact. A database written by a newer Lede (a version
 * this build does not know) is refused rather than guessed at.
 */
final class Migrations {
  static final String RESOURCE_DIR = "/db/sqlite/";

  private Migrations() {}

  /** The highest migration version shipped in this build. */
  static int latest() {
    int v = 0;
    while (Migrations.class.getResource(resource(v + 1)) != null) {
      v++;
    }
    return v;
  }

  /** The schema version of the database (0 for a fresh one). */
  static int current(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
      try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * Brings the database up to {@code target}; the connection must be in auto-commit mode.
   *
   * @return the versions applied
   */
  static List<Integer> apply(Connection c, int target, long nowMillis) throws SQLException {
    int latest = latest();
    int current = current(c);
    if (current > latest) {
      throw new StoreException(
          "the store was written by a newer Lede (schema version "
              + current
              + ", this build knows up to "
              + latest
              + "); use that version or restore a backup");
    }
    List<Integer> applied = new ArrayList<>();
    for (int v = current + 1; v <= Math.min(target, latest); v++) {
      String sql = read(v);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String stmt : statements(sql)) {
          s.execute(stmt);
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
          p.setInt(1, v);
          p.setString(2, description(sql));
          p.setLong(3, nowMillis);
          p.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw new StoreException("schema migration V" + pad(v) + " failed: " + e.getMessage(), e);
      } finally {
        c.setAutoCommit(true);
      }
      applied.add(v);
    }
    return applied;
  }

  /** Splits a script into statements: each ends with a semicolon at the end of a line. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : sql.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      cur.append(line).append('\n');
      if (t.endsWith(";")) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      throw new IllegalStateException("migration script does not end with ';': " + cur);
    }
    return out;
  }

  private static String description(String sql) {
    String first = sql.lines().findFirst().orElse("").strip();
    return first.startsWith("--") ? first.substring(2).strip() : "";
  }

  private static String read(int version) {
    try (InputStream in = Migrations.class.getResourceAsStream(resource(version))) {
      if (in == null) {
        throw new StoreException("missing migration " + resource(version));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read migration " + resource(version), e);
    }
  }

  private static String resource(int version) {
    return RESOURCE_DIR + "V" + pad(version) + ".sql";
  }

  private static String pad(int v) {
    return String.format(java.util.Locale.ROOT, "%03d", v);
  }
}
