package dev.lede.web;

/** The request is malformed; rendered as a 400 page or problem JSON. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String what) {
    super(what);
  }
}
