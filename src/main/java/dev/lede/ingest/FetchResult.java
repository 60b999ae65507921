package dev.lede.ingest;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A response that ended a fetch: a body (status 2xx) or "not modified" (304).
 *
 * @param url the URL finally answered, after redirects
 * @param status the HTTP status
 * @param mediaType the declared media type, lower case without parameters, or null
 * @param charset the declared charset, or null
 * @param body the decoded body (empty on 304)
 * @param validators ETag / Last-Modified of the response, for the next conditional request
 * @param wireBytes body bytes as received (before decompression)
 * @param millis time from first request to the end of the body
 * @param redirects how many redirects were followed
 */
@SuppressWarnings("ArrayRecordComponent") // body is never changed after the fetch
record FetchResult(
    URI url,
    int status,
    @Nullable String mediaType,
    @Nullable String charset,
    byte[] body,
    Validators validators,
    long wireBytes,
    long millis,
    int redirects) {

  boolean notModified() {
    return status == 304;
  }

  /**
   * Same response with the body a gzip file held ({@link PoliteFetcher#gunzip}); a gzip media type
   * no longer describes it and is dropped, so the body decides.
   */
  FetchResult withGunzipped(byte[] decoded) {
    return new FetchResult(
        url,
        status,
        mediaType != null && mediaType.contains("gzip") ? null : mediaType,
        charset,
        decoded,
        validators,
        wireBytes,
        millis,
        redirects);
  }

  /** Same response, seen after {@code extraRedirects} more hops and more elapsed time. */
  FetchResult after(int extraRedirects, long totalMillis) {
    return new FetchResult(
        url,
        status,
        mediaType,
        charset,
        body,
        validators,
        wireBytes,
        totalMillis,
        redirects + extraRedirects);
  }

  /** A Content-Type header split into media type (lower case) and charset; parts may be null. */
  record ContentType(@Nullable String mediaType, @Nullable String charset) {
    static ContentType parse(@Nullable String header) {
      if (header == null || header.isBlank()) {
        return new ContentType(null, null);
      }
      String[] parts = header.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      String charset = null;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip();
        int eq = p.indexOf('=');
        if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
          String c = p.substring(eq + 1).strip().replace("\"", "").replace("'", "");
          charset = c.isEmpty() ? null : c;
        }
      }
      return new ContentType(type.isEmpty() ? null : type, charset);
    }
  }
}
