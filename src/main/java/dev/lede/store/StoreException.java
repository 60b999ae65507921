package dev.lede.store;

/** The store could not do what was asked (I/O, a corrupt or foreign file, a failed migration). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
