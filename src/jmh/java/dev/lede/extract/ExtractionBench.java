package dev.lede.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * Extraction against plain jsoup parsing of the same real pages, in the same run: one operation
 * processes every sampled page, so ops/s × pages is pages per second on one thread (one core).
 * Pages: every {@code stride}-th page of each set in ../shared/data/extraction (override with
 * {@code -Dlede.shared=DIR}). Run:
 *
 * <pre>
 * ./mvnw -q -Dlede.quick=true -DskipTests test-compile
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *   org.openjdk.jmh.Main ExtractionBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xss8m", "-Xmx1g"})
public class ExtractionBench {
  /** Take every n-th page of each set. */
  @Param("20")
  public int stride;

  private final List<String> pages = new ArrayList<>();

  @Setup
  public void load() throws IOException {
    Path root = Path.of(System.getProperty("lede.shared", "../shared")).resolve("data/extraction");
    for (String set :
        List.of("cleaneval", "cleanportaleval", "dragnet", "l3s-gn1", "readability")) {
      Path html = root.resolve(set).resolve("html");
      if (!Files.isDirectory(html)) {
        throw new IllegalStateException("no extraction set at " + html + " (-Dlede.shared=DIR)");
      }
      List<Path> files;
      try (Stream<Path> s = Files.list(html)) {
        files = s.sorted().toList();
      }
      for (int i = 0; i < files.size(); i += stride) {
        pages.add(Charsets.decodeHtml(Files.readAllBytes(files.get(i)), null));
      }
    }
    System.err.println("ExtractionBench: " + pages.size() + " pages per operation");
  }

  @Benchmark
  public void jsoupParseOnly(Blackhole bh) {
    for (String p : pages) {
      Document d = Jsoup.parse(p);
      bh.consume(d);
    }
  }

  @Benchmark
  public void extract(Blackhole bh) {
    for (String p : pages) {
      try {
        bh.consume(Extractor.fromHtml(p, null));
      } catch (ExtractionException e) {
        bh.consume(e);
      }
    }
  }
}
