package dev.lede.eval;

import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.DedupState;
import dev.lede.dedup.InMemoryDedupState;
import dev.lede.model.Article;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lede bench dedup}: fills a {@link Dedup} over a {@link Backend} — the store's SQLite
 * tables (what Lede runs on) or the compact {@link InMemoryDedupState} — with {@link SyntheticNews}
 * articles up to the target size, timing {@link Dedup#assign} (duplicate check and story assignment
 * together) in windows as the state grows, in transactions of {@code batch} articles (as Lede's
 * group commit writes them; the commit is timed too); then, at the full size, times the duplicate
 * check alone ({@link Dedup#findDuplicate}) and full assignment on fresh articles. Text generation
 * is outside the timed calls. One thread (the state is single-writer), so on a 2-core machine the
 * second core is left to the JIT, the GC and the caller.
 */
public final class DedupBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private DedupBench() {}

  /** Where the state lives during a run. */
  public interface Backend extends AutoCloseable {
    DedupState state();

    /** Runs {@code work} in one transaction (committed before returning). */
    void transaction(Runnable work);

    /** Bytes the state occupies (on disk for a store, in arrays for the heap state). */
    long bytes();

    @Override
    void close();
  }

  /** The compact heap state. */
  public static Backend inMemory() {
    InMemoryDedupState state = new InMemoryDedupState();
    return new Backend() {
      @Override
      public DedupState state() {
        return state;
      }

      @Override
      public void transaction(Runnable work) {
        work.run();
      }

      @Override
      public long bytes() {
        return state.bytes();
      }

      @Override
      public void close() {}
    };
  }

  /**
   * The rate of full assignment over one window of the fill, by the wall clock and by the thread's
   * CPU time (on a shared machine the CPU rate is what one dedicated core does).
   */
  public record Window(long articlesInState, double perSecond, double perCpuSecond) {}

  /** Figures of one run. */
  public record Result(
      long articles,
      List<Window> fill,
      double duplicateChecksPerSecond,
      double duplicateChecksPerCpuSecond,
      double assignmentsPerSecond,
      double assignmentsPerCpuSecond,
      long stateBytes,
      long heapBytes,
      long stories,
      long duplicates) {
    public double stateBytesPerArticle() {
      return stateBytes / (double) articles;
    }

    public double heapBytesPerArticle() {
      return heapBytes / (double) articles;
    }
  }

  public static Result run(
      List<Article> real, long articles, long seed, DedupConfig config, PrintWriter progress) {
    try (Backend b = inMemory()) {
      return run(real, articles, seed, config, b, 1, progress);
    }
  }

  public static Result run(
      List<Article> real,
      long articles,
      long seed,
      DedupConfig config,
      Backend backend,
      int batch,
      PrintWriter progress) {
    SyntheticNews news = new SyntheticNews(real, seed);
    long heap0 = usedHeap();
    Dedup dedup = new Dedup(backend.state(), config);
    List<Window> windows = new ArrayList<>();
    long window = Math.max(batch, (Math.max(1, articles / 10) / batch) * batch);
    long nanos = 0;
    long cpu = 0;
    long[] duplicates = {0};
    long inWindow = 0;
    List<ArticleRef> refs = new ArrayList<>(batch);
    for (long i = 1; i <= articles; ) {
      refs.clear();
      for (int k = 0; k < batch && i <= articles; k++, i++) {
        refs.add(ref(news.next(), i));
      }
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      backend.transaction(
          () -> {
            for (ArticleRef ref : refs) {
              duplicates[0] += dedup.assign(ref).isDuplicate() ? 1 : 0;
            }
          });
      nanos += System.nanoTime() - t0;
      cpu += CPU.getCurrentThreadCpuTime() - c0;
      inWindow += refs.size();
      if (inWindow >= window || i > articles) {
        Window w = new Window(i - 1, inWindow / (nanos / 1e9), inWindow / (cpu / 1e9));
        windows.add(w);
        progress.printf(
            Locale.ROOT,
            "  %,d articles in the state: %,.0f assignments/s (%,.0f per CPU second)%n",
            i - 1,
            w.perSecond(),
            w.perCpuSecond());
        progress.flush();
        nanos = 0;
        cpu = 0;
        inWindow = 0;
      }
    }
    long stateBytes = backend.bytes();
    long heap = usedHeap() - heap0;
    int probe = (int) Math.min(20_000, Math.max(1_000, articles / 50));
    List<ArticleRef> fresh = new ArrayList<>();
    for (int i = 0; i < 2 * probe; i++) {
      fresh.add(ref(news.next(), articles + 1 + i));
    }
    long c0 = CPU.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int[] found = {0};
    backend.transaction(
        () -> {
          for (int i = 0; i < probe; i++) {
            found[0] += dedup.findDuplicate(fresh.get(i)) != null ? 1 : 0;
          }
        });
    double checks = probe / ((System.nanoTime() - t0) / 1e9);
    double checksCpu = probe / ((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
    c0 = CPU.getCurrentThreadCpuTime();
    t0 = System.nanoTime();
    for (int from = probe; from < 2 * probe; from += batch) {
      List<ArticleRef> part = fresh.subList(from, Math.min(2 * probe, from + batch));
      backend.transaction(() -> part.forEach(dedup::assign));
    }
    double assigns = probe / ((System.nanoTime() - t0) / 1e9);
    double assignsCpu = probe / ((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
    progress.printf(
        Locale.ROOT,
        "  at %,d: %,.0f duplicate checks/s (%,.0f per CPU second; %d of %d found a copy),"
            + " %,.0f assignments/s (%,.0f per CPU second)%n",
        articles,
        checks,
        checksCpu,
        found[0],
        probe,
        assigns,
        assignsCpu);
    return new Result(
        articles,
        windows,
        checks,
        checksCpu,
        assigns,
        assignsCpu,
        stateBytes,
        heap,
        countStories(backend.state()),
        duplicates[0]);
  }

  private static long countStories(DedupState state) {
    long[] n = {0};
    state.forEachStory(Long.MIN_VALUE, r -> n[0]++);
    return n[0];
  }

  private static ArticleRef ref(Article a, long i) {
    String source = "source-" + (i % 400);
    return ArticleRef.of(a.id(), a, source, source, a.published());
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
