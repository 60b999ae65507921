package dev.lede.store.sqlite;

import dev.lede.model.Article;
import dev.lede.store.ArticleIdentity;
import dev.lede.store.Change;
import dev.lede.store.StoredArticle;
import dev.lede.store.StoredForm;
import dev.lede.store.SubmitResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The article writes of one transaction: prepared once per transaction, reused for every article of
 * a batch. Applies the identity and versioning rules of {@link ArticleIdentity}.
 */
final class ArticleRows implements AutoCloseable {
  static final String COLUMNS =
      "id, source_id, url_key, content_hash, version, first_seen, last_updated, hidden, json";

  private final Connection c;
  private final long now;
  private final PreparedStatement findHead;
  private final PreparedStatement findTombstone;
  private final PreparedStatement insert;
  private final PreparedStatement archive;
  private final PreparedStatement update;
  private final PreparedStatement logChange;

  ArticleRows(Connection c, Instant now) throws SQLException {
    this.c = c;
    this.now = now.toEpochMilli();
    findHead =
        c.prepareStatement(
            "SELECT content_hash, version, first_seen, hidden, url_key FROM articles WHERE id = ?");
    findTombstone = c.prepareStatement("SELECT deleted_at, reason FROM tombstones WHERE id = ?");
    insert =
        c.prepareStatement(
            "INSERT INTO articles (id, source_id, url_key, content_hash, version, first_seen,"
                + " last_updated, published, hidden, json) VALUES (?, ?, ?, ?, 1, ?, ?, ?, 0, ?)");
    archive =
        c.prepareStatement(
            "INSERT INTO article_versions (article_id, version, content_hash, stored_at, json)"
                + " SELECT id, version, content_hash, last_updated, json FROM articles WHERE id = ?");
    update =
        c.prepareStatement(
            "UPDATE articles SET source_id = ?, url_key = ?, content_hash = ?, version = ?,"
                + " last_updated = ?, published = ?, json = ? WHERE id = ?");
    logChange =
        c.prepareStatement(
            "INSERT INTO changes (kind, article_id, at) VALUES (?, ?, ?) RETURNING seq");
  }

  SubmitResult submit(Article input, @Nullable String sourceId) throws SQLException {
    String invalid = ArticleIdentity.invalidReason(input);
    if (invalid != null) {
      return SubmitResult.rejected(input.id(), invalid);
    }
    String id = ArticleIdentity.idFor(input);
    String urlKey = ArticleIdentity.urlKey(input);
    String hash = ArticleIdentity.contentHash(input);
    Article article = input.withId(id);
    String tombstone = tombstone(id);
    if (tombstone != null) {
      return SubmitResult.rejected(id, tombstone);
    }
    findHead.setString(1, id);
    try (ResultSet rs = findHead.executeQuery()) {
      if (!rs.next()) {
        return insert(article, sourceId, urlKey, hash);
      }
      String oldHash = rs.getString(1);
      int version = rs.getInt(2);
      long firstSeen = rs.getLong(3);
      boolean hidden = rs.getInt(4) != 0;
      String oldKey = rs.getString(5);
      if (input.id() == null && id.startsWith("u-") && !oldKey.equals(urlKey)) {
        return SubmitResult.rejected(
            id, "id collision: " + urlKey + " and " + oldKey + " hash to the same id");
      }
      if (oldHash.equals(hash)) {
        return new SubmitResult(SubmitResult.Outcome.UNCHANGED, id, 0, "", null);
      }
      archive.setString(1, id);
      archive.executeUpdate();
      String json = StoredForm.toJson(article);
      update.setString(1, sourceId);
      update.setString(2, urlKey);
      update.setString(3, hash);
      update.setInt(4, version + 1);
      update.setLong(5, now);
      setInstant(update, 6, article.published());
      update.setString(7, json);
      update.setString(8, id);
      update.executeUpdate();
      long seq = logChange(Change.Kind.UPSERT, id);
      StoredArticle stored =
          new StoredArticle(
              id,
              sourceId,
              article,
              urlKey,
              hash,
              version + 1,
              Instant.ofEpochMilli(firstSeen),
              Instant.ofEpochMilli(now),
              hidden);
      return new SubmitResult(SubmitResult.Outcome.UPDATED, id, seq, "", stored);
    }
  }

  private SubmitResult insert(
      Article article, @Nullable String sourceId, String urlKey, String hash) throws SQLException {
    String id = article.id();
    insert.setString(1, id);
    insert.setString(2, sourceId);
    insert.setString(3, urlKey);
    insert.setString(4, hash);
    insert.setLong(5, now);
    insert.setLong(6, now);
    setInstant(insert, 7, article.published());
    insert.setString(8, StoredForm.toJson(article));
    insert.executeUpdate();
    long seq = logChange(Change.Kind.UPSERT, id);
    Instant at = Instant.ofEpochMilli(now);
    StoredArticle stored = new StoredArticle(id, sourceId, article, urlKey, hash, 1, at, at, false);
    return new SubmitResult(SubmitResult.Outcome.NEW, id, seq, "", stored);
  }

  private @Nullable String tombstone(String id) throws SQLException {
    findTombstone.setString(1, id);
    try (ResultSet rs = findTombstone.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return "taken down on "
          + Instant.ofEpochMilli(rs.getLong(1))
          + (rs.getString(2).isEmpty() ? "" : ": " + rs.getString(2));
    }
  }

  long logChange(Change.Kind kind, String articleId) throws SQLException {
    logChange.setString(1, kind.name());
    logChange.setString(2, articleId);
    logChange.setLong(3, now);
    try (ResultSet rs = logChange.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void setInstant(PreparedStatement p, int index, @Nullable Instant value)
      throws SQLException {
    if (value == null) {
      p.setNull(index, Types.INTEGER);
    } else {
      p.setLong(index, value.toEpochMilli());
    }
  }

  /** Reads a row selected with {@link #COLUMNS}. */
  static StoredArticle read(ResultSet rs) throws SQLException {
    Article a = StoredForm.fromJson(rs.getString(9));
    String id = rs.getString(1);
    return new StoredArticle(
        id,
        rs.getString(2),
        a.id() == null ? a.withId(id) : a,
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        Instant.ofEpochMilli(rs.getLong(6)),
        Instant.ofEpochMilli(rs.getLong(7)),
        rs.getInt(8) != 0);
  }

  Connection connection() {
    return c;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement p :
        new PreparedStatement[] {findHead, findTombstone, insert, archive, update, logChange}) {
      p.close();
    }
  }
}
