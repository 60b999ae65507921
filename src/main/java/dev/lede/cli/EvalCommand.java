package dev.lede.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lede eval}: measure a stage on labelled data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measure Lede's stages against labelled data (figures for docs/benchmarks.md).",
    subcommands = {
      EvalExtractionCommand.class,
      EvalDedupCommand.class,
      EvalStoriesCommand.class,
      EvalHeadlinesCommand.class,
      EvalRelatedCommand.class
    })
final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
