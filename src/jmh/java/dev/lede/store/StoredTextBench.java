package dev.lede.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The snippet text of a stored article: the whole stored JSON parsed and the text cut to the
 * highlighter's 10,000 characters (as searches did), against the bounded read (the opening of the
 * JSON that the SQLite store hands over, parsed until the bound; the whole JSON where the opening
 * holds too little), in the same run. Articles: the Wikinews demo corpus as stored JSON, all of
 * them or only those whose text is longer than 20,000 characters. Run:
 *
 * <pre>
 * ./mvnw -q -Dlede.quick=true -DskipTests test-compile
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *   org.openjdk.jmh.Main StoredTextBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class StoredTextBench {
  private static final int MAX_CHARS = 10_000;

  /** "all" articles, or only the "long" ones. */
  @Param({"all", "long"})
  public String articles;

  private final List<String> jsons = new ArrayList<>();
  private final List<String> openings = new ArrayList<>();

  @Setup
  public void load() throws IOException {
    Path file =
        Path.of(System.getProperty("lede.shared", "../shared"))
            .resolve("data/wikinews/articles.jsonl");
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = ArticleJson.mapper().readTree(line);
        String text = o.path("text").asText("");
        if (text.isBlank() || ("long".equals(articles) && text.length() <= 20_000)) {
          continue;
        }
        List<Block> blocks = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
          if (!p.isBlank()) {
            blocks.add(new Block.Paragraph(p.strip()));
          }
        }
        String json =
            StoredForm.toJson(
                Article.builder().title(o.path("title").asText("")).blocks(blocks).build());
        jsons.add(json);
        // What SQLite's substr(json, 1, 2 × max + 4096) hands over.
        openings.add(json.substring(0, Math.min(json.length(), 2 * MAX_CHARS + 4096)));
      }
    }
    System.err.println("StoredTextBench: " + jsons.size() + " articles per operation");
  }

  @Benchmark
  public void wholeJsonThenCut(Blackhole bh) {
    for (String json : jsons) {
      bh.consume(StoredForm.cut(StoredForm.textOf(json), MAX_CHARS));
    }
  }

  @Benchmark
  public void boundedOpening(Blackhole bh) {
    for (int i = 0; i < openings.size(); i++) {
      String text = StoredForm.textOfPrefix(openings.get(i), MAX_CHARS);
      bh.consume(text != null ? text : StoredForm.cut(StoredForm.textOf(jsons.get(i)), MAX_CHARS));
    }
  }
}
