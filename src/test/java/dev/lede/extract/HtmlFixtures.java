package dev.lede.extract;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the hand-written HTML fixtures under {@code src/test/resources/extract/html/}. */
final class HtmlFixtures {
  private HtmlFixtures() {}

  static byte[] bytes(String name) {
    String path = "/extract/html/" + name;
    try (InputStream in = HtmlFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String html(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** Extracts a fixture as the front door does for fetched bytes. */
  static Article extract(String name, String url) {
    return Extractor.extract(bytes(name), Extractor.Type.HTML, null, URI.create(url));
  }

  /** Extracts an inline HTML string. */
  static Article extractHtml(String html) {
    return Extractor.fromHtml(html, URI.create("https://news.example/a/story"));
  }

  static <T extends Block> List<T> blocks(Article a, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Block b : a.blocks()) {
      if (type.isInstance(b)) {
        out.add(type.cast(b));
      }
    }
    return out;
  }

  /** A paragraph of plausible prose, distinct per seed, for inline pages. */
  static String prose(int seed) {
    String[] s = {
      "The committee met on Tuesday to review the proposal, and its members agreed that the"
          + " changes would be made before the end of the year.",
      "Officials said the new schedule would give families more time to plan, although some"
          + " residents were worried about the cost of the project.",
      "According to the report, the number of visitors to the museum rose sharply last summer"
          + " after the new wing was opened to the public.",
      "The mayor told reporters that the city had learned from previous floods and that the"
          + " drainage system would be upgraded over the next two years.",
      "Teachers at the school have been asking for a new library for a long time, and the"
          + " decision was welcomed by parents at the meeting.",
      "Engineers will inspect the bridge every month while the repairs are carried out, and the"
          + " road will stay open to buses and bicycles.",
    };
    return s[Math.floorMod(seed, s.length)];
  }
}
