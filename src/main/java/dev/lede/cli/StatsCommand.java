package dev.lede.cli;

import dev.lede.Lede;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lede stats}: what a data folder holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Print what the data folder holds, as one JSON object:",
      "{\"articles\", \"indexed\", \"sources\", \"lastChange\", \"lastChangeAt\", \"hidden\","
          + " \"versions\", \"fetches\", \"indexCheckpoint\", \"storeBytes\", \"indexBytes\","
          + " \"indexSegments\"}.",
      "articles counts visible articles in the store; indexed counts articles in the search"
          + " index; they are equal when store and index agree (the index catches up on open)."
    })
final class StatsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Override
  public Integer call() {
    try (Lede lede = data.open("stats")) {
      spec.commandLine().getOut().println(Json.stats(lede.stats()));
    }
    return 0;
  }
}
