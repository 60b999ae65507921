package dev.lede.extract;

/** The input could not be read as an article page; the message says why. */
public final class ExtractionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExtractionException(String message) {
    super(message);
  }

  public ExtractionException(String message, Throwable cause) {
    super(message, cause);
  }
}
