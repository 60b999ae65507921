package dev.lede.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads schema.org JSON-LD: every {@code <script type="application/ld+json">}, top-level arrays and
 * {@code @graph}s included, picks the node that describes the article (a NewsArticle or one of its
 * kin; a WebPage only when nothing better exists) and reads its headline, authors (strings, Person
 * objects, arrays, or {@code @id} references into the graph; Organization authors are not people),
 * dates, section, keywords, description, URL, language and publisher name.
 *
 * <p>Parsing is lenient (comments, single quotes, trailing commas, raw control characters, a CDATA
 * wrapper) and bounded: scripts over 1 MB are skipped, nesting is capped at 64 levels and at most
 * 5,000 nodes are visited per page. Broken JSON is skipped silently; other sources then decide.
 */
final class JsonLd {
  private static final int MAX_SCRIPT_CHARS = 1 << 20;
  private static final int MAX_NODES = 5_000;
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
              .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
              .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
              .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
              .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
              .build());

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "blogposting",
          "liveblogposting",
          "techarticle",
          "scholarlyarticle",
          "report",
          "socialmediaposting",
          "discussionforumposting",
          "medicalscholarlyarticle",
          "satiricalarticle",
          "advertisercontentarticle",
          "review",
          "creativework",
          "recipe",
          "howto",
          "posting");
  private static final Set<String> PAGE_TYPES =
      Set.of("webpage", "itempage", "aboutpage", "qapage", "collectionpage", "profilepage");

  /** What the page's structured data says; empty strings and lists where it says nothing. */
  record Info(
      String headline,
      List<String> authors,
      String published,
      String modified,
      String section,
      List<String> keywords,
      String description,
      String url,
      String language,
      String publisher) {
    static final Info EMPTY = new Info("", List.of(), "", "", "", List.of(), "", "", "", "");
  }

  private JsonLd() {}

  static Info read(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element s : doc.select("script[type~=(?i)application/ld\\+json]")) {
      String json = s.data().strip();
      if (json.isEmpty() || json.length() > MAX_SCRIPT_CHARS) {
        continue;
      }
      json =
          json.replaceFirst("^(?s)\\s*(?://\\s*)?<!\\[CDATA\\[", "")
              .replaceFirst("\\]\\]>\\s*$", "");
      try (JsonParser p = MAPPER.createParser(json)) {
        JsonNode root = MAPPER.readTree(p);
        if (root != null) {
          collect(root, nodes);
        }
      } catch (JsonProcessingException e) {
        continue; // broken JSON-LD is common; other metadata decides
      } catch (java.io.IOException e) {
        continue;
      }
    }
    if (nodes.isEmpty()) {
      return Info.EMPTY;
    }
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode n : nodes) {
      String id = n.path("@id").asText("");
      if (!id.isEmpty() && n.size() > 1) {
        byId.putIfAbsent(id, n);
      }
    }
    JsonNode article = pick(nodes);
    if (article == null) {
      return Info.EMPTY;
    }
    String headline = str(article.get("headline"));
    if (headline.isEmpty()) {
      headline = str(article.get("name"));
    }
    List<String> authors = new ArrayList<>();
    addPeople(resolve(article.get("author"), byId), byId, authors);
    if (authors.isEmpty()) {
      addPeople(resolve(article.get("creator"), byId), byId, authors);
    }
    JsonNode publisher = resolve(article.get("publisher"), byId);
    String publisherName =
        publisher == null ? "" : str(publisher.isObject() ? publisher.get("name") : publisher);
    String url = str(article.get("url"));
    if (url.isEmpty()) {
      JsonNode main = article.get("mainEntityOfPage");
      url = main != null && main.isObject() ? str(main.get("@id")) : str(main);
    }
    return new Info(
        Texts.normalize(headline),
        authors,
        str(article.get("datePublished")).isEmpty()
            ? str(article.get("dateCreated"))
            : str(article.get("datePublished")),
        str(article.get("dateModified")),
        Texts.normalize(joined(article.get("articleSection"))),
        list(article.get("keywords")),
        Texts.normalize(str(article.get("description"))),
        url,
        str(article.get("inLanguage")),
        Texts.normalize(publisherName));
  }

  /** Flattens arrays and {@code @graph}s into the list of typed objects, iteratively. */
  private static void collect(JsonNode root, List<JsonNode> out) {
    ArrayDeque<JsonNode> stack = new ArrayDeque<>();
    stack.push(root);
    int visited = 0;
    while (!stack.isEmpty() && visited++ < MAX_NODES) {
      JsonNode n = stack.pop();
      if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          stack.push(n.get(i));
        }
      } else if (n.isObject()) {
        if (n.has("@type") || n.has("@id")) {
          out.add(n);
        }
        JsonNode graph = n.get("@graph");
        if (graph != null) {
          stack.push(graph);
        }
        JsonNode main = n.get("mainEntity");
        if (main != null && main.isObject()) {
          stack.push(main);
        }
      }
    }
  }

  private static @Nullable JsonNode pick(List<JsonNode> nodes) {
    JsonNode page = null;
    for (JsonNode n : nodes) {
      for (String t : types(n)) {
        if (ARTICLE_TYPES.contains(t)
            && (n.has("headline")
                || n.has("articleBody")
                || n.has("author")
                || n.has("datePublished"))) {
          return n;
        }
        if (page == null && PAGE_TYPES.contains(t)) {
          page = n;
        }
      }
    }
    return page;
  }

  private static List<String> types(JsonNode n) {
    JsonNode t = n.get("@type");
    List<String> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        out.add(lastSegment(x.asText("")));
      }
    } else {
      out.add(lastSegment(t.asText("")));
    }
    return out;
  }

  private static String lastSegment(String type) {
    int i = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
    return type.substring(i + 1).toLowerCase(Locale.ROOT);
  }

  private static @Nullable JsonNode resolve(@Nullable JsonNode n, Map<String, JsonNode> byId) {
    if (n != null && n.isObject() && n.size() == 1 && n.has("@id")) {
      JsonNode target = byId.get(n.get("@id").asText(""));
      return target != null ? target : n;
    }
    return n;
  }

  private static void addPeople(
      @Nullable JsonNode n, Map<String, JsonNode> byId, List<String> out) {
    if (n == null || out.size() >= 20) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode x : n) {
        addPeople(resolve(x, byId), byId, out); // depth ≤ 2: arrays of objects
        if (out.size() >= 20) {
          return;
        }
      }
      return;
    }
    if (n.isTextual()) {
      out.add(n.asText());
      return;
    }
    if (n.isObject()) {
      for (String t : types(n)) {
        if (t.equals("organization")
            || t.equals("newsmediaorganization")
            || t.equals("corporation")) {
          return;
        }
      }
      JsonNode name = n.get("name");
      if (name != null && name.isArray()) {
        for (JsonNode x : name) {
          if (x.isTextual()) {
            out.add(x.asText());
          }
        }
      } else if (name != null) {
        out.add(str(name));
      } else if (n.has("givenName") || n.has("familyName")) {
        out.add((str(n.get("givenName")) + " " + str(n.get("familyName"))).strip());
      }
    }
  }

  private static String str(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return "";
    }
    if (n.isArray()) {
      return n.isEmpty() ? "" : str(n.get(0));
    }
    if (n.isObject()) {
      JsonNode v = n.get("@value");
      return v == null ? "" : v.asText("").strip();
    }
    return n.asText("").strip();
  }

  private static String joined(@Nullable JsonNode n) {
    if (n != null && n.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode x : n) {
        String s = str(x);
        if (!s.isEmpty()) {
          parts.add(s);
        }
      }
      return parts.isEmpty() ? "" : parts.get(0);
    }
    return str(n);
  }

  private static List<String> list(@Nullable JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.isArray()) {
      for (JsonNode x : n) {
        String s = Texts.normalize(str(x));
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    } else {
      for (String s : str(n).split("[,;]")) {
        String t = Texts.normalize(s);
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return out;
  }
}
