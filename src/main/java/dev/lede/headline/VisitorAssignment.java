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
 * variant while the shares move little.
 *
 * <p><b>Buckets (what the site uses).</b> A page shows up to eight teasers, each possibly in its
 * own test; with a free position per (visitor, test) a page could have 4<sup>8</sup> versions and
 * could not be cached. So the site hashes the visitor id into one of {@link #BUCKETS} buckets (the
 * web package does, beside its cookie) and renders each page once per bucket: a test places bucket
 * {@code b} at {@code (b + u) / BUCKETS}, {@code u} a hash of the test id in [0, 1) ({@link
 * #bucketPosition}). These are stratified positions with a random start: over the visitors of a
 * test, arm {@code i} gets the buckets whose position falls in its share of the cumulative
 * allocation, i.e. its allocation rounded to quarters of the traffic, exactly the allocation in
 * expectation over {@code u}. An arm that no bucket reaches keeps its prior and so its probability
 * of being best, which grows its share until a bucket does. The price of caching: shares move in
 * steps of a quarter, and visitors of one bucket share their variants across tests (each test with
 * its own offset).
 *
 * <p>The id lives in a first-party cookie ({@link #COOKIE}), set only while headline tests run;
 * when it is switched off, buckets are drawn per request instead.
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

  /** Visitor buckets: pages are rendered and cached once per bucket (the most arms a test has). */
  public static final int BUCKETS = ThompsonBandit.MAX_ARMS;

  /** Where bucket {@code bucket} of {@code buckets} sits in a test: stratified, offset per test. */
  public static double bucketPosition(int bucket, int buckets, String testId) {
    if (buckets < 1 || bucket < 0 || bucket >= buckets) {
      throw new IllegalArgumentException("bucket " + bucket + " of " + buckets);
    }
    double offset = position("", testId);
    return Math.min((bucket + offset) / buckets, Math.nextDown(1.0));
  }

  /** A position drawn for one request, when there is no visitor id. */
  public static double randomPosition(RandomGenerator rng) {
    return rng.nextDouble();
  }
}
