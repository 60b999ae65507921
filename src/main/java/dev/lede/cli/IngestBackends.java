package dev.lede.cli;

import dev.lede.Lede;
import dev.lede.LedeIngestBackend;
import dev.lede.ingest.IngestSink;
import dev.lede.ingest.SourceRegistry;
import java.nio.file.Path;

/**
 * The one seam through which the ingest commands ({@code lede ingest}, {@code lede sources ...})
 * reach the store: an {@link IngestSink} for articles and the fetch log, a {@link SourceRegistry}
 * for sources and their state. {@link #open(Path, String)} opens a data folder through {@link
 * Lede}; tests hand the commands an {@link Opener} of their own.
 */
public interface IngestBackends extends AutoCloseable {

  IngestSink sink();

  SourceRegistry sources();

  /** Releases the store (commits nothing: every submit is already durable). */
  @Override
  void close();

  /** Opens the backends of a data folder. */
  @FunctionalInterface
  interface Opener {
    IngestBackends open(Path dataDir);
  }

  /**
   * The backends of a data folder: the store and index of {@link Lede} on {@code dataDir} (created
   * when absent), locked for this process, which its lock file names as {@code lede <command>}.
   *
   * @throws dev.lede.DataFolderInUseException when another process holds the folder
   */
  static IngestBackends open(Path dataDir, String command) {
    Lede lede = Lede.open(dataDir, DataDirOption.options(command));
    LedeIngestBackend backend = new LedeIngestBackend(lede);
    return new IngestBackends() {
      @Override
      public IngestSink sink() {
        return backend;
      }

      @Override
      public SourceRegistry sources() {
        return backend;
      }

      @Override
      public void close() {
        lede.close();
      }
    };
  }
}
