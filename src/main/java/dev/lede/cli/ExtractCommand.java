package dev.lede.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.lede.extract.ExtractionException;
import dev.lede.extract.Extractor;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede extract}: pages or text dumps to article JSON. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract clean articles from HTML pages or pages saved as text.",
      "Prints one JSON object per input (JSON Lines), or writes DIR/<name>.json with --out.",
      "Unreadable inputs are reported on stderr and the exit code is 1; the others are still processed."
    })
final class ExtractCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--type",
      defaultValue = "auto",
      description = "html, text or auto (default: ${DEFAULT-VALUE}, sniffs each input).",
      converter = TypeConverter.class)
  Extractor.Type type;

  @Option(
      names = "--url",
      description = "The page's URL (resolves relative links; reported as url).")
  String url;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write DIR/<name>.json per input instead of stdout.")
  Path out;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Files, or folders of files, to read.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    URI base = null;
    if (url != null) {
      try {
        base = new URI(url);
      } catch (URISyntaxException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--url is not a URL: " + url);
      }
    }
    if (out != null) {
      Files.createDirectories(out);
    }
    ObjectWriter pretty = ArticleJson.mapper().writerWithDefaultPrettyPrinter();
    int failures = 0;
    for (Path file : expand(inputs, err)) {
      Article a;
      try {
        byte[] bytes = Files.readAllBytes(file);
        a = Extractor.extract(bytes, type, null, base);
      } catch (IOException e) {
        err.println("lede extract: " + file + ": cannot read: " + e.getMessage());
        failures++;
        continue;
      } catch (ExtractionException e) {
        err.println("lede extract: " + file + ": " + e.getMessage());
        failures++;
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        err.println("lede extract: " + file + ": cannot parse: " + e);
        failures++;
        continue;
      }
      if (out == null) {
        stdout.println(ArticleJson.toJson(a));
        stdout.flush();
      } else {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Files.writeString(
            out.resolve(stem + ".json"),
            pretty.writeValueAsString(ArticleJson.toTree(a)) + "\n",
            StandardCharsets.UTF_8);
      }
    }
    return failures == 0 ? 0 : 1;
  }

  /** Files as given, folders expanded to their regular files (recursively, sorted). */
  static List<Path> expand(List<Path> inputs, PrintWriter err) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(p); // a missing file is reported when it is read
      }
    }
    return files;
  }

  static final class TypeConverter implements CommandLine.ITypeConverter<Extractor.Type> {
    @Override
    public Extractor.Type convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "html" -> Extractor.Type.HTML;
        case "text", "txt" -> Extractor.Type.TEXT;
        case "auto" -> Extractor.Type.AUTO;
        default ->
            throw new CommandLine.TypeConversionException(
                "'" + value + "' is not one of html, text, auto");
      };
    }
  }
}
