package dev.lede.dedup;

import java.time.Instant;
import java.util.List;

/**
 * A story: articles about the same event.
 *
 * @param id stable until the story is merged into another
 * @param headline the representative headline (the member headline closest to the story's title
 *     centroid)
 * @param size how many articles belong to it, copies included
 * @param firstSeen when Lede first saw one of its articles
 * @param lastSeen when Lede last saw one of its articles
 * @param articles the ids of its articles
 */
public record Story(
    long id,
    String headline,
    int size,
    Instant firstSeen,
    Instant lastSeen,
    List<String> articles) {
  public Story {
    articles = List.copyOf(articles);
  }
}
