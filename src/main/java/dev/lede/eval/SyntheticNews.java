package dev.lede.eval;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An endless, seeded stream of made-up news articles for benchmarks at a million articles, built
 * from the real corpus's words so that word frequencies, sentence lengths and the amount of work
 * per article look like news — without repeating the real sentences (which would make every
 * synthetic article look like a copy of a thousand others).
 *
 * <ul>
 *   <li>Text comes from a word-bigram model of the real articles: each sentence is a walk from a
 *       real sentence opening, 8–35 words long.
 *   <li>Articles belong to events of 1–20 articles (mean about 6); an event has its own topic words
 *       (drawn from one real article), two or three names and a few numbers, which its articles
 *       weave in (one word in five), so that stories form.
 *   <li>One article in ten is a copy of an earlier one of its event, via {@link CopyGenerator}'s
 *       changes (re-headlined, trimmed, boilerplate, typos).
 *   <li>Each article is published 0–10 minutes after the previous one.
 * </ul>
 */
public final class SyntheticNews {
  private final Map<String, String[]> next = new HashMap<>();
  private final Map<String, int[]> nextCount = new HashMap<>();
  private final List<String> openings = new ArrayList<>();
  private final List<String[]> topicPools = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final SplittableRandom rnd;
  private final CopyGenerator copier;
  private Instant clock = Instant.parse("2025-01-01T00:00:00Z");
  private long serial;
  private Event event;

  private record Event(
      long id, String[] topic, String[] names, String[] numbers, int size, List<Article> done) {}

  public SyntheticNews(List<Article> real, long seed) {
    this.rnd = new SplittableRandom(seed);
    this.copier = new CopyGenerator(seed);
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Article a : real) {
      List<String> topic = new ArrayList<>();
      for (Block b : a.blocks()) {
        for (String sentence : b.text().split("(?<=[.!?])\\s+")) {
          String[] w = sentence.strip().split("\\s+");
          if (w.length < 6) {
            continue;
          }
          openings.add(w[0]);
          for (int i = 0; i + 1 < w.length; i++) {
            counts.computeIfAbsent(w[i], k -> new HashMap<>()).merge(w[i + 1], 1, Integer::sum);
          }
          for (String x : w) {
            String clean = x.replaceAll("[^\\p{L}]", "");
            if (clean.length() >= 6) {
              topic.add(clean.toLowerCase(Locale.ROOT));
            }
            if (clean.length() >= 3 && Character.isUpperCase(clean.charAt(0))) {
              names.add(clean);
            }
          }
        }
      }
      if (topic.size() >= 10) {
        topicPools.add(topic.toArray(String[]::new));
      }
    }
    for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
      String[] words = e.getValue().keySet().toArray(String[]::new);
      int[] cum = new int[words.length];
      int total = 0;
      for (int i = 0; i < words.length; i++) {
        total += e.getValue().get(words[i]);
        cum[i] = total;
      }
      next.put(e.getKey(), words);
      nextCount.put(e.getKey(), cum);
    }
    if (openings.isEmpty() || topicPools.isEmpty() || names.isEmpty()) {
      throw new IllegalArgumentException("the real corpus is too small to learn from");
    }
  }

  /** The next article of the stream (ids "syn-1", "syn-2", …). */
  public Article next() {
    if (event == null || event.done().size() >= event.size()) {
      event = newEvent();
    }
    serial++;
    clock = clock.plus(Duration.ofSeconds(rnd.nextInt(600)));
    String id = "syn-" + serial;
    Article a;
    if (!event.done().isEmpty() && rnd.nextInt(10) == 0) {
      Article original = event.done().get(rnd.nextInt(event.done().size()));
      a = copier.copy(original, rnd).toBuilder().id(id).published(clock).build();
    } else {
      a = write(id);
    }
    event.done().add(a);
    return a;
  }

  private Event newEvent() {
    String[] pool = topicPools.get(rnd.nextInt(topicPools.size()));
    String[] topic = new String[8];
    for (int i = 0; i < topic.length; i++) {
      topic[i] = pool[rnd.nextInt(pool.length)];
    }
    String[] who = new String[2 + rnd.nextInt(2)];
    for (int i = 0; i < who.length; i++) {
      who[i] = names.get(rnd.nextInt(names.size())) + " " + names.get(rnd.nextInt(names.size()));
    }
    String[] numbers = {
      Integer.toString(10 + rnd.nextInt(990)), Integer.toString(1990 + rnd.nextInt(40))
    };
    int size = 1 + (int) Math.min(19, Math.round(-5 * Math.log(1 - rnd.nextDouble())));
    return new Event(serial, topic, who, numbers, size, new ArrayList<>());
  }

  private Article write(String id) {
    int sentences = 6 + rnd.nextInt(25);
    List<Block> blocks = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      para.append(para.length() > 0 ? " " : "").append(sentence());
      if (rnd.nextInt(3) == 0 || s == sentences - 1) {
        blocks.add(new Block.Paragraph(para.toString()));
        para.setLength(0);
      }
    }
    String title =
        capitalise(event.topic()[rnd.nextInt(8)])
            + " "
            + event.names()[0]
            + " "
            + event.topic()[rnd.nextInt(8)]
            + " "
            + event.numbers()[0];
    return Article.builder()
        .id(id)
        .title(title)
        .published(clock)
        .language("en")
        .blocks(blocks)
        .build();
  }

  private String sentence() {
    int len = 8 + rnd.nextInt(28);
    StringBuilder sb = new StringBuilder();
    String w = openings.get(rnd.nextInt(openings.size()));
    for (int i = 0; i < len; i++) {
      if (i > 0 && rnd.nextInt(5) == 0) {
        int k = rnd.nextInt(10);
        String inject =
            k < 6
                ? event.topic()[rnd.nextInt(8)]
                : k < 9
                    ? event.names()[rnd.nextInt(event.names().length)]
                    : event.numbers()[rnd.nextInt(2)];
        sb.append(' ').append(inject);
      }
      sb.append(i == 0 ? "" : " ").append(w);
      String[] options = next.get(w);
      if (options == null || w.endsWith(".")) {
        break;
      }
      int[] cum = nextCount.get(w);
      int r = rnd.nextInt(cum[cum.length - 1]);
      int lo = 0;
      while (cum[lo] <= r) {
        lo++;
      }
      w = options[lo];
    }
    String s = sb.toString().replaceAll("[.!?]+$", "");
    return s + ".";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
