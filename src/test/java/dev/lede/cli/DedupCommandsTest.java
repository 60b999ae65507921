package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.InMemoryDedupState;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DedupCommandsTest {
  private static final Instant T0 = Instant.parse("2025-03-04T06:00:00Z");
  private final Dedup dedup = new Dedup(new InMemoryDedupState(), DedupConfig.defaults());
  private final List<ArticleRef> refs = new ArrayList<>();

  private DedupData data() {
    return new DedupData() {
      @Override
      public Dedup dedup() {
        return dedup;
      }

      @Override
      public Iterable<ArticleRef> articlesInFirstSeenOrder() {
        return refs;
      }

      @Override
      public void close() {}
    };
  }

  private void add(String id, String title, String body, int minutes) {
    List<Block> blocks = new ArrayList<>();
    for (String p : body.split("\n")) {
      blocks.add(new Block.Paragraph(p));
    }
    Article a = Article.builder().id(id).title(title).blocks(blocks).build();
    ArticleRef r = ArticleRef.of(id, a, "src-" + id, "Source " + id, T0.plusSeconds(60L * minutes));
    refs.add(r);
    dedup.assign(r);
  }

  private String run(Object command, StringWriter err, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return code + "\n" + out;
  }

  private static final String BODY =
      "The city of Marrow Bay opened its new tram line on Saturday, linking the harbour district"
          + " with the university campus in eleven minutes.\n"
          + "Mayor Tilde Anker cut the ribbon at the harbour stop, where several hundred residents"
          + " waited for the first ride despite the rain.\n"
          + "The line cost 240 million crowns and took four years to build, two more than planned,"
          + " after the contractor found old quay walls under the main street.";

  @Test
  void stories_printsOneJsonLinePerStory_withTheDocumentedFields() throws Exception {
    add("a", "Marrow Bay opens tram line", BODY, 0);
    add("b", "WATCH: Tram line opens in Marrow Bay", "Share this article\n" + BODY, 30);
    add(
        "c",
        "Election results in Ostervik",
        "Voters in Ostervik elected a new council on Sunday"
            + " with a record turnout of 81 percent, the election office said on Monday morning.",
        60);
    StoriesCommand cmd = new StoriesCommand();
    cmd.opener = dir -> data();
    String[] lines = run(cmd, new StringWriter(), "--since", "2025-03-01").split("\n");
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
    String[] later = run(cmd, new StringWriter(), "--since", "2025-03-04T06:45:00Z").split("\n");
    assertThat(later).hasSize(2);
    assertThat(later[1]).contains("\"articles\":[\"c\"]");
  }

  @Test
  void duplicates_printsTheLinks_andFailsOnUnknownIds() throws Exception {
    add("a", "Marrow Bay opens tram line", BODY, 0);
    add("b", "WATCH: Tram line opens in Marrow Bay", "Share this article\n" + BODY, 30);
    DuplicatesCommand cmd = new DuplicatesCommand();
    cmd.opener = dir -> data();
    StringWriter err = new StringWriter();
    String[] lines = run(cmd, err, "a", "b", "nope").split("\n");
    assertThat(lines[0]).isEqualTo("1");
    assertThat(lines[1]).isEqualTo("{\"id\":\"a\",\"duplicateOf\":null,\"copies\":[\"b\"]}");
    assertThat(lines[2]).isEqualTo("{\"id\":\"b\",\"duplicateOf\":\"a\",\"copies\":[]}");
    assertThat(err.toString()).contains("no article with id nope");
  }

  @Test
  void restory_placesEveryArticleAgain() {
    add("a", "Marrow Bay opens tram line", BODY, 0);
    add("b", "WATCH: Tram line opens in Marrow Bay", "Share this article\n" + BODY, 30);
    RestoryCommand cmd = new RestoryCommand();
    cmd.opener = dir -> data();
    StringWriter err = new StringWriter();
    assertThat(run(cmd, err)).isEqualTo("0\n");
    assertThat(err.toString()).contains("2 articles placed in 1 stories");
  }

  @Test
  void withoutAStore_theCommandsSayWhy() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "stories");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("store is not available");
  }
}
