package dev.lede.headline.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.headline.HeadlineStore;
import dev.lede.headline.HeadlineStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteHeadlineStoreTest extends HeadlineStoreContract {
  @TempDir Path dir;

  @Override
  protected HeadlineStore create() {
    return SqliteHeadlineStore.open(dir.resolve("data"));
  }

  @Override
  protected HeadlineStore reopen(HeadlineStore s) {
    ((SqliteHeadlineStore) s).close();
    return SqliteHeadlineStore.open(dir.resolve("data"));
  }

  @Override
  protected void close(HeadlineStore s) {
    ((SqliteHeadlineStore) s).close();
  }

  static String pragma(Path file, String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void open_createsItsOwnFileInWalModeWithAVersionedSchema() throws Exception {
    Path file = dir.resolve("data").resolve("headlines.db");
    assertThat(((SqliteHeadlineStore) store).file()).isEqualTo(file);
    assertThat(file).exists();
    assertThat(Files.exists(dir.resolve("data").resolve("lede.db"))).isFalse();
    assertThat(pragma(file, "journal_mode")).isEqualToIgnoringCase("wal");
    assertThat(pragma(file, "user_version")).isEqualTo("1");
  }

  @Test
  void open_refusesASchemaFromANewerLede() throws Exception {
    close(store);
    Path file = dir.resolve("data").resolve("headlines.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = 99");
    }
    assertThatThrownBy(() -> SqliteHeadlineStore.open(dir.resolve("data")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 99");
    store = SqliteHeadlineStore.openFile(dir.resolve("other.db"));
  }

  @Test
  void closedStore_failsClearly() {
    close(store);
    assertThatThrownBy(() -> store.tests()).hasMessageContaining("closed");
    close(store); // idempotent
  }
}
