package dev.lede.cli;

import static dev.lede.testing.TestArticles.withId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.Lede;
import dev.lede.headline.HeadlineTest;
import dev.lede.headline.sqlite.SqliteHeadlineStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede headlines …} through {@link Main} on a real data folder (SQLite, Lucene). */
class HeadlinesOnDataFolderTest {
  static final String TITLE = "Fire kills nine in Chittagong slum";
  static final String BODY =
      "A fire killed nine people in a slum in Chittagong, Bangladesh, on Sunday, officials said."
          + "\n\nFirefighters needed three hours to put out the blaze, which destroyed 200 homes.";

  @TempDir Path tmp;
  Path data;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void ingest() {
    data = tmp.resolve("data");
    try (Lede lede =
        Lede.open(
            data, Lede.Options.defaults().withFsyncEachCommit(false).withCommand("test ingest"))) {
      lede.submit(withId("a1", TITLE, BODY), null);
    }
  }

  int lede(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void addListCheckReportRemove_onAStoredArticle() {
    String d = data.toString();
    assertThat(lede("headlines", "add", "--data", d, "a1", "Nine killed in Chittagong slum fire"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("\"accepted\":true").contains("\"variant\":\"v");
    String variant = out.toString().replaceAll("(?s).*\"variant\":\"([^\"]+)\".*", "$1").strip();

    // an unfaithful variant is refused and not stored
    assertThat(lede("headlines", "add", "--data", d, "a1", "Twelve killed in Dhaka slum fire"))
        .isEqualTo(2);
    assertThat(out.toString()).contains("\"accepted\":false");

    assertThat(lede("headlines", "list", "--data", d, "a1")).isZero();
    assertThat(out.toString().strip())
        .isEqualTo(variant + "\teditor\tNine killed in Chittagong slum fire");

    assertThat(lede("headlines", "check", "--data", d, "a1", "Blaze destroys 200 homes in slum"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString().strip()).isEqualTo("{\"accepted\":true,\"reasons\":[]}");
    assertThat(lede("headlines", "check", "--data", d, "a1", "Fire kills 90 in Chittagong slum"))
        .isEqualTo(2);
    assertThat(out.toString()).startsWith("{\"accepted\":false,\"reasons\":[\"").contains("90");

    assertThat(lede("headlines", "report", "--data", d)).isZero();
    assertThat(out.toString())
        .startsWith("a1 RUNNING")
        .contains("original")
        .contains(TITLE)
        .contains(variant);
    assertThat(lede("headlines", "report", "--json", "--data", d)).isZero();
    assertThat(out.toString()).contains("\"articleId\":\"a1\"").contains("\"probabilityBest\"");

    // the test lives in the folder's own headline store, and survives the process
    try (SqliteHeadlineStore store = SqliteHeadlineStore.open(data)) {
      HeadlineTest t = store.test("a1").orElseThrow();
      assertThat(t.original()).isEqualTo(TITLE);
      assertThat(t.variants()).extracting(HeadlineTest.Variant::id).containsExactly(variant);
    }

    assertThat(lede("headlines", "remove", "--data", d, "a1", variant)).isZero();
    assertThat(lede("headlines", "list", "--data", d, "a1")).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void parentDataOptionWorksToo_andUnknownArticlesFailClearly() {
    assertThat(lede("headlines", "--data", data.toString(), "check", "nope", "Anything")).isOne();
    assertThat(err.toString()).contains("no article with id nope");
  }

  @Test
  void missingDataFolder_failsWithoutCreatingIt() {
    Path none = tmp.resolve("none");
    assertThat(lede("headlines", "report", "--data", none.toString())).isOne();
    assertThat(err.toString()).contains("no data folder");
    assertThat(none).doesNotExist();
  }
}
