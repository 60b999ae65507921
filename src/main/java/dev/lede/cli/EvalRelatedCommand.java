package dev.lede.cli;

import dev.lede.Lede;
import dev.lede.LedeRelated;
import dev.lede.eval.CopyGenerator;
import dev.lede.eval.PlainMoreLikeThis;
import dev.lede.eval.SyntheticNews;
import dev.lede.index.Embedder;
import dev.lede.model.Article;
import dev.lede.recommend.Related;
import dev.lede.recommend.RelatedList;
import dev.lede.recommend.RelatedListStore;
import dev.lede.recommend.RelatedRanker;
import dev.lede.store.Submission;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lede eval related}. */
@Command(
    name = "related",
    mixinStandardHelpOptions = true,
    description = {
      "Related lists of Lede against plain Lucene MoreLikeThis (default settings), in one run on",
      "one data folder: the Wikinews and ECB+ articles with generated copies mixed in (duplicates",
      "and stories from the dedup stage over the same stream). ECB+: duplicates in the top 8,",
      "lists with two items of one event, lists including the other event of the topic. Wikinews:",
      "items sharing a named entity, median age gap, distinct sources and stories per list. Then",
      "latency of a fresh and a stored list, at this size and, with --scale N, after N synthetic",
      "articles more; and the refresh work per ingested article."
    })
final class EvalRelatedCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      paramLabel = "DIR",
      description = "The shared data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--copy-seed",
      paramLabel = "N",
      description = "Seed of the generated copies (default: the held-out seed).")
  long copySeed = CopyGenerator.HELD_OUT_SEED;

  @Option(
      names = "--order-seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the stream order (default: ${DEFAULT-VALUE}).")
  long orderSeed;

  @Option(
      names = "--scale",
      paramLabel = "N",
      defaultValue = "0",
      description = "Add N synthetic articles and measure latency again (default: none).")
  int scale;

  @Option(
      names = "--page",
      paramLabel = "FILE",
      description = "Write 20 Wikinews lists (Lede's and the baseline's) as Markdown to FILE.")
  Path page;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Build the data folder here (default: a temporary folder, deleted after).")
  Path work;

  @Option(
      names = "--same-event",
      paramLabel = "X",
      description = "Overlap of top names and numbers that makes two articles one event (1 = off).")
  double sameEvent = Related.Settings.defaults().sameEventOverlap();

  @Option(
      names = "--entity-candidates",
      paramLabel = "N",
      description =
          "Candidates of the separate entity-and-tag query (0 = names join the text query).")
  int entityCandidates = Related.Settings.defaults().entityCandidates();

  @Option(
      names = "--query-terms",
      paramLabel = "N",
      description = "Most distinctive terms of the article in the candidate query.")
  int queryTerms = Related.Settings.defaults().maxQueryTerms();

  @Option(
      names = "--lambda",
      paramLabel = "X",
      description = "Relevance weight of the diversification (1 = relevance only).")
  double lambda = RelatedRanker.Settings.defaults().lambda();

  @Option(
      names = "--redundancy",
      paramLabel = "X",
      description =
          "Leave out a candidate overlapping a listed item X times as much as the article (0 ="
              + " off).")
  double redundancy = Related.Settings.defaults().redundancy();

  @Option(
      names = "--redundancy-floor",
      paramLabel = "X",
      description = "Least overlap with a listed item that makes a candidate redundant.")
  double redundancyFloor = Related.Settings.defaults().redundancyFloor();

  @Option(
      names = "--redundancy-near-floor",
      paramLabel = "X",
      description =
          "Least overlap with a listed item published within three days (or undated) that makes"
              + " a candidate redundant.")
  double redundancyNearFloor = Related.Settings.defaults().redundancyNearFloor();

  @Option(
      names = "--story-support",
      paramLabel = "X",
      description =
          "Weight of story support: relevance × (1 + X × the summed relevance of up to four other"
              + " reports of the candidate's story); 0 turns it off.")
  double storySupport = Related.Settings.defaults().ranking().storySupport();

  @Option(
      names = "--embeddings",
      description =
          "Rank with sentence embeddings too (bge-small, in process): every article is embedded"
              + " first.")
  boolean embeddings;

  @Option(
      names = "--embedding-weight",
      paramLabel = "X",
      description = "Weight of the embedding cosine in relevance (with --embeddings).")
  double embeddingWeight = Related.Settings.defaults().embeddingWeight();

  @Option(
      names = "--embedding-candidates",
      paramLabel = "N",
      description = "Nearest neighbours by embedding added to the candidates (with --embeddings).")
  int embeddingCandidates = Related.Settings.defaults().embeddingCandidates();

  @Option(
      names = "--embeddings-cache",
      paramLabel = "FILE",
      description =
          "Read the vectors from this file when it holds them all, else write them to it.")
  @org.jspecify.annotations.Nullable
  Path embeddingsCache;

  private Related.Settings settings() {
    Related.Settings d = Related.Settings.defaults();
    return d.withRanking(d.ranking().withLambda(lambda).withStorySupport(storySupport))
        .withRedundancy(redundancy, redundancyFloor)
        .withRedundancyNearFloor(redundancyNearFloor)
        .withSameEventOverlap(sameEvent)
        .withEntityCandidates(entityCandidates)
        .withMaxQueryTerms(queryTerms)
        .withEmbeddings(embeddingWeight, embeddingCandidates);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(data.resolve("ecbplus"))
        || !Files.isDirectory(data.resolve("wikinews"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), data + " has no ecbplus/ and wikinews/ folders");
    }
    boolean temp = work == null;
    Path dir = temp ? Files.createTempDirectory("lede-eval-related") : work;
    try {
      run(out, err, dir);
    } finally {
      if (temp) {
        deleteTree(dir);
      }
    }
    return 0;
  }

  private void run(PrintWriter out, PrintWriter err, Path dir) throws IOException {
    long t0 = System.nanoTime();
    RelatedEvaluation ev = new RelatedEvaluation(data, copySeed, orderSeed);
    err.printf(
        Locale.ROOT,
        "eval related: %d real articles, %d copies, dedup done in %.1f s%n",
        ev.real.size(),
        ev.copies.size(),
        (System.nanoTime() - t0) / 1e9);
    Lede.Options opts =
        DataDirOption.options("eval related")
            .withFsyncEachCommit(false)
            .withRefreshInterval(Duration.ofSeconds(1));
    if (embeddings) {
      try (Embedder e = Embedder.bgeSmall()) {
        ev.embed(e, embeddingsCache, err);
      }
    }
    try (Lede lede = Lede.open(dir, opts)) {
      ev.load(lede);
      int size = ev.stream.size();
      err.printf(Locale.ROOT, "eval related: %d articles stored and indexed%n", size);
      try (PlainMoreLikeThis mlt = new PlainMoreLikeThis(ev.allArticles());
          RelatedListStore lists = LedeRelated.listsOf(lede)) {
        Related related = RelatedEvaluation.related(ev.data(lede), lists, settings());
        List<String> ecb = ev.ecbSubjects();
        List<String> wn = ev.wikinewsSubjects();
        List<Long> nanos = new ArrayList<>();
        // Warm up the JIT and caches on a slice, untimed.
        RelatedEvaluation.ours(
            related, wn.subList(0, Math.min(50, wn.size())), new ArrayList<>(), err);
        Map<String, RelatedList> oursEcb = RelatedEvaluation.ours(related, ecb, nanos, err);
        Map<String, RelatedList> oursWn = RelatedEvaluation.ours(related, wn, nanos, err);
        RelatedEvaluation.Latency fresh = RelatedEvaluation.latency(size, nanos);
        Map<String, List<String>> baseEcb = RelatedEvaluation.baseline(mlt, ecb);
        Map<String, List<String>> baseWn = RelatedEvaluation.baseline(mlt, wn);

        out.printf(
            Locale.ROOT,
            "# eval related: %d articles (%d real, %d generated copies; copy seed %d, order seed"
                + " %d), k = %d%n",
            size,
            ev.real.size(),
            ev.copies.size(),
            copySeed,
            orderSeed,
            RelatedEvaluation.K);
        out.println();
        out.printf(
            Locale.ROOT,
            "ECB+ (%d lists)                    %10s %10s%n",
            ecb.size(),
            "Lede",
            "plain MLT");
        RelatedEvaluation.EcbFigures a =
            ev.ecb(RelatedEvaluation.ids(oursEcb), RelatedEvaluation.fallbacks(oursEcb));
        RelatedEvaluation.EcbFigures b = ev.ecb(baseEcb, Map.of());
        row(out, "duplicates per list (goal 0)", a.duplicatesPerList(), b.duplicatesPerList(), 2);
        pct(out, "lists with a duplicate", a.listsWithDuplicate(), b.listsWithDuplicate());
        pct(
            out,
            "lists with 2 items of one event",
            a.listsWithTwoOfOneEvent(),
            b.listsWithTwoOfOneEvent());
        pct(
            out,
            "lists with the other event (>=90%)",
            a.listsWithOtherEvent(),
            b.listsWithOtherEvent());
        pct(out, "items of the same topic", a.sameTopicShare(), b.sameTopicShare());
        pct(out, "items of the article's own event", a.ownEventShare(), b.ownEventShare());
        pct(out, "labelled fallback items", a.fallbackShare(), b.fallbackShare());
        row(out, "items per list", a.meanLength(), b.meanLength(), 2);
        out.println();
        out.printf(
            Locale.ROOT,
            "Wikinews (%d lists)                %10s %10s%n",
            wn.size(),
            "Lede",
            "plain MLT");
        RelatedEvaluation.WikinewsFigures c =
            ev.wikinews(RelatedEvaluation.ids(oursWn), RelatedEvaluation.fallbacks(oursWn));
        RelatedEvaluation.WikinewsFigures d = ev.wikinews(baseWn, Map.of());
        pct(out, "items sharing a named entity", c.sharingEntityShare(), d.sharingEntityShare());
        pct(
            out,
            "items sharing an uncommon name",
            c.sharingUncommonShare(),
            d.sharingUncommonShare());
        row(out, "median age gap (days)", c.medianAgeGapDays(), d.medianAgeGapDays(), 1);
        row(
            out,
            "distinct sources per list",
            c.distinctSourcesPerList(),
            d.distinctSourcesPerList(),
            2);
        row(
            out,
            "distinct stories per list",
            c.distinctStoriesPerList(),
            d.distinctStoriesPerList(),
            2);
        row(out, "duplicates per list", c.duplicatesPerList(), d.duplicatesPerList(), 2);
        pct(out, "labelled fallback items", c.fallbackShare(), d.fallbackShare());
        row(out, "items per list", c.meanLength(), d.meanLength(), 2);
        out.println();
        Map<String, RelatedList> all = new java.util.HashMap<>(oursEcb);
        all.putAll(oursWn);
        RelatedEvaluation.Latency stored = RelatedEvaluation.stored(related, lists, all, size);
        latency(out, "fresh list", fresh);
        latency(out, "stored list", stored);
        out.flush();
        if (page != null) {
          writePage(ev, oursWn, baseWn);
          err.println("eval related: wrote " + page);
        }
        refreshWork(out, err, lede, ev, lists);
        if (scale > 0) {
          scaled(out, err, lede, ev, lists, related, size + 200);
        }
      }
    }
    out.flush();
  }

  /** New articles arriving with the listener registered: work and lag of the refresh. */
  private void refreshWork(
      PrintWriter out, PrintWriter err, Lede lede, RelatedEvaluation ev, RelatedListStore lists) {
    Related r = new Related(ev.data(lede), lists, settings(), InstantSource.system());
    lede.registerListener("eval-related", r.listener());
    // A new listener is first offered the whole change log (its checkpoint starts at 0): that
    // backlog is the eval's own loading, not work caused by the arrivals measured below.
    long backlog = lists.pendingCount();
    lists.dequeue(lists.pending((int) Math.min(Integer.MAX_VALUE, backlog)));
    err.println("eval related: dropped the replayed backlog of " + backlog + " queued lists");
    SyntheticNews gen = new SyntheticNews(realArticles(ev), 11);
    int n = 200;
    List<Submission> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(new Submission(gen.next(), "synthetic"));
    }
    long t0 = System.nanoTime();
    for (Submission s : batch) {
      lede.submit(s.article(), s.sourceId());
    }
    long submitNanos = System.nanoTime() - t0;
    long t1 = System.nanoTime();
    int computed = 0;
    int step;
    while ((step = r.refreshSome(16)) > 0) {
      computed += step;
    }
    long refreshNanos = System.nanoTime() - t1;
    Related.RefreshStats st = r.refreshStats();
    out.printf(
        Locale.ROOT,
        "refresh: %d new articles submitted one by one (%.2f ms each with the listener);"
            + " %d lists recomputed (%.2f per article, bound 1 + 2 x %d), %.1f ms of refresh per"
            + " article; lag from queueing to done p50 %d ms, p99 %d ms, max %d ms (refresher"
            + " started after the last submit)%n",
        n,
        submitNanos / 1e6 / n,
        computed,
        (double) computed / n,
        r.settings().refreshPerArticle(),
        refreshNanos / 1e6 / n,
        st.lagP50Millis(),
        st.lagP99Millis(),
        st.lagMaxMillis());
    err.printf(Locale.ROOT, "eval related: refresh measured, %d pending%n", st.pending());
  }

  private void scaled(
      PrintWriter out,
      PrintWriter err,
      Lede lede,
      RelatedEvaluation ev,
      RelatedListStore lists,
      Related related,
      int size)
      throws IOException {
    SyntheticNews gen = new SyntheticNews(realArticles(ev), 7);
    long t0 = System.nanoTime();
    List<Submission> batch = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < scale; i++) {
      Article a = gen.next();
      ids.add(a.id());
      batch.add(new Submission(a, "synthetic"));
      if (batch.size() == 1_000) {
        lede.submitAll(batch);
        batch.clear();
      }
    }
    lede.submitAll(batch);
    lede.refresh();
    int total = size + scale;
    err.printf(
        Locale.ROOT,
        "eval related: %d synthetic articles added in %.1f s%n",
        scale,
        (System.nanoTime() - t0) / 1e9);
    SplittableRandom rnd = new SplittableRandom(3);
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sample.add(ids.get(rnd.nextInt(ids.size())));
    }
    List<Long> nanos = new ArrayList<>();
    RelatedEvaluation.ours(related, sample.subList(0, 30), new ArrayList<>(), err);
    Map<String, RelatedList> fresh = RelatedEvaluation.ours(related, sample, nanos, err);
    latency(out, "fresh list", RelatedEvaluation.latency(total, nanos));
    latency(out, "stored list", RelatedEvaluation.stored(related, lists, fresh, total));
  }

  private static List<Article> realArticles(RelatedEvaluation ev) {
    List<Article> out = new ArrayList<>();
    ev.real.forEach(d -> out.add(d.article()));
    return out;
  }

  private void writePage(
      RelatedEvaluation ev, Map<String, RelatedList> ours, Map<String, List<String>> base)
      throws IOException {
    List<String> subjects = new ArrayList<>(ours.keySet());
    subjects.sort(Comparator.naturalOrder());
    SplittableRandom rnd = new SplittableRandom(20);
    List<String> pick = new ArrayList<>();
    while (pick.size() < Math.min(20, subjects.size())) {
      String s = subjects.get(rnd.nextInt(subjects.size()));
      if (!pick.contains(s)) {
        pick.add(s);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String s : pick) {
      Article a = ev.byId.get(s);
      sb.append("### ").append(a.title()).append(" (").append(day(a)).append(")\n\n");
      sb.append("Lede:\n\n");
      for (RelatedList.Item i : ours.get(s).items()) {
        Article ia = ev.byId.get(i.id());
        sb.append("1. ")
            .append(headline(ev, i.id()))
            .append(" (")
            .append(day(ia))
            .append(", ")
            .append(i.source())
            .append(") — ")
            .append(i.reason())
            .append('\n');
      }
      sb.append("\nPlain MoreLikeThis:\n\n");
      for (String id : base.get(s)) {
        Article ia = ev.byId.get(id);
        sb.append("1. ")
            .append(headline(ev, id))
            .append(" (")
            .append(day(ia))
            .append(", ")
            .append(ev.sourceOf.getOrDefault(id, ""))
            .append(")\n");
      }
      sb.append("\nVerdict: \n\n");
    }
    Files.writeString(page, sb.toString(), StandardCharsets.UTF_8);
  }

  /** ECB+ texts are for evaluation only: the page names them by id and topic, not by text. */
  private static String headline(RelatedEvaluation ev, String id) {
    if (ev.topicOf.containsKey(id)) {
      return "[ECB+ " + id + ", topic " + ev.topicOf.get(id) + "]";
    }
    return ev.byId.get(id).title();
  }

  private static String day(Article a) {
    return a.published() == null ? "undated" : a.published().toString().substring(0, 10);
  }

  private static void row(PrintWriter out, String name, double a, double b, int digits) {
    String f = "%-34s %10." + digits + "f %10." + digits + "f%n";
    out.printf(Locale.ROOT, f, name, a, b);
  }

  private static void pct(PrintWriter out, String name, double a, double b) {
    out.printf(Locale.ROOT, "%-34s %9.1f%% %9.1f%%%n", name, 100 * a, 100 * b);
  }

  private static void latency(PrintWriter out, String what, RelatedEvaluation.Latency l) {
    out.printf(
        Locale.ROOT,
        "latency, %-12s at %,d articles: p50 %.2f ms, p99 %.2f ms (%d samples)%n",
        what,
        l.articles(),
        l.p50(),
        l.p99(),
        l.samples());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
