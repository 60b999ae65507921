package dev.lede.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a syndication feed into Lede's own feed model, so the library behind it (ROME for RSS and
 * Atom, Jackson for JSON Feed) can be replaced without touching the rest of ingest.
 */
interface FeedParser {

  /**
   * Parses a feed.
   *
   * @param body the bytes as fetched
   * @param charset the HTTP charset, or null
   * @param base the feed's URL, to resolve relative links
   * @throws BadContentException when the bytes are not a feed this parser reads, or are unsafe
   */
  Feed parse(byte[] body, @Nullable String charset, URI base) throws BadContentException;

  /**
   * A parsed feed: its own metadata and its items in document order.
   *
   * @param format e.g. "rss_2.0", "atom_1.0", "json_feed_1.1"
   */
  record Feed(String format, String title, String link, String language, List<Item> items) {
    public Feed {
      items = List.copyOf(items);
    }
  }

  /**
   * One feed item. Text fields other than {@code summaryHtml} and {@code contentHtml} are plain
   * text already; {@code contentText} is the plain-text body some JSON feeds carry instead.
   *
   * @param guid the item's id (RSS guid, Atom id, JSON Feed id), empty when none
   * @param link absolute URL of the article page, empty when none
   */
  record Item(
      String guid,
      String link,
      String title,
      @Nullable Instant published,
      @Nullable Instant updated,
      List<String> authors,
      List<String> categories,
      String summaryHtml,
      String contentHtml,
      String contentText,
      String imageUrl,
      String language) {
    public Item {
      authors = List.copyOf(authors);
      categories = List.copyOf(categories);
    }
  }
}
