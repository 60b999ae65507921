package dev.lede.index;

/** The index could not do what was asked (I/O, a corrupt or foreign index). */
public final class IndexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
