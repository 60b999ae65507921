package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.recommend.RelatedJson;
import dev.lede.recommend.RelatedList;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedListsDbTest {
  @TempDir Path dir;

  private static RelatedList list(String id, String... items) {
    List<RelatedList.Item> out = new java.util.ArrayList<>();
    for (String i : items) {
      out.add(
          new RelatedList.Item(
              i,
              "Headline of " + i,
              "",
              "Lead of " + i + "…",
              "https://example.org/" + i,
              Instant.parse("2026-11-20T10:00:00Z"),
              "The Daily",
              "story-" + i,
              "shared: Kursk",
              false,
              null,
              new RelatedList.Breakdown(0.5, 1, 0.5, 0.1, 0, 0.05, 0, 0, List.of("Kursk"))));
    }
    return new RelatedList(id, out, Instant.parse("2026-11-27T12:00:00Z"), 42, false);
  }

  @Test
  void aListPut_isReadBackFromTheFile_byAnotherStore() {
    RelatedList l = list("a", "b", "c");
    try (RelatedListsDb db = RelatedListsDb.open(dir)) {
      db.put(l);
    }
    try (RelatedListsDb db = RelatedListsDb.open(dir)) {
      RelatedList back = db.get("a").orElseThrow();
      assertThat(back.withStored(false)).isEqualTo(l);
      assertThat(db.get("b")).isEmpty();
      assertThat(db.listsMentioning("c")).containsExactly("a");
    }
  }

  @Test
  void profiles_readBackAsStrings_andAsTheirUtf8Bytes() {
    String ascii = "p3\u001fHead\u001fplain";
    String wide = "p3\u001fKöln – 東京 \uD83D\uDCF0\u001fLead…";
    try (RelatedListsDb db = RelatedListsDb.open(dir)) {
      db.putProfiles(java.util.Map.of("a", ascii, "w", wide));
    }
    try (RelatedListsDb db = RelatedListsDb.open(dir)) {
      assertThat(db.profiles(List.of("a", "w", "missing")))
          .containsOnly(java.util.Map.entry("a", ascii), java.util.Map.entry("w", wide));
      java.util.Map<String, byte[]> bytes = db.profileBytes(List.of("a", "w", "missing"));
      assertThat(bytes).containsOnlyKeys("a", "w");
      assertThat(bytes.get("a")).isEqualTo(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(bytes.get("w")).isEqualTo(wide.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(db.profileBytes(List.of())).isEmpty();
    }
  }

  @Test
  void schema1File_withJsonLists_isConvertedOnOpen() throws SQLException {
    RelatedList l = list("a", "b", "c");
    String url = "jdbc:sqlite:" + dir.resolve(RelatedListsDb.FILE).toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      // The schema as the first version wrote it.
      s.execute(
          "CREATE TABLE list (article_id TEXT PRIMARY KEY, as_of INTEGER NOT NULL,"
              + " computed_at INTEGER NOT NULL, json TEXT NOT NULL)");
      s.execute(
          "CREATE TABLE mention (item_id TEXT NOT NULL, list_id TEXT NOT NULL,"
              + " PRIMARY KEY (item_id, list_id)) WITHOUT ROWID");
      s.execute("CREATE INDEX mention_by_list ON mention (list_id)");
      s.execute(
          "CREATE TABLE pending (article_id TEXT PRIMARY KEY, seq INTEGER NOT NULL,"
              + " queued_at INTEGER NOT NULL, is_new INTEGER NOT NULL)");
      s.execute("CREATE TABLE profile (article_id TEXT PRIMARY KEY, data TEXT NOT NULL)");
      try (var p = c.prepareStatement("INSERT INTO list VALUES (?, 42, 0, ?)")) {
        p.setString(1, "a");
        p.setString(2, RelatedJson.toStored(l));
        p.executeUpdate();
        p.setString(1, "broken");
        p.setString(2, "{not json");
        p.executeUpdate();
      }
      s.execute(
          "INSERT INTO mention VALUES ('b', 'a'), ('c', 'a'), ('b', 'broken'), ('x', 'broken')");
      s.execute("INSERT INTO pending VALUES ('q', 7, 0, 1)");
      s.execute("PRAGMA user_version = 1");
    }

    try (RelatedListsDb db = RelatedListsDb.open(dir)) {
      assertThat(db.get("a").orElseThrow().withStored(false)).isEqualTo(l);
      // An unreadable list is left out, and so are its mentions: it is computed again.
      assertThat(db.get("broken")).isEmpty();
      assertThat(db.listsMentioning("b")).containsExactly("a");
      assertThat(db.listsMentioning("x")).isEmpty();
      assertThat(db.pendingCount()).isEqualTo(1);
      assertThat(db.size()).isEqualTo(1);
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
    try (RelatedListsDb db = RelatedListsDb.open(dir)) {
      assertThat(db.get("a").orElseThrow().items()).hasSize(2);
    }
  }

  @Test
  void aRowThatDoesNotReadBack_isNoList() throws SQLException {
    try (RelatedListsDb db = RelatedListsDb.open(dir)) {
      db.put(list("a", "b"));
    }
    String url = "jdbc:sqlite:" + dir.resolve(RelatedListsDb.FILE).toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("UPDATE list SET data = 'l1' || char(31) || 'a' || char(31) || 'garbage'");
    }
    try (RelatedListsDb db = RelatedListsDb.open(dir)) {
      assertThat(db.get("a")).isEmpty();
    }
  }
}
