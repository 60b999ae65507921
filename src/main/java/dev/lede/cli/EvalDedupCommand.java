package dev.lede.cli;

import dev.lede.dedup.DedupConfig;
import dev.lede.eval.CopyGenerator;
import dev.lede.eval.DedupEval;
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

/** {@code lede eval dedup}. */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = {
      "Duplicate detection on generated content-farm copies mixed into the Wikinews and ECB+",
      "articles: pair and article precision/recall, recall per change, and the share of real",
      "ECB+ articles flagged as a copy of another. Prints one row per seed (the dev seed, the",
      "held-out seed, or --seed); --verbose lists misses and false links on stderr."
    })
final class EvalDedupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      paramLabel = "DIR",
      description = "The shared data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--seed",
      paramLabel = "dev|heldout|N",
      split = ",",
      description = "Generator seeds: dev, heldout or numbers (default: dev,heldout).")
  List<String> seeds = List.of("dev", "heldout");

  @Option(
      names = {"-P", "--param"},
      paramLabel = "NAME=VALUE",
      description = "Change a parameter (see DedupConfig), e.g. -P duplicates.threshold=0.6.")
  Map<String, String> params = Map.of();

  @Option(
      names = "--dump",
      paramLabel = "FILE",
      description = "Write the verification measures of copies and real pairs as TSV (tuning).")
  Path dump;

  @Option(names = "--verbose", description = "List misses and false links on stderr.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(data.resolve("ecbplus"))
        || !Files.isDirectory(data.resolve("wikinews"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), data + " has no ecbplus/ and wikinews/ folders");
    }
    DedupConfig config = EvalStoriesCommand.configure(spec, params);
    out.printf(
        Locale.ROOT,
        "%-9s %6s %6s %7s %7s %7s %7s %7s %8s %8s %8s %7s%n",
        "seed",
        "real",
        "copies",
        "pairP",
        "strictP",
        "pairR",
        "artP",
        "artR",
        "ecbFlag",
        "ecbNonRp",
        "canonAcc",
        "us/art");
    List<DedupEval.Result> results = new ArrayList<>();
    for (String s : seeds) {
      long seed =
          switch (s) {
            case "dev" -> CopyGenerator.DEV_SEED;
            case "heldout", "held-out" -> CopyGenerator.HELD_OUT_SEED;
            default -> Long.parseLong(s);
          };
      DedupEval.Result r = DedupEval.run(data, seed, config, dump);
      results.add(r);
      String name =
          seed == CopyGenerator.DEV_SEED
              ? "dev"
              : seed == CopyGenerator.HELD_OUT_SEED ? "held-out" : Long.toString(seed);
      out.printf(
          Locale.ROOT,
          "%-9s %6d %6d %7.4f %7.4f %7.4f %7.4f %7.4f %7.2f%% %7.2f%% %8.4f %7.0f%n",
          name,
          r.realArticles(),
          r.copies(),
          r.pairPrecision(),
          r.pairPrecisionStrict(),
          r.pairRecall(),
          r.articlePrecision(),
          r.articleRecall(),
          100 * r.ecbFlaggedShare(),
          100 * r.ecbFlaggedNotReprintShare(),
          r.canonicalAccuracy(),
          r.microsPerArticle());
      err.printf(Locale.ROOT, "%s: recall of single-change copies:", name);
      r.recallByChange()
          .forEach((k, v) -> err.printf(Locale.ROOT, " %s %.3f (%d)", k, v[1] / v[0], (int) v[0]));
      err.printf(Locale.ROOT, "%n%s: recall by number of changes:", name);
      r.recallByChangeCount()
          .forEach((k, v) -> err.printf(Locale.ROOT, " %d: %.3f (%d)", k, v[1] / v[0], (int) v[0]));
      err.printf(
          Locale.ROOT,
          "%n%s: ECB+ flagged %d of %d (%d not reprints by the reference test); Wikinews flagged %d%n",
          name,
          r.ecbFlagged(),
          r.ecbArticles(),
          r.ecbFlaggedNotReprint(),
          r.wikinewsFlagged());
      if (verbose) {
        r.misses().forEach(m -> err.println("  miss: " + m));
        r.falseLinks().forEach(m -> err.println("  false: " + m));
      }
    }
    out.flush();
    return 0;
  }
}
