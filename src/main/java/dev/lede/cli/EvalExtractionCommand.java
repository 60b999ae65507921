package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.eval.ExtractionEval;
import dev.lede.model.ArticleJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede eval extraction DIR...}. */
@Command(
    name = "extraction",
    mixinStandardHelpOptions = true,
    description = {
      "Score extraction against sets laid out as DIR/html/<case>.html + DIR/gold/<case>.txt",
      "(4-gram shingle precision/recall/F1, the Scrapinghub benchmark's metric).",
      "Prints one row per set and the macro mean; a set whose gold carries dragnet's comments",
      "marker gets a second row scored with the comments removed."
    })
final class EvalExtractionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Dataset folders.")
  List<Path> dirs;

  @Option(names = "--json", description = "Print JSON Lines instead of a table.")
  boolean json;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--worst",
      defaultValue = "0",
      paramLabel = "N",
      description = "List the N worst pages of each set on stderr.")
  int worst;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ExtractionEval.SetResult> results = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir.resolve("html"))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), dir + " is not an extraction set (no html/ folder)");
      }
      String name = dir.toAbsolutePath().normalize().getFileName().toString();
      err.println("evaluating " + name + " ...");
      results.add(ExtractionEval.evaluate(dir, name, false, threads));
      if (ExtractionEval.hasCommentGold(dir)) {
        results.add(ExtractionEval.evaluate(dir, name + "-nocomments", true, threads));
      }
    }
    if (!json) {
      out.printf(
          Locale.ROOT,
          "%-24s %6s %7s %7s %7s %7s %7s %7s %9s%n",
          "set",
          "pages",
          "P",
          "R",
          "F1",
          "title",
          "byline",
          "date",
          "pages/s/c");
    }
    double sumF1 = 0;
    double sumP = 0;
    double sumR = 0;
    int n = 0;
    for (ExtractionEval.SetResult r : results) {
      if (!r.name().endsWith("-nocomments")) {
        sumF1 += r.f1();
        sumP += r.precision();
        sumR += r.recall();
        n++;
      }
      if (json) {
        ObjectNode o = ArticleJson.mapper().createObjectNode();
        o.put("set", r.name());
        o.put("pages", r.pages());
        o.put("failed", r.failed());
        o.put("precision", round(r.precision()));
        o.put("recall", round(r.recall()));
        o.put("f1", round(r.f1()));
        putMaybe(o, "titleAccuracy", r.titleAccuracy());
        putMaybe(o, "bylineAccuracy", r.bylineAccuracy());
        putMaybe(o, "dateAccuracy", r.dateAccuracy());
        putMaybe(o, "pagesPerSecondPerCore", r.pagesPerSecondPerCore());
        out.println(o);
      } else {
        out.printf(
            Locale.ROOT,
            "%-24s %6d %7.4f %7.4f %7.4f %7s %7s %7s %9.1f%n",
            r.name(),
            r.pages(),
            r.precision(),
            r.recall(),
            r.f1(),
            fmt(r.titleAccuracy()),
            fmt(r.bylineAccuracy()),
            fmt(r.dateAccuracy()),
            r.pagesPerSecondPerCore());
      }
      if (worst > 0) {
        err.println("worst pages of " + r.name() + " (case P R error):");
        r.pageResults().stream()
            .sorted(Comparator.comparingDouble(p -> f1(p.precision(), p.recall())))
            .limit(worst)
            .forEach(
                p ->
                    err.printf(
                        Locale.ROOT,
                        "  %s %.3f %.3f %s%n",
                        p.caseName(),
                        p.precision(),
                        p.recall(),
                        p.error() == null ? "" : p.error()));
      }
    }
    if (n > 0) {
      double p = sumP / n;
      double r = sumR / n;
      double f = sumF1 / n;
      if (json) {
        ObjectNode o = ArticleJson.mapper().createObjectNode();
        o.put("set", "macro");
        o.put("precision", round(p));
        o.put("recall", round(r));
        o.put("f1", round(f));
        out.println(o);
      } else {
        out.printf(Locale.ROOT, "%-24s %6s %7.4f %7.4f %7.4f%n", "macro mean", "", p, r, f);
      }
    }
    out.flush();
    return 0;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static double round(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }

  private static void putMaybe(ObjectNode o, String field, double v) {
    if (!Double.isNaN(v)) {
      o.put(field, round(v));
    }
  }
}
