package dev.lede.dedup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Dedup#assign} decided for an article.
 *
 * @param id the article
 * @param duplicateOf the canonical original when the article is a copy, else null
 * @param copies the other copies of the same original (for an original: all its copies) — the
 *     provenance ("also published by …")
 * @param storyId the story the article now belongs to
 * @param newStory whether the article started that story
 * @param regrouped articles that were originals until now and are copies of this one from now on
 *     (it was published earlier, or by a wire source at the same time): the store and index must
 *     mark them as duplicates
 * @param mergedStories stories fused into {@code storyId} just now: their articles now belong to
 *     {@code storyId}
 */
public record Assignment(
    String id,
    @Nullable String duplicateOf,
    List<String> copies,
    long storyId,
    boolean newStory,
    List<String> regrouped,
    List<Long> mergedStories) {
  public Assignment {
    copies = List.copyOf(copies);
    regrouped = List.copyOf(regrouped);
    mergedStories = List.copyOf(mergedStories);
  }

  /** True when the article is a copy of another. */
  public boolean isDuplicate() {
    return duplicateOf != null;
  }
}
