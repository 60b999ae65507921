package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ingest.Ingest;
import dev.lede.ingest.IngestReport;
import dev.lede.ingest.IngestSink;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.FetchRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede ingest}: one-off ingest of feeds, sitemaps, pages and local files into the store. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read sources once and store their articles (without registering them; see 'lede sources').",
      "A SOURCE is an http(s) URL of an RSS/Atom/JSON feed, a sitemap (index, news sitemap) or an"
          + " article page, told apart by content; or a local file or folder of .html, .txt, .json"
          + " and .jsonl files (one article per line; only \"text\" is required).",
      "robots.txt is obeyed, each host gets one request at a time, and requests to private"
          + " addresses are refused unless --allow-private is given.",
      "Prints nothing on stdout (the stored articles with --articles, then the report as JSON with"
          + " --json); progress and a summary"
          + " (fetched, new, updated, unchanged, failed) go to stderr; failures are also recorded in"
          + " the fetch log.",
      "Exit status: 0 when the run went through, even if some items failed; 1 when no source could"
          + " be read at all; 2 for usage errors."
    })
final class IngestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "The data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--no-full-text",
      description =
          "Store feed items as the feed gives them; by default the page of an item that carries"
              + " only a summary is fetched and extracted.")
  boolean noFullText;

  @Option(names = "--json", description = "Print the report as one JSON object on stdout.")
  boolean json;

  @Option(
      names = "--articles",
      description =
          "Print a JSON line {\"id\", \"outcome\"} (new, updated or unchanged) on stdout for each"
              + " article, once the store has committed it: an article listed is durable.")
  boolean articles;

  @Mixin NetOptions net;

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "URLs, files or folders.")
  List<String> sources;

  private final IngestBackends.Opener opener;

  IngestCommand() {
    this(dir -> IngestBackends.open(dir, "ingest"));
  }

  IngestCommand(IngestBackends.Opener opener) {
    this.opener = opener;
  }

  @Override
  public Integer call() {
    var options = net.toOptions(spec.commandLine(), !noFullText);
    try (IngestBackends b = opener.open(data);
        Ingest ingest =
            new Ingest(
                articles ? printing(b.sink(), spec.commandLine().getOut()) : b.sink(),
                b.sources(),
                options)) {
      IngestReport r = ingest.ingest(sources);
      report(spec.commandLine(), "ingest", r, json);
      return r.exitCode();
    }
  }

  /** A sink that prints each stored article's id and outcome after the store acknowledged it. */
  static IngestSink printing(IngestSink inner, PrintWriter out) {
    return new IngestSink() {
      @Override
      public Result submit(@Nullable String sourceId, Article article) {
        Result r = inner.submit(sourceId, article);
        print(List.of(r));
        return r;
      }

      @Override
      public List<Result> submitAll(@Nullable String sourceId, List<Article> batch) {
        List<Result> rs = inner.submitAll(sourceId, batch);
        print(rs);
        return rs;
      }

      @Override
      public void log(FetchRecord record) {
        inner.log(record);
      }

      private void print(List<Result> rs) {
        synchronized (out) {
          for (Result r : rs) {
            if (r.outcome() != Outcome.FAILED) {
              ObjectNode o = ArticleJson.mapper().createObjectNode();
              o.put("id", r.articleId());
              o.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
              out.println(o);
            }
          }
          out.flush();
        }
      }
    };
  }

  /** The summary on stderr, and with {@code json} the report on stdout. */
  static void report(CommandLine cl, String what, IngestReport r, boolean json) {
    PrintWriter err = cl.getErr();
    err.println("lede " + what + ": " + r.summary());
    err.flush();
    if (json) {
      PrintWriter out = cl.getOut();
      out.println(toJson(r));
      out.flush();
    }
  }

  static String toJson(IngestReport r) {
    ObjectNode o = ArticleJson.mapper().createObjectNode();
    o.put("sources", r.sources());
    o.put("sourcesRead", r.sourcesRead());
    o.put("fetched", r.fetched());
    o.put("notModified", r.notModified());
    o.put("new", r.created());
    o.put("updated", r.updated());
    o.put("unchanged", r.unchanged());
    o.put("skipped", r.skipped());
    o.put("failed", r.failed());
    o.put("seconds", r.elapsed().toMillis() / 1000.0);
    return o.toString();
  }
}
