package dev.lede.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A benchmark corpus: real articles from a JSONL file ({@code title}, {@code date}, {@code
 * categories}, {@code text} with paragraphs separated by blank lines, as in the Wikinews set)
 * repeated with seeded variations to any volume. Copy {@code k} of an article gets its own id, its
 * paragraphs shuffled, about one word in ten replaced by a random word of the corpus vocabulary (so
 * the index does not see exact repeats, which would compress and search unrealistically well), and
 * its date moved by up to two years either way.
 */
final class BenchCorpus {
  private record Base(
      String id, String title, Instant date, List<String> tags, List<String[]> paragraphs) {}

  private final List<Base> bases;
  private final String[] vocabulary;
  private final long seed;

  private BenchCorpus(List<Base> bases, String[] vocabulary, long seed) {
    this.bases = bases;
    this.vocabulary = vocabulary;
    this.seed = seed;
  }

  static BenchCorpus load(Path jsonl, long seed) throws IOException {
    List<Base> bases = new ArrayList<>();
    Set<String> vocab = new LinkedHashSet<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = ArticleJson.mapper().readTree(line);
        String text = o.path("text").asText("");
        if (text.isBlank()) {
          continue;
        }
        List<String[]> paragraphs = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
          if (!p.isBlank()) {
            String[] words = p.strip().split("\\s+");
            paragraphs.add(words);
            for (String w : words) {
              vocab.add(w);
            }
          }
        }
        List<String> tags = new ArrayList<>();
        o.path("categories").forEach(c -> tags.add(c.asText()));
        String date = o.path("date").asText("");
        Instant when =
            date.matches("\\d{4}-\\d{2}-\\d{2}")
                ? LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC)
                : Instant.parse("2020-01-01T12:00:00Z");
        bases.add(
            new Base(
                o.path("id").asText("line-" + n),
                o.path("title").asText(""),
                when,
                tags,
                paragraphs));
      }
    }
    if (bases.isEmpty()) {
      throw new IllegalArgumentException(jsonl + " holds no article with a text");
    }
    return new BenchCorpus(bases, vocab.toArray(String[]::new), seed);
  }

  int baseCount() {
    return bases.size();
  }

  /** The titles of the base articles (for query generation). */
  List<String> titles() {
    return bases.stream().map(Base::title).toList();
  }

  /**
   * What queries are made of: a base article's title, tags and paragraphs (words as in the file).
   */
  record QuerySource(String title, List<String> tags, List<String[]> paragraphs) {}

  /** The base articles as query material. */
  List<QuerySource> querySources() {
    return bases.stream().map(b -> new QuerySource(b.title, b.tags, b.paragraphs)).toList();
  }

  /** Article number {@code n} of the endless corpus (deterministic for a seed). */
  Article article(long n) {
    Base b = bases.get((int) (n % bases.size()));
    long copy = n / bases.size();
    SplittableRandom r = new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L));
    List<String[]> ps = new ArrayList<>(b.paragraphs);
    if (copy > 0) {
      for (int i = ps.size() - 1; i > 0; i--) { // Fisher–Yates
        int j = r.nextInt(i + 1);
        String[] t = ps.get(i);
        ps.set(i, ps.get(j));
        ps.set(j, t);
      }
    }
    List<Block> blocks = new ArrayList<>(ps.size());
    StringBuilder sb = new StringBuilder();
    for (String[] words : ps) {
      sb.setLength(0);
      for (String w : words) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(copy > 0 && r.nextInt(10) == 0 ? vocabulary[r.nextInt(vocabulary.length)] : w);
      }
      blocks.add(new Block.Paragraph(sb.toString()));
    }
    Instant date =
        copy == 0 ? b.date : b.date.plus(Duration.ofHours(r.nextLong(-2 * 8760, 2 * 8760)));
    return Article.builder()
        .id(copy == 0 ? b.id : b.id + "-" + copy)
        .url("https://bench.lede.invalid/" + b.id + "/" + copy)
        .title(b.title)
        .published(date)
        .language("en")
        .siteName("Wikinews (benchmark copy)")
        .tags(b.tags)
        .blocks(blocks)
        .build();
  }
}
