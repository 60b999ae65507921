package dev.lede.headline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Sticky assignment of visitors to arms. A visitor's position in a test is a hash of (random
 * first-party visitor id, test id) mapped to [0, 1): the same visitor lands at the same place in
 * every request, different tests place them independently, and nothing about the person is kept.
 * The bandit maps the position through its cumulative allocation, so the visitor keeps their
 * variant while the shares move little, and a test renders at most {@link ThompsonBandit#MAX_ARMS}
 * page versions: pages are cacheable per (page, bucket) where the bucket is the arm.
 *
 * <p>The id lives in a first-party cookie ({@link #COOKIE}), set only while headline tests run;
 * when it is switched off, positions are drawn per request instead ({@link #randomPosition}).
 */
public final class VisitorAssignment {
  private VisitorAssignment() {}

  /** Name of the visitor-id cookie (documented for operators; holds 128 random bits). */
  public static final String COOKIE = "lede_v";

  /** A new random visitor id: 32 hex digits. */
  public static String newVisitorId(RandomGenerator rng) {
    byte[] b = new byte[16];
    rng.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The visitor's stable position in a test, in [0, 1). */
  public static double position(String visitorId, String testId) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(testId.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      byte[] h = md.digest(visitorId.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 7; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v / (double) (1L << 56);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A position drawn for one request, when there is no visitor id. */
  public static double randomPosition(RandomGenerator rng) {
    return rng.nextDouble();
  }
}
