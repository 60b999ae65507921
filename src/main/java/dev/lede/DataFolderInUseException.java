package dev.lede;

import java.nio.file.Path;

/**
 * Another process (or another {@link Lede} in this process) holds the data folder. The message
 * names the holder as it recorded itself: process id, host, command and start time.
 */
public final class DataFolderInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path dataDir;
  private final String holder;

  DataFolderInUseException(Path dataDir, String holder) {
    super(
        "the data folder "
            + dataDir.toAbsolutePath()
            + " is in use by "
            + holder
            + "; stop that process first (or send writes through its API)");
    this.dataDir = dataDir;
    this.holder = holder;
  }

  /** The folder that is in use. */
  public Path dataDir() {
    return dataDir;
  }

  /** Who holds it, as the holder described itself. */
  public String holder() {
    return holder;
  }
}
