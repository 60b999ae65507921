package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.Lede;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import dev.lede.testing.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede stories|duplicates|restory} over a real data folder filled through Lede.submit. */
class DedupCommandsTest {
  private static final Instant T0 = Instant.parse("2025-03-04T06:00:00Z");
  private static final String BODY =
      "The city of Marrow Bay opened its new tram line on Saturday, linking the harbour district"
          + " with the university campus in eleven minutes.\n"
          + "Mayor Tilde Anker cut the ribbon at the harbour stop, where several hundred residents"
          + " waited for the first ride despite the rain.\n"
          + "The line cost 240 million crowns and took four years to build, two more than planned,"
          + " after the contractor found old quay walls under the main street.";

  @TempDir Path tmp;

  private Path data() {
    return tmp.resolve("data");
  }

  /** Stores three articles, each first seen at its own time: a, its copy b, and c. */
  private void fill() {
    TestClock clock = new TestClock(T0);
    Lede.Options o =
        Lede.Options.defaults().withClock(clock).withFsyncEachCommit(false).withCommand("test");
    try (Lede lede = Lede.open(data(), o)) {
      lede.submit(article("a", "Marrow Bay opens tram line", BODY), "src-a");
      clock.set(T0.plusSeconds(30 * 60));
      lede.submit(
          article("b", "WATCH: Tram line opens in Marrow Bay", "Share this article\n" + BODY),
          "src-b");
      clock.set(T0.plusSeconds(60 * 60));
      lede.submit(
          article(
              "c",
              "Election results in Ostervik",
              "Voters in Ostervik elected a new council on Sunday with a record turnout of 81"
                  + " percent, the election office said on Monday morning."),
          "src-c");
    }
  }

  private static Article article(String id, String title, String body) {
    List<Block> blocks = new ArrayList<>();
    for (String p : body.split("\n")) {
      blocks.add(new Block.Paragraph(p));
    }
    return Article.builder().id(id).title(title).blocks(blocks).build();
  }

  private static String run(StringWriter err, String... args) {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return code + "\n" + out;
  }

  @Test
  void stories_printsOneJsonLinePerStory_withTheDocumentedFields() throws Exception {
    fill();
    String dir = data().toString();
    String[] lines =
        run(new StringWriter(), "stories", "--data", dir, "--since", "2025-03-01").split("\n");
    assertThat(lines[0]).isEqualTo("0");
    assertThat(lines).hasSize(3);
    JsonNode first = ArticleJson.mapper().readTree(lines[1]);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly("id", "headline", "size", "firstSeen", "lastSeen", "articles");
    assertThat(first.get("size").asInt()).isEqualTo(2);
    assertThat(first.get("articles")).extracting(JsonNode::asText).containsExactly("a", "b");
    assertThat(first.get("firstSeen").asText()).isEqualTo("2025-03-04T06:00:00Z");
    assertThat(first.get("lastSeen").asText()).isEqualTo("2025-03-04T06:30:00Z");
    // --since after the tram story's last article leaves only the election
    String[] later =
        run(new StringWriter(), "stories", "--data", dir, "--since", "2025-03-04T06:45:00Z")
            .split("\n");
    assertThat(later).hasSize(2);
    assertThat(later[1]).contains("\"articles\":[\"c\"]");
  }

  @Test
  void duplicates_printsTheLinks_andFailsOnUnknownIds() {
    fill();
    StringWriter err = new StringWriter();
    String[] lines =
        run(err, "duplicates", "--data", data().toString(), "a", "b", "nope").split("\n");
    assertThat(lines[0]).isEqualTo("1");
    assertThat(lines[1]).isEqualTo("{\"id\":\"a\",\"duplicateOf\":null,\"copies\":[\"b\"]}");
    assertThat(lines[2]).isEqualTo("{\"id\":\"b\",\"duplicateOf\":\"a\",\"copies\":[]}");
    assertThat(err.toString()).contains("no article with id nope");
  }

  @Test
  void restory_placesEveryArticleAgain() {
    fill();
    StringWriter err = new StringWriter();
    assertThat(run(err, "restory", "--data", data().toString())).isEqualTo("0\n");
    assertThat(err.toString()).contains("3 articles placed in 2 stories");
    String[] lines = run(new StringWriter(), "stories", "--data", data().toString()).split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).contains("\"articles\":[\"a\",\"b\"]");
  }
}
