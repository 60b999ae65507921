package dev.lede.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Bearer tokens: generated at random, stored only as SHA-256 digests, compared in constant time. A
 * token is 32 random bytes in URL-safe Base64; its digest goes into the configuration.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A new random token. */
  public static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The SHA-256 hex digest under which a token is configured. */
  public static String hash(String token) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** True when the token's digest is one of the configured ones (constant-time per digest). */
  public static boolean matches(String token, List<String> hashes) {
    if (token.isEmpty() || hashes.isEmpty()) {
      return false;
    }
    byte[] d = hash(token).getBytes(StandardCharsets.US_ASCII);
    boolean ok = false;
    for (String h : hashes) {
      ok |= MessageDigest.isEqual(d, h.getBytes(StandardCharsets.US_ASCII));
    }
    return ok;
  }
}
