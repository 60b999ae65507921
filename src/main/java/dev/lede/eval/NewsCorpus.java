package dev.lede.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the team's labelled news corpora (JSON Lines, read at run time from {@code ../shared/data},
 * never copied into the repository) into {@link Article}s, the way {@code lede ingest} reads JSONL:
 *
 * <ul>
 *   <li>{@code title}, when present, is the headline; otherwise the first line of {@code text} that
 *       is not a bare URL, when it is at most 200 characters (it then leaves the body); a longer
 *       first line stays in the body and its first 200 characters, cut at a word, are the title.
 *   <li>Paragraphs come from {@code text} split on blank lines, or on single newlines when it has
 *       none (ECB+ has one sentence a line).
 *   <li>{@code date} (a bare date) becomes {@code published} at 12:00 UTC; ECB+ has none.
 *   <li>{@code topic} and {@code event} are kept beside the article as labels.
 * </ul>
 */
public final class NewsCorpus {
  private static final int MAX_TITLE = 200;

  private NewsCorpus() {}

  /**
   * One labelled article.
   *
   * @param corpus a short name of the file it came from ("ecbplus", "wikinews")
   * @param topic the ECB+ topic (two events of one kind), or empty
   * @param event the ECB+ event (same story), or empty
   */
  public record Doc(String corpus, Article article, String topic, String event) {
    public String id() {
      String id = article.id();
      return id == null ? "" : id;
    }
  }

  /** Reads a JSONL file; {@code corpus} names it in the returned docs. */
  public static List<Doc> read(Path jsonl, String corpus) throws IOException {
    List<Doc> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = ArticleJson.mapper().readTree(line);
        String id = o.path("id").asText("");
        if (id.isEmpty()) {
          throw new IOException(jsonl + " line " + n + ": no id");
        }
        out.add(
            new Doc(
                corpus,
                toArticle(id, o),
                o.path("topic").isMissingNode() ? "" : o.path("topic").asText(""),
                o.path("event").asText("")));
      }
    }
    return out;
  }

  static Article toArticle(String id, JsonNode o) {
    String text = o.path("text").asText("").replace("\r\n", "\n");
    List<String> paragraphs = paragraphs(text);
    String title = o.path("title").asText("").strip();
    if (title.isEmpty() && !paragraphs.isEmpty()) {
      int first = 0;
      while (first < paragraphs.size() - 1 && looksLikeUrl(paragraphs.get(first))) {
        first++;
      }
      String line = paragraphs.get(first);
      if (line.length() <= MAX_TITLE) {
        title = line;
        paragraphs = new ArrayList<>(paragraphs);
        paragraphs.subList(0, first + 1).clear();
      } else {
        int cut = line.lastIndexOf(' ', MAX_TITLE);
        title = line.substring(0, cut > 0 ? cut : MAX_TITLE);
      }
    }
    List<Block> blocks = new ArrayList<>();
    for (String p : paragraphs) {
      blocks.add(new Block.Paragraph(p));
    }
    String url = o.path("url").isTextual() ? o.path("url").asText() : "";
    return Article.builder()
        .id(id)
        .url(url)
        .title(title)
        .published(date(o.path("date").asText("")))
        .language("en")
        .tags(strings(o.path("categories")))
        .blocks(blocks)
        .build();
  }

  static List<String> paragraphs(String text) {
    String splitter = text.contains("\n\n") ? "\n\\s*\n" : "\n";
    List<String> out = new ArrayList<>();
    for (String p : text.split(splitter)) {
      String s = p.strip().replaceAll("\\s*\n\\s*", " ");
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean looksLikeUrl(String line) {
    return !line.contains(" ") || line.startsWith("http://") || line.startsWith("https://");
  }

  private static @Nullable Instant date(String s) {
    if (s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip()).atTime(12, 0).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : arr) {
      out.add(v.asText());
    }
    return out;
  }
}
