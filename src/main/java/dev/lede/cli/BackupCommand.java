package dev.lede.cli;

import dev.lede.Lede;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lede backup DIR}: a consistent snapshot of store and index. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Write a consistent backup of the data folder into DIR (new or empty): a snapshot of the"
          + " store, the index's last commit and a manifest. `lede restore DIR` brings it back.",
      "Prints {\"backup\", \"created\", \"articles\", \"lastChange\", \"indexCheckpoint\"}."
    })
final class BackupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Parameters(paramLabel = "DIR", description = "The backup folder to create.")
  Path target;

  @Override
  public Integer call() {
    try (Lede lede = data.open("backup")) {
      Lede.BackupInfo b;
      try {
        b = lede.backup(target);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      var o = Json.object();
      o.put("backup", b.dir().toAbsolutePath().toString());
      o.put("created", b.created().toString());
      o.put("articles", b.articles());
      o.put("lastChange", b.lastChange());
      o.put("indexCheckpoint", b.indexCheckpoint());
      spec.commandLine().getOut().println(o);
    }
    return 0;
  }
}
