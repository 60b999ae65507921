package dev.lede.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lede} command. stdout carries only each command's documented output. */
@Command(
    name = "lede",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Lede, a self-hosted news engine: ingest, extract, deduplicate, index, recommend, publish.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      ExtractCommand.class,
      IngestCommand.class,
      SourcesCommand.class,
      EvalCommand.class,
      StoriesCommand.class,
      DuplicatesCommand.class,
      RestoryCommand.class,
      SearchCommand.class,
      RelatedCommand.class,
      StatsCommand.class,
      ArticlesCommand.class,
      ReindexCommand.class,
      OptimizeCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      PruneCommand.class,
      BenchCommand.class,
      HeadlinesCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI with stdout/stderr as UTF-8 writers and returns the exit code. */
  public static int run(String... args) {
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
            false);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    try {
      return run(out, err, args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs the CLI on the given writers (tests capture them). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("lede: " + ex.getMessage());
          return 1;
        });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"lede " + (v == null ? "development build" : v)};
    }
  }
}
