package dev.lede.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.extract.ExtractionException;
import dev.lede.extract.Extractor;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Scores the extractor against datasets laid out as {@code DIR/html/<case>.html} + {@code
 * DIR/gold/<case>.txt} (plus optional {@code DIR/meta/<case>.json} with title, byline and
 * publishedTime, and {@code DIR/manifest.tsv} with page URLs), with {@link ShingleMetric}.
 */
public final class ExtractionEval {
  /** The line after which dragnet's gold files carry user comments. */
  public static final String COMMENTS_MARKER = "!@#$%^&*()  COMMENTS";

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private ExtractionEval() {}

  /** Per-set result. Accuracies are NaN where the set has no such gold. */
  public record SetResult(
      String name,
      int pages,
      int scored,
      int failed,
      double precision,
      double recall,
      double f1,
      double titleAccuracy,
      double bylineAccuracy,
      double dateAccuracy,
      double pagesPerSecondPerCore,
      List<PageResult> pageResults) {}

  /** One page's score, for finding the worst pages while tuning. */
  public record PageResult(
      String caseName, double precision, double recall, @Nullable String error) {}

  /**
   * Evaluates one set. When {@code dropComments} is set, gold text after {@link #COMMENTS_MARKER}
   * is removed before scoring.
   */
  public static SetResult evaluate(Path dir, String name, boolean dropComments, int threads) {
    Path htmlDir = dir.resolve("html");
    Path goldDir = dir.resolve("gold");
    if (!Files.isDirectory(htmlDir) || !Files.isDirectory(goldDir)) {
      throw new IllegalArgumentException(
          dir + " is not an extraction set: it needs html/ and gold/");
    }
    Map<String, String> urls = readManifestUrls(dir.resolve("manifest.tsv"));
    List<String> cases = new ArrayList<>();
    try (Stream<Path> s = Files.list(htmlDir)) {
      s.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".html"))
          .map(f -> f.substring(0, f.length() - 5))
          .filter(c -> Files.isRegularFile(goldDir.resolve(c + ".txt")))
          .sorted()
          .forEach(cases::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads), Thread.ofPlatform().name("eval-", 0).factory());
    List<Future<Outcome>> futures = new ArrayList<>();
    for (String c : cases) {
      futures.add(pool.submit(() -> scoreCase(dir, c, urls.get(c), dropComments, mx)));
    }
    List<PageResult> results = new ArrayList<>();
    double sumP = 0;
    double sumR = 0;
    int nP = 0;
    int nR = 0;
    int failed = 0;
    long cpuNanos = 0;
    int[] title = new int[2];
    int[] byline = new int[2];
    int[] date = new int[2];
    try {
      for (Future<Outcome> f : futures) {
        Outcome o = f.get();
        results.add(o.page);
        cpuNanos += o.cpuNanos;
        if (o.page.error() != null) {
          failed++;
        }
        if (!Double.isNaN(o.page.precision())) {
          sumP += o.page.precision();
          nP++;
        }
        if (!Double.isNaN(o.page.recall())) {
          sumR += o.page.recall();
          nR++;
        }
        tally(title, o.titleOk);
        tally(byline, o.bylineOk);
        tally(date, o.dateOk);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double p = nP == 0 ? 0 : sumP / nP;
    double r = nR == 0 ? 0 : sumR / nR;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    double rate = cpuNanos == 0 ? Double.NaN : cases.size() / (cpuNanos / 1e9);
    return new SetResult(
        name,
        cases.size(),
        nP,
        failed,
        p,
        r,
        f1,
        accuracy(title),
        accuracy(byline),
        accuracy(date),
        rate,
        List.copyOf(results));
  }

  /** True when some gold file of the set carries the comments marker. */
  public static boolean hasCommentGold(Path dir) {
    try (Stream<Path> s = Files.list(dir.resolve("gold"))) {
      return s.anyMatch(
          p -> {
            try {
              return Files.readString(p, StandardCharsets.UTF_8).contains(COMMENTS_MARKER);
            } catch (IOException e) {
              return false;
            }
          });
    } catch (IOException e) {
      return false;
    }
  }

  private record Outcome(
      PageResult page,
      long cpuNanos,
      @Nullable Boolean titleOk,
      @Nullable Boolean bylineOk,
      @Nullable Boolean dateOk) {}

  private static Outcome scoreCase(
      Path dir, String c, @Nullable String url, boolean dropComments, ThreadMXBean mx)
      throws IOException {
    byte[] html = Files.readAllBytes(dir.resolve("html").resolve(c + ".html"));
    String gold = Files.readString(dir.resolve("gold").resolve(c + ".txt"), StandardCharsets.UTF_8);
    if (dropComments) {
      int i = gold.indexOf(COMMENTS_MARKER);
      if (i >= 0) {
        gold = gold.substring(0, i);
      }
    }
    URI uri = parseUri(url);
    long t0 = mx.getCurrentThreadCpuTime();
    Article a = null;
    String error = null;
    try {
      a = Extractor.extract(html, Extractor.Type.HTML, null, uri);
    } catch (ExtractionException e) {
      error = e.getMessage();
    }
    long cpu = mx.getCurrentThreadCpuTime() - t0;
    String pred = a == null ? "" : a.text();
    ShingleMetric.PageScore s = ShingleMetric.score(gold, pred);
    Boolean titleOk = null;
    Boolean bylineOk = null;
    Boolean dateOk = null;
    Path meta = dir.resolve("meta").resolve(c + ".json");
    if (Files.isRegularFile(meta)) {
      JsonNode m = ArticleJson.mapper().readTree(meta.toFile());
      String gt = text(m, "title");
      if (gt != null) {
        titleOk = a != null && norm(gt).equals(norm(a.title()));
      }
      String gb = text(m, "byline");
      if (gb != null) {
        bylineOk = a != null && words(gb).equals(words(String.join(" ", a.bylines())));
      }
      String gd = text(m, "publishedTime");
      LocalDate goldDate = gd == null ? null : parseDate(gd);
      if (goldDate != null) {
        Instant pub = a == null ? null : a.published();
        dateOk = pub != null && pub.atOffset(ZoneOffset.UTC).toLocalDate().equals(goldDate);
      }
    }
    return new Outcome(
        new PageResult(c, s.precision(), s.recall(), error), cpu, titleOk, bylineOk, dateOk);
  }

  private static void tally(int[] counts, @Nullable Boolean ok) {
    if (ok != null) {
      counts[1]++;
      if (ok) {
        counts[0]++;
      }
    }
  }

  private static double accuracy(int[] counts) {
    return counts[1] == 0 ? Double.NaN : (double) counts[0] / counts[1];
  }

  private static @Nullable String text(JsonNode m, String field) {
    JsonNode v = m.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static String norm(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static Set<String> words(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (!w.equals("by") && !w.equals("and")) {
        out.add(w);
      }
    }
    return out;
  }

  private static @Nullable LocalDate parseDate(String s) {
    try {
      return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static @Nullable URI parseUri(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      return URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Map<String, String> readManifestUrls(Path manifest) {
    Map<String, String> out = new HashMap<>();
    if (!Files.isRegularFile(manifest)) {
      return out;
    }
    try {
      List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
      for (int i = 1; i < lines.size(); i++) {
        String[] cols = lines.get(i).split("\t", -1);
        if (cols.length >= 4 && !cols[3].isBlank()) {
          out.put(cols[0], cols[3]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
