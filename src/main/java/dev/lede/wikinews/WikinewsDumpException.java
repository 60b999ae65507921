package dev.lede.wikinews;

import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A dump that could not be read to its end: malformed XML, a DOCTYPE, a truncated or corrupt
 * compressed stream. The message says what and where; {@link #partial()} holds the counts up to the
 * failure, and the articles counted there were already handed on.
 */
public final class WikinewsDumpException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient WikinewsDumpReader.Stats partial;

  public WikinewsDumpException(
      String message, WikinewsDumpReader.Stats partial, @Nullable Throwable cause) {
    super(message, cause);
    this.partial = Objects.requireNonNull(partial);
  }

  /** What was read before the failure. */
  public WikinewsDumpReader.Stats partial() {
    return partial;
  }
}
