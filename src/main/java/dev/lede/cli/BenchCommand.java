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
            + " \"seconds\", \"perSecond\", \"batch\", \"threads\", \"fsync\", \"dedup\","
            + " \"measured\", \"storeBytes\", \"indexBytes\", \"bytesPerArticle\","
            + " \"cpuMsPerArticle\", …}.",
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
        names = "--warmup",
        defaultValue = "2000",
        description =
            "Articles ingested first, not timed (JIT warm-up; they count in the folder's size)"
                + " (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(
        names = "--no-dedup",
        description =
            "Store and index alone: leave the dedup stage (duplicate links, stories) out of the"
                + " write path. Without it the figure is the full write path as 'lede ingest'"
                + " runs it.")
    boolean noDedup;

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
      if (count < 1 || batch < 1 || threads < 1 || warmup < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--count, --batch and --threads must be positive, --warmup not negative");
      }
      if (Files.exists(data.resolve(Lede.STORE_FILE))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), data + " already holds a store: the benchmark needs a new folder");
      }
      BenchCorpus c = BenchCorpus.load(corpus, seed);
      PrintWriter err = spec.commandLine().getErr();
      Lede.Options options = DataDirOption.options("bench ingest").withFsyncEachCommit(!noFsync);
      if (noDedup) {
        options = options.withoutDedupStage();
      }
      AtomicLong done = new AtomicLong();
      AtomicLong corpusCpu = new AtomicLong();
      long start;
      long end;
      Path jsonl = pipeline ? writeJsonl(c, count) : null;
      try (Lede lede = Lede.open(data, options)) {
        if (warmup > 0) {
          // Not timed: the JIT compiles the write path, the index gets its first segments.
          submitRange(lede, c, count, count + warmup, new AtomicLong(), null);
          lede.flush();
        }
        long cpuStart = processCpuNanos();
        long jitStart = compilerCpuNanos();
        start = System.nanoTime();
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
          submitRange(lede, c, 0, count, corpusCpu, new Progress(err, start, done));
        }
        lede.flush();
        end = System.nanoTime();
        long cpu = processCpuNanos() - cpuStart - corpusCpu.get();
        long jit = jitStart < 0 ? -1 : compilerCpuNanos() - jitStart;
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
        o.put("dedup", !noDedup);
        o.put(
            "measured",
            noDedup ? "store + index alone (no dedup stage)" : "full write path (with dedup)");
        o.put("storeBytes", s.storeBytes());
        o.put("indexBytes", s.indexBytes());
        o.put(
            "bytesPerArticle",
            Math.round((double) (s.storeBytes() + s.indexBytes()) / s.articles()));
        o.put("storeBytesPerArticle", Math.round((double) s.storeBytes() / s.articles()));
        o.put("indexBytesPerArticle", Math.round((double) s.indexBytes() / s.articles()));
        o.put("corpusArticles", c.baseCount());
        o.put("warmup", warmup);
        o.put("cpuMsPerArticle", Math.round(cpu / 1e6 / count * 1000) / 1000.0);
        if (jit >= 0) {
          o.put("jitCpuMsPerArticle", Math.round(jit / 1e6 / count * 1000) / 1000.0);
          o.put("cpuMsPerArticleWithoutJit", Math.round((cpu - jit) / 1e6 / count * 1000) / 1000.0);
        }
        o.put(
            "excludedCorpusCpuMsPerArticle",
            Math.round(corpusCpu.get() / 1e6 / count * 1000) / 1000.0);
        o.put("loadAverage", loadAverage());
        spec.commandLine().getOut().println(o);
      }
      return 0;
    }

    /**
     * Submits articles {@code from} (inclusive) to {@code to} in batches from {@link #threads}
     * threads; the CPU time spent making the articles is added to {@code corpusCpu}.
     */
    private void submitRange(
        Lede lede,
        BenchCorpus c,
        long from,
        long to,
        AtomicLong corpusCpu,
        @org.jspecify.annotations.Nullable Progress progress)
        throws Exception {
      AtomicLong next = new AtomicLong(from);
      java.lang.management.ThreadMXBean mx =
          java.lang.management.ManagementFactory.getThreadMXBean();
      try (ExecutorService pool =
          Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("bench-", 0).factory())) {
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          fs.add(
              pool.submit(
                  () -> {
                    while (true) {
                      long first = next.getAndAdd(batch);
                      if (first >= to) {
                        return null;
                      }
                      long last = Math.min(to, first + batch);
                      long made = mx.getCurrentThreadCpuTime();
                      List<Submission> b = new ArrayList<>((int) (last - first));
                      for (long n = first; n < last; n++) {
                        b.add(new Submission(c.article(n), "bench"));
                      }
                      corpusCpu.addAndGet(mx.getCurrentThreadCpuTime() - made);
                      for (SubmitResult r : lede.submitAll(b)) {
                        if (r.outcome() != SubmitResult.Outcome.NEW) {
                          throw new IllegalStateException("unexpected " + r);
                        }
                      }
                      if (progress != null) {
                        progress.add(b.size());
                      }
                    }
                  }));
        }
        for (Future<?> f : fs) {
          f.get();
        }
      }
    }
  }

  /** Periodic progress lines on stderr. */
  private static final class Progress {
    private final PrintWriter err;
    private final long start;
    private final AtomicLong done;
    private long lastReport;

    Progress(PrintWriter err, long start, AtomicLong done) {
      this.err = err;
      this.start = start;
      this.done = done;
      this.lastReport = start;
    }

    synchronized void add(int n) {
      long d = done.addAndGet(n);
      long now = System.nanoTime();
      if (now - lastReport > 10_000_000_000L) {
        lastReport = now;
        err.printf(
            Locale.ROOT, "bench ingest: %,d articles, %,.0f/s%n", d, d / ((now - start) / 1e9));
        err.flush();
      }
    }
  }

  /**
   * CPU time of the JIT compiler threads so far (Linux: {@code /proc/self/task}), or -1 when it
   * cannot be read. Compiler threads that ended meanwhile are missed, so this is a lower bound.
   */
  static long compilerCpuNanos() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return -1;
    }
    long ticks = 0;
    try (var ds = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) ds::iterator) {
        try {
          String stat =
              Files.readString(t.resolve("stat"), java.nio.charset.StandardCharsets.UTF_8);
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String comm = stat.substring(open + 1, close);
          if (!comm.contains("CompilerThre")) {
            continue;
          }
          String[] f = stat.substring(close + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while being read
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks * 10_000_000L; // USER_HZ is 100 on Linux
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
        "Measure search latency on an existing data folder with a fixed, seeded mix of realistic"
            + " queries made from the corpus: 1-3 words of a headline, 1-2 words of the body, a"
            + " quoted 2-3 word phrase of the body, a title: field query, a headline word with a"
            + " tag filter (--tag), a headline word with a --since date filter, and a word with"
            + " the newest-first order. Queries run one at a time after a warm-up, with and"
            + " without snippets. Prints one JSON object on stdout (p50, p90, p99, max in"
            + " milliseconds of wall time, and under \"cpu\" of the searching thread's CPU time,"
            + " which is what a query costs on a free core whatever else runs on the machine;"
            + " per kind in CPU time) and a summary on stderr."
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

    @Option(
        names = "--no-dedup",
        description =
            "Open the folder without the dedup stage (for a folder built with 'bench ingest"
                + " --no-dedup', which would otherwise be assigned to stories first).")
    boolean noDedup;

    /** The kinds of query in the mix, in equal shares. */
    enum Kind {
      HEADLINE_WORDS,
      BODY_WORDS,
      PHRASE,
      TITLE_FIELD,
      TAG_FILTER,
      SINCE_FILTER,
      NEWEST
    }

    record Timed(Kind kind, SearchQuery query) {}

    @Override
    public Integer call() throws IOException {
      if (queries < 1 || warmup < 0 || limit < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--queries and --limit must be positive, --warmup not negative");
      }
      if (!Files.exists(data.resolve(Lede.STORE_FILE))) {
        throw new CommandLine.ParameterException(spec.commandLine(), data + " holds no store");
      }
      List<Timed> qs =
          queries(BenchCorpus.load(corpus, seed).querySources(), warmup + queries, seed, limit);
      PrintWriter err = spec.commandLine().getErr();
      Lede.Options options = DataDirOption.options("bench search");
      if (noDedup) {
        options = options.withoutDedupStage();
      }
      try (Lede lede = Lede.open(data, options)) {
        Lede.Stats stats = lede.stats();
        ObjectNode o = Json.object();
        o.put("articles", stats.articles());
        o.put("queries", queries);
        o.put("warmup", warmup);
        o.put("limit", limit);
        o.put("seed", seed);
        o.put("storeBytes", stats.storeBytes());
        o.put("indexBytes", stats.indexBytes());
        o.put("indexSegments", stats.indexSegments());
        o.put(
            "bytesPerArticle",
            Math.round((double) (stats.storeBytes() + stats.indexBytes()) / stats.articles()));
        o.set("withSnippets", run(lede, qs, true, err));
        o.set("withoutSnippets", run(lede, qs, false, err));
        o.put("loadAverage", loadAverage());
        spec.commandLine().getOut().println(o);
      }
      return 0;
    }

    private ObjectNode run(Lede lede, List<Timed> qs, boolean snippets, PrintWriter err) {
      long[] nanos = new long[queries];
      long[] cpuNanos = new long[queries];
      java.lang.management.ThreadMXBean mx =
          java.lang.management.ManagementFactory.getThreadMXBean();
      java.util.Map<Kind, List<Long>> byKind = new java.util.EnumMap<>(Kind.class);
      long hits = 0;
      for (int i = 0; i < qs.size(); i++) {
        Timed tq = qs.get(i);
        SearchQuery q = tq.query().withSnippets(snippets);
        long c = mx.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        int n = lede.search(q).hits().size();
        long d = System.nanoTime() - t;
        long cd = mx.getCurrentThreadCpuTime() - c;
        if (i >= warmup) {
          nanos[i - warmup] = d;
          cpuNanos[i - warmup] = cd;
          hits += n;
          byKind.computeIfAbsent(tq.kind(), k -> new ArrayList<>()).add(cd);
        }
      }
      ObjectNode o = percentiles(nanos);
      ObjectNode cpu = percentiles(cpuNanos);
      o.set("cpu", cpu);
      o.put("meanHits", Math.round(hits * 100.0 / queries) / 100.0);
      ObjectNode kinds = Json.object();
      byKind.forEach(
          (k, list) ->
              kinds.set(
                  k.name().toLowerCase(Locale.ROOT),
                  percentiles(list.stream().mapToLong(Long::longValue).toArray())));
      o.set("byKind", kinds);
      err.printf(
          Locale.ROOT,
          "bench search (%s snippets): wall p50 %.2f ms, p99 %.2f ms; CPU p50 %.2f ms, p90 %.2f"
              + " ms, p99 %.2f ms, max %.2f ms (load average %.1f)%n",
          snippets ? "with" : "without",
          o.get("p50Ms").asDouble(),
          o.get("p99Ms").asDouble(),
          cpu.get("p50Ms").asDouble(),
          cpu.get("p90Ms").asDouble(),
          cpu.get("p99Ms").asDouble(),
          cpu.get("maxMs").asDouble(),
          loadAverage());
      err.flush();
      return o;
    }

    private static ObjectNode percentiles(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      ObjectNode o = Json.object();
      o.put("n", sorted.length);
      o.put("p50Ms", ms(sorted[(int) (sorted.length * 0.50)]));
      o.put("p90Ms", ms(sorted[(int) (sorted.length * 0.90)]));
      o.put("p99Ms", ms(sorted[(int) (sorted.length * 0.99)]));
      o.put("maxMs", ms(sorted[sorted.length - 1]));
      return o;
    }

    private static double ms(long nanos) {
      return Math.round(nanos / 10_000.0) / 100.0;
    }

    private static String[] words(String text) {
      return Arrays.stream(text.split("\\s+"))
          .map(w -> w.replaceAll("[^\\p{L}\\p{N}'-]", ""))
          .filter(w -> w.length() > 3)
          .toArray(String[]::new);
    }

    /** A run of 1 to {@code max} consecutive words of {@code words}. */
    private static String run(String[] words, int max, SplittableRandom r) {
      int k = 1 + r.nextInt(Math.min(max, words.length));
      int from = r.nextInt(words.length - k + 1);
      return String.join(" ", Arrays.copyOfRange(words, from, from + k));
    }

    /** The fixed query mix for a seed: deterministic, so runs on two folders compare. */
    static List<Timed> queries(List<BenchCorpus.QuerySource> sources, int n, long seed, int limit) {
      SplittableRandom r = new SplittableRandom(seed);
      Kind[] kinds = Kind.values();
      List<Timed> out = new ArrayList<>(n);
      while (out.size() < n) {
        BenchCorpus.QuerySource src = sources.get(r.nextInt(sources.size()));
        Kind kind = kinds[out.size() % kinds.length];
        String[] title = words(src.title());
        String[] para =
            src.paragraphs().isEmpty()
                ? new String[0]
                : words(String.join(" ", src.paragraphs().get(r.nextInt(src.paragraphs().size()))));
        if (title.length == 0 || para.length < 3) {
          continue;
        }
        SearchFilters f = SearchFilters.NONE;
        SearchQuery.Order order = SearchQuery.Order.RELEVANCE;
        String text = "";
        switch (kind) {
          case HEADLINE_WORDS -> text = run(title, 3, r);
          case BODY_WORDS -> text = run(para, 2, r);
          case PHRASE -> {
            int k = 2 + r.nextInt(2);
            int from = r.nextInt(para.length - k + 1);
            text = "\"" + String.join(" ", Arrays.copyOfRange(para, from, from + k)) + "\"";
          }
          case TITLE_FIELD -> text = "title:" + title[r.nextInt(title.length)];
          case TAG_FILTER -> {
            if (src.tags().isEmpty()) {
              continue;
            }
            text = title[r.nextInt(title.length)];
            f = f.withTags(java.util.Set.of(src.tags().get(r.nextInt(src.tags().size()))));
          }
          case SINCE_FILTER -> {
            text = title[r.nextInt(title.length)];
            f = f.withSince(DateRange.parse(Integer.toString(2005 + r.nextInt(18))).start());
          }
          case NEWEST -> {
            text = title[r.nextInt(title.length)];
            order = SearchQuery.Order.NEWEST;
          }
        }
        out.add(new Timed(kind, new SearchQuery(text, f, order, 0, limit, true)));
      }
      return out;
    }
  }
}
