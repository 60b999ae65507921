package dev.lede.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lede import}: load articles from a bulk source (for now, a Wikinews dump). */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import articles in bulk from a dump (see: lede import wikinews --help).",
    subcommands = {ImportWikinewsCommand.class})
final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
