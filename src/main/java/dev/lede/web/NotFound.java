package dev.lede.web;

/** The requested page or resource does not exist; rendered as the friendly 404 page. */
final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotFound(String what) {
    super(what);
  }
}
