package dev.lede.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import dev.lede.model.Teaser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON a store keeps for an article: {@link ArticleJson}'s documented shape without the fields
 * it derives from the blocks ({@code text}, {@code images}), which would double the bytes stored.
 * {@link ArticleJson#fromJson} reads it back unchanged. Written with a streaming generator rather
 * than through a tree: this is on the write path of every article.
 */
public final class StoredForm {
  private StoredForm() {}

  /** The compact JSON of an article. */
  public static String toJson(Article a) {
    StringWriter w = new StringWriter(256 + a.title().length() + 2 * a.blocks().size() * 64);
    try (JsonGenerator g = ArticleJson.mapper().getFactory().createGenerator(w)) {
      g.writeStartObject();
      if (a.id() != null) {
        g.writeStringField("id", a.id());
      }
      g.writeStringField("url", a.url());
      g.writeStringField("canonicalUrl", a.canonicalUrl());
      g.writeStringField("title", a.title());
      strings(g, "bylines", a.bylines());
      instant(g, "published", a.published());
      instant(g, "modified", a.modified());
      g.writeStringField("language", a.language());
      g.writeStringField("siteName", a.siteName());
      g.writeStringField("section", a.section());
      g.writeStringField("description", a.description());
      strings(g, "tags", a.tags());
      g.writeArrayFieldStart("blocks");
      for (Block b : a.blocks()) {
        block(g, b);
      }
      g.writeEndArray();
      strings(g, "attribution", a.attribution());
      g.writeArrayFieldStart("related");
      for (Teaser t : a.related()) {
        g.writeStartObject();
        g.writeStringField("headline", t.headline());
        g.writeStringField("altHeadline", t.altHeadline());
        g.writeStringField("excerpt", t.excerpt());
        g.writeStringField("url", t.url());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does no I/O
    }
    return w.toString();
  }

  private static void block(JsonGenerator g, Block b) throws IOException {
    g.writeStartObject();
    switch (b) {
      case Block.Paragraph p -> {
        g.writeStringField("type", "paragraph");
        g.writeStringField("text", p.text());
      }
      case Block.Heading h -> {
        g.writeStringField("type", "heading");
        g.writeNumberField("level", h.level());
        g.writeStringField("text", h.text());
      }
      case Block.ListBlock l -> {
        g.writeStringField("type", "list");
        g.writeBooleanField("ordered", l.ordered());
        strings(g, "items", l.items());
      }
      case Block.Quote q -> {
        g.writeStringField("type", "quote");
        g.writeStringField("text", q.text());
      }
      case Block.Image i -> {
        g.writeStringField("type", "image");
        g.writeStringField("src", i.src());
        g.writeStringField("alt", i.alt());
        g.writeStringField("caption", i.caption());
        g.writeStringField("credit", i.credit());
      }
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void instant(JsonGenerator g, String field, @Nullable Instant i)
      throws IOException {
    if (i == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, i.toString());
    }
  }

  /** Reads what {@link #toJson} wrote. */
  public static Article fromJson(String json) {
    return ArticleJson.fromJson(json);
  }

  /**
   * {@link Article#text()} of a stored article, read straight from its JSON: only the blocks' texts
   * are looked at, no tree and no article are built. Searches read a page of bodies this way for
   * snippets, where parsing whole articles was most of the cost of reading them.
   *
   * @throws IllegalArgumentException when the JSON is not a stored article
   */
  public static String textOf(String json) {
    try {
      return text(json, Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a stored article: " + e.getMessage(), e);
    }
  }

  /**
   * The first {@code maxChars} characters of the text of a stored article, read from the opening of
   * its JSON: a store may read only that much of a long row. The blocks come after the short
   * metadata fields in the stored form, so an opening of a few times {@code maxChars} characters
   * usually holds them.
   *
   * @param jsonPrefix the JSON of a stored article, or an opening of it
   * @return {@code cut(textOf(json), maxChars)}, or null when {@code jsonPrefix} ends (or is not
   *     readable) before that much of the text: the caller then reads the whole JSON
   */
  public static @Nullable String textOfPrefix(String jsonPrefix, int maxChars) {
    try {
      return text(jsonPrefix, maxChars);
    } catch (IOException | RuntimeException e) {
      return null; // cut inside a value, a token or a block, or not an article at all
    }
  }

  /** {@code text} cut to its first {@code maxChars} characters. */
  public static String cut(String text, int maxChars) {
    return text.length() > maxChars ? text.substring(0, maxChars) : text;
  }

  /**
   * The text, stopping once {@code maxChars} characters are known.
   *
   * @throws IOException when the JSON ends before the article does, or is malformed
   */
  private static String text(String json, int maxChars) throws IOException {
    StringBuilder out = new StringBuilder(Math.min(json.length(), maxChars) + 16);
    try (JsonParser p = ArticleJson.mapper().getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a stored article is a JSON object");
      }
      while (next(p) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = next(p);
        if ("blocks".equals(field) && value == JsonToken.START_ARRAY) {
          while (next(p) == JsonToken.START_OBJECT) {
            appendBlockText(p, out);
            if (out.length() >= maxChars) {
              return cut(out.toString(), maxChars);
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return out.toString();
  }

  /** The next token; the end of the input inside the article is an error. */
  private static JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonEOFException(p, null, "the stored article ends early");
    }
    return t;
  }

  /** Appends one block's text as {@link Article#text()} joins it; the parser is on its start. */
  private static void appendBlockText(JsonParser p, StringBuilder out) throws IOException {
    String type = "";
    String text = "";
    StringBuilder items = null;
    while (next(p) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = next(p);
      switch (field) {
        case "type" -> type = value == JsonToken.VALUE_NULL ? "" : p.getText();
        case "text" -> text = value == JsonToken.VALUE_NULL ? "" : p.getText();
        case "items" -> {
          if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            break;
          }
          items = new StringBuilder();
          boolean first = true;
          for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p)) {
            if (t == JsonToken.VALUE_NULL) {
              continue;
            }
            if (!first) {
              items.append('\n');
            }
            items.append(p.getText());
            first = false;
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    String blockText =
        switch (type) {
          case "paragraph", "heading", "quote" -> text;
          case "list" -> items == null ? "" : items.toString();
          case "image" -> "";
          default -> throw new IllegalArgumentException("unknown block type '" + type + "'");
        };
    if (blockText.isEmpty()) {
      return;
    }
    if (!out.isEmpty()) {
      out.append("\n\n");
    }
    out.append(blockText);
  }
}
