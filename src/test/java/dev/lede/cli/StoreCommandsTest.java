package dev.lede.cli;

import static dev.lede.testing.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.Lede;
import dev.lede.model.ArticleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreCommandsTest {
  @TempDir Path dir;
  Path data;

  record Run(int exit, String out, String err) {
    List<JsonNode> lines() {
      List<JsonNode> out = new ArrayList<>();
      for (String l : this.out.split("\n")) {
        if (!l.isBlank()) {
          try {
            out.add(ArticleJson.mapper().readTree(l));
          } catch (IOException e) {
            throw new UncheckedIOException("stdout line is not JSON: " + l, e);
          }
        }
      }
      return out;
    }

    JsonNode json() {
      assertThat(lines()).hasSize(1);
      return lines().get(0);
    }
  }

  static Run lede(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void corpus() {
    data = dir.resolve("data");
    try (Lede lede = Lede.open(data, Lede.Options.defaults().withFsyncEachCommit(false))) {
      lede.submit(
          article(
                  "Wildfire <forces> evacuations",
                  "Thousands fled as the wildfire spread.\n\nFirefighters used 4,700 litres.")
              .id("fire")
              .url("https://news.example/fire?utm_source=x")
              .section("World")
              .tags(List.of("Fires"))
              .published(Instant.parse("2024-07-02T10:00:00Z"))
              .build(),
          "wire");
      lede.submit(
          article("Budget passes", "The parliament passed the budget.")
              .id("budget")
              .section("Politics")
              .published(Instant.parse("2023-01-05T10:00:00Z"))
              .build(),
          "local");
      lede.submit(
          article("Undated wildfire note", "A note on the wildfire.").id("note").build(), null);
    }
  }

  @Test
  void stats_printsTheDocumentedObject() {
    Run r = lede("stats", "--data", data.toString());

    assertThat(r.exit()).isZero();
    JsonNode s = r.json();
    assertThat(s.get("articles").asLong()).isEqualTo(3);
    assertThat(s.get("indexed").asLong()).isEqualTo(3);
    assertThat(s.get("sources").asLong()).isZero();
    assertThat(s.get("lastChange").asLong()).isEqualTo(3);
  }

  @Test
  void search_printsJsonLinesWithEscapedMarkedSnippets() {
    Run r = lede("search", "--data", data.toString(), "wildfire");

    assertThat(r.exit()).isZero();
    List<JsonNode> hits = r.lines();
    assertThat(hits)
        .extracting(h -> h.get("id").asText())
        .containsExactlyInAnyOrder("fire", "note");
    JsonNode fire =
        hits.stream().filter(h -> h.get("id").asText().equals("fire")).findFirst().orElseThrow();
    assertThat(fire.get("title").asText()).isEqualTo("Wildfire <forces> evacuations");
    assertThat(fire.get("url").asText()).isEqualTo("https://news.example/fire?utm_source=x");
    assertThat(fire.get("published").asText()).isEqualTo("2024-07-02T10:00:00Z");
    assertThat(fire.get("source").asText()).isEqualTo("wire");
    assertThat(fire.get("section").asText()).isEqualTo("World");
    assertThat(fire.get("score").asDouble()).isPositive();
    assertThat(fire.get("snippet").asText()).contains("<mark>wildfire</mark>");
    JsonNode note =
        hits.stream().filter(h -> h.get("id").asText().equals("note")).findFirst().orElseThrow();
    assertThat(note.get("published").isNull()).isTrue();
    assertThat(r.err()).contains("2 hit(s)");
  }

  @Test
  void search_filtersAndQuerySyntax() {
    assertThat(ids(lede("search", "--data", data.toString(), "--since", "2024", "wildfire")))
        .containsExactly("fire");
    assertThat(ids(lede("search", "--data", data.toString(), "--section", "politics", "budget")))
        .containsExactly("budget");
    assertThat(ids(lede("search", "--data", data.toString(), "--section", "world", "budget")))
        .isEmpty();
    assertThat(ids(lede("search", "--data", data.toString(), "tag:fires"))).containsExactly("fire");
    assertThat(ids(lede("search", "--data", data.toString(), "4700", "litres")))
        .containsExactly("fire");
    assertThat(ids(lede("search", "--data", data.toString(), "--limit", "1", "wildfire")))
        .hasSize(1);
    assertThat(
            ids(
                lede(
                    "search",
                    "--data",
                    data.toString(),
                    "--until",
                    "2023-12-31",
                    "budget OR wildfire")))
        .containsExactly("budget");
  }

  private static List<String> ids(Run r) {
    assertThat(r.exit()).as(r.err()).isZero();
    return r.lines().stream().map(h -> h.get("id").asText()).toList();
  }

  @Test
  void articles_getHideUnhideDelete() {
    Run get = lede("articles", "get", "--data", data.toString(), "fire");
    assertThat(get.exit()).isZero();
    assertThat(get.json().get("title").asText()).isEqualTo("Wildfire <forces> evacuations");
    assertThat(get.json().get("hidden").asBoolean()).isFalse();

    Run hide = lede("articles", "hide", "--data", data.toString(), "fire");
    assertThat(hide.exit()).isZero();
    assertThat(hide.json().get("changed").asBoolean()).isTrue();
    assertThat(ids(lede("search", "--data", data.toString(), "wildfire"))).containsExactly("note");

    assertThat(lede("articles", "unhide", "--data", data.toString(), "fire").exit()).isZero();
    assertThat(ids(lede("search", "--data", data.toString(), "wildfire"))).hasSize(2);

    Run del = lede("articles", "delete", "--data", data.toString(), "--reason", "test", "fire");
    assertThat(del.json().get("deleted").asBoolean()).isTrue();
    assertThat(ids(lede("search", "--data", data.toString(), "wildfire"))).containsExactly("note");
    JsonNode stats = lede("stats", "--data", data.toString()).json();
    assertThat(stats.get("articles").asLong())
        .isEqualTo(2)
        .isEqualTo(stats.get("indexed").asLong());

    Run missing = lede("articles", "get", "--data", data.toString(), "nope");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no article nope");
    assertThat(missing.out()).isEmpty();
  }

  @Test
  void reindexBackupRestorePrune() {
    assertThat(lede("reindex", "--data", data.toString()).json().get("indexed").asLong())
        .isEqualTo(3);

    Path backup = dir.resolve("backup");
    Run b = lede("backup", "--data", data.toString(), backup.toString());
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.json().get("articles").asLong()).isEqualTo(3);

    Run pruned = lede("prune", "--data", data.toString(), "--keep-days", "365000");
    assertThat(pruned.json().get("pruned").asLong()).isZero();
    Run prunedAll = lede("prune", "--data", data.toString(), "--keep-days", "0");
    assertThat(prunedAll.json().get("pruned").asLong()).isEqualTo(3);

    Run refused = lede("restore", "--data", data.toString(), backup.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("--force");

    Run restored = lede("restore", "--data", data.toString(), "--force", backup.toString());
    assertThat(restored.exit()).as(restored.err()).isZero();
    assertThat(restored.json().get("articles").asLong()).isEqualTo(3);
    assertThat(restored.json().get("indexed").asLong()).isEqualTo(3);
  }

  @Test
  void optimize_mergesTheIndexIntoFewerSegments_andEverythingIsStillFound() {
    try (Lede lede = Lede.open(data, Lede.Options.defaults().withFsyncEachCommit(false))) {
      for (String id : List.of("flood", "storm")) {
        lede.submit(article(id + " warning", "The " + id + " hit the coast.").id(id).build(), null);
        lede.flush(); // a commit each: a segment each
      }
    }
    Run before = lede("stats", "--data", data.toString());
    int segments = before.json().get("indexSegments").asInt();
    assertThat(segments).isGreaterThanOrEqualTo(3);

    Run r = lede("optimize", "--data", data.toString(), "--max-segments", "1");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get("segmentsBefore").asInt()).isEqualTo(segments);
    assertThat(r.json().get("segmentsAfter").asInt()).isEqualTo(1);
    assertThat(r.json().has("millis")).isTrue();
    Run after = lede("stats", "--data", data.toString()); // reopened: the merge was committed
    assertThat(after.json().get("indexSegments").asInt()).isEqualTo(1);
    assertThat(after.json().get("indexed").asLong()).isEqualTo(5);
    assertThat(after.json().get("indexCheckpoint").asLong())
        .isEqualTo(before.json().get("indexCheckpoint").asLong());
    assertThat(ids(lede("search", "--data", data.toString(), "coast")))
        .containsExactlyInAnyOrder("flood", "storm");
    assertThat(ids(lede("search", "--data", data.toString(), "wildfire")))
        .containsExactlyInAnyOrder("fire", "note");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "optimize --max-segments 0",
        "search --limit x q",
        "search --since yesterday q",
        "search --order random q",
        "search",
        "prune",
        "prune --keep-days -1",
        "articles",
        "articles hide",
        "backup",
        "stats --bogus",
        "search since:notadate"
      })
  void usageErrors_exitWith2_andPrintNothingOnStdout(String args) {
    List<String> a = new ArrayList<>(List.of(args.split(" ")));
    a.add(1, "--data");
    a.add(2, data.toString());
    if (a.get(0).equals("articles") && a.size() > 3) {
      a = new ArrayList<>(List.of(args.split(" ")));
      a.add("--data");
      a.add(data.toString());
    }
    Run r = lede(a.toArray(String[]::new));

    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "stats",
        "search",
        "reindex",
        "optimize",
        "backup",
        "restore",
        "prune",
        "articles",
        "articles get",
        "articles hide",
        "articles unhide",
        "articles delete"
      })
  void everyCommandHasHelp(String command) {
    List<String> a = new ArrayList<>(List.of(command.split(" ")));
    a.add("--help");

    Run r = lede(a.toArray(String[]::new));

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: lede " + command);
  }

  @Test
  void aFolderInUse_isAClearError() {
    try (Lede holder =
        Lede.open(data, Lede.Options.defaults().withCommand("lede serve --port 8080"))) {
      Run r = lede("stats", "--data", data.toString());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("in use by pid").contains("lede serve --port 8080");
      assertThat(r.out()).isEmpty();
    }
  }
}
