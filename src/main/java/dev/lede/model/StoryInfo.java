package dev.lede.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A story as Lede reports it: the articles about one event (copies of the same writing included).
 * Every visible stored article belongs to exactly one story; a story may hold a single article.
 *
 * @param id the story's id, stable until the story is merged into another one (or recomputed by a
 *     restory)
 * @param headline the representative headline (the member headline that fits the story best)
 * @param size how many articles belong to it, copies included
 * @param firstSeen when Lede first saw one of its articles
 * @param lastSeen when Lede last saw one of its articles
 * @param articles the ids of its articles, in the order Lede first saw them
 */
public record StoryInfo(
    String id,
    String headline,
    int size,
    Instant firstSeen,
    Instant lastSeen,
    List<String> articles) {
  public StoryInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    articles = List.copyOf(articles);
  }
}
