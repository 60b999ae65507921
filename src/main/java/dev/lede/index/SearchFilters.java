package dev.lede.index;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Restrictions on search and related-candidate results. Empty sets and null dates mean "no
 * restriction"; several values in one set mean any of them. Section, tag, source and language
 * compare case-insensitively. A date restriction excludes articles without a published date.
 *
 * @param since published at or after this instant
 * @param until published before this instant
 */
public record SearchFilters(
    @Nullable Instant since,
    @Nullable Instant until,
    Set<String> sections,
    Set<String> sources,
    Set<String> tags,
    Set<String> languages) {

  /** No restriction at all. */
  public static final SearchFilters NONE =
      new SearchFilters(null, null, Set.of(), Set.of(), Set.of(), Set.of());

  public SearchFilters {
    sections = Set.copyOf(sections);
    sources = Set.copyOf(sources);
    tags = Set.copyOf(tags);
    languages = Set.copyOf(languages);
    if (since != null && until != null && until.isBefore(since)) {
      throw new IllegalArgumentException("until (" + until + ") is before since (" + since + ")");
    }
  }

  public SearchFilters withSince(@Nullable Instant v) {
    return new SearchFilters(v, until, sections, sources, tags, languages);
  }

  public SearchFilters withUntil(@Nullable Instant v) {
    return new SearchFilters(since, v, sections, sources, tags, languages);
  }

  public SearchFilters withSections(Set<String> v) {
    return new SearchFilters(since, until, v, sources, tags, languages);
  }

  public SearchFilters withSources(Set<String> v) {
    return new SearchFilters(since, until, sections, v, tags, languages);
  }

  public SearchFilters withTags(Set<String> v) {
    return new SearchFilters(since, until, sections, sources, v, languages);
  }

  public SearchFilters withLanguages(Set<String> v) {
    return new SearchFilters(since, until, sections, sources, tags, v);
  }
}
