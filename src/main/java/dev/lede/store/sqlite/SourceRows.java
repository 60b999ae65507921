package dev.lede.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.model.ArticleJson;
import dev.lede.model.FetchRecord;
import dev.lede.model.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL for sources, their ingest state and the fetch log. */
final class SourceRows {
  private static final String SOURCE_COLUMNS =
      "id, kind, location, name, rights, fetch_full_text, paused, added_at";

  private SourceRows() {}

  static void put(Connection c, Source s) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO sources ("
                + SOURCE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " kind = excluded.kind, location = excluded.location, name = excluded.name,"
                + " rights = excluded.rights, fetch_full_text = excluded.fetch_full_text,"
                + " paused = excluded.paused, added_at = excluded.added_at")) {
      p.setString(1, s.id());
      p.setString(2, s.kind().name());
      p.setString(3, s.location());
      p.setString(4, s.name());
      p.setString(5, s.rights().name());
      p.setInt(6, s.fetchFullText() ? 1 : 0);
      p.setInt(7, s.paused() ? 1 : 0);
      p.setLong(8, s.addedAt().toEpochMilli());
      p.executeUpdate();
    }
  }

  static Optional<Source> get(Connection c, String id) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT " + SOURCE_COLUMNS + " FROM sources WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(source(rs)) : Optional.empty();
      }
    }
  }

  static List<Source> all(Connection c) throws SQLException {
    List<Source> out = new ArrayList<>();
    try (PreparedStatement p =
            c.prepareStatement("SELECT " + SOURCE_COLUMNS + " FROM sources ORDER BY id");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(source(rs));
      }
    }
    return out;
  }

  static boolean remove(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM sources WHERE id = ?")) {
      p.setString(1, id);
      return p.executeUpdate() > 0;
    }
  }

  static String state(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT state_json FROM sources WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchElementException("no source with id " + id);
        }
        return rs.getString(1);
      }
    }
  }

  static void putState(Connection c, String id, String json) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("UPDATE sources SET state_json = ? WHERE id = ?")) {
      p.setString(1, json);
      p.setString(2, id);
      if (p.executeUpdate() == 0) {
        throw new NoSuchElementException("no source with id " + id);
      }
    }
  }

  /** Validates a state document before any transaction starts. */
  static void requireJsonObject(String json) {
    JsonNode n;
    try {
      n = ArticleJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "source state is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("source state must be a JSON object, got: " + json);
    }
  }

  static void appendFetches(Connection c, List<FetchRecord> records) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO fetch_log (at, source_id, url, http_status, outcome, reason, bytes, millis)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (FetchRecord r : records) {
        p.setLong(1, r.at().toEpochMilli());
        p.setString(2, r.sourceId());
        p.setString(3, r.url());
        p.setInt(4, r.httpStatus());
        p.setString(5, r.outcome().name());
        p.setString(6, r.reason());
        p.setLong(7, r.bytes());
        p.setLong(8, r.millis());
        p.executeUpdate();
      }
    }
  }

  static List<FetchRecord> fetches(
      Connection c, @Nullable String sourceId, @Nullable Instant since, int limit)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT at, source_id, url, http_status, outcome, reason, bytes, millis FROM fetch_log"
                + " WHERE 1 = 1");
    if (sourceId != null) {
      sql.append(" AND source_id = ?");
    }
    if (since != null) {
      sql.append(" AND at >= ?");
    }
    sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      int i = 1;
      if (sourceId != null) {
        p.setString(i++, sourceId);
      }
      if (since != null) {
        p.setLong(i++, since.toEpochMilli());
      }
      p.setInt(i, Math.max(0, limit));
      List<FetchRecord> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new FetchRecord(
                  Instant.ofEpochMilli(rs.getLong(1)),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  FetchRecord.Outcome.valueOf(rs.getString(5)),
                  rs.getString(6),
                  rs.getLong(7),
                  rs.getLong(8)));
        }
      }
      return out;
    }
  }

  private static Source source(ResultSet rs) throws SQLException {
    return new Source(
        rs.getString(1),
        Source.Kind.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        Source.RightsPolicy.valueOf(rs.getString(5)),
        rs.getInt(6) != 0,
        rs.getInt(7) != 0,
        Instant.ofEpochMilli(rs.getLong(8)));
  }
}
