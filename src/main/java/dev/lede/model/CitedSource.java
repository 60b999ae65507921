package dev.lede.model;

import java.util.Objects;

/**
 * A source an article cites (a news agency report, a press release, another paper's story), as
 * Wikinews lists them under "Sources". Every field is plain text and empty when unknown.
 *
 * @param title the cited item's headline
 * @param url where it was published
 * @param publisher who published it ("BBC News", "Reuters")
 * @param author who wrote it
 * @param date its date as the citation gives it (free text, often "November 13, 2004")
 * @param language its language code, e.g. "pt"
 * @param archiveUrl an archived copy, e.g. on the Wayback Machine
 */
public record CitedSource(
    String title,
    String url,
    String publisher,
    String author,
    String date,
    String language,
    String archiveUrl) {

  public CitedSource {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(archiveUrl, "archiveUrl");
  }

  /** A citation with only a title and a URL known. */
  public static CitedSource of(String title, String url) {
    return new CitedSource(title, url, "", "", "", "", "");
  }

  /** True when the citation names nothing at all. */
  public boolean isEmpty() {
    return title.isEmpty() && url.isEmpty() && publisher.isEmpty();
  }
}
