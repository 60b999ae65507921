package dev.lede.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with Jackson: {@code version}, {@code
 * title}, {@code home_page_url}, {@code language}, and per item {@code id}, {@code url}, {@code
 * external_url}, {@code title}, {@code content_html}, {@code content_text}, {@code summary}, {@code
 * image}, {@code date_published}, {@code date_modified}, {@code authors} (1.1) or {@code author}
 * (1.0), {@code tags}, {@code language}. Dates are RFC 3339; an unreadable date is dropped, not the
 * item.
 */
final class JsonFeedParser implements FeedParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public Feed parse(byte[] body, @Nullable String charset, URI base) throws BadContentException {
    JsonNode root;
    try {
      root = MAPPER.readTree(XmlText.decode(body, charset));
    } catch (JsonProcessingException e) {
      throw new BadContentException(
          "not valid JSON: " + RomeFeedParser.oneLine(e.getOriginalMessage()), e);
    }
    if (root == null || !root.isObject()) {
      throw new BadContentException("not a JSON Feed: the document is not an object");
    }
    String version = root.path("version").asText("");
    if (!version.startsWith("https://jsonfeed.org/version/")) {
      throw new BadContentException("not a JSON Feed: no jsonfeed.org version ('" + version + "')");
    }
    JsonNode itemsNode = root.path("items");
    if (!itemsNode.isArray()) {
      throw new BadContentException("not a JSON Feed: 'items' is not an array");
    }
    String feedLang = RomeFeedParser.language(text(root, "language"));
    List<Item> items = new ArrayList<>();
    for (JsonNode n : itemsNode) {
      if (n.isObject()) {
        items.add(item(n, base, feedLang));
      }
    }
    String v = version.substring("https://jsonfeed.org/version/".length());
    return new Feed(
        "json_feed_" + v,
        HtmlText.plain(text(root, "title")),
        RomeFeedParser.absolute(base, text(root, "home_page_url")),
        feedLang,
        items);
  }

  private static Item item(JsonNode n, URI base, String feedLang) {
    String link = RomeFeedParser.absolute(base, text(n, "url"));
    if (link.isEmpty()) {
      link = RomeFeedParser.absolute(base, text(n, "external_url"));
    }
    String lang = RomeFeedParser.language(text(n, "language"));
    return new Item(
        text(n, "id"),
        link,
        HtmlText.plain(text(n, "title")),
        date(text(n, "date_published")),
        date(text(n, "date_modified")),
        authors(n),
        tags(n),
        escapeSummary(text(n, "summary")),
        text(n, "content_html"),
        text(n, "content_text"),
        RomeFeedParser.absolute(base, text(n, "image")),
        lang.isEmpty() ? feedLang : lang);
  }

  private static List<String> authors(JsonNode n) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode a : n.path("authors")) {
      add(out, Bylines.clean(text(a, "name")));
    }
    if (out.isEmpty() && n.has("author")) {
      add(out, Bylines.clean(text(n.get("author"), "name")));
    }
    return List.copyOf(out);
  }

  private static List<String> tags(JsonNode n) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode t : n.path("tags")) {
      if (t.isValueNode()) {
        add(out, HtmlText.plain(t.asText()));
      }
    }
    return List.copyOf(out);
  }

  private static void add(Set<String> out, String s) {
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  /** JSON Feed's summary is plain text; keep it HTML-safe for the shared HTML path. */
  private static String escapeSummary(String s) {
    return s.isEmpty() ? "" : org.jsoup.nodes.Entities.escape(s);
  }

  private static String text(@Nullable JsonNode n, String field) {
    if (n == null) {
      return "";
    }
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }

  static @Nullable Instant date(String s) {
    if (s.isBlank()) {
      return null;
    }
    Instant t;
    try {
      t = OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        t = Instant.parse(s.strip());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
    // a year of five digits ("+20250-…") or before 1000 is a typo, not a publication time
    int year = t.atOffset(java.time.ZoneOffset.UTC).getYear();
    return year >= 1000 && year <= 9999 ? t : null;
  }
}
