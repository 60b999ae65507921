package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.Lede;
import dev.lede.LedeIngestBackend;
import dev.lede.index.DateRange;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchQuery;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestReport;
import dev.lede.model.ArticleJson;
import dev.lede.store.Submission;
import dev.lede.store.SubmitResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lede bench}: end-to-end figures for docs/benchmarks.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "End-to-end benchmarks (figures for docs/benchmarks.md).",
    subcommands = {
      BenchCommand.Ingest.class,
      BenchCommand.Search.class,
      BenchDedupCommand.class,
      BenchRelatedCommand.class
    })
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a benchmark: ingest or search");
  }

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = {
        "Ingest N articles (the corpus repeated with seeded variations) into a new data folder"
            + " through the store and the index, and print one JSON object: {\"articles\","
            + " \"seconds\", \"perSecond\", \"batch\", \"threads\", \"fsync\", \"storeBytes\","
            + " \"indexBytes\", \"bytesPerArticle\"}.",
        "Each batch is one store transaction (one commit, one fsync); an article counts once its"
            + " batch is acknowledged. The time includes the final index commit."
      })
  static final class Ingest implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--data",
        required = true,
        paramLabel = "DIR",
        description = "A new data folder.")
    Path data;

    @Option(
        names = "--corpus",
        required = true,
        paramLabel = "FILE",
        description = "JSONL articles.")
    Path corpus;

    @Option(
        names = "--count",
        defaultValue = "100000",
        description = "Articles (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(
        names = "--batch",
        defaultValue = "200",
        description = "Articles per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
        names = "--threads",
        defaultValue = "1",
        description = "Submitting threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Variation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--no-fsync",
        description = "Do not fsync each commit (crash-safe, not power-loss-safe).")
    boolean noFsync;

    @Option(
        names = "--pipeline",
        description =
            "Go through the whole ingest path, as 'lede ingest FILE.jsonl' does: the articles are"
                + " first written to a JSONL file (not timed), then read, parsed and cleaned by"
                + " the ingest stage and stored in its batches (--batch and --threads do not"
                + " apply).")
    boolean pipeline;

    @Override
    public Integer call() throws Exception {
      if (count < 1 || batch < 1 || threads < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--count, --batch and --threads must be positive");
      }
      if (Files.exists(data.resolve(Lede.STORE_FILE))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), data + " already holds a store: the benchmark needs a new folder");
      }
      BenchCorpus c = BenchCorpus.load(corpus, seed);
      PrintWriter err = spec.commandLine().getErr();
      Lede.Options options = DataDirOption.options("bench ingest").withFsyncEachCommit(!noFsync);
      AtomicLong next = new AtomicLong();
      AtomicLong done = new AtomicLong();
      long start;
      long end;
      Path jsonl = pipeline ? writeJsonl(c, count) : null;
      try (Lede lede = Lede.open(data, options)) {
        long cpuStart = processCpuNanos();
        start = System.nanoTime();
        long[] lastReport = {start};
        if (jsonl != null) {
          LedeIngestBackend backend = new LedeIngestBackend(lede);
          try (dev.lede.ingest.Ingest ingest =
              new dev.lede.ingest.Ingest(
                  backend,
                  backend,
                  IngestOptions.builder().progress(IngestOptions.ProgressMode.LOG).build())) {
            IngestReport r = ingest.ingest(List.of(jsonl.toString()));
            if (r.created() != count) {
              throw new IllegalStateException("unexpected " + r.summary());
            }
          } finally {
            Files.deleteIfExists(jsonl);
          }
        } else {
          try (ExecutorService pool =
              Executors.newFixedThreadPool(
                  threads, Thread.ofPlatform().name("bench-", 0).factory())) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              fs.add(
                  pool.submit(
                      () -> {
                        while (true) {
                          long from = next.getAndAdd(batch);
                          if (from >= count) {
                            return null;
                          }
                          long to = Math.min(count, from + batch);
                          List<Submission> b = new ArrayList<>((int) (to - from));
                          for (long n = from; n < to; n++) {
                            b.add(new Submission(c.article(n), "bench"));
                          }
                          for (SubmitResult r : lede.submitAll(b)) {
                            if (r.outcome() != SubmitResult.Outcome.NEW) {
                              throw new IllegalStateException("unexpected " + r);
                            }
                          }
                          long d = done.addAndGet(b.size());
                          synchronized (lastReport) {
                            long now = System.nanoTime();
                            if (now - lastReport[0] > 10_000_000_000L) {
                              lastReport[0] = now;
                              err.printf(
                                  Locale.ROOT,
                                  "bench ingest: %,d articles, %,.0f/s%n",
                                  d,
                                  d / ((now - start) / 1e9));
                              err.flush();
                            }
                          }
                        }
                      }));
            }
            for (Future<?> f : fs) {
              f.get();
            }
          }
        }
        lede.flush();
        end = System.nanoTime();
        long cpu = processCpuNanos() - cpuStart;
        Lede.Stats s = lede.stats();
        double seconds = (end - start) / 1e9;
        ObjectNode o = Json.object();
        o.put("articles", s.articles());
        o.put("indexed", s.indexed());
        o.put("seconds", Math.round(seconds * 10) / 10.0);
        o.put("perSecond", Math.round(count / seconds));
        o.put("batch", batch);
        o.put("threads", threads);
        o.put("fsync", !noFsync);
        o.put("pipeline", pipeline);
        o.put("storeBytes", s.storeBytes());
        o.put("indexBytes", s.indexBytes());
        o.put(
            "bytesPerArticle",
            Math.round((double) (s.storeBytes() + s.indexBytes()) / s.articles()));
        o.put("storeBytesPerArticle", Math.round((double) s.storeBytes() / s.articles()));
        o.put("indexBytesPerArticle", Math.round((double) s.indexBytes() / s.articles()));
        o.put("corpusArticles", c.baseCount());
        o.put("cpuMsPerArticle", Math.round(cpu / 1e6 / count * 1000) / 1000.0);
        o.put("loadAverage", loadAverage());
        spec.commandLine().getOut().println(o);
      }
      return 0;
    }
  }

  /** The benchmark's articles as a JSONL file in the temp folder (article-JSON lines). */
  private static Path writeJsonl(BenchCorpus c, long count) throws IOException {
    Path f = Files.createTempFile("lede-bench-ingest-", ".jsonl");
    try (var w = Files.newBufferedWriter(f, java.nio.charset.StandardCharsets.UTF_8)) {
      for (long n = 0; n < count; n++) {
        w.write(ArticleJson.toJson(c.article(n)));
        w.write('\n');
      }
    }
    return f;
  }

  /** CPU time of the whole process (all threads: merges, flushes, GC), or 0 when unknown. */
  static long processCpuNanos() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(java.time.Duration::toNanos)
        .orElse(0L);
  }

  /** The one-minute load average: how busy the machine was (a shared machine skews timings). */
  static double loadAverage() {
    return Math.round(
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                * 100)
        / 100.0;
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = {
        "Measure search latency on an existing data folder: queries made of 1-3 words of corpus"
            + " headlines (a fifth as quoted phrases, a fifth with a date filter), run one at a"
            + " time after a warm-up, with and without snippets. Prints one JSON object with p50,"
            + " p90, p99 and max in milliseconds."
      })
  static final class Search implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data folder.")
    Path data;

    @Option(
        names = "--corpus",
        required = true,
        paramLabel = "FILE",
        description = "JSONL articles (query words).")
    Path corpus;

    @Option(
        names = "--queries",
        defaultValue = "2000",
        description = "Measured queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(
        names = "--warmup",
        defaultValue = "1000",
        description = "Warm-up queries (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--limit",
        defaultValue = "10",
        description = "Hits per query (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
        names = "--seed",
        defaultValue = "7",
        description = "Query seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
      if (!Files.exists(data.resolve(Lede.STORE_FILE))) {
        throw new CommandLine.ParameterException(spec.commandLine(), data + " holds no store");
      }
      List<SearchQuery> qs = queries(BenchCorpus.load(corpus, seed).titles(), warmup + queries);
      try (Lede lede = Lede.open(data, DataDirOption.options("bench search"))) {
        Lede.Stats stats = lede.stats();
        ObjectNode o = Json.object();
        o.put("articles", stats.articles());
        o.put("queries", queries);
        o.put("limit", limit);
        o.set("withSnippets", run(lede, qs, true));
        o.set("withoutSnippets", run(lede, qs, false));
        spec.commandLine().getOut().println(o);
      }
      return 0;
    }

    private ObjectNode run(Lede lede, List<SearchQuery> qs, boolean snippets) {
      long[] nanos = new long[queries];
      long hits = 0;
      for (int i = 0; i < qs.size(); i++) {
        SearchQuery q = qs.get(i).withSnippets(snippets);
        long t = System.nanoTime();
        hits += lede.search(q).hits().size();
        long d = System.nanoTime() - t;
        if (i >= warmup) {
          nanos[i - warmup] = d;
        }
      }
      Arrays.sort(nanos);
      ObjectNode o = Json.object();
      o.put("p50Ms", ms(nanos[(int) (nanos.length * 0.50)]));
      o.put("p90Ms", ms(nanos[(int) (nanos.length * 0.90)]));
      o.put("p99Ms", ms(nanos[(int) (nanos.length * 0.99)]));
      o.put("maxMs", ms(nanos[nanos.length - 1]));
      o.put("meanHits", Math.round(hits * 100.0 / qs.size()) / 100.0);
      return o;
    }

    private static double ms(long nanos) {
      return Math.round(nanos / 10_000.0) / 100.0;
    }

    private List<SearchQuery> queries(List<String> titles, int n) {
      SplittableRandom r = new SplittableRandom(seed);
      List<SearchQuery> out = new ArrayList<>(n);
      while (out.size() < n) {
        String[] words =
            Arrays.stream(titles.get(r.nextInt(titles.size())).split("\\s+"))
                .map(w -> w.replaceAll("[^\\p{L}\\p{N}'-]", ""))
                .filter(w -> w.length() > 3)
                .toArray(String[]::new);
        if (words.length == 0) {
          continue;
        }
        int k = 1 + r.nextInt(Math.min(3, words.length));
        int from = r.nextInt(words.length - k + 1);
        String text = String.join(" ", Arrays.copyOfRange(words, from, from + k));
        int kind = r.nextInt(5);
        if (kind == 0 && k > 1) {
          text = "\"" + text + "\"";
        }
        SearchFilters f = SearchFilters.NONE;
        if (kind == 1) {
          Instant since = DateRange.parse(Integer.toString(2005 + r.nextInt(18))).start();
          f = f.withSince(since);
        }
        out.add(new SearchQuery(text, f, SearchQuery.Order.RELEVANCE, 0, limit, true));
      }
      return out;
    }
  }
}
