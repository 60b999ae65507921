package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.headline.FaithfulnessGuard;
import dev.lede.headline.HeadlineBackend;
import dev.lede.headline.HeadlineService;
import dev.lede.headline.InMemoryHeadlineStore;
import dev.lede.headline.ThompsonBandit;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HeadlinesCommandTest {
  static final Article ARTICLE =
      Article.builder()
          .id("a1")
          .title("Fire kills nine in Chittagong slum")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "A fire killed nine people in a slum in Chittagong, Bangladesh, officials said.")))
          .build();

  final HeadlineService service =
      new HeadlineService(
          new InMemoryHeadlineStore(),
          id -> id.equals("a1") ? Optional.of(ARTICLE) : Optional.empty(),
          new FaithfulnessGuard(),
          ThompsonBandit.Config.defaults(),
          InstantSource.fixed(Instant.EPOCH),
          new SplittableRandom(1));
  final HeadlineBackend backend = dir -> service;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(HeadlineBackend b, String... args) {
    CommandLine cl = new CommandLine(new HeadlinesCommand(b));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void check_printsTheVerdictAsJson() {
    assertThat(run(backend, "check", "a1", "Nine killed in Chittagong slum fire")).isZero();
    assertThat(out.toString().strip()).isEqualTo("{\"accepted\":true,\"reasons\":[]}");
    out.getBuffer().setLength(0);
    assertThat(run(backend, "check", "--data", "x", "a1", "Twelve killed in Dhaka slum fire"))
        .isEqualTo(2);
    assertThat(out.toString()).startsWith("{\"accepted\":false,\"reasons\":[").contains("Twelve");
  }

  @Test
  void check_worksFromAnArticleFileWithoutAStore(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("a.json");
    Files.writeString(f, ArticleJson.toJson(ARTICLE), StandardCharsets.UTF_8);
    assertThat(
            run(
                HeadlineBackend.UNWIRED,
                "check",
                "--article",
                f.toString(),
                "a1",
                "Nine killed in Chittagong slum fire"))
        .isZero();
    assertThat(out.toString()).contains("\"accepted\":true");
  }

  @Test
  void addListRemoveReport_roundTrip() {
    assertThat(run(backend, "add", "a1", "Nine killed in Chittagong slum fire")).isZero();
    String id = out.toString().replaceAll("(?s).*\"variant\":\"([^\"]+)\".*", "$1").strip();
    out.getBuffer().setLength(0);
    assertThat(run(backend, "list", "a1")).isZero();
    assertThat(out.toString())
        .contains(id)
        .contains("editor")
        .contains("Nine killed in Chittagong slum fire");
    out.getBuffer().setLength(0);
    assertThat(run(backend, "report")).isZero();
    assertThat(out.toString()).contains("a1 RUNNING").contains("original").contains(id);
    assertThat(run(backend, "remove", "a1", id)).isZero();
    assertThat(service.variants("a1")).isEmpty();
  }

  @Test
  void unwiredBackend_failsWithAClearMessage() {
    assertThat(run(HeadlineBackend.UNWIRED, "list", "a1")).isNotZero();
    assertThat(err.toString()).contains("no article store is wired");
  }
}
