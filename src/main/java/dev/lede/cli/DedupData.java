package dev.lede.cli;

import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Dedup;
import java.nio.file.Path;

/**
 * The seam between the dedup commands ({@code stories}, {@code duplicates}, {@code restory}) and a
 * data folder: the store implements {@link dev.lede.dedup.DedupState}, and {@link #open} builds a
 * {@link Dedup} over it. Until the store is wired here, the commands stop with a clear message.
 */
interface DedupData extends AutoCloseable {

  /** The dedup front over the folder's state. */
  Dedup dedup();

  /** Every stored article in the order it was first seen (for {@code restory}). */
  Iterable<ArticleRef> articlesInFirstSeenOrder();

  @Override
  void close();

  /** Opens the data folder {@code dir}. */
  static DedupData open(Path dir) {
    // Wiring point for the store: return the data folder's DedupState wrapped in a Dedup.
    throw new IllegalStateException(
        "the store is not available in this build yet: cannot read stories from " + dir);
  }
}
