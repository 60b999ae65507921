package dev.lede.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A source Lede follows: a feed, a sitemap, a single page, or local files.
 *
 * @param id stable identifier (also used in URLs and the API)
 * @param kind what the location points to
 * @param location an absolute http(s) URL, or a local path for {@link Kind#FILE}
 * @param name display name (the publisher), empty when unknown
 * @param rights whether Lede may show the full text or only an excerpt with a link
 * @param fetchFullText for feeds whose items carry only a summary: fetch and extract the page
 * @param paused a paused source is not polled
 * @param addedAt when the source was added
 */
public record Source(
    String id,
    Kind kind,
    String location,
    String name,
    RightsPolicy rights,
    boolean fetchFullText,
    boolean paused,
    Instant addedAt) {

  /** What a source's location points to. */
  public enum Kind {
    FEED,
    SITEMAP,
    PAGE,
    FILE
  }

  /** What Lede may republish from a source. */
  public enum RightsPolicy {
    /** Show the full article. */
    FULL_TEXT,
    /** Show an excerpt and a prominent link; the canonical URL points to the publisher. */
    EXCERPT
  }

  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rights, "rights");
    Objects.requireNonNull(addedAt, "addedAt");
    if (id.isBlank()) {
      throw new IllegalArgumentException("source id must not be blank");
    }
  }

  public Source withPaused(boolean p) {
    return new Source(id, kind, location, name, rights, fetchFullText, p, addedAt);
  }

  public Source withRights(RightsPolicy r) {
    return new Source(id, kind, location, name, r, fetchFullText, paused, addedAt);
  }
}
