package dev.lede.recommend;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A candidate for an article's related list, as the candidate queries found it.
 *
 * @param relevance the raw relevance score from the candidate query (higher is better; only its
 *     ratio to the best candidate matters)
 * @param storyId the candidate's story, or null when not assigned
 * @param duplicateGroup the id of the original this candidate copies, or its own id
 * @param sourceId its publisher
 * @param published its publication time, or null when unknown
 * @param terms a compact description for similarity between candidates (top terms, entities)
 * @param shared the names, tags and entities it shares with the article (for the reason)
 * @param engagement click-through evidence in [-1, 1] (0 = none or neutral)
 */
public record Candidate(
    String id,
    double relevance,
    @Nullable String storyId,
    String duplicateGroup,
    String sourceId,
    String section,
    @Nullable Instant published,
    Set<String> terms,
    List<String> shared,
    double engagement) {
  public Candidate {
    terms = Set.copyOf(terms);
    shared = List.copyOf(shared);
  }
}
