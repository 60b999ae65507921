package dev.lede.cli;

import dev.lede.extract.ExtractionException;
import dev.lede.extract.Extractor;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.model.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lede demo}: the main job on the embedded default. For now it extracts the example pages
 * bundled under {@code src/main/resources/demo/pages/} (fictional stories written for Lede, listed
 * in {@code index.txt}) and prints the articles as JSON Lines on stdout, with a readable summary of
 * each on stderr.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run Lede on the bundled demo pages: prints the extracted articles on stdout (JSON Lines,"
          + " the shape of docs/article-schema.md) and a summary of each on stderr."
    })
final class DemoCommand implements Callable<Integer> {
  static final String PAGES = "/demo/pages/";
  static final String INDEX = PAGES + "index.txt";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> names = readLines(INDEX);
    int failed = 0;
    for (String name : names) {
      Article a;
      try {
        byte[] bytes = readResource(PAGES + name);
        a =
            Extractor.extract(
                bytes, Extractor.Type.AUTO, null, URI.create("https://demo.lede.invalid/" + name));
      } catch (IOException | ExtractionException e) {
        err.println("lede demo: " + name + ": " + e.getMessage());
        failed++;
        continue;
      }
      out.println(ArticleJson.toJson(a));
      out.flush();
      err.print(summary(name, a));
    }
    err.printf(
        Locale.ROOT,
        "lede demo: %d of %d demo pages extracted; the articles are on stdout as JSON Lines.%n",
        names.size() - failed,
        names.size());
    err.flush();
    return failed == 0 ? 0 : 1;
  }

  /** A few readable lines about an article, for a person watching the demo. */
  static String summary(String name, Article a) {
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(": \"").append(a.title()).append("\"\n");
    if (!a.bylines().isEmpty() || a.published() != null) {
      sb.append("  by ")
          .append(a.bylines().isEmpty() ? "(no byline)" : String.join(", ", a.bylines()))
          .append(a.published() == null ? "" : ", published " + a.published())
          .append(a.modified() == null ? "" : ", updated " + a.modified())
          .append('\n');
    }
    long paragraphs = a.blocks().stream().filter(b -> b instanceof Block.Paragraph).count();
    sb.append(
        String.format(
            Locale.ROOT,
            "  %d paragraphs, %d other blocks, %d words%n",
            paragraphs,
            a.blocks().size() - paragraphs - a.images().size(),
            a.text().isBlank() ? 0 : a.text().strip().split("\\s+").length));
    for (Block.Image img : a.images()) {
      sb.append("  image: ")
          .append(img.caption().isEmpty() ? img.alt() : img.caption())
          .append(img.credit().isEmpty() ? "" : " — credit: " + img.credit())
          .append('\n');
    }
    for (String line : a.attribution()) {
      sb.append("  attribution: ").append(line).append('\n');
    }
    if (!a.related().isEmpty()) {
      sb.append("  ")
          .append(a.related().size())
          .append(" related teasers, first: \"")
          .append(a.related().get(0).headline())
          .append("\"\n");
    }
    return sb.toString();
  }

  private static List<String> readLines(String resource) throws IOException {
    return new String(readResource(resource), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static byte[] readResource(String name) throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing bundled resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
