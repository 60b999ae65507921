package dev.lede.index.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The body-text analysis chain with and without the {@link StemCache}, in the same run: one
 * operation analyses all 344 Wikinews articles (their JSON lines, as the index sees text), so ops/s
 * × 344 is articles per second of analysis on one thread. Run:
 *
 * <pre>
 * ./mvnw -q -Dlede.quick=true -DskipTests test-compile
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *   org.openjdk.jmh.Main AnalysisBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class AnalysisBench {
  private List<String> texts = List.of();
  private Analyzer cached;
  private Analyzer plain;

  @Setup
  public void load() throws IOException {
    Path file =
        Path.of(System.getProperty("lede.shared", "../shared"))
            .resolve("data/wikinews/articles.jsonl");
    texts = Files.readAllLines(file, StandardCharsets.UTF_8);
    cached = new NewsAnalyzer(true, true);
    plain = new NewsAnalyzer(true, false);
  }

  @TearDown
  public void close() {
    cached.close();
    plain.close();
  }

  @Benchmark
  public long kstemCached() throws IOException {
    return analyse(cached);
  }

  @Benchmark
  public long kstemPlain() throws IOException {
    return analyse(plain);
  }

  private long analyse(Analyzer a) throws IOException {
    long sum = 0;
    for (String t : texts) {
      try (TokenStream ts = a.tokenStream("body", t)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          sum += term.length();
        }
        ts.end();
      }
    }
    return sum;
  }
}
