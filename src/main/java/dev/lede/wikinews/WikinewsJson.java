package dev.lede.wikinews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.CitedSource;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Lines form of a {@link WikinewsArticle}: the article-input shape of {@code lede ingest}
 * (the fields of {@link ArticleJson}, with {@code text} and {@code blocks}; the derived {@code
 * images} and the always-empty {@code related} are left out; the bundled corpus also leaves out
 * {@code text}, which readers derive from {@code blocks}), plus three extra fields that article
 * readers ignore: {@code licence} ("CC BY 2.5" or "Public domain"), {@code licenceUrl}, and {@code
 * sources} (a list of {@code {title, url, publisher, author, date, language, archiveUrl}} with
 * empty fields omitted). The licence's attribution line is in {@code attribution}.
 */
public final class WikinewsJson {
  private WikinewsJson() {}

  /** One line of JSON (no line break), with the derived {@code text} field. */
  public static String toJson(WikinewsArticle wa) {
    return toJson(wa, true);
  }

  /**
   * One line of JSON (no line break); without {@code text} when {@code withText} is false (readers
   * of Lede's article JSON derive it from {@code blocks}; the bundled corpus saves the space).
   */
  public static String toJson(WikinewsArticle wa, boolean withText) {
    try {
      ObjectNode o = toTree(wa);
      if (!withText) {
        o.remove("text");
      }
      return ArticleJson.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON tree of one article. */
  public static ObjectNode toTree(WikinewsArticle wa) {
    ObjectNode o = ArticleJson.toTree(wa.article());
    o.remove("images");
    o.remove("related");
    o.put("licence", wa.licence().label());
    o.put("licenceUrl", wa.licence().url());
    o.set("sources", sourcesTree(wa.sources()));
    return o;
  }

  /** Reads a line written by {@link #toJson}. */
  public static WikinewsArticle fromJson(String json) {
    JsonNode n;
    try {
      n = ArticleJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
    }
    return fromTree(n);
  }

  /** Reads a tree written by {@link #toTree}. */
  public static WikinewsArticle fromTree(JsonNode n) {
    Article a = ArticleJson.fromTree(n);
    WikinewsLicence licence = WikinewsLicence.fromLabel(n.path("licence").asText(""));
    return new WikinewsArticle(a, licence, readSources(n.path("sources")));
  }

  /** Cited sources as a JSON array, empty fields omitted. */
  public static ArrayNode sourcesTree(List<CitedSource> sources) {
    ArrayNode arr = ArticleJson.mapper().createArrayNode();
    for (CitedSource s : sources) {
      ObjectNode o = arr.addObject();
      putIfPresent(o, "title", s.title());
      putIfPresent(o, "url", s.url());
      putIfPresent(o, "publisher", s.publisher());
      putIfPresent(o, "author", s.author());
      putIfPresent(o, "date", s.date());
      putIfPresent(o, "language", s.language());
      putIfPresent(o, "archiveUrl", s.archiveUrl());
    }
    return arr;
  }

  /** Reads an array written by {@link #sourcesTree}; a missing array is an empty list. */
  public static List<CitedSource> readSources(JsonNode arr) {
    List<CitedSource> out = new ArrayList<>();
    for (JsonNode s : arr) {
      out.add(
          new CitedSource(
              s.path("title").asText(""),
              s.path("url").asText(""),
              s.path("publisher").asText(""),
              s.path("author").asText(""),
              s.path("date").asText(""),
              s.path("language").asText(""),
              s.path("archiveUrl").asText("")));
    }
    return List.copyOf(out);
  }

  private static void putIfPresent(ObjectNode o, String field, String value) {
    if (!value.isEmpty()) {
      o.put(field, value);
    }
  }
}
