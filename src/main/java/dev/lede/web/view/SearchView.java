package dev.lede.web.view;

import java.util.List;

/**
 * Search results with highlights, filters and pagination.
 *
 * @param hits results; each snippet is HTML-safe (escaped text with {@code <mark>} around matches)
 */
public record SearchView(
    Layout page,
    String query,
    String section,
    String source,
    String since,
    List<Hit> hits,
    Pager pager,
    List<String> sectionOptions,
    List<Option> sourceOptions,
    String error) {
  public SearchView {
    hits = List.copyOf(hits);
    sectionOptions = List.copyOf(sectionOptions);
    sourceOptions = List.copyOf(sourceOptions);
  }

  /** One result: a teaser and its highlighted snippet. */
  public record Hit(Card card, String snippetHtml) {}

  /** A select option. */
  public record Option(String value, String label) {}
}
