package dev.lede.cli;

import dev.lede.dedup.DedupConfig;
import dev.lede.eval.EvalStream;
import dev.lede.eval.NewsCorpus;
import dev.lede.eval.StoryEval;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lede eval stories}. */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
      "Story clustering on ECB+ events: the Wikinews and ECB+ articles are streamed through the",
      "online story assignment in a seeded order; prints BCubed and pairwise P/R/F1 of the ECB+",
      "stories against the events and the share of articles whose story merges the two events of",
      "their topic, per order seed and as mean/min/max over the dev seeds (1-5) and the held-out",
      "seeds (6-10); then the TF-IDF average-link baseline on the same articles."
    })
final class EvalStoriesCommand implements Callable<Integer> {
  static final List<Long> DEV_ORDERS = List.of(1L, 2L, 3L, 4L, 5L);
  static final List<Long> HELD_OUT_ORDERS = List.of(6L, 7L, 8L, 9L, 10L);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      paramLabel = "DIR",
      description = "The shared data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--orders",
      paramLabel = "dev|heldout|N",
      split = ",",
      description =
          "Stream-order seeds: dev (1-5), heldout (6-10) or numbers (default: dev,heldout).")
  List<String> orders = List.of("dev", "heldout");

  @Option(
      names = {"-P", "--param"},
      paramLabel = "NAME=VALUE",
      description = "Change a parameter (see DedupConfig), e.g. -P stories.joinThreshold=0.3.")
  Map<String, String> params = Map.of();

  @Option(names = "--no-baseline", description = "Skip the average-link baseline.")
  boolean noBaseline;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(data.resolve("ecbplus"))
        || !Files.isDirectory(data.resolve("wikinews"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), data + " has no ecbplus/ and wikinews/ folders");
    }
    DedupConfig config = configure(spec, params);
    List<NewsCorpus.Doc> real = EvalStream.realArticles(data);
    out.printf(
        Locale.ROOT,
        "%-10s %7s %7s %7s %7s %7s %7s %8s %7s %7s%n",
        "order",
        "B3-P",
        "B3-R",
        "B3-F1",
        "pair-P",
        "pair-R",
        "pair-F1",
        "merged",
        "stories",
        "us/art");
    for (String o : orders) {
      List<Long> seeds =
          switch (o) {
            case "dev" -> DEV_ORDERS;
            case "heldout", "held-out" -> HELD_OUT_ORDERS;
            default -> List.of(Long.parseLong(o));
          };
      List<StoryEval.Result> results = new ArrayList<>();
      for (long seed : seeds) {
        StoryEval.Result r = StoryEval.run(real, seed, config);
        results.add(r);
        row(out, Long.toString(seed), r);
      }
      if (results.size() > 1) {
        summary(out, o, results);
      }
      out.flush();
    }
    if (!noBaseline) {
      StoryEval.Baseline b = StoryEval.baseline(real);
      var s = b.scores();
      out.printf(
          Locale.ROOT,
          "%-10s %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.2f%%   (TF-IDF average link, best cut %.2f)%n",
          "baseline",
          s.bcubedP(),
          s.bcubedR(),
          s.bcubedF1(),
          s.pairP(),
          s.pairR(),
          s.pairF1(),
          100 * b.mergedTopicShare(),
          b.threshold());
    }
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, String name, StoryEval.Result r) {
    var s = r.scores();
    out.printf(
        Locale.ROOT,
        "%-10s %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.2f%% %7d %7.0f%n",
        name,
        s.bcubedP(),
        s.bcubedR(),
        s.bcubedF1(),
        s.pairP(),
        s.pairR(),
        s.pairF1(),
        100 * r.mergedTopicShare(),
        r.ecbStories(),
        r.microsPerArticle());
  }

  private static void summary(PrintWriter out, String name, List<StoryEval.Result> rs) {
    double[] f1 = rs.stream().mapToDouble(r -> r.scores().bcubedF1()).toArray();
    double[] merged = rs.stream().mapToDouble(StoryEval.Result::mergedTopicShare).toArray();
    double[] pf1 = rs.stream().mapToDouble(r -> r.scores().pairF1()).toArray();
    out.printf(
        Locale.ROOT,
        "%-10s B3-F1 mean %.4f (min %.4f, max %.4f); pair-F1 mean %.4f; merged mean %.2f%% (max %.2f%%)%n",
        name,
        mean(f1),
        min(f1),
        max(f1),
        mean(pf1),
        100 * mean(merged),
        100 * max(merged));
  }

  static DedupConfig configure(CommandLine.Model.CommandSpec spec, Map<String, String> params) {
    DedupConfig c = DedupConfig.defaults();
    for (Map.Entry<String, String> e : params.entrySet()) {
      try {
        c = c.with(e.getKey(), e.getValue());
      } catch (IllegalArgumentException ex) {
        throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
      }
    }
    return c;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double min(double[] v) {
    double m = Double.MAX_VALUE;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  private static double max(double[] v) {
    double m = -Double.MAX_VALUE;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
