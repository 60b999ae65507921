package dev.lede.ingest;

import org.jspecify.annotations.Nullable;

/** HTTP cache validators remembered for a URL, sent back as If-None-Match / If-Modified-Since. */
record Validators(@Nullable String etag, @Nullable String lastModified) {
  static final Validators NONE = new Validators(null, null);

  boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
