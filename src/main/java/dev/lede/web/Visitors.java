package dev.lede.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The visitor-id cookie of headline tests and the visitor buckets pages are cached by.
 *
 * <p>The cookie ({@value #COOKIE}) holds 128 random bits in URL-safe Base64 and nothing else: no
 * personal data, first-party, {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} on an https
 * site, 180 days. It is set only when a page with a teaser under a running headline test is served
 * and the {@code headline-cookie} setting allows it. The visitor's bucket is a hash of the id into
 * {@link SiteServices#HEADLINE_BUCKETS} buckets, so a visitor keeps their variants and a page has
 * at most that many cached versions; without the cookie (setting off) the bucket is drawn per
 * request.
 */
final class Visitors {
  static final String COOKIE = "lede_v";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_AGE = 60 * 60 * 24 * 180;

  private final boolean cookieAllowed;
  private final String cookieAttributes;

  Visitors(SiteConfig config) {
    this.cookieAllowed = config.headlineTestCookie();
    this.cookieAttributes =
        "; Path=/; Max-Age="
            + MAX_AGE
            + "; HttpOnly; SameSite=Lax"
            + (config.baseUrl().startsWith("https:") ? "; Secure" : "");
  }

  /** Whether the visitor cookie may be set (the {@code headline-cookie} setting). */
  boolean cookieAllowed() {
    return cookieAllowed;
  }

  /** The id if the cookie value is one of ours, else null. */
  static @Nullable String valid(@Nullable String cookie) {
    if (cookie == null || cookie.length() < 16 || cookie.length() > 43) {
      return null;
    }
    for (int i = 0; i < cookie.length(); i++) {
      char c = cookie.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        return null;
      }
    }
    return cookie;
  }

  /** A new random visitor id. */
  static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The Set-Cookie header value that stores an id. */
  String setCookie(String id) {
    return COOKIE + "=" + id + cookieAttributes;
  }

  /** The visitor's bucket: a hash of the id, so the same id always lands in the same bucket. */
  static int bucket(String visitorId) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(("lede-bucket\0" + visitorId).getBytes(StandardCharsets.UTF_8));
      int v = ((h[0] & 0xff) << 16) | ((h[1] & 0xff) << 8) | (h[2] & 0xff);
      return (int) ((long) v * SiteServices.HEADLINE_BUCKETS >>> 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** A bucket for one request, when the visitor has no id (cookie switched off). */
  static int randomBucket() {
    return ThreadLocalRandom.current().nextInt(SiteServices.HEADLINE_BUCKETS);
  }

  /**
   * Who is asking, for a page: the visitor id (null when unknown), their bucket, and the cookie to
   * set (null when none).
   */
  record Choice(@Nullable String visitor, int bucket, @Nullable String setCookie) {}

  /**
   * The choice for a page: with a teaser under test the visitor gets their bucket (and a cookie on
   * first sight, when allowed; else a bucket per request); otherwise bucket 0 and no cookie, an
   * existing id still passed on for counting. With the cookie switched off, ids are ignored.
   */
  Choice choose(boolean testing, @Nullable String cookieValue) {
    String id = cookieAllowed ? valid(cookieValue) : null; // switched off: every request unknown
    if (!testing) {
      return new Choice(id, 0, null);
    }
    if (id != null) {
      return new Choice(id, bucket(id), null);
    }
    if (!cookieAllowed) {
      return new Choice(null, randomBucket(), null);
    }
    String fresh = newId();
    return new Choice(fresh, bucket(fresh), setCookie(fresh));
  }
}
