package dev.lede.cli;

import dev.lede.Lede;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by every command that works on a data folder. */
final class DataDirOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "The data folder (default: ./data).")
  Path dir;

  /** Opens the folder, describing this process in its lock file as {@code lede <command>}. */
  Lede open(String command) {
    return Lede.open(dir, options(command));
  }

  static Lede.Options options(String command) {
    return Lede.Options.defaults().withCommand("lede " + command);
  }
}
