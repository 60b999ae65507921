package dev.lede.ingest;

/** Content that was fetched or read but cannot be used (a broken feed, a bad JSONL line, ...). */
final class BadContentException extends Exception {
  private static final long serialVersionUID = 1L;

  BadContentException(String message) {
    super(message);
  }

  BadContentException(String message, Throwable cause) {
    super(message, cause);
  }
}
