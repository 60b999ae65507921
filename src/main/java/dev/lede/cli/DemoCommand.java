package dev.lede.cli;

import dev.lede.extract.Extractor;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lede demo}: the main job on the embedded default. For now it extracts the example pages
 * bundled under {@code src/main/resources/demo/pages/} and prints the articles as JSON Lines.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run Lede on the bundled demo pages and print the extracted articles (JSON Lines).")
final class DemoCommand implements Callable<Integer> {
  static final String INDEX = "/demo/pages/index.txt";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> names = readLines(INDEX);
    for (String name : names) {
      byte[] bytes = readResource("/demo/pages/" + name);
      Article a =
          Extractor.extract(
              bytes, Extractor.Type.AUTO, null, URI.create("https://demo.lede.invalid/" + name));
      out.println(ArticleJson.toJson(a));
      err.printf(
          java.util.Locale.ROOT,
          "%s: \"%s\" — %d blocks, %d images, %d attribution lines, %d teasers%n",
          name,
          a.title(),
          a.blocks().size(),
          a.images().size(),
          a.attribution().size(),
          a.related().size());
    }
    out.flush();
    return 0;
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
