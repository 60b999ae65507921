package dev.lede.dedup;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of an article that fingerprints and story vectors are computed from: the headline, and
 * the body's text blocks line by line without {@link Boilerplate} lines and without the datelines
 * that open a line ("LONDON (Reuters) — "; a quoted wire paragraph inside a feature keeps its
 * dateline otherwise, and would no longer match its original). Captions, credits, attribution lines
 * and teasers are not part of it. Bodies are capped at {@link #MAX_CHARS} characters so that a huge
 * page costs no more than a long article.
 *
 * @param title the headline as it is
 * @param lines the body lines that carry content, in order
 */
record CleanText(String title, List<String> lines) {
  /** About 15,000 words: longer bodies are cut here (cost cap; a copy shows within the cap). */
  static final int MAX_CHARS = 100_000;

  CleanText {
    lines = List.copyOf(lines);
  }

  static CleanText of(Article a) {
    List<String> lines = new ArrayList<>();
    int chars = 0;
    for (Block b : a.blocks()) {
      if (b instanceof Block.Image) {
        continue;
      }
      for (String raw : b.text().split("\n")) {
        String line = raw.strip();
        if (line.isEmpty() || Boilerplate.isBoilerplate(line)) {
          continue;
        }
        line = Boilerplate.stripDateline(line);
        if (chars + line.length() > MAX_CHARS) {
          line = line.substring(0, Math.max(0, MAX_CHARS - chars));
        }
        if (!line.isEmpty()) {
          lines.add(line);
          chars += line.length();
        }
        if (chars >= MAX_CHARS) {
          return new CleanText(a.title().strip(), lines);
        }
      }
    }
    return new CleanText(a.title().strip(), lines);
  }
}
