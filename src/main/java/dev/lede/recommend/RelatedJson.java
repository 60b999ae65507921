package dev.lede.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a related list, as {@code lede related} prints it and the API serves it: {@code
 * {"id", "related": [{"id", "headline", "altHeadline", "excerpt", "url", "published", "source",
 * "story", "reason"}]}}, plus {@code "fallback"} and {@code "thumbnail"} on each item, and with
 * {@code explain} the score breakdown as {@code "score"}. The stored form adds {@code computedAt}
 * and {@code asOf}.
 */
public final class RelatedJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RelatedJson() {}

  /** The printed form. */
  public static ObjectNode toJson(RelatedList list, boolean explain) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", list.id());
    ArrayNode items = o.putArray("related");
    for (RelatedList.Item i : list.items()) {
      ObjectNode n = items.addObject();
      n.put("id", i.id());
      n.put("headline", i.headline());
      n.put("altHeadline", i.altHeadline());
      n.put("excerpt", i.excerpt());
      n.put("url", i.url());
      n.put("published", i.published() == null ? null : i.published().toString());
      n.put("source", i.source());
      n.put("story", i.story());
      n.put("reason", i.reason());
      n.put("fallback", i.fallback());
      if (i.thumbnail() == null) {
        n.putNull("thumbnail");
      } else {
        n.putObject("thumbnail").put("src", i.thumbnail().src()).put("alt", i.thumbnail().alt());
      }
      if (explain) {
        RelatedList.Breakdown b = i.breakdown();
        ObjectNode s = n.putObject("score");
        s.put("score", b.score());
        s.put("relevance", b.relevance());
        s.put("text", b.text());
        s.put("entities", b.entities());
        s.put("tags", b.tags());
        s.put("section", b.section());
        s.put("freshness", b.freshness());
        s.put("engagement", b.engagement());
        if (b.embedding() != 0) {
          s.put("embedding", b.embedding()); // only with embeddings on
        }
        if (b.support() != 0) {
          s.put("storySupport", b.support()); // only where other reports of its story vouch
        }
        ArrayNode sh = s.putArray("shared");
        b.shared().forEach(sh::add);
      }
    }
    return o;
  }

  /** The stored form. */
  public static String toStored(RelatedList list) {
    ObjectNode o = toJson(list, true);
    o.put("computedAt", list.computedAt().toString());
    o.put("asOf", list.asOf());
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the stored form back. */
  public static RelatedList fromStored(String json) {
    JsonNode o;
    try {
      o = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a stored related list: " + e.getMessage(), e);
    }
    List<RelatedList.Item> items = new ArrayList<>();
    for (JsonNode n : o.path("related")) {
      JsonNode s = n.path("score");
      List<String> shared = new ArrayList<>();
      s.path("shared").forEach(x -> shared.add(x.asText()));
      JsonNode t = n.path("thumbnail");
      items.add(
          new RelatedList.Item(
              n.path("id").asText(),
              n.path("headline").asText(""),
              n.path("altHeadline").asText(""),
              n.path("excerpt").asText(""),
              n.path("url").asText(""),
              instant(n.path("published")),
              n.path("source").asText(""),
              n.path("story").isTextual() ? n.path("story").asText() : null,
              n.path("reason").asText(""),
              n.path("fallback").asBoolean(false),
              t.isObject()
                  ? new RelatedList.Thumbnail(t.path("src").asText(""), t.path("alt").asText(""))
                  : null,
              new RelatedList.Breakdown(
                  s.path("score").asDouble(),
                  s.path("relevance").asDouble(),
                  s.path("text").asDouble(),
                  s.path("entities").asDouble(),
                  s.path("tags").asDouble(),
                  s.path("section").asDouble(),
                  s.path("freshness").asDouble(),
                  s.path("engagement").asDouble(),
                  shared,
                  s.path("embedding").asDouble(),
                  s.path("storySupport").asDouble())));
    }
    Instant computed = instant(o.path("computedAt"));
    return new RelatedList(
        o.path("id").asText(),
        items,
        computed == null ? Instant.EPOCH : computed,
        o.path("asOf").asLong(0),
        true);
  }

  private static @Nullable Instant instant(JsonNode n) {
    return n.isTextual() ? Instant.parse(n.asText()) : null;
  }
}
