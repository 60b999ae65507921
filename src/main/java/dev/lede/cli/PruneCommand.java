package dev.lede.cli;

import dev.lede.Lede;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lede prune --keep-days N}: retention. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Delete articles older than N days (by published date, else by first-seen time) from the"
          + " store, the index and every derived list; also fetch-log entries older than that.",
      "Prints {\"pruned\": N}."
    })
final class PruneCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--keep-days",
      required = true,
      paramLabel = "N",
      description = "Keep articles of the last N days.")
  int keepDays;

  @Override
  public Integer call() {
    if (keepDays < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--keep-days must not be negative, was " + keepDays);
    }
    try (Lede lede = data.open("prune")) {
      var o = Json.object();
      o.put("pruned", lede.prune(Duration.ofDays(keepDays)));
      spec.commandLine().getOut().println(o);
    }
    return 0;
  }
}
