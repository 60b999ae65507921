package dev.lede.recommend;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An article's "You May Also Like" list.
 *
 * @param id the article the list is for
 * @param items the related items, best first
 * @param computedAt when the list was computed
 * @param asOf the change-log position the list reflects (articles changed later are not in it
 *     unless a refresh put them there)
 * @param stored whether it was served from the stored lists (a lookup) rather than computed
 */
public record RelatedList(
    String id, List<Item> items, Instant computedAt, long asOf, boolean stored) {
  public RelatedList {
    Objects.requireNonNull(id, "id");
    items = List.copyOf(items);
    Objects.requireNonNull(computedAt, "computedAt");
  }

  public RelatedList withStored(boolean s) {
    return new RelatedList(id, items, computedAt, asOf, s);
  }

  /** The first {@code k} items. */
  public RelatedList first(int k) {
    return items.size() <= k
        ? this
        : new RelatedList(id, items.subList(0, k), computedAt, asOf, stored);
  }

  /**
   * One related item: a teaser with its reason.
   *
   * @param headline the headline
   * @param altHeadline a rewritten headline, empty when none
   * @param excerpt the lead (or description) cut at about 140 characters
   * @param url canonical URL, else URL, empty when unknown
   * @param published publication time, or null
   * @param source the publisher's name, else source id, else empty
   * @param story the item's story id, or null
   * @param reason why it is here ("shared: North Korea, Kursk", "same section, fresh")
   * @param fallback a labelled filler rather than a related pick
   * @param thumbnail the first image, or null
   * @param breakdown how the score was made
   */
  public record Item(
      String id,
      String headline,
      String altHeadline,
      String excerpt,
      String url,
      @Nullable Instant published,
      String source,
      @Nullable String story,
      String reason,
      boolean fallback,
      @Nullable Thumbnail thumbnail,
      Breakdown breakdown) {}

  /** A teaser image. */
  public record Thumbnail(String src, String alt) {}

  /**
   * The parts of an item's score.
   *
   * @param score the final score the list was ranked by (0 for fallback items)
   * @param relevance relevance relative to the best candidate, in [0, 1]
   * @param text the MoreLikeThis part of the raw relevance
   * @param entities the shared-entity part of the raw relevance
   * @param tags the shared-tag part
   * @param section the same-section part
   * @param freshness the freshness multiplier minus one
   * @param engagement the engagement multiplier minus one
   * @param shared the shared entities and tags, heaviest first
   * @param embedding the sentence-embedding part of the raw relevance (0 with embeddings off)
   * @param support the story-support multiplier minus one: how much other reports of the item's
   *     story among the candidates resemble the article ({@code RelatedRanker})
   */
  public record Breakdown(
      double score,
      double relevance,
      double text,
      double entities,
      double tags,
      double section,
      double freshness,
      double engagement,
      List<String> shared,
      double embedding,
      double support) {
    public Breakdown {
      shared = List.copyOf(shared);
    }

    /** A breakdown without an embedding part (embeddings off). */
    public Breakdown(
        double score,
        double relevance,
        double text,
        double entities,
        double tags,
        double section,
        double freshness,
        double engagement,
        List<String> shared) {
      this(score, relevance, text, entities, tags, section, freshness, engagement, shared, 0, 0);
    }

    public static final Breakdown NONE = new Breakdown(0, 0, 0, 0, 0, 0, 0, 0, List.of());
  }
}
