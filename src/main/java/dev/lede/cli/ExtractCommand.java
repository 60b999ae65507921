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
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lede extract}: pages or text dumps to article JSON (the shape is documented in {@code
 * docs/article-schema.md}). One JSON object per input on stdout (JSON Lines), or {@code
 * DIR/<name>.json} per input with {@code --out}. An input that cannot be read or is not a page is
 * reported on stderr with its name and the reason, the others are still processed, and the exit
 * code is 1; usage errors exit 2 (picocli's convention).
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract clean articles from HTML pages or pages saved as text.",
      "Prints one JSON object per input (JSON Lines), or writes DIR/<name>.json with --out.",
      "Folders are read recursively (hidden files skipped), in name order.",
      "Unreadable inputs are reported on stderr and the exit code is 1; the others are still"
          + " processed. Usage errors exit 2."
    })
final class ExtractCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--type",
      defaultValue = "auto",
      paramLabel = "html|text|auto",
      description = "How to read the inputs (default: ${DEFAULT-VALUE}, sniffs each input).",
      converter = TypeConverter.class)
  Extractor.Type type;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The absolute http(s) URL the page(s) came from: reported as url, resolves relative"
              + " links.")
  @Nullable String url;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write DIR/<name>.json per input (name = file name without extension).")
  @Nullable Path out;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Files, or folders of files, to read.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    URI base = parseUrl();
    if (out != null) {
      Files.createDirectories(out);
    }
    ObjectWriter pretty = ArticleJson.mapper().writerWithDefaultPrettyPrinter();
    Map<String, Path> written = new HashMap<>();
    List<Path> files = new ArrayList<>();
    int failures = expand(inputs, files, err);
    for (Path file : files) {
      Article a;
      try {
        a = Extractor.extract(read(file), type, null, base);
      } catch (IOException e) {
        err.println("lede extract: " + file + ": cannot read: " + reason(e));
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
        continue;
      }
      Path target = outputFor(file, written, err);
      try {
        Files.writeString(
            target,
            pretty.writeValueAsString(ArticleJson.toTree(a)) + "\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("lede extract: " + file + ": cannot write " + target + ": " + reason(e));
        failures++;
      }
    }
    return failures == 0 ? 0 : 1;
  }

  private @Nullable URI parseUrl() {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!u.isAbsolute()
          || u.getHost() == null
          || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--url must be an absolute http(s) URL, got '" + url + "'");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--url is not a URL: '" + url + "' (" + e.getReason() + ")");
    }
  }

  /** The file's bytes; refuses files over the extractor's limit before reading them. */
  private static byte[] read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("is a directory");
    }
    long size = Files.size(file);
    if (size > Extractor.MAX_INPUT_BYTES) {
      throw new ExtractionException(
          "input of " + size + " bytes exceeds the limit of " + Extractor.MAX_INPUT_BYTES);
    }
    return Files.readAllBytes(file);
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** DIR/<name>.json; a second input with the same name gets DIR/<name>-2.json (and says so). */
  private Path outputFor(Path file, Map<String, Path> written, PrintWriter err) {
    Path dir = java.util.Objects.requireNonNull(out, "out");
    String stem = stem(file);
    String name = stem;
    for (int n = 2; written.containsKey(name.toLowerCase(Locale.ROOT)); n++) {
      name = stem + "-" + n;
    }
    if (!name.equals(stem)) {
      err.println(
          "lede extract: "
              + file
              + ": "
              + stem
              + ".json is already written for "
              + written.get(stem.toLowerCase(Locale.ROOT))
              + "; writing "
              + name
              + ".json");
    }
    written.put(name.toLowerCase(Locale.ROOT), file);
    return dir.resolve(name + ".json");
  }

  /** The file name without its extension ("a.html" → "a", ".x" → ".x", "a.b.txt" → "a.b"). */
  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Adds the files of the inputs to {@code files}: files as given, folders expanded to their
   * regular files (recursively, hidden ones skipped, sorted). Returns the number of failures
   * reported (folders that cannot be listed).
   */
  static int expand(List<Path> inputs, List<Path> files, PrintWriter err) throws IOException {
    int[] failures = {0};
    for (Path p : inputs) {
      if (!Files.isDirectory(p)) {
        files.add(p); // a missing or unreadable file is reported when it is read
        continue;
      }
      List<Path> found = new ArrayList<>();
      Files.walkFileTree(
          p,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(p) && hidden(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && !hidden(file)) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              err.println("lede extract: " + file + ": cannot read: " + reason(e));
              failures[0]++;
              return FileVisitResult.CONTINUE;
            }
          });
      found.sort(null);
      if (found.isEmpty()) {
        err.println("lede extract: " + p + ": no files in this folder");
      }
      files.addAll(found);
    }
    return failures[0];
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  static final class TypeConverter implements CommandLine.ITypeConverter<Extractor.Type> {
    @Override
    public Extractor.Type convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "html", "htm" -> Extractor.Type.HTML;
        case "text", "txt" -> Extractor.Type.TEXT;
        case "auto" -> Extractor.Type.AUTO;
        default ->
            throw new CommandLine.TypeConversionException(
                "'" + value + "' is not one of html, text, auto");
      };
    }
  }
}
