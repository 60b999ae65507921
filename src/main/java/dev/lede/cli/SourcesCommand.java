package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ingest.Ingest;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestReport;
import dev.lede.ingest.SourceRegistry;
import dev.lede.ingest.SourceStatus;
import dev.lede.model.ArticleJson;
import dev.lede.model.Source;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede sources}: the sources Lede follows, and polling them. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the sources Lede follows (feeds, sitemaps, pages, local folders) and poll them.",
      "Polls use conditional requests and an interval adapted to each feed's publishing rate;"
          + " failing sources back off. Logs, progress and summaries go to stderr."
    },
    subcommandsRepeatable = false)
final class SourcesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final IngestBackends.Opener opener;

  SourcesCommand() {
    this(dir -> IngestBackends.open(dir, "sources"));
  }

  SourcesCommand(IngestBackends.Opener opener) {
    this.opener = opener;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: add, list, remove, pause, resume, poll or watch");
  }

  /** Where the data folder is; shared by the subcommands. */
  static final class DataOption {
    @Option(
        names = "--data",
        paramLabel = "DIR",
        defaultValue = "data",
        description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Register a source and print it as JSON. The kind is detected by fetching the URL once"
            + " unless --kind is given; a local path is a file source.",
      })
  int add(
      @Mixin DataOption data,
      @Mixin NetOptions net,
      @Option(names = "--id", paramLabel = "ID", description = "Source id (default: from the URL).")
          @Nullable String id,
      @Option(
              names = "--kind",
              paramLabel = "KIND",
              converter = KindConverter.class,
              description = "feed, sitemap, page or file (default: detected).")
          Source.@Nullable Kind kind,
      @Option(
              names = "--name",
              paramLabel = "NAME",
              description = "Display name (default: the feed's title).")
          @Nullable String name,
      @Option(
              names = "--rights",
              paramLabel = "POLICY",
              defaultValue = "full",
              converter = RightsConverter.class,
              description =
                  "full (show the full text) or excerpt (an excerpt and a link to the publisher);"
                      + " default: ${DEFAULT-VALUE}.")
          Source.RightsPolicy rights,
      @Option(
              names = "--no-full-text",
              description = "Do not fetch the pages of feed items that carry only a summary.")
          boolean noFullText,
      @Parameters(paramLabel = "LOCATION", description = "An http(s) URL or a local path.")
          String location) {
    IngestOptions options = net.toOptions(spec.commandLine(), true);
    try (IngestBackends b = opener.open(data.data);
        Ingest ingest = new Ingest(b.sink(), b.sources(), options)) {
      Source s =
          ingest.newSource(location, id, kind, name == null ? "" : name, rights, !noFullText);
      b.sources().add(s);
      PrintWriter out = spec.commandLine().getOut();
      out.println(toJson(s, SourceStatus.of(b.sources(), s.id())));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Print the sources as JSON Lines: id, kind, location, name, rights, fetchFullText, paused,"
              + " addedAt, and the polling status (interval, nextPoll, lastPoll, lastSuccess,"
              + " failures, lastError).")
  int list(@Mixin DataOption data) {
    try (IngestBackends b = opener.open(data.data)) {
      PrintWriter out = spec.commandLine().getOut();
      for (Source s : b.sources().list()) {
        out.println(toJson(s, SourceStatus.of(b.sources(), s.id())));
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Unregister sources (their articles stay in the store).")
  int remove(
      @Mixin DataOption data, @Parameters(arity = "1..*", paramLabel = "ID") List<String> ids) {
    try (IngestBackends b = opener.open(data.data)) {
      int missing = 0;
      for (String id : ids) {
        if (b.sources().remove(id)) {
          spec.commandLine().getErr().println("lede sources: removed " + id);
        } else {
          spec.commandLine().getErr().println("lede sources: no source with id '" + id + "'");
          missing++;
        }
      }
      return missing == 0 ? 0 : 1;
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop polling sources.")
  int pause(
      @Mixin DataOption data, @Parameters(arity = "1..*", paramLabel = "ID") List<String> ids) {
    return setPaused(data.data, ids, true);
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Poll paused sources again.")
  int resume(
      @Mixin DataOption data, @Parameters(arity = "1..*", paramLabel = "ID") List<String> ids) {
    return setPaused(data.data, ids, false);
  }

  private int setPaused(Path dataDir, List<String> ids, boolean paused) {
    try (IngestBackends b = opener.open(dataDir)) {
      SourceRegistry reg = b.sources();
      int missing = 0;
      for (String id : ids) {
        var s = reg.get(id);
        if (s.isEmpty()) {
          spec.commandLine().getErr().println("lede sources: no source with id '" + id + "'");
          missing++;
        } else {
          reg.update(s.get().withPaused(paused));
        }
      }
      return missing == 0 ? 0 : 1;
    }
  }

  @Command(
      name = "poll",
      mixinStandardHelpOptions = true,
      description = {
        "Poll sources now: the given ones (paused ones too), or every source that is not paused,"
            + " or with --due only those whose next poll time has come.",
        "Exit status: 0 when the run went through; 1 when no source could be read at all."
      })
  int poll(
      @Mixin DataOption data,
      @Mixin NetOptions net,
      @Option(names = "--due", description = "Only the sources that are due.") boolean due,
      @Option(names = "--json", description = "Print the report as one JSON object on stdout.")
          boolean json,
      @Parameters(arity = "0..*", paramLabel = "ID") @Nullable List<String> ids) {
    IngestOptions options = net.toOptions(spec.commandLine(), true);
    try (IngestBackends b = opener.open(data.data);
        Ingest ingest = new Ingest(b.sink(), b.sources(), options)) {
      IngestReport r;
      if (ids != null && !ids.isEmpty()) {
        if (due) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--due takes no ids");
        }
        try {
          r = ingest.poll(ids);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
      } else {
        r = due ? ingest.pollDue() : ingest.pollAll();
      }
      IngestCommand.report(spec.commandLine(), "sources poll", r, json);
      return r.exitCode();
    }
  }

  @Command(
      name = "watch",
      mixinStandardHelpOptions = true,
      description =
          "Keep polling the sources that are due until interrupted (Ctrl-C or SIGTERM), then stop"
              + " cleanly. A line per poll round goes to stderr.")
  int watch(@Mixin DataOption data, @Mixin NetOptions net) throws InterruptedException {
    IngestOptions options = net.toOptions(spec.commandLine(), true);
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      try (IngestBackends b = opener.open(data.data);
          Ingest ingest = new Ingest(b.sink(), b.sources(), options)) {
        Ingest.Watch w = ingest.watch();
        // On Ctrl-C or SIGTERM: stop polling, then wait until the store is closed below.
        Thread hook =
            Thread.ofPlatform()
                .name("lede-watch-stop")
                .unstarted(
                    () -> {
                      w.close();
                      try {
                        stopped.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine()
            .getErr()
            .println("lede sources watch: polling due sources; Ctrl-C stops");
        spec.commandLine().getErr().flush();
        try {
          w.await();
        } finally {
          w.close();
        }
      }
    } finally {
      stopped.countDown();
    }
    return 0;
  }

  static String toJson(Source s, SourceStatus st) {
    ObjectNode o = ArticleJson.mapper().createObjectNode();
    o.put("id", s.id());
    o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
    o.put("location", s.location());
    o.put("name", s.name());
    o.put("rights", s.rights() == Source.RightsPolicy.FULL_TEXT ? "full" : "excerpt");
    o.put("fetchFullText", s.fetchFullText());
    o.put("paused", s.paused());
    o.put("addedAt", s.addedAt().toString());
    o.put("interval", st.interval().toSeconds());
    o.put("nextPoll", str(st.nextPollAt()));
    o.put("lastPoll", str(st.lastPollAt()));
    o.put("lastSuccess", str(st.lastSuccessAt()));
    o.put("failures", st.consecutiveFailures());
    o.put("lastError", st.lastError());
    return o.toString();
  }

  private static @Nullable String str(@Nullable Instant i) {
    return i == null ? null : i.toString();
  }

  static final class KindConverter implements CommandLine.ITypeConverter<Source.Kind> {
    @Override
    public Source.Kind convert(String value) {
      try {
        return Source.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not one of feed, sitemap, page, file");
      }
    }
  }

  static final class RightsConverter implements CommandLine.ITypeConverter<Source.RightsPolicy> {
    @Override
    public Source.RightsPolicy convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "full", "full_text", "full-text" -> Source.RightsPolicy.FULL_TEXT;
        case "excerpt" -> Source.RightsPolicy.EXCERPT;
        default ->
            throw new CommandLine.TypeConversionException(
                "'" + value + "' is not one of full, excerpt");
      };
    }
  }
}
