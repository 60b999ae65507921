package dev.lede.headline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The seam through which commands reach a {@link HeadlineService} for a data folder. The
 * composition root provides one backed by the article store; until it does, {@link #UNWIRED}
 * explains that no store is available.
 */
@FunctionalInterface
public interface HeadlineBackend {
  HeadlineService open(Path dataDir) throws IOException;

  /** The backend before the store is wired: every use fails with a clear message. */
  HeadlineBackend UNWIRED =
      dir -> {
        throw new IllegalStateException(
            "no article store is wired for headline tests yet (data folder "
                + dir
                + "); use --article FILE with 'headlines check' meanwhile");
      };
}
