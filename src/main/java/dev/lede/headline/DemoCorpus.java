package dev.lede.headline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.model.Article;
import dev.lede.model.Block;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Wikinews demo corpus JSONL ({@code id, title, text, image_captions}) into articles for
 * the headline evaluations: paragraphs split at blank lines, captions as image blocks, the trailing
 * "publish" marker of old dumps dropped. The site's own import is elsewhere; this reader only
 * serves measurements.
 */
final class DemoCorpus {
  private DemoCorpus() {}

  static Map<String, Article> read(Path jsonl) {
    ObjectMapper om = new ObjectMapper();
    Map<String, Article> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = om.readTree(line);
        List<Block> blocks = new ArrayList<>();
        for (String p : n.path("text").asText("").split("\n\\s*\n")) {
          String t = p.strip();
          if (!t.isEmpty() && !t.equals("publish")) {
            blocks.add(new Block.Paragraph(t));
          }
        }
        for (JsonNode c : n.path("image_captions")) {
          String cap = c.isTextual() ? c.asText() : c.path("caption").asText("");
          if (!cap.isBlank()) {
            blocks.add(Block.Image.captioned(null, "", cap, ""));
          }
        }
        String id = n.path("id").asText();
        out.put(
            id,
            Article.builder()
                .id(id)
                .url(n.path("url").asText(""))
                .title(n.path("title").asText(""))
                .blocks(blocks)
                .build());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + jsonl + ": " + e.getMessage(), e);
    }
    return out;
  }
}
