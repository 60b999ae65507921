package dev.lede.cli;

import dev.lede.wikinews.WikinewsArticle;
import dev.lede.wikinews.WikinewsDumpException;
import dev.lede.wikinews.WikinewsDumpReader;
import dev.lede.wikinews.WikinewsJson;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lede import wikinews FILE}: the published articles of a MediaWiki dump of English Wikinews
 * ({@code enwikinews-latest-pages-articles.xml.bz2}, about 21,000 articles) as JSON Lines in the
 * article-input shape, with {@code licence} and {@code sources} (see docs/demo-corpus.md).
 *
 * <p>The seam for storing: {@link #openSink} decides where articles go. Today that is JSON Lines on
 * stdout or {@code --out FILE}; when the store is merged, {@code --data DIR} will open the data
 * folder's article store there and return a sink that stores each article (the licence credit is
 * already among its attribution lines; sources and licence go with it) — nothing else in this
 * command changes.
 */
@Command(
    name = "wikinews",
    mixinStandardHelpOptions = true,
    description = {
      "Import the published articles of an English Wikinews dump "
          + "(enwikinews-latest-pages-articles.xml.bz2 from dumps.wikimedia.org; bzip2, "
          + "multistream, gzip or plain XML).",
      "Prints one article a line (JSON Lines) to stdout, or writes them to --out FILE.",
      "Progress and the summary go to stderr. Exit code 1 when the dump cannot be read to its end "
          + "(the articles read before the failure are kept and counted)."
    })
final class ImportWikinewsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The dump file, or - for stdin.")
  String file = "";

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the articles to this file instead of stdout.")
  @Nullable Path out;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N articles.")
  long limit = Long.MAX_VALUE;

  @Option(
      names = "--progress-every",
      paramLabel = "PAGES",
      defaultValue = "10000",
      description = "Report progress on stderr every PAGES pages (default: ${DEFAULT-VALUE}).")
  long progressEvery = 10_000;

  /** Where imported articles go (see the class comment: the seam for the store). */
  interface ArticleSink extends Consumer<WikinewsArticle>, Closeable {
    /** Articles accepted so far. */
    long written();

    /** Where they went, for the summary ("stdout", a file name). */
    String target();
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (limit < 0 || progressEvery < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--limit must be ≥ 0 and --progress-every ≥ 1");
    }
    Path path = file.equals("-") ? null : Path.of(file);
    long size = -1;
    try {
      if (path != null) {
        size = Files.size(path);
      }
    } catch (NoSuchFileException e) {
      err.println("lede: import wikinews: no such file: " + file);
      return 1;
    } catch (IOException e) {
      err.println("lede: import wikinews: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    long total = size;
    try (InputStream raw = path == null ? System.in : Files.newInputStream(path);
        CountingInputStream in = new CountingInputStream(raw);
        ArticleSink sink = openSink()) {
      WikinewsDumpReader reader =
          WikinewsDumpReader.builder()
              .limit(limit)
              .progress(s -> progress(err, s, in.count(), total), progressEvery)
              .build();
      try {
        WikinewsDumpReader.Stats stats = reader.read(in, sink);
        err.println("wikinews: done: " + stats.summary());
        err.printf(
            Locale.ROOT, "wikinews: %,d articles written to %s%n", sink.written(), sink.target());
        return 0;
      } catch (WikinewsDumpException e) {
        err.println("lede: import wikinews: " + e.getMessage());
        err.printf(
            Locale.ROOT,
            "wikinews: %,d articles imported before the failure were written to %s%n",
            sink.written(),
            sink.target());
        return 1;
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("lede: import wikinews: " + e.getMessage());
      return 1;
    }
  }

  private static void progress(PrintWriter err, WikinewsDumpReader.Stats s, long read, long total) {
    String share =
        total > 0 ? String.format(Locale.ROOT, " (%.0f%% of the file)", 100.0 * read / total) : "";
    err.printf(
        Locale.ROOT,
        "wikinews: %,d pages read, %,d articles kept%s%n",
        s.pages(),
        s.articles(),
        share);
  }

  /**
   * Opens where the articles go: JSON Lines on stdout or in {@code --out}. The store plugs in here.
   */
  ArticleSink openSink() throws IOException {
    if (out != null) {
      Path target = out;
      Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
      return new JsonLinesSink(w, target.toString(), true);
    }
    return new JsonLinesSink(spec.commandLine().getOut(), "stdout", false);
  }

  private static final class JsonLinesSink implements ArticleSink {
    private final Writer w;
    private final String target;
    private final boolean closeWriter;
    private long written;

    JsonLinesSink(Writer w, String target, boolean closeWriter) {
      this.w = w instanceof BufferedWriter || w instanceof PrintWriter ? w : new BufferedWriter(w);
      this.target = target;
      this.closeWriter = closeWriter;
    }

    @Override
    public void accept(WikinewsArticle a) {
      try {
        w.write(WikinewsJson.toJson(a));
        w.write('\n');
        written++;
        if (written % 1000 == 0) {
          w.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to " + target + ": " + e.getMessage(), e);
      }
    }

    @Override
    public long written() {
      return written;
    }

    @Override
    public String target() {
      return target;
    }

    @Override
    public void close() throws IOException {
      w.flush();
      if (closeWriter) {
        w.close();
      }
    }
  }

  /** Counts the compressed bytes read, for the share of the file in progress lines. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
