package dev.lede.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared} (the team's data and seed, outside the repository). Tests that need it
 * skip with a message where it is absent, but fail when {@code CI=true}: a skipped check in CI is a
 * check that cannot fail.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder, or a skip (a failure under CI) when it is missing. */
  public static Path root() {
    String env = System.getenv("LEDE_SHARED");
    Path dir =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("lede.project.dir", ".")).resolve("../shared");
    return requireDir(dir.normalize());
  }

  /** A path under the shared folder that must exist (skip, or fail under CI, when it does not). */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      missing(p);
    }
    return p;
  }

  private static Path requireDir(Path dir) {
    if (!Files.isDirectory(dir)) {
      missing(dir);
    }
    return dir;
  }

  private static void missing(Path p) {
    String msg = "shared data not found at " + p.toAbsolutePath() + " (set LEDE_SHARED)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(msg + "; CI=true, so this is a failure, not a skip");
    }
    Assumptions.abort(msg + "; skipping");
  }
}
