package dev.lede.cli;

import dev.lede.dedup.DedupConfig;
import dev.lede.eval.DedupBench;
import dev.lede.eval.EvalStream;
import dev.lede.eval.NewsCorpus;
import dev.lede.model.Article;
import dev.lede.store.sqlite.SqliteArticleStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lede bench dedup}. */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = {
      "Duplicate checks and story assignment per second as the state grows to --articles",
      "synthetic articles (made from the Wikinews and ECB+ words), and bytes per article.",
      "The state lives where Lede keeps it: in a SQLite store (a temporary file unless --store-file),",
      "written in transactions of --batch articles; --memory uses the compact heap state instead",
      "(give the JVM room: LEDE_JAVA_OPTS=-Xmx6g for a million)."
    })
final class BenchDedupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      paramLabel = "DIR",
      description = "The shared data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--articles",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "Articles in the state at the end (default: ${DEFAULT-VALUE}).")
  long articles;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--memory", description = "Keep the state in the heap instead of a SQLite store.")
  boolean memory;

  @Option(
      names = "--store-file",
      paramLabel = "FILE",
      description = "The SQLite file to fill (default: a temporary file, deleted afterwards).")
  Path storeFile;

  @Option(
      names = "--batch",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Articles per store transaction (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = {"-P", "--param"},
      paramLabel = "NAME=VALUE",
      description = "Change a parameter (see DedupConfig).")
  Map<String, String> params = Map.of();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(data.resolve("wikinews"))) {
      throw new CommandLine.ParameterException(spec.commandLine(), data + " has no wikinews/");
    }
    if (articles < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--articles must be positive");
    }
    DedupConfig config = EvalStoriesCommand.configure(spec, params);
    List<Article> real = new ArrayList<>();
    for (NewsCorpus.Doc d : EvalStream.realArticles(data)) {
      real.add(d.article());
    }
    err.printf(
        Locale.ROOT,
        "bench dedup: %,d articles, %d processors, max heap %,d MB%n",
        articles,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    DedupBench.Result r;
    if (memory) {
      r = DedupBench.run(real, articles, seed, config, err);
    } else {
      Path tmp = null;
      Path file = storeFile;
      if (file == null) {
        tmp = Files.createTempDirectory("lede-bench-dedup");
        file = tmp.resolve("dedup.db");
      }
      err.printf(
          Locale.ROOT,
          "bench dedup: state in the SQLite store %s, %d per transaction%n",
          file,
          batch);
      try (DedupBench.Backend b = sqlite(file)) {
        r = DedupBench.run(real, articles, seed, config, b, Math.max(1, batch), err);
      } finally {
        if (tmp != null) {
          deleteTree(tmp);
        }
      }
    }
    out.printf(Locale.ROOT, "articles in state        %,d%n", r.articles());
    out.printf(Locale.ROOT, "%-24s %12s %14s%n", "", "per second", "per CPU second");
    for (DedupBench.Window w : r.fill()) {
      out.printf(
          Locale.ROOT,
          "assign at %,14d %12.0f %14.0f%n",
          w.articlesInState(),
          w.perSecond(),
          w.perCpuSecond());
    }
    out.printf(
        Locale.ROOT,
        "%-24s %12.0f %14.0f%n",
        "duplicate checks",
        r.duplicateChecksPerSecond(),
        r.duplicateChecksPerCpuSecond());
    out.printf(
        Locale.ROOT,
        "%-24s %12.0f %14.0f%n",
        "assignments",
        r.assignmentsPerSecond(),
        r.assignmentsPerCpuSecond());
    out.printf(Locale.ROOT, "state                    %s%n", memory ? "heap" : "SQLite store");
    out.printf(Locale.ROOT, "state bytes/article      %,.0f%n", r.stateBytesPerArticle());
    out.printf(Locale.ROOT, "heap bytes/article       %,.0f%n", r.heapBytesPerArticle());
    out.printf(Locale.ROOT, "stories                  %,d%n", r.stories());
    out.printf(Locale.ROOT, "duplicates found         %,d%n", r.duplicates());
    out.flush();
    return 0;
  }

  /** The dedup state of a SQLite store, fsync off (as a crash-safe, not power-cut-safe, store). */
  static DedupBench.Backend sqlite(Path file) {
    SqliteArticleStore store = SqliteArticleStore.open(file, InstantSource.system(), false);
    return new DedupBench.Backend() {
      @Override
      public dev.lede.dedup.DedupState state() {
        return store.dedupState();
      }

      @Override
      public void transaction(Runnable work) {
        store.writeDerived(
            "bench",
            false,
            () -> {
              work.run();
              return List.of();
            });
      }

      @Override
      public long bytes() {
        return store.diskBytes();
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
