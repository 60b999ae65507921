package dev.lede.model;

import java.util.Objects;

/**
 * A teaser for another article, as found in a "You May Also Like" block: a headline, an alternative
 * (rewritten) headline, an excerpt and a link. Missing parts are empty strings.
 */
public record Teaser(String headline, String altHeadline, String excerpt, String url) {
  public Teaser {
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(altHeadline, "altHeadline");
    Objects.requireNonNull(excerpt, "excerpt");
    Objects.requireNonNull(url, "url");
  }
}
