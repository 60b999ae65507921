package dev.lede.eval;

import dev.lede.dedup.ArticleRef;
import dev.lede.model.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The order in which evaluation articles reach {@link dev.lede.dedup.Dedup}, with the first-seen
 * times Lede would give them. ECB+ has no dates, so its order is made up, seeded:
 *
 * <ul>
 *   <li>A dated article (Wikinews) is first seen 0–60 minutes after its publication.
 *   <li>Undated Wikinews articles ({@code extra_undated.jsonl}) arrive as background a month or
 *       more before the ECB+ stream: they count in document frequencies, their stories are out of
 *       the story window.
 *   <li>ECB+ articles arrive in a seeded random order from 2024-01-01, one every two minutes (the
 *       whole corpus within about a day: time gives no hint which event an article belongs to).
 *   <li>A copy is first seen after its original — 10 minutes to 48 hours later, or 0–60 minutes
 *       after its own publication time — except 15% of copies, which the crawler meets 1–60 minutes
 *       before the original (then, for dated articles, the publication time still names the right
 *       original).
 * </ul>
 *
 * The stream is sorted by first-seen time.
 */
public final class EvalStream {
  static final Instant ECB_START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration ECB_GAP = Duration.ofMinutes(2);

  private EvalStream() {}

  /** Wikinews (dated, then undated) and ECB+ articles from {@code data}. */
  public static List<NewsCorpus.Doc> realArticles(Path data) throws IOException {
    List<NewsCorpus.Doc> out = new ArrayList<>();
    out.addAll(NewsCorpus.read(data.resolve("wikinews/articles.jsonl"), "wikinews"));
    Path extra = data.resolve("wikinews/extra_undated.jsonl");
    if (Files.exists(extra)) {
      out.addAll(NewsCorpus.read(extra, "wikinews-undated"));
    }
    out.addAll(NewsCorpus.read(data.resolve("ecbplus/articles.jsonl"), "ecbplus"));
    return out;
  }

  /** The real articles only, in the order described above. */
  public static List<ArticleRef> realOnly(List<NewsCorpus.Doc> real, long seed) {
    return withCopies(real, List.of(), seed);
  }

  /** Real articles and copies, in the order described above. */
  public static List<ArticleRef> withCopies(
      List<NewsCorpus.Doc> real, List<CopyGenerator.Copy> copies, long seed) {
    SplittableRandom r = new SplittableRandom(seed * 31 + 7);
    List<NewsCorpus.Doc> ecb = new ArrayList<>();
    for (NewsCorpus.Doc d : real) {
      if (d.corpus().equals("ecbplus")) {
        ecb.add(d);
      }
    }
    Collections.shuffle(ecb, new Random(seed));
    Map<String, Integer> ecbPosition = new HashMap<>();
    for (int i = 0; i < ecb.size(); i++) {
      ecbPosition.put(ecb.get(i).id(), i);
    }
    Map<String, Instant> seen = new HashMap<>();
    List<ArticleRef> out = new ArrayList<>();
    for (NewsCorpus.Doc d : real) {
      Article a = d.article();
      Instant t;
      Integer pos = ecbPosition.get(d.id());
      if (pos != null) {
        t = ECB_START.plus(ECB_GAP.multipliedBy(pos));
      } else if (a.published() != null) {
        t = a.published().plus(Duration.ofMinutes(r.nextInt(61)));
      } else {
        t = ECB_START.minus(Duration.ofDays(30 + r.nextInt(365)));
      }
      seen.put(d.id(), t);
      out.add(ArticleRef.of(d.id(), a, d.corpus(), d.corpus(), t));
    }
    for (CopyGenerator.Copy c : copies) {
      Instant orig = seen.get(c.originalId());
      if (orig == null) {
        throw new IllegalArgumentException("copy of an unknown article " + c.originalId());
      }
      Article a = c.article();
      Instant t;
      if (r.nextDouble() < 0.15) {
        t = orig.minus(Duration.ofMinutes(1 + r.nextInt(60)));
      } else if (a.published() != null) {
        t = a.published().plus(Duration.ofMinutes(r.nextInt(61)));
      } else {
        t = orig.plus(Duration.ofMinutes(10 + r.nextInt(48 * 60 - 10)));
      }
      String sourceId =
          c.publisher().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
      out.add(ArticleRef.of(a.id(), a, sourceId, c.publisher(), t));
    }
    out.sort(Comparator.comparing(ArticleRef::firstSeen).thenComparing(ArticleRef::id));
    return out;
  }
}
