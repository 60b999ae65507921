package dev.lede.web;

import java.time.Instant;
import java.util.Objects;

/**
 * A teaser impression or click, as one schema for the beacon, the redirect and the server-side
 * impression count: {@code {type, article, from, slot, variant, visitor, ts}}. {@code visitor} is a
 * random first-party id (or a per-request bucket token), never personal data. The {@link #key}
 * drops duplicates: one impression or click per visitor, teaser article, page and slot within a
 * time bucket.
 */
public record TeaserEvent(
    Type type, String article, String from, int slot, String variant, String visitor, Instant ts) {
  /** Impression or click. */
  public enum Type {
    IMPRESSION,
    CLICK
  }

  public TeaserEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(visitor, "visitor");
    Objects.requireNonNull(ts, "ts");
    if (slot < 0 || slot > 100) {
      throw new IllegalArgumentException("slot must be 0..100, was " + slot);
    }
  }

  /** The de-duplication key: type, visitor, article, page and slot within a 30-minute bucket. */
  public String key() {
    return type.name().charAt(0)
        + "|"
        + visitor
        + "|"
        + article
        + "|"
        + from
        + "|"
        + slot
        + "|"
        + (ts.getEpochSecond() / 1800);
  }
}
