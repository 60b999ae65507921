package dev.lede.cli;

import static dev.lede.testing.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.Lede;
import dev.lede.model.ArticleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedCommandTest {
  @TempDir Path dir;
  Path data;

  record Run(int exit, String out, String err) {
    List<JsonNode> lines() throws IOException {
      List<JsonNode> out = new ArrayList<>();
      for (String l : this.out.split("\n")) {
        if (!l.isBlank()) {
          out.add(ArticleJson.mapper().readTree(l));
        }
      }
      return out;
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
      String[][] items = {
        {
          "quake-1",
          "Earthquake of magnitude 7.1 shakes Mexico City",
          "2024-09-19",
          "A magnitude 7.1 earthquake shook the capital on Tuesday, officials in Mexico City said,"
              + " and rescuers searched collapsed buildings in Puebla."
        },
        {
          "quake-2",
          "Earthquake of magnitude 8.2 strikes off Chiapas",
          "2024-09-08",
          "A magnitude 8.2 earthquake struck off the coast on Thursday, officials in Chiapas"
              + " said, and rescuers searched collapsed buildings in Juchitán, in southern Mexico."
        },
        {
          "quake-3",
          "Earthquake of magnitude 6.1 hits Oaxaca",
          "2024-02-16",
          "A magnitude 6.1 earthquake hit the state on Friday, officials in Oaxaca said, and"
              + " rescuers searched collapsed buildings in Pinotepa, in southern Mexico."
        },
        {
          "budget",
          "Parliament passes the budget",
          "2024-09-18",
          "The parliament passed the budget."
        },
      };
      for (String[] i : items) {
        lede.submit(
            article(i[1], i[3])
                .id(i[0])
                .section("World")
                .url("https://wire.example/" + i[0])
                .published(Instant.parse(i[2] + "T08:00:00Z"))
                .build(),
            "wire");
      }
    }
  }

  @Test
  void related_printsTheIssueShapeWithAReasonOnEveryItem() throws IOException {
    Run r = lede("related", "--data", data.toString(), "quake-2", "quake-1");

    assertThat(r.exit()).isZero();
    List<JsonNode> lines = r.lines();
    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    assertThat(first.path("id").asText()).isEqualTo("quake-2");
    JsonNode items = first.path("related");
    assertThat(items.size()).isEqualTo(3);
    for (JsonNode i : items) {
      for (String f :
          List.of(
              "id",
              "headline",
              "altHeadline",
              "excerpt",
              "url",
              "published",
              "source",
              "story",
              "reason")) {
        assertThat(i.has(f)).as(f).isTrue();
      }
      assertThat(i.path("reason").asText()).isNotBlank();
      assertThat(i.has("score")).isFalse();
      assertThat(i.path("id").asText()).isNotEqualTo("quake-2");
    }
    assertThat(items.get(0).path("id").asText()).isEqualTo("quake-3");
    assertThat(items.get(0).path("reason").asText()).isEqualTo("shared: Mexico");
    assertThat(items.get(0).path("url").asText()).startsWith("https://wire.example/");
    assertThat(lines.get(1).path("id").asText()).isEqualTo("quake-1");
    assertThat(r.err()).contains("computed");
  }

  @Test
  void related_itemsWithACaptionButNoPicture_haveNoThumbnail_andTheirExcerptSkipsADateline()
      throws IOException {
    try (Lede lede = Lede.open(data, Lede.Options.defaults().withFsyncEachCommit(false))) {
      lede.submit(
          dev.lede.model.Article.builder()
              .id("quake-4")
              .title("Earthquake of magnitude 6.4 strikes Guerrero")
              .url("https://wire.example/quake-4")
              .section("World")
              .published(Instant.parse("2024-03-01T08:00:00Z"))
              .blocks(
                  List.of(
                      new dev.lede.model.Block.Paragraph("Friday, March 1, 2024"),
                      new dev.lede.model.Block.Image("", "", "Rescuers in Acapulco.", "Wire"),
                      new dev.lede.model.Block.Paragraph(
                          "A magnitude 6.4 earthquake struck on Friday, officials in Guerrero said,"
                              + " and rescuers searched collapsed buildings in southern Mexico.")))
              .build(),
          "wire");
    }
    Run r = lede("related", "--data", data.toString(), "quake-2");
    JsonNode q4 = null;
    for (JsonNode i : r.lines().get(0).path("related")) {
      if (i.path("id").asText().equals("quake-4")) {
        q4 = i;
      }
    }
    assertThat(q4).isNotNull();
    assertThat(q4.path("thumbnail").isMissingNode() || q4.path("thumbnail").isNull()).isTrue();
    assertThat(q4.path("excerpt").asText()).startsWith("A magnitude 6.4 earthquake");
  }

  @Test
  void related_explain_addsTheScoreBreakdown_andASecondRunIsALookup() throws IOException {
    lede("related", "--data", data.toString(), "quake-2");
    Run r = lede("related", "--data", data.toString(), "--explain", "--k", "2", "quake-2");

    assertThat(r.exit()).isZero();
    JsonNode items = r.lines().get(0).path("related");
    assertThat(items.size()).isEqualTo(2);
    JsonNode score = items.get(0).path("score");
    assertThat(score.path("relevance").asDouble()).isEqualTo(1.0);
    assertThat(score.path("entities").asDouble()).isPositive();
    assertThat(r.err()).contains("stored list");
  }

  @Test
  void related_withEmbeddings_onAFolderRankedByWords_computesItsOwnList_andStoresNone()
      throws IOException {
    lede("related", "--data", data.toString(), "quake-2"); // stored, ranked by words

    Run r =
        lede(
            "related",
            "--data",
            data.toString(),
            "--embeddings",
            "--explain",
            "--k",
            "2",
            "quake-2");
    Run again = lede("related", "--data", data.toString(), "--explain", "--k", "2", "quake-2");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("computed").doesNotContain("stored list");
    JsonNode items = r.lines().get(0).path("related");
    assertThat(items.get(0).path("score").path("embedding").asDouble()).isPositive();
    // The folder's lists are still the words' ones: served as stored, without an embedding part.
    assertThat(again.err()).contains("stored list");
    assertThat(again.lines().get(0).path("related").get(0).path("score").has("embedding"))
        .isFalse();
  }

  @Test
  void related_unknownId_failsWithAMessage_andBadK_isAUsageError() {
    Run r = lede("related", "--data", data.toString(), "nope");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no visible article nope");

    assertThat(lede("related", "--data", data.toString(), "--k", "0", "quake-1").exit())
        .isEqualTo(2);
  }
}
