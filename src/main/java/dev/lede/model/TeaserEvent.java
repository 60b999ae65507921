package dev.lede.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A teaser event, in the schema of the site issue: {@code {type, article, from, slot, variant,
 * visitor, ts}}. An impression is counted when a teaser list is served, a click through the
 * redirect or the beacon. No personal data: the visitor is a random first-party id, or null when
 * the id cookie is off.
 *
 * @param article the teased article (the headline test's id)
 * @param from the article on whose page the teaser was shown, or null (front page)
 * @param slot the teaser's position in its list, from 0
 * @param variant the headline variant shown, or null for the original
 */
public record TeaserEvent(
    Type type,
    String article,
    @Nullable String from,
    int slot,
    @Nullable String variant,
    @Nullable String visitor,
    Instant ts) {

  public enum Type {
    IMPRESSION,
    CLICK
  }

  public TeaserEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(ts, "ts");
    if (article.isBlank()) {
      throw new IllegalArgumentException("event without an article");
    }
    if (slot < 0) {
      throw new IllegalArgumentException("slot must not be negative, was " + slot);
    }
  }
}
