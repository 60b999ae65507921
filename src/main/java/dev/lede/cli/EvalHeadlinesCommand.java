package dev.lede.cli;

import dev.lede.headline.BanditSimulation;
import dev.lede.headline.FaithfulnessGuard;
import dev.lede.headline.GuardEvaluation;
import dev.lede.headline.RuleWriter;
import dev.lede.headline.ThompsonBandit;
import dev.lede.model.Article;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lede eval headlines}: the bandit simulator, the guard on the labelled set, writer
 * coverage.
 */
@Command(
    name = "headlines",
    mixinStandardHelpOptions = true,
    description = {
      "Headline figures for docs/benchmarks.md: a seeded simulation of readers (bandit vs a",
      "uniform split vs no test), the faithfulness guard on the labelled variants (per class),",
      "and the rule-based writer's coverage of the demo corpus."
    })
final class EvalHeadlinesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--runs",
      defaultValue = "200",
      description = "Simulated tests (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--horizons",
      split = ",",
      defaultValue = "10000,100000,1000000",
      description = "Impressions at which to report (default: ${DEFAULT-VALUE}).")
  List<Long> horizons;

  @Option(
      names = "--lift-sd",
      defaultValue = "0.1",
      description = "Spread of the variants' relative lift (default: ${DEFAULT-VALUE}).")
  double liftSd;

  @Option(
      names = "--draws",
      defaultValue = "1000",
      description = "Monte Carlo draws per refresh in the simulation (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(
      names = "--corpus",
      paramLabel = "FILE",
      description =
          "Wikinews JSONL (default: $LEDE_SHARED or ../shared, data/wikinews/articles.jsonl).")
  Path corpus;

  @Option(
      names = "--labelled",
      paramLabel = "DIR",
      defaultValue = "src/test/resources/headline",
      description = "Folder of variants-*.jsonl (default: ${DEFAULT-VALUE}).")
  Path labelled;

  @Option(names = "--skip-bandit", description = "Skip the simulation.")
  boolean skipBandit;

  @Option(names = "--skip-guard", description = "Skip the guard and the writer coverage.")
  boolean skipGuard;

  @Option(
      names = "--misses",
      paramLabel = "SET",
      description =
          "Print the guard's wrong decisions on this labelled set (dev, dev2, dev3, heldout, heldout2, heldout3,"
              + " heldout4, heldout5, heldout6, or all) to stderr;"
              + " look only at the dev sets while tuning.")
  String misses;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!skipBandit) {
      ThompsonBandit.Config d = ThompsonBandit.Config.defaults();
      ThompsonBandit.Config cfg =
          new ThompsonBandit.Config(
              d.batchEvents(),
              Duration.ofSeconds(60),
              d.minShare(),
              d.stopProbability(),
              d.minImpressions(),
              draws,
              d.prior());
      long[] hs = horizons.stream().mapToLong(Long::longValue).toArray();
      err.println("simulating " + runs + " tests ...");
      long t0 = System.nanoTime();
      BanditSimulation.Result r = BanditSimulation.run(runs, hs, seed, liftSd, cfg);
      err.printf(Locale.ROOT, "simulated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      out.printf(
          Locale.ROOT,
          "bandit: %d seeded tests (seed %d), 2-4 arms, base CTR ~ Beta(3,197), lift sd %.2f,"
              + " batch %d, floor %.2f, stop at P(best) >= %.2f with >= %d impressions/arm%n",
          r.runs(),
          r.seed(),
          r.liftSd(),
          cfg.batchEvents(),
          cfg.minShare(),
          cfg.stopProbability(),
          cfg.minImpressions());
      out.printf(
          Locale.ROOT,
          "%12s %12s %12s %12s %14s %14s %9s %9s %9s%n",
          "impressions",
          "regret TS",
          "regret 1/k",
          "regret none",
          "gain vs 1/k",
          "gain vs none",
          "decided",
          "correct",
          "wrong");
      for (BanditSimulation.Horizon h : r.horizons()) {
        out.printf(
            Locale.ROOT,
            "%12d %12.1f %12.1f %12.1f %14.1f %14.1f %9.3f %9.3f %9.3f%n",
            h.impressions(),
            h.regretBandit(),
            h.regretUniform(),
            h.regretNone(),
            h.clicksGainedVsUniform(),
            h.clicksGainedVsNone(),
            h.decidedShare(),
            h.correctWinnerShare(),
            h.wrongWinnerShare());
      }
      out.flush();
    }
    if (!skipGuard) {
      Path file = corpus != null ? corpus : sharedCorpus();
      Map<String, Article> articles = GuardEvaluation.readCorpus(file);
      FaithfulnessGuard guard = new FaithfulnessGuard();
      for (String set :
          List.of(
              "dev",
              "dev2",
              "dev3",
              "heldout",
              "heldout2",
              "heldout3",
              "heldout4",
              "heldout5",
              "heldout6")) {
        Path p = labelled.resolve("variants-" + set + ".jsonl");
        if (!Files.exists(p)) {
          err.println("no " + p + "; skipping");
          continue;
        }
        GuardEvaluation.Result g = GuardEvaluation.evaluate(articles, p, guard);
        out.printf(Locale.ROOT, "guard %-8s", set);
        for (GuardEvaluation.ClassResult c : g.classes()) {
          out.printf(
              Locale.ROOT,
              " %s %d/%d",
              c.label(),
              Math.round(c.correctShare() * c.total()),
              c.total());
        }
        out.printf(
            Locale.ROOT,
            " | faithful kept %.3f, unfaithful rejected %.3f%n",
            g.faithfulKept(),
            g.unfaithfulRejected());
        if (set.equals(misses) || "all".equals(misses)) {
          for (GuardEvaluation.Miss m : g.misses()) {
            err.printf(
                Locale.ROOT,
                "miss %s %s %-12s %s %s%n",
                set,
                m.article(),
                m.label(),
                m.variant(),
                m.reasons());
          }
        }
      }
      for (RuleWriter.Style style : RuleWriter.Style.values()) {
        GuardEvaluation.Coverage c =
            GuardEvaluation.coverage(
                articles, new RuleWriter(new RuleWriter.Options(style, 80, 6)), guard);
        out.printf(
            Locale.ROOT,
            "rule writer %-8s: %d/%d articles (%.3f) with an accepted variant, %.3f beyond casing;"
                + " %d proposed, %d accepted%n",
            style,
            c.covered(),
            c.articles(),
            c.share(),
            c.shareBeyondCase(),
            c.proposed(),
            c.accepted());
      }
      out.flush();
    }
    return 0;
  }

  private static Path sharedCorpus() {
    String env = System.getenv("LEDE_SHARED");
    Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared");
    return root.resolve("data/wikinews/articles.jsonl");
  }
}
