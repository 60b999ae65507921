package dev.lede.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lede restory [--data DIR]}. */
@Command(
    name = "restory",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every story from scratch (after a change of story parameters): all articles are",
      "clustered again in the order they were first seen; duplicate links are kept. Prints a",
      "summary on stderr."
    })
final class RestoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "./data",
      paramLabel = "DIR",
      description = "The data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  Function<Path, DedupData> opener = DedupData::open;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (DedupData d = opener.apply(data)) {
      long t0 = System.nanoTime();
      long n = d.dedup().restory(d.articlesInFirstSeenOrder());
      double s = (System.nanoTime() - t0) / 1e9;
      err.printf(
          java.util.Locale.ROOT,
          "lede restory: %d articles placed in %d stories in %.1f s%n",
          n,
          d.dedup().stories(java.time.Instant.EPOCH).size(),
          s);
    }
    return 0;
  }
}
