package dev.lede.store.sqlite;

import static dev.lede.testing.TestArticles.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.store.ArticleStore;
import dev.lede.store.ArticleStoreContract;
import dev.lede.store.StoreException;
import dev.lede.store.StoredForm;
import dev.lede.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SqliteArticleStoreTest extends ArticleStoreContract {

  @Override
  protected ArticleStore open(Path dir, TestClock clock) {
    return SqliteArticleStore.open(dir.resolve("lede.db"), clock, false);
  }

  @Override
  protected ArticleStore backupAndOpen(Path target) {
    Path file = target.resolve("lede.db");
    target.toFile().mkdirs();
    store.backupTo(file);
    return SqliteArticleStore.open(file, clock, false);
  }

  @Test
  void freshFolder_isMigratedToTheLatestSchema_inWalMode() throws Exception {
    assertThat(((SqliteArticleStore) store).schemaVersion()).isEqualTo(Migrations.latest());
    assertThat(Migrations.latest()).isGreaterThanOrEqualTo(2);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lede.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void olderFolder_isMigratedOnOpen_andKeepsItsData() throws Exception {
    store.close();
    Path old = dir.resolve("old");
    Path file = old.resolve("lede.db");
    try (SqliteArticleStore v1 = SqliteArticleStore.open(file, clock, true, 1)) {
      assertThat(v1.schemaVersion()).isEqualTo(1);
    }
    // rows as a Lede of schema version 1 wrote them
    String json = StoredForm.toJson(withId("kept", "Kept", "Written by schema version 1."));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO articles (id, source_id, url_key, content_hash, version, first_seen,"
              + " last_updated, published, hidden, json) VALUES ('kept', NULL, '', 'h', 1, 0, 0,"
              + " NULL, 0, '"
              + json.replace("'", "''")
              + "')");
      s.execute("INSERT INTO changes (kind, article_id, at) VALUES ('UPSERT', 'kept', 0)");
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'tombstones'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }

    store = SqliteArticleStore.open(file, clock, true);

    assertThat(((SqliteArticleStore) store).schemaVersion()).isEqualTo(Migrations.latest());
    assertThat(store.get("kept").orElseThrow().article().title()).isEqualTo("Kept");
    assertThat(store.lastChange()).isEqualTo(1);
    assertThat(store.delete("kept", "now possible")).isPresent(); // uses the V002 tombstones
  }

  @Test
  void folderFromANewerLede_isRefusedWithAClearMessage() throws Exception {
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lede.db"));
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version VALUES (999, 'from the future', 0)");
    }

    assertThatThrownBy(() -> store = open(dir, clock))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("newer Lede")
        .hasMessageContaining("999");
    store = open(dir.resolve("other"), clock); // for the @AfterEach close
  }

  @Test
  void aFileThatIsNotADatabase_isRefusedWithAClearMessage() throws Exception {
    Path bad = dir.resolve("bad").resolve("lede.db");
    Files.createDirectories(bad.getParent());
    Files.writeString(
        bad, "this is not a database, just text ".repeat(200), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SqliteArticleStore.open(bad, clock, true))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(bad.toString());
  }

  @Test
  void migrationScripts_splitIntoStatements() {
    assertThat(
            Migrations.statements(
                "-- c\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n y INT\n);\n"))
        .containsExactly("CREATE TABLE a (x INT);", "CREATE TABLE b (\n y INT\n);");
  }
}
