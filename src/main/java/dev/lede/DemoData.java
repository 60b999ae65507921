package dev.lede;

import dev.lede.demo.DemoCorpus;
import dev.lede.demo.DemoItem;
import dev.lede.extract.ExtractionException;
import dev.lede.extract.Extractor;
import dev.lede.model.Article;
import dev.lede.model.Source;
import dev.lede.store.Submission;
import dev.lede.store.SubmitResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Loads the bundled demo into a data folder: the 344 Wikinews articles of {@link DemoCorpus}
 * (source {@value #WIKINEWS}) and the example pages written for Lede (source {@value #PAGES}: the
 * seed-shaped text page and the pages under {@code /demo/pages/}, extracted as a reader would see
 * them). Both sources are registered paused: their articles come from the jar, there is nothing to
 * poll. A marker file records that the demo was loaded, so {@code lede demo} loads it once.
 */
public final class DemoData {
  /** The source id of the Wikinews articles. */
  public static final String WIKINEWS = "wikinews";

  /** The source id of the example pages. */
  public static final String PAGES = "lede-demo";

  static final String MARKER = "demo-loaded.txt";
  static final String PAGE_DIR = "/demo/pages/";
  private static final int BATCH = 100;

  /** What a load did. */
  public record Loaded(int submitted, int stored, int rejected) {}

  private DemoData() {}

  /** True when the demo was loaded into this data folder before. */
  public static boolean loaded(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve(MARKER));
  }

  /** How many articles {@link #load} submits. */
  public static int size() {
    return DemoCorpus.items().size() + pageNames().size() + 1;
  }

  /**
   * Loads the demo; {@code progress} receives the number of articles submitted so far.
   *
   * @throws UncheckedIOException when a bundled resource is missing or the marker cannot be written
   */
  public static Loaded load(Lede lede, Instant now, IntConsumer progress) {
    lede.sources()
        .putSource(
            new Source(
                WIKINEWS,
                Source.Kind.FILE,
                "https://en.wikinews.org/",
                "Wikinews",
                Source.RightsPolicy.FULL_TEXT,
                false,
                true,
                now));
    lede.sources()
        .putSource(
            new Source(
                PAGES,
                Source.Kind.FILE,
                "bundled example pages",
                "Lede demo pages",
                Source.RightsPolicy.FULL_TEXT,
                false,
                true,
                now));
    int submitted = 0;
    int stored = 0;
    int rejected = 0;
    List<Submission> batch = new ArrayList<>();
    for (DemoItem item : DemoCorpus.items()) {
      batch.add(new Submission(item.article(), WIKINEWS));
      if (batch.size() == BATCH) {
        for (SubmitResult r : lede.submitAll(batch)) {
          stored += r.changed() ? 1 : 0;
          rejected += r.outcome() == SubmitResult.Outcome.REJECTED ? 1 : 0;
        }
        submitted += batch.size();
        batch.clear();
        progress.accept(submitted);
      }
    }
    for (Article a : pages()) {
      batch.add(new Submission(a, PAGES));
    }
    for (SubmitResult r : lede.submitAll(batch)) {
      stored += r.changed() ? 1 : 0;
      rejected += r.outcome() == SubmitResult.Outcome.REJECTED ? 1 : 0;
    }
    submitted += batch.size();
    progress.accept(submitted);
    lede.flush();
    try {
      Files.writeString(
          lede.dataDir().resolve(MARKER),
          "The Lede demo corpus was loaded into this folder at " + now + ".\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + MARKER + ": " + e.getMessage(), e);
    }
    return new Loaded(submitted, stored, rejected);
  }

  /** The example pages, extracted (the seed-shaped page first). */
  public static List<Article> pages() {
    List<Article> out = new ArrayList<>();
    out.add(
        extract(
            DemoCorpus.seedShapedPage(),
            URI.create("https://demo.lede.invalid/port-calder-solar")));
    for (String name : pageNames()) {
      out.add(extract(read(PAGE_DIR + name), URI.create("https://demo.lede.invalid/" + name)));
    }
    return out;
  }

  private static Article extract(byte[] bytes, URI uri) {
    try {
      return Extractor.extract(bytes, Extractor.Type.AUTO, null, uri);
    } catch (ExtractionException e) {
      throw new IllegalStateException("the bundled demo page " + uri + " does not extract", e);
    }
  }

  static List<String> pageNames() {
    return new String(read(PAGE_DIR + "index.txt"), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static byte[] read(String resource) {
    try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing bundled resource " + resource));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
