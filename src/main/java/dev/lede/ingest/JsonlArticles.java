package dev.lede.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.extract.Extractor;
import dev.lede.model.Article;
import dev.lede.model.ArticleBuilder;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import dev.lede.model.Urls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object (a JSONL line, or a {@code .json} file) to an article.
 *
 * <p>Only {@code text} is required, or instead {@code blocks} (an article in the article-JSON form,
 * as the demo corpus and {@code lede extract} give it). Fields: {@code id} (kept as the article's
 * identity), {@code url}, {@code canonicalUrl}, {@code title}, {@code published} (alias {@code
 * date}; a bare date is allowed), {@code modified}, {@code bylines} (a list of strings, or one
 * string), {@code tags} (alias {@code categories}), {@code language}, {@code siteName}, {@code
 * section}, {@code description}, {@code attribution}, {@code blocks} (as in the article JSON),
 * {@code image_captions} (captions, split into caption and credit, become image blocks). Unknown
 * fields (labels such as {@code topic} or {@code event}) are ignored.
 *
 * <p>Without {@code blocks}, paragraphs come from {@code text}, split on blank lines, or on single
 * line breaks when it has none; a {@code text} holding HTML goes through {@link HtmlText#blocks}.
 * Without {@code title}, the first line of the text is the title when it is at most {@value
 * #MAX_TITLE} characters, and is then not repeated as the first paragraph; a longer first line is
 * shortened for the title and kept whole in the body (nothing of the text is lost). Every text
 * field is plain text: markup is stripped.
 */
final class JsonlArticles {
  static final int MAX_TITLE = 200;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(64).build())
                  .build())
          .build();

  private JsonlArticles() {}

  /** Parses one line; {@code where} names it in errors ("file.jsonl:12"). */
  static Article fromLine(String line, String where) throws BadContentException {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadContentException(
          where + ": not valid JSON: " + RomeFeedParser.oneLine(e.getOriginalMessage()), e);
    }
    if (n == null || !n.isObject()) {
      throw new BadContentException(where + ": not a JSON object");
    }
    try {
      return fromTree(n);
    } catch (IllegalArgumentException e) {
      throw new BadContentException(where + ": " + e.getMessage(), e);
    }
  }

  static Article fromTree(JsonNode n) {
    JsonNode textNode = n.get("text");
    boolean hasBlocks = n.path("blocks").isArray() && !n.path("blocks").isEmpty();
    if ((textNode == null || textNode.isNull()) && !hasBlocks) {
      throw new IllegalArgumentException("field 'text' is required (or 'blocks')");
    }
    if (textNode != null && !textNode.isNull() && !textNode.isTextual()) {
      throw new IllegalArgumentException("field 'text' must be a string");
    }
    String text = textNode == null ? "" : textNode.asText("");
    ArticleBuilder b = Article.builder();
    String id = scalar(n, "id");
    b.id(id.isBlank() ? null : id.strip());
    b.url(url(n, "url"));
    String canonical = url(n, "canonicalUrl");
    b.canonicalUrl(canonical.isEmpty() ? url(n, "canonical_url") : canonical);
    b.published(time(n, n.has("published") ? "published" : "date"));
    b.modified(time(n, n.has("modified") ? "modified" : "updated"));
    b.bylines(strings(n, n.has("bylines") ? "bylines" : "authors"));
    b.tags(strings(n, n.has("tags") ? "tags" : "categories"));
    b.language(RomeFeedParser.language(scalar(n, "language")));
    b.siteName(HtmlText.plain(scalar(n, n.has("siteName") ? "siteName" : "site_name")));
    b.section(HtmlText.plain(scalar(n, "section")));
    b.description(HtmlText.plain(scalar(n, n.has("description") ? "description" : "summary")));
    b.attribution(strings(n, "attribution"));

    String title = HtmlText.plain(scalar(n, "title"));
    List<Block> blocks;
    if (hasBlocks) {
      blocks = plainBlocks(n.get("blocks"));
      if (title.isEmpty()
          && !blocks.isEmpty()
          && blocks.get(0) instanceof Block.Heading h
          && h.text().length() <= MAX_TITLE) {
        title = h.text(); // an untitled article whose blocks open with its headline
        blocks.remove(0);
      }
    } else if (HtmlText.looksLikeHtml(text)) {
      blocks = new ArrayList<>(HtmlText.blocks(text, null));
    } else {
      blocks = new ArrayList<>();
      String body = text;
      if (title.isEmpty()) {
        String stripped = text.strip();
        int nl = stripped.indexOf('\n');
        String first = HtmlText.plain(nl < 0 ? stripped : stripped.substring(0, nl));
        if (first.length() <= MAX_TITLE) {
          title = first;
          body = nl < 0 ? "" : stripped.substring(nl + 1);
        } else {
          title = shorten(first);
        }
      }
      for (String p : HtmlText.paragraphs(body)) {
        blocks.add(new Block.Paragraph(p));
      }
    }
    for (JsonNode c : n.path("image_captions")) {
      String cap = c.isTextual() ? c.asText() : c.path("caption").asText("");
      String plain = HtmlText.plain(cap);
      if (!plain.isEmpty()) {
        blocks.add(Extractor.captionedImage("", "", plain));
      }
    }
    if (title.isEmpty() && blocks.stream().allMatch(x -> x.text().isEmpty())) {
      throw new IllegalArgumentException(
          hasBlocks ? "no text in 'blocks'" : "field 'text' is empty");
    }
    return b.title(title).blocks(blocks).build();
  }

  /** Blocks in the article-JSON form, with any markup in their text stripped. */
  private static List<Block> plainBlocks(JsonNode blocks) {
    ObjectNode holder = JsonNodeFactory.instance.objectNode();
    holder.set("blocks", blocks);
    List<Block> out = new ArrayList<>();
    for (Block bl : ArticleJson.fromTree(holder).blocks()) {
      Block clean =
          switch (bl) {
            case Block.Paragraph p -> new Block.Paragraph(HtmlText.plain(p.text()));
            case Block.Heading h -> new Block.Heading(h.level(), HtmlText.plain(h.text()));
            case Block.Quote q -> new Block.Quote(HtmlText.plain(q.text()));
            case Block.ListBlock l ->
                new Block.ListBlock(l.ordered(), l.items().stream().map(HtmlText::plain).toList());
            case Block.Image i ->
                new Block.Image(
                    i.src(),
                    HtmlText.plain(i.alt()),
                    HtmlText.plain(i.caption()),
                    HtmlText.plain(i.credit()));
          };
      if (!(clean instanceof Block.Image) && clean.text().isEmpty()) {
        continue;
      }
      out.add(clean);
    }
    return out;
  }

  private static String shorten(String s) {
    int cut = s.lastIndexOf(' ', MAX_TITLE - 1);
    return s.substring(0, cut > MAX_TITLE / 2 ? cut : MAX_TITLE - 1).strip() + "…";
  }

  private static String scalar(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return v.asText();
  }

  private static String url(JsonNode n, String field) {
    String u = scalar(n, field).strip();
    if (u.isEmpty()) {
      return "";
    }
    if (!Urls.isHttpUrl(u)) {
      throw new IllegalArgumentException(
          "field '" + field + "' is not an http(s) URL: '" + u + "'");
    }
    return u;
  }

  private static @Nullable Instant time(JsonNode n, String field) {
    String s = scalar(n, field);
    if (s.isBlank()) {
      return null;
    }
    try {
      return IsoTimes.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field '" + field + "' is " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    if (v.isValueNode()) {
      String p = HtmlText.plain(v.asText());
      if (!p.isEmpty()) {
        out.add(p);
      }
    } else if (v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isValueNode()) {
          throw new IllegalArgumentException("field '" + field + "' must be a list of strings");
        }
        String p = HtmlText.plain(e.asText());
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
    } else {
      throw new IllegalArgumentException("field '" + field + "' must be a list of strings");
    }
    return List.copyOf(out);
  }
}
