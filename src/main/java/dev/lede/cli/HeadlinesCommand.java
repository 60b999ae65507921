package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.LedeHeadlines;
import dev.lede.headline.FaithfulnessGuard;
import dev.lede.headline.HeadlineBackend;
import dev.lede.headline.HeadlineService;
import dev.lede.headline.HeadlineTest;
import dev.lede.headline.TestReport;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lede headlines add|list|remove|check|report}. The commands reach the headline service
 * through one seam, {@link HeadlineBackend}: {@link #HeadlinesCommand()} uses {@link #BACKEND}, the
 * data folder's own headline store ({@code DIR/headlines.db}) with articles read through {@link
 * LedeHeadlines}. {@code --data DIR} may be given before or after the subcommand.
 */
@Command(
    name = "headlines",
    mixinStandardHelpOptions = true,
    description = "Headline variants and A/B tests of an article's teasers.",
    subcommands = {
      HeadlinesCommand.Add.class,
      HeadlinesCommand.ListVariants.class,
      HeadlinesCommand.Remove.class,
      HeadlinesCommand.Check.class,
      HeadlinesCommand.Report.class
    })
public final class HeadlinesCommand implements Runnable {
  /**
   * The seam: the backend the no-argument constructor uses, the data folder's SQLite headline store
   * and its articles ({@link LedeHeadlines}).
   */
  static volatile HeadlineBackend BACKEND = LedeHeadlines.backend();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "data",
      paramLabel = "DIR",
      description = "Data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  private final HeadlineBackend backend;

  public HeadlinesCommand() {
    this(BACKEND);
  }

  public HeadlinesCommand(HeadlineBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  HeadlineService service(@Nullable Path override) throws IOException {
    return backend.open(override != null ? override : data);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static PrintWriter out(CommandLine.Model.CommandSpec spec) {
    return spec.commandLine().getOut();
  }

  static String json(FaithfulnessGuard.Verdict v) {
    ObjectNode o = ArticleJson.mapper().createObjectNode();
    o.put("accepted", v.accepted());
    ArrayNode r = o.putArray("reasons");
    v.reasons().forEach(r::add);
    return o.toString();
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a variant (guard first).")
  static final class Add implements Callable<Integer> {
    @CommandLine.ParentCommand HeadlinesCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder.")
    @Nullable Path data;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "VARIANT")
    String text;

    @Override
    public Integer call() throws IOException {
      HeadlineService.AddResult r;
      try (HeadlineService service = parent.service(data)) {
        r = service.addVariant(id, text, "editor");
      }
      ObjectNode o = ArticleJson.mapper().createObjectNode();
      o.put("accepted", r.verdict().accepted());
      ArrayNode reasons = o.putArray("reasons");
      r.verdict().reasons().forEach(reasons::add);
      if (r.variant() != null) {
        o.put("variant", r.variant().id());
      }
      out(spec).println(o);
      out(spec).flush();
      return r.verdict().accepted() ? 0 : 2;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List an article's variants.")
  static final class ListVariants implements Callable<Integer> {
    @CommandLine.ParentCommand HeadlinesCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder.")
    @Nullable Path data;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws IOException {
      try (HeadlineService service = parent.service(data)) {
        for (HeadlineTest.Variant v : service.variants(id)) {
          out(spec).println(v.id() + "\t" + v.origin() + "\t" + v.text());
        }
      }
      out(spec).flush();
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a variant.")
  static final class Remove implements Callable<Integer> {
    @CommandLine.ParentCommand HeadlinesCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder.")
    @Nullable Path data;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "VARIANT_ID")
    String variant;

    @Override
    public Integer call() throws IOException {
      boolean removed;
      try (HeadlineService service = parent.service(data)) {
        removed = service.removeVariant(id, variant);
      }
      spec.commandLine()
          .getErr()
          .println(removed ? "removed " + variant : "no variant " + variant + " in " + id);
      return removed ? 0 : 1;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Run the faithfulness guard alone; prints {\"accepted\": true|false, \"reasons\": [...]}.",
        "Exit 0 if accepted, 2 if rejected."
      })
  static final class Check implements Callable<Integer> {
    @CommandLine.ParentCommand HeadlinesCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder.")
    @Nullable Path data;

    @Option(
        names = "--article",
        paramLabel = "FILE",
        description = "Check against an article JSON file instead of the store.")
    @Nullable Path articleFile;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "VARIANT")
    String text;

    @Override
    public Integer call() throws IOException {
      FaithfulnessGuard.Verdict v;
      if (articleFile != null) {
        Article a = ArticleJson.fromJson(Files.readString(articleFile, StandardCharsets.UTF_8));
        v = new FaithfulnessGuard().check(a, text);
      } else {
        try (HeadlineService service = parent.service(data)) {
          v = service.check(id, text);
        }
      }
      out(spec).println(json(v));
      out(spec).flush();
      return v.accepted() ? 0 : 2;
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true, description = "Report every test.")
  static final class Report implements Callable<Integer> {
    @CommandLine.ParentCommand HeadlinesCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder.")
    @Nullable Path data;

    @Option(names = "--json", description = "JSON Lines instead of a table.")
    boolean asJson;

    @Override
    public Integer call() throws IOException {
      List<TestReport> reports;
      try (HeadlineService service = parent.service(data)) {
        reports = service.report();
      }
      PrintWriter out = out(spec);
      for (TestReport r : reports) {
        if (asJson) {
          out.println(ArticleJson.mapper().valueToTree(r).toString());
          continue;
        }
        out.printf(
            Locale.ROOT,
            "%s %s%s%n",
            r.articleId(),
            r.status(),
            r.winner() == null
                ? ""
                : " winner=" + r.winner() + (r.canonical() ? " (canonical)" : ""));
        for (TestReport.Arm a : r.arms()) {
          out.printf(
              Locale.ROOT,
              "  %-14s %9d %7d %6.2f%% [%5.2f%%, %5.2f%%] P(best)=%.2f  %s%n",
              a.variantId(),
              a.impressions(),
              a.clicks(),
              a.ctr() * 100,
              a.low() * 100,
              a.high() * 100,
              a.probabilityBest(),
              a.text());
        }
      }
      out.flush();
      return 0;
    }
  }
}
