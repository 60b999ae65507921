package dev.lede.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.wikinews.WikinewsJson;
import dev.lede.wikinews.WikinewsLicence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The bundled demo corpus: 344 English Wikinews articles from 2004 to 2023, shipped as {@value
 * #RESOURCE} (gzip-compressed JSON Lines in Lede's article shape, with {@code licence}, {@code
 * licenceUrl} and {@code sources} as extra fields; see docs/demo-corpus.md for how it was made).
 * The corpus is read once per class loader and kept; every list returned is immutable.
 *
 * <pre>{@code
 * for (DemoItem item : DemoCorpus.items()) {
 *   store.put(item.article());          // id, title, date, section, tags, blocks, attribution
 *   show(item.attributionLine());       // "From Wikinews, CC BY 2.5 — https://… (text reformatted)"
 * }
 * }</pre>
 */
public final class DemoCorpus {
  /** The classpath resource holding the corpus. */
  public static final String RESOURCE = "/demo/wikinews.jsonl.gz";

  /**
   * A page in the shape of the seed page (a text dump with "Share and Follow" lines, a photo
   * caption with its credit, a wire attribution line and a "You May Also Like" block of eight
   * teasers), written for Lede: its story, people and places are invented. Extract it with {@code
   * Extractor.extract(bytes, Extractor.Type.TEXT, …)} to show how Lede renders such a page.
   */
  public static final String SEED_SHAPED_PAGE = "/demo/seed-shaped-page.txt";

  private DemoCorpus() {}

  /** The bytes (UTF-8 text) of {@link #SEED_SHAPED_PAGE}. */
  public static byte[] seedShapedPage() {
    try (InputStream in = DemoCorpus.class.getResourceAsStream(SEED_SHAPED_PAGE)) {
      if (in == null) {
        throw new IllegalStateException(SEED_SHAPED_PAGE + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The articles, in the corpus order (by date), with their ids. */
  public static List<Article> load() {
    return Holder.ARTICLES;
  }

  /** The articles with their licence and cited sources, in the corpus order. */
  public static List<DemoItem> items() {
    return Holder.ITEMS;
  }

  /** The items by article id, in the corpus order. */
  public static Map<String, DemoItem> byId() {
    return Holder.BY_ID;
  }

  /**
   * Reads a corpus in the bundled format from a gzip stream (the caller closes it).
   *
   * @throws IllegalArgumentException naming the line when a line is not a valid item
   * @throws UncheckedIOException when the stream cannot be read or is not gzip
   */
  public static List<DemoItem> read(InputStream gzip) {
    List<DemoItem> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(item(ArticleJson.mapper().readTree(line)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          throw new IllegalArgumentException("demo corpus line " + n + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo corpus: " + e.getMessage(), e);
    }
    return List.copyOf(out);
  }

  private static DemoItem item(JsonNode n) {
    Article a = ArticleJson.fromTree(n);
    if (a.id() == null || a.id().isBlank()) {
      throw new IllegalArgumentException("an article without an id");
    }
    WikinewsLicence licence = WikinewsLicence.fromLabel(n.path("licence").asText(""));
    return new DemoItem(
        a, licence.label(), licence.url(), WikinewsJson.readSources(n.path("sources")));
  }

  private static final class Holder {
    static final List<DemoItem> ITEMS = readBundled();
    static final List<Article> ARTICLES = ITEMS.stream().map(DemoItem::article).toList();
    static final Map<String, DemoItem> BY_ID = index(ITEMS);

    private static List<DemoItem> readBundled() {
      try (InputStream in = DemoCorpus.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "the demo corpus " + RESOURCE + " is not on the classpath");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Map<String, DemoItem> index(List<DemoItem> items) {
      Map<String, DemoItem> m = new LinkedHashMap<>();
      for (DemoItem i : items) {
        if (m.put(i.id(), i) != null) {
          throw new IllegalStateException("the demo corpus has the id " + i.id() + " twice");
        }
      }
      return Collections.unmodifiableMap(m);
    }
  }
}
