package dev.lede.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of an {@link Article}, as documented in {@code docs/article-schema.md}: the fields
 * {@code url, canonicalUrl, title, bylines, published, modified, language, siteName, section,
 * description, tags, text, blocks, images, attribution, related}, preceded by {@code id} when the
 * article has one. {@code text} and {@code images} are derived from {@code blocks} and ignored on
 * reading. Instants are ISO-8601 UTC strings or null.
 */
public final class ArticleJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ArticleJson() {}

  /** The shared, configured mapper (thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The article as a JSON tree. */
  public static ObjectNode toTree(Article a) {
    ObjectNode o = F.objectNode();
    if (a.id() != null) {
      o.put("id", a.id());
    }
    o.put("url", a.url());
    o.put("canonicalUrl", a.canonicalUrl());
    o.put("title", a.title());
    o.set("bylines", strings(a.bylines()));
    o.put("published", instant(a.published()));
    o.put("modified", instant(a.modified()));
    o.put("language", a.language());
    o.put("siteName", a.siteName());
    o.put("section", a.section());
    o.put("description", a.description());
    o.set("tags", strings(a.tags()));
    o.put("text", a.text());
    ArrayNode blocks = o.putArray("blocks");
    for (Block b : a.blocks()) {
      blocks.add(block(b));
    }
    ArrayNode images = o.putArray("images");
    for (Block.Image img : a.images()) {
      images.add(image(img));
    }
    o.set("attribution", strings(a.attribution()));
    ArrayNode related = o.putArray("related");
    for (Teaser t : a.related()) {
      ObjectNode tn = related.addObject();
      tn.put("headline", t.headline());
      tn.put("altHeadline", t.altHeadline());
      tn.put("excerpt", t.excerpt());
      tn.put("url", t.url());
    }
    return o;
  }

  /** The article as one line of JSON. */
  public static String toJson(Article a) {
    try {
      return MAPPER.writeValueAsString(toTree(a));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an article written by {@link #toJson}. */
  public static Article fromJson(String json) {
    try {
      return fromTree(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not an article JSON object: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads an article from a JSON tree in the documented shape. */
  public static Article fromTree(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(
          "an article must be a JSON object, got " + n.getNodeType());
    }
    ArticleBuilder b = Article.builder();
    JsonNode id = n.get("id");
    b.id(id == null || id.isNull() ? null : id.asText());
    b.url(str(n, "url"))
        .canonicalUrl(str(n, "canonicalUrl"))
        .title(str(n, "title"))
        .bylines(strList(n, "bylines"))
        .published(parseInstant(n, "published"))
        .modified(parseInstant(n, "modified"))
        .language(str(n, "language"))
        .siteName(str(n, "siteName"))
        .section(str(n, "section"))
        .description(str(n, "description"))
        .tags(strList(n, "tags"))
        .attribution(strList(n, "attribution"));
    List<Block> blocks = new ArrayList<>();
    for (JsonNode bn : n.path("blocks")) {
      blocks.add(readBlock(bn));
    }
    b.blocks(blocks);
    List<Teaser> related = new ArrayList<>();
    for (JsonNode tn : n.path("related")) {
      related.add(
          new Teaser(
              str(tn, "headline"), str(tn, "altHeadline"), str(tn, "excerpt"), str(tn, "url")));
    }
    b.related(related);
    return b.build();
  }

  /** One block as JSON: {@code {"type": "paragraph|heading|list|quote|image", ...}}. */
  public static ObjectNode block(Block b) {
    ObjectNode o = F.objectNode();
    switch (b) {
      case Block.Paragraph p -> o.put("type", "paragraph").put("text", p.text());
      case Block.Heading h ->
          o.put("type", "heading").put("level", h.level()).put("text", h.text());
      case Block.ListBlock l -> {
        o.put("type", "list").put("ordered", l.ordered());
        o.set("items", strings(l.items()));
      }
      case Block.Quote q -> o.put("type", "quote").put("text", q.text());
      case Block.Image i -> {
        o.put("type", "image");
        o.setAll(image(i));
      }
    }
    return o;
  }

  private static Block readBlock(JsonNode bn) {
    String type = str(bn, "type");
    return switch (type) {
      case "paragraph" -> new Block.Paragraph(str(bn, "text"));
      case "heading" ->
          new Block.Heading(Math.max(1, Math.min(6, bn.path("level").asInt(2))), str(bn, "text"));
      case "list" -> new Block.ListBlock(bn.path("ordered").asBoolean(false), strList(bn, "items"));
      case "quote" -> new Block.Quote(str(bn, "text"));
      case "image" ->
          new Block.Image(str(bn, "src"), str(bn, "alt"), str(bn, "caption"), str(bn, "credit"));
      default -> throw new IllegalArgumentException("unknown block type '" + type + "'");
    };
  }

  private static ObjectNode image(Block.Image i) {
    ObjectNode o = F.objectNode();
    o.put("src", i.src());
    o.put("alt", i.alt());
    o.put("caption", i.caption());
    o.put("credit", i.credit());
    return o;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private static @Nullable String instant(@Nullable Instant i) {
    return i == null ? null : i.toString();
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static List<String> strList(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : n.path(field)) {
      if (!v.isNull()) {
        out.add(v.asText());
      }
    }
    return out;
  }

  private static @Nullable Instant parseInstant(JsonNode n, String field) {
    String s = str(n, field);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "field '" + field + "' is not an ISO-8601 instant: " + s, e);
    }
  }
}
