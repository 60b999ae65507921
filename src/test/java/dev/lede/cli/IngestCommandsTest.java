package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lede.ingest.InMemoryRegistry;
import dev.lede.ingest.InMemorySink;
import dev.lede.ingest.IngestSink;
import dev.lede.ingest.SourceRegistry;
import dev.lede.model.ArticleJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The ingest commands on in-memory backends handed in through the {@link IngestBackends} seam. */
class IngestCommandsTest {
  @TempDir Path dir;
  private final InMemorySink sink = new InMemorySink();
  private final InMemoryRegistry registry = new InMemoryRegistry();
  private Path openedWith;

  private final IngestBackends.Opener opener =
      data -> {
        openedWith = data;
        return new IngestBackends() {
          @Override
          public IngestSink sink() {
            return sink;
          }

          @Override
          public SourceRegistry sources() {
            return registry;
          }

          @Override
          public void close() {}
        };
      };

  private record Result(int code, String out, String err) {}

  private Result run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path jsonl(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void ingest_file_exit0_summaryOnStderr_nothingOnStdout() throws Exception {
    Path f = jsonl("a.jsonl", "{\"id\": \"a\", \"text\": \"Title\\nBody.\"}\nbroken\n");
    Result r =
        run(
            new IngestCommand(opener),
            "--data",
            dir.resolve("d").toString(),
            "--progress",
            "none",
            f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("lede ingest: fetched 1, new 1, updated 0, unchanged 0, failed 1");
    assertThat(openedWith).isEqualTo(dir.resolve("d"));
    assertThat(sink.all()).hasSize(1);
  }

  @Test
  void ingest_json_reportOnStdout() throws Exception {
    Path f = jsonl("a.jsonl", "{\"id\": \"a\", \"text\": \"Title\\nBody.\"}\n");
    Result r = run(new IngestCommand(opener), "--progress", "none", "--json", f.toString());
    JsonNode n = ArticleJson.mapper().readTree(r.out());
    assertThat(n.get("new").asInt()).isEqualTo(1);
    assertThat(n.get("failed").asInt()).isZero();
  }

  @Test
  void ingest_nothingReadable_exit1() {
    Result r =
        run(
            new IngestCommand(opener),
            "--progress",
            "none",
            dir.resolve("missing.jsonl").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("failed 1");
  }

  @Test
  void ingest_usageErrors_exit2() {
    assertThat(run(new IngestCommand(opener)).code()).isEqualTo(2); // no SOURCE
    assertThat(run(new IngestCommand(opener), "--progress", "sometimes", "x").code()).isEqualTo(2);
    assertThat(run(new IngestCommand(opener), "--delay", "soon", "x").code()).isEqualTo(2);
    assertThat(run(new IngestCommand(opener), "--threads", "0", "x").code()).isEqualTo(2);
  }

  @Test
  void help_documentsTheFlags() {
    Result r = run(new IngestCommand(opener), "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "--allow-private",
            "--user-agent",
            "--contact",
            "--data",
            "--delay",
            "--no-full-text",
            "Exit status");
  }

  @Test
  void sources_addListPauseRemove() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("dump"));
    jsonl("dump/a.jsonl", "{\"id\": \"a\", \"text\": \"Title\\nBody.\"}\n");
    Result add =
        run(
            new SourcesCommand(opener),
            "add",
            "--id",
            "dump",
            "--rights",
            "excerpt",
            folder.toString());
    assertThat(add.code()).as(add.err()).isZero();
    JsonNode s = ArticleJson.mapper().readTree(add.out());
    assertThat(s.get("id").asText()).isEqualTo("dump");
    assertThat(s.get("kind").asText()).isEqualTo("file");
    assertThat(s.get("rights").asText()).isEqualTo("excerpt");

    assertThat(run(new SourcesCommand(opener), "add", "--id", "dump", folder.toString()).code())
        .isEqualTo(1); // id taken

    Result poll = run(new SourcesCommand(opener), "poll", "--progress", "none", "dump");
    assertThat(poll.code()).isZero();
    assertThat(poll.err()).contains("new 1");

    assertThat(run(new SourcesCommand(opener), "pause", "dump").code()).isZero();
    Result list = run(new SourcesCommand(opener), "list");
    JsonNode listed = ArticleJson.mapper().readTree(list.out().strip());
    assertThat(listed.get("paused").asBoolean()).isTrue();
    assertThat(listed.get("lastSuccess").isNull()).isFalse();

    assertThat(run(new SourcesCommand(opener), "remove", "dump").code()).isZero();
    assertThat(run(new SourcesCommand(opener), "remove", "dump").code()).isEqualTo(1);
    assertThat(run(new SourcesCommand(opener), "list").out()).isEmpty();
  }

  @Test
  void sources_unknownKindOrId_usageError() {
    assertThat(run(new SourcesCommand(opener), "add", "--kind", "podcast", "x").code())
        .isEqualTo(2);
    assertThat(run(new SourcesCommand(opener), "poll", "--progress", "none", "nope").code())
        .isEqualTo(2);
    assertThat(run(new SourcesCommand(opener)).code()).isEqualTo(2);
  }

  @Test
  void ingest_loopbackUrl_refusedByDefault_allowedWithAllowPrivate() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/story",
        ex -> {
          byte[] b =
              "<html><head><title>Loopback story</title></head><body><p>Told on loopback.</p></body></html>"
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/story";
      Result refused = run(new IngestCommand(opener), "--progress", "none", url);
      assertThat(refused.code()).isEqualTo(1);
      assertThat(sink.failures())
          .anySatisfy(x -> assertThat(x.reason()).contains("--allow-private"));
      assertThat(sink.all()).isEmpty();

      Result allowed =
          run(
              new IngestCommand(opener),
              "--progress",
              "none",
              "--allow-private",
              "--delay",
              "0s",
              url);
      assertThat(allowed.code()).as(allowed.err()).isZero();
      assertThat(sink.all())
          .singleElement()
          .satisfies(a -> assertThat(a.text()).contains("Told on loopback."));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void main_registersCommands() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int help = Main.run(new PrintWriter(out), new PrintWriter(err), "sources", "--help");
    assertThat(help).isZero();
    assertThat(out.toString()).contains("add", "list", "remove", "poll", "watch");
  }
}
