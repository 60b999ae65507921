package dev.lede.cli;

import dev.lede.ingest.IngestSink;
import dev.lede.ingest.SourceRegistry;
import java.nio.file.Path;

/**
 * The one seam through which the ingest commands ({@code lede ingest}, {@code lede sources ...})
 * reach the store: an {@link IngestSink} for articles and the fetch log, a {@link SourceRegistry}
 * for sources and their state. The composition root wires {@link #open(Path)}; tests hand the
 * commands an {@link Opener} of their own.
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
   * The backends of a data folder, as configured by the composition root.
   *
   * @throws IllegalStateException until the store is part of the build
   */
  @SuppressWarnings("DoNotCallSuggester") // a stub until the store is merged; then it opens it
  static IngestBackends open(Path dataDir) {
    throw new IllegalStateException(
        "the store is not part of this build yet: cannot open data folder "
            + dataDir
            + " (wire IngestBackends.open to the store in the composition root)");
  }
}
