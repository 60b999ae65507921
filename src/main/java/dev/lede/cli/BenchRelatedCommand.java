package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.Lede;
import dev.lede.LedeRelated;
import dev.lede.index.Embedder;
import dev.lede.index.IndexEntry;
import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.index.TermStats;
import dev.lede.index.lucene.LuceneSearchIndex;
import dev.lede.recommend.Related;
import dev.lede.recommend.RelatedData;
import dev.lede.recommend.RelatedList;
import dev.lede.recommend.RelatedListStore;
import dev.lede.store.sqlite.SqliteArticleStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lede bench related}. */
@Command(
    name = "related",
    mixinStandardHelpOptions = true,
    description = {
      "Latency of related lists on an existing data folder, one at a time in one thread: --warmup",
      "fresh lists of other articles first (untimed: JIT and caches), then --samples fresh lists",
      "of randomly chosen articles (computed from the index, not stored), then the same lists",
      "computed again (as a neighbour's arrival has them recomputed; 'recomputedDiffering' counts",
      "those whose items differ from the first), then the same lists",
      "stored in DIR/related.db (with the warm-up lists) and served: the warm-up lists read from",
      "SQLite first (untimed), then a pass that reads each measured list from SQLite, then passes",
      "served by the in-process cache. Prints one JSON object with p50, p90, p99 and max in ms",
      "(wall clock; for fresh and SQLite-read lists also the CPU time of the measuring thread,",
      "steadier on a busy machine)."
    })
final class BenchRelatedCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data folder.")
  Path data;

  @Option(
      names = "--samples",
      defaultValue = "500",
      description = "Measured articles (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--warmup",
      defaultValue = "200",
      description = "Untimed fresh lists first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Sample seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--store-and-index-only",
      description = {
        "Open the folder's store and index directly, without the dedup stage: no stories and no",
        "duplicate links (every copy is a candidate; the ranker's near-copy guard still applies).",
        "For folders whose dedup state was never built, which opening them normally would build."
      })
  boolean storeAndIndexOnly;

  @Option(
      names = "--prepare",
      description = {
        "First make and store every article's profile and query, one article at a time, as the",
        "refresher does when an article arrives (timed: \"prepare\" in the output); the fresh lists",
        "measured are then those a reader gets for an article that has arrived."
      })
  boolean prepare;

  @Option(
      names = "--embeddings",
      description = {
        "Rank with sentence embeddings too (as `lede serve --embeddings`): with --prepare every",
        "article's vector is made and kept with its profile first (about 17 ms of CPU each)."
      })
  boolean embeddings;

  @Option(
      names = "--stand-in-vectors",
      description = {
        "With --embeddings: vectors from a stand-in instead of the model, a random projection of",
        "the opening's words (a few microseconds instead of about 17 ms), so that --prepare gives",
        "every article a vector in minutes. Measures what vectors cost a list, not the model.",
        "Works on a temporary copy of DIR/related.db: the folder's lists and profiles never get",
        "stand-in vectors (a server with --embeddings would take them for the model's)."
      })
  boolean standInVectors;

  @Option(
      names = "--stand-in-stories",
      paramLabel = "N",
      defaultValue = "0",
      description = {
        "With --store-and-index-only: stand-in stories of N articles of consecutive ids",
        "(\"syn-1\" … \"syn-N\" one story, and so on; the synthetic corpus writes each event's",
        "articles one after another, 6 on average), so that what stories cost a list (their",
        "members read as candidates, left out of the ranking) is measured on a folder",
        "whose dedup state was never built. 0 (default): no stories."
      })
  int standInStories;

  /** The articles to measure, and the data and lists to measure them on. */
  private record Setup(List<String> ids, RelatedData data, RelatedListStore lists) {}

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(data.resolve(Lede.STORE_FILE))) {
      throw new CommandLine.ParameterException(spec.commandLine(), data + " holds no store");
    }
    if (samples < 1 || warmup < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--samples must be positive and --warmup not negative");
    }
    if (standInStories < 0 || (standInStories > 0 && !storeAndIndexOnly)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--stand-in-stories takes N >= 0 with --store-and-index-only");
    }
    if (standInVectors && !embeddings) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--stand-in-vectors goes with --embeddings");
    }
    PrintWriter err = spec.commandLine().getErr();
    if (storeAndIndexOnly) {
      List<String> ids = new ArrayList<>();
      try (java.sql.Connection c =
              java.sql.DriverManager.getConnection(
                  "jdbc:sqlite:file:"
                      + data.resolve(Lede.STORE_FILE).toAbsolutePath()
                      + "?mode=ro");
          java.sql.Statement st = c.createStatement();
          java.sql.ResultSet rs = st.executeQuery("SELECT id FROM articles WHERE hidden = 0")) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      try (SqliteArticleStore store =
              SqliteArticleStore.open(
                  data.resolve(Lede.STORE_FILE), InstantSource.system(), false);
          LuceneSearchIndex index =
              LuceneSearchIndex.open(
                  data.resolve(Lede.INDEX_DIR), InstantSource.system(), store::texts);
          ListsFolder folder = ListsFolder.of(data, standInVectors);
          RelatedListStore lists = LedeRelated.listsIn(folder.dir());
          RelatedListStore served = LedeRelated.listsIn(folder.dir())) {
        if (index.needsRebuild()) {
          rebuild(err, store, index);
        }
        index.refresh();
        RelatedData d = new StoreAndIndex(store, index, standInStories);
        measure(err, ids, d, lists, () -> served);
      }
      return 0;
    }
    if (standInVectors) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--stand-in-vectors goes with --store-and-index-only");
    }
    try (Lede lede = Lede.open(data, DataDirOption.options("bench related"));
        RelatedListStore lists = LedeRelated.listsOf(lede);
        RelatedListStore served = LedeRelated.listsOf(lede)) {
      List<String> ids = new ArrayList<>();
      lede.forEachStory(Instant.EPOCH, s -> ids.addAll(s.articles()));
      ids.removeIf(id -> lede.article(id).map(a -> a.hidden()).orElse(true));
      measure(err, ids, LedeRelated.dataOf(lede), lists, () -> served);
    }
    return 0;
  }

  /**
   * Rebuilds an index written with another layout from the store (plain entries: no stories or
   * duplicate links, as the rest of this path): opened in another layout the index is empty until
   * rebuilt, and every list would be measured over nothing.
   */
  private static void rebuild(PrintWriter err, SqliteArticleStore store, LuceneSearchIndex index) {
    long seq = store.lastChange();
    long started = System.nanoTime();
    long[] n = {0};
    err.println("bench related: the index has another layout; rebuilding it from the store");
    err.flush();
    store.forEach(
        false,
        s -> {
          index.upsert(new IndexEntry(s.id(), s.sourceId(), s.article()));
          if (++n[0] % 50_000 == 0) {
            err.printf(Locale.ROOT, "bench related: reindexed %,d articles%n", n[0]);
            err.flush();
          }
        });
    index.commit(seq);
    err.printf(
        Locale.ROOT,
        "bench related: index rebuilt, %,d articles in %.1f s%n",
        n[0],
        (System.nanoTime() - started) / 1e9);
    err.flush();
  }

  private void measure(
      PrintWriter err,
      List<String> all,
      RelatedData d,
      RelatedListStore lists,
      java.util.function.Supplier<RelatedListStore> servedBy) {
    List<String> ids = new ArrayList<>(all);
    Collections.sort(ids);
    Collections.shuffle(ids, new java.util.Random(seed));
    if (ids.size() < 2) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), data + " holds too few articles");
    }
    int n = Math.min(samples, ids.size() / 2);
    int w = Math.min(warmup, ids.size() - n);
    List<String> measured = ids.subList(0, n);
    List<String> warm = ids.subList(n, n + w);
    err.printf(
        Locale.ROOT,
        "bench related: %,d articles; %d warm-up lists, %d measured%n",
        ids.size(),
        w,
        n);
    Embedder embedder =
        !embeddings ? null : standInVectors ? new StandInEmbedder() : Embedder.bgeSmall();
    Related related =
        new Related(d, lists, Related.Settings.defaults(), InstantSource.system(), embedder);
    int k = related.settings().ranking().k();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    ObjectNode prepared = null;
    if (prepare) {
      // In the order of the folder (as articles arrived), one at a time, as the refresher does.
      List<String> order = new ArrayList<>(all);
      Collections.sort(order);
      long[] cpu = new long[order.size()];
      int made = 0;
      long p0 = System.nanoTime();
      for (int i = 0; i < order.size(); i++) {
        long c = threads.getCurrentThreadCpuTime();
        made += related.prepare(List.of(order.get(i)));
        cpu[i] = threads.getCurrentThreadCpuTime() - c;
        if ((i + 1) % 10_000 == 0) {
          err.printf(
              Locale.ROOT,
              "bench related: prepared %,d of %,d articles, %.1f s%n",
              i + 1,
              order.size(),
              (System.nanoTime() - p0) / 1e9);
          err.flush();
        }
      }
      prepared = stats(cpu);
      prepared.put("made", made);
      prepared.put("wallMsPerArticle", ms((System.nanoTime() - p0) / Math.max(1, order.size())));
    }
    long t0 = System.nanoTime();
    List<RelatedList> warmLists = new ArrayList<>(w);
    for (String id : warm) {
      warmLists.add(related.compute(id, k));
    }
    err.printf(Locale.ROOT, "bench related: warm-up %.1f s%n", (System.nanoTime() - t0) / 1e9);
    long[] fresh = new long[n];
    long[] freshCpu = new long[n];
    Map<String, RelatedList> computed = new LinkedHashMap<>();
    double items = 0;
    for (int i = 0; i < n; i++) {
      String id = measured.get(i);
      RelatedList l = timed(threads, () -> related.compute(id, k), fresh, freshCpu, i);
      computed.put(id, l);
      items += l.items().size();
    }
    // The same lists computed again, as the refresher does when a neighbour arrives: the subject's
    // profile and query are kept, and its candidate search starts from the last search's floor.
    long[] again = new long[n];
    long[] againCpu = new long[n];
    int same = 0;
    for (int i = 0; i < n; i++) {
      String id = measured.get(i);
      RelatedList l = timed(threads, () -> related.compute(id, k), again, againCpu, i);
      same += itemIds(l).equals(itemIds(computed.get(id))) ? 1 : 0;
    }
    warmLists.forEach(lists::put);
    computed.values().forEach(lists::put);
    // Served through a second list store on the same file: the warm-up lists are read from SQLite
    // first (untimed: JIT, as on a server that has been serving for a while), then each measured
    // list once from SQLite (its cache has never seen it), then the next passes from its cache.
    Related serving =
        new Related(d, servedBy.get(), related.settings(), InstantSource.system(), embedder);
    for (RelatedList l : warmLists) {
      serving.get(l.id(), k);
    }
    long[] fromDb = new long[n];
    long[] fromDbCpu = new long[n];
    for (int i = 0; i < n; i++) {
      String id = measured.get(i);
      RelatedList l = timed(threads, () -> serving.get(id, k), fromDb, fromDbCpu, i);
      if (!l.stored()) {
        throw new IllegalStateException("the list of " + id + " was not stored");
      }
    }
    long[] cached = new long[n * 3];
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        serving.get(measured.get(i), k);
        cached[round * n + i] = System.nanoTime() - t;
      }
    }
    ObjectNode o = Json.object();
    o.put("articles", ids.size());
    o.put("dedup", !storeAndIndexOnly);
    o.put("standInStories", standInStories);
    o.put("embeddings", embeddings);
    o.put("samples", n);
    o.put("warmup", w);
    o.put("meanItems", Math.round(items / n * 100) / 100.0);
    if (prepared != null) {
      o.set("prepareThreadCpu", prepared);
    }
    o.set("fresh", stats(fresh));
    o.set("freshThreadCpu", stats(freshCpu));
    o.set("recomputed", stats(again));
    o.set("recomputedThreadCpu", stats(againCpu));
    o.put("recomputedDiffering", n - same);
    o.set("storedFromDb", stats(fromDb));
    o.set("storedFromDbThreadCpu", stats(fromDbCpu));
    o.set("storedCached", stats(cached));
    o.put("loadAverage", BenchCommand.loadAverage());
    spec.commandLine().getOut().println(o);
  }

  /** Runs {@code work}, putting its wall and thread CPU nanoseconds at {@code i}. */
  private static RelatedList timed(
      java.lang.management.ThreadMXBean threads,
      java.util.function.Supplier<RelatedList> work,
      long[] wall,
      long[] cpu,
      int i) {
    long c = threads.getCurrentThreadCpuTime();
    long t = System.nanoTime();
    RelatedList l = work.get();
    wall[i] = System.nanoTime() - t;
    cpu[i] = threads.getCurrentThreadCpuTime() - c;
    return l;
  }

  private static List<String> itemIds(RelatedList l) {
    List<String> ids = new ArrayList<>(l.items().size());
    for (RelatedList.Item it : l.items()) {
      ids.add(it.id());
    }
    return ids;
  }

  /**
   * The stand-in story of an id of letters, a hyphen and a number ({@code --stand-in-stories}):
   * "syn-1" to "syn-N" are story "syn-#0", and so on; null for other ids or a size of 0.
   */
  static @Nullable String standInStory(String id, int size) {
    long n = serial(id, size);
    return n < 1 ? null : id.substring(0, id.indexOf('-')) + "-#" + (n - 1) / size;
  }

  /** The other ids of an id's stand-in story, from the last, {@code limit} at most. */
  static List<String> standInMembers(String id, int size, int limit) {
    long n = serial(id, size);
    if (n < 1 || limit <= 0) {
      return List.of();
    }
    String prefix = id.substring(0, id.indexOf('-') + 1);
    long first = (n - 1) / size * size + 1;
    List<String> out = new ArrayList<>();
    for (long m = first + size - 1; m >= first && out.size() < limit; m--) {
      if (m != n) {
        out.add(prefix + m);
      }
    }
    return out;
  }

  /** The number of an id of letters, a hyphen and a number ("syn-42": 42); else 0. */
  private static long serial(String id, int size) {
    int i = id.indexOf('-');
    if (size <= 0
        || i < 1
        || i + 1 >= id.length()
        || id.length() - i > 16
        || id.charAt(i + 1) == '0') {
      return 0;
    }
    for (int j = 0; j < id.length(); j++) {
      char c = id.charAt(j);
      boolean ok = j < i ? Character.isLetter(c) : j == i || (c >= '0' && c <= '9');
      if (!ok) {
        return 0;
      }
    }
    return Long.parseLong(id.substring(i + 1));
  }

  /**
   * {@link RelatedData} over a store and an index opened directly: no copies, and no stories but
   * the stand-in ones of {@code storySize} consecutive ids when that is positive.
   */
  private record StoreAndIndex(SqliteArticleStore store, LuceneSearchIndex index, int storySize)
      implements RelatedData {
    @Override
    public java.util.Optional<Doc> article(String id) {
      return store
          .get(id)
          .filter(s -> !s.hidden())
          .map(s -> new Doc(s.id(), s.sourceId(), s.article()));
    }

    @Override
    public boolean isVisible(String id) {
      return store.isVisible(id);
    }

    @Override
    public List<SearchHit> similar(RelatedQuery query) {
      return index.related(query);
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
      return index.search(query).hits();
    }

    @Override
    public TermStats termStats(java.util.Collection<String> terms) {
      return index.termStats(terms);
    }

    @Override
    public long count(SearchQuery q) {
      return index.search(new SearchQuery(q.text(), q.filters(), q.order(), 0, 0, false)).total();
    }

    @Override
    public List<String> analyze(String text) {
      return index.analyze(text);
    }

    @Override
    public @Nullable String storyOf(String id) {
      return standInStory(id, storySize);
    }

    @Override
    public List<String> storyMembers(String id, int limit) {
      return standInMembers(id, storySize, limit);
    }

    @Override
    public @Nullable String duplicateOf(String id) {
      return null;
    }

    @Override
    public void refresh() {
      index.refresh();
    }
  }

  static ObjectNode stats(long[] nanos) {
    long[] s = nanos.clone();
    java.util.Arrays.sort(s);
    ObjectNode o = Json.object();
    o.put("p50Ms", ms(s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.50) - 1)]));
    o.put("p90Ms", ms(s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.90) - 1)]));
    o.put("p99Ms", ms(s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]));
    o.put("maxMs", ms(s[s.length - 1]));
    return o;
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }

  /**
   * Where the bench keeps its lists and profiles: the data folder itself, or a temporary folder
   * holding a copy of its {@code related.db} (deleted on close).
   */
  private record ListsFolder(Path dir, boolean temporary) implements AutoCloseable {
    static ListsFolder of(Path data, boolean copy) throws java.io.IOException {
      if (!copy) {
        return new ListsFolder(data, false);
      }
      ListsFolder folder = new ListsFolder(Files.createTempDirectory("lede-bench-related"), true);
      try {
        for (String suffix : List.of("", "-wal")) {
          Path f = data.resolve("related.db" + suffix);
          if (Files.exists(f)) {
            Files.copy(f, folder.dir().resolve(f.getFileName()));
          }
        }
      } catch (java.io.IOException | RuntimeException e) {
        folder.close(); // a copy cut short (a full disk) leaves nothing behind
        throw e;
      }
      return folder;
    }

    @Override
    public void close() throws java.io.IOException {
      if (temporary) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    }
  }

  /**
   * A stand-in for the model in latency benchmarks: each word of the text adds a pseudo-random ±1
   * vector chosen by its hash, and the sum is made unit length — texts sharing words get close
   * vectors, as with the model, at a few microseconds a text. Never used to rank for readers.
   */
  static final class StandInEmbedder implements Embedder {
    private static final int DIMENSIONS = 384;

    @Override
    public float[] embed(String text) {
      float[] v = new float[DIMENSIONS];
      for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (w.isEmpty()) {
          continue;
        }
        long h = w.hashCode() * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < DIMENSIONS; i++) {
          if ((i & 63) == 0) {
            h = h * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            h ^= h >>> 29;
          }
          v[i] += ((h >>> (i & 63)) & 1) == 0 ? 1f : -1f;
        }
      }
      boolean empty = true;
      for (float x : v) {
        empty &= x == 0;
      }
      if (empty) {
        v[0] = 1; // no words: a unit vector all the same
      }
      return Embedder.toUnitLength(v);
    }

    @Override
    public int dimensions() {
      return DIMENSIONS;
    }

    @Override
    public String model() {
      return "stand-in-" + DIMENSIONS;
    }
  }
}
