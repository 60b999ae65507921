package dev.lede.eval;

import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.InMemoryDedupState;
import dev.lede.model.Article;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lede bench dedup}: fills a {@link Dedup} over the compact {@link InMemoryDedupState} with
 * {@link SyntheticNews} articles up to the target size, timing {@link Dedup#assign} (duplicate
 * check and story assignment together) in windows as the state grows; then, at the full size, times
 * the duplicate check alone ({@link Dedup#findDuplicate}) and full assignment on fresh articles.
 * Text generation is outside the timed calls. One thread (the state is single-writer), so on a
 * 2-core machine the second core is left to the JIT, the GC and the caller.
 */
public final class DedupBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private DedupBench() {}

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
    SyntheticNews news = new SyntheticNews(real, seed);
    long heap0 = usedHeap();
    InMemoryDedupState state = new InMemoryDedupState();
    Dedup dedup = new Dedup(state, config);
    List<Window> windows = new ArrayList<>();
    long window = Math.max(1, articles / 10);
    long nanos = 0;
    long cpu = 0;
    long duplicates = 0;
    for (long i = 1; i <= articles; i++) {
      ArticleRef ref = ref(news.next(), i);
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      duplicates += dedup.assign(ref).isDuplicate() ? 1 : 0;
      nanos += System.nanoTime() - t0;
      cpu += CPU.getCurrentThreadCpuTime() - c0;
      if (i % window == 0) {
        Window w = new Window(i, window / (nanos / 1e9), window / (cpu / 1e9));
        windows.add(w);
        progress.printf(
            Locale.ROOT,
            "  %,d articles in the state: %,.0f assignments/s (%,.0f per CPU second)%n",
            i,
            w.perSecond(),
            w.perCpuSecond());
        progress.flush();
        nanos = 0;
        cpu = 0;
      }
    }
    long stateBytes = state.bytes();
    long heap = usedHeap() - heap0;
    int probe = (int) Math.min(20_000, Math.max(1_000, articles / 50));
    List<ArticleRef> fresh = new ArrayList<>();
    for (int i = 0; i < 2 * probe; i++) {
      fresh.add(ref(news.next(), articles + 1 + i));
    }
    long c0 = CPU.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int found = 0;
    for (int i = 0; i < probe; i++) {
      found += dedup.findDuplicate(fresh.get(i)) != null ? 1 : 0;
    }
    double checks = probe / ((System.nanoTime() - t0) / 1e9);
    double checksCpu = probe / ((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
    c0 = CPU.getCurrentThreadCpuTime();
    t0 = System.nanoTime();
    for (int i = probe; i < 2 * probe; i++) {
      dedup.assign(fresh.get(i));
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
        found,
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
        dedup.stories(java.time.Instant.EPOCH).size(),
        duplicates);
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
