package dev.lede.cli;

import dev.lede.Lede;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede restore DIR}: bring a backup back. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a backup written by `lede backup` into the data folder, which must not be in use."
          + " A folder that already holds a store is replaced only with --force.",
      "Then opens it (the index catches up with the store) and prints its stats as `lede stats`"
          + " does."
    })
final class RestoreCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(names = "--force", description = "Replace the store the data folder holds.")
  boolean force;

  @Parameters(paramLabel = "DIR", description = "The backup folder.")
  Path backup;

  @Override
  public Integer call() {
    Lede.BackupInfo info;
    try {
      info = Lede.restore(backup, data.dir, force, DataDirOption.options("restore"));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    spec.commandLine()
        .getErr()
        .printf(
            java.util.Locale.ROOT,
            "lede restore: restored the backup of %s (%d articles) into %s%n",
            info.created(),
            info.articles(),
            data.dir);
    try (Lede lede = data.open("restore")) {
      spec.commandLine().getOut().println(Json.stats(lede.stats()));
    }
    return 0;
  }
}
