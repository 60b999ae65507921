package dev.lede.ingest;

import dev.lede.extract.ExtractionException;
import dev.lede.extract.Extractor;
import dev.lede.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local files and folders. Folders are walked recursively in name order, hidden files skipped.
 * {@code .html}/{@code .htm}/{@code .xhtml} pages and {@code .txt} text dumps go through the
 * extractor; {@code .jsonl}/{@code .ndjson} (also {@code .gz} or {@code .bz2} compressed) hold one
 * article a line ({@link JsonlArticles}), submitted in batches of {@value #BATCH} so a store can
 * commit them together; {@code .json} holds one article. Other files are skipped and counted. A bad
 * line is a failure with its line number; the rest of the file continues. For a registered source a
 * file already ingested (same path, size and modification time) is not read again.
 */
final class FileIngester {
  static final int BATCH = 256;
  static final int MAX_LINE_CHARS = 32 << 20;
  private static final Logger LOG = LoggerFactory.getLogger(FileIngester.class);

  private final InstantSource clock;

  FileIngester(InstantSource clock) {
    this.clock = clock;
  }

  Job.Polled ingest(Path path, Job job) throws SourceFailure {
    List<Path> files;
    try {
      files = list(path);
    } catch (IOException e) {
      throw new SourceFailure("cannot read " + path + ": " + e.getMessage(), e);
    }
    Set<String> seenNow = new LinkedHashSet<>();
    int created = 0;
    int skippedTypes = 0;
    for (Path f : files) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      String type = type(f);
      if (type.isEmpty()) {
        skippedTypes++;
        continue;
      }
      String fp;
      try {
        BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
        fp =
            SourceState.fingerprint(
                f.toAbsolutePath() + "|" + attrs.size(), attrs.lastModifiedTime().toInstant());
      } catch (IOException e) {
        job.run().itemFailed(job.sourceId(), f.toString(), "cannot read: " + e.getMessage());
        continue;
      }
      if (job.state().hasSeen(fp)) {
        job.run().skipped();
        continue;
      }
      try {
        created +=
            switch (type) {
              case "jsonl" -> jsonl(f, job);
              case "json" -> json(f, job);
              default -> page(f, type, job);
            };
        seenNow.add(fp);
      } catch (IOException e) {
        job.run().itemFailed(job.sourceId(), f.toString(), "cannot read: " + e.getMessage());
      }
    }
    if (skippedTypes > 0) {
      LOG.info(
          "{}: skipped {} files that are not .html, .txt, .json or .jsonl", path, skippedTypes);
    }
    return new Job.Polled(job.state().withSeen(seenNow), List.of(), created);
  }

  /** The files under a path, or the path itself; a missing path fails the source. */
  static List<Path> list(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.walk(path)) {
        return s.filter(Files::isRegularFile).filter(p -> !hidden(path, p)).sorted().toList();
      }
    }
    if (!Files.isRegularFile(path)) {
      throw new IOException("no such file or folder");
    }
    return List.of(path);
  }

  private static boolean hidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** "html", "txt", "jsonl", "json", or empty for files we do not read. */
  static String type(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    } else if (n.endsWith(".bz2")) {
      n = n.substring(0, n.length() - 4);
    }
    if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
      return "html";
    }
    if (n.endsWith(".txt")) {
      return "txt";
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return "jsonl";
    }
    return n.endsWith(".json") ? "json" : "";
  }

  private int page(Path f, String type, Job job) throws IOException {
    long start = clock.millis();
    byte[] bytes = readAll(f);
    job.run().fileRead(job.sourceId(), f.toString(), bytes.length, clock.millis() - start);
    Article a;
    try {
      a =
          Extractor.extract(
              bytes, type.equals("html") ? Extractor.Type.HTML : Extractor.Type.TEXT, null, null);
    } catch (ExtractionException e) {
      job.run().itemFailed(job.sourceId(), f.toString(), e.getMessage());
      return 0;
    } catch (RuntimeException | StackOverflowError e) {
      job.run().itemFailed(job.sourceId(), f.toString(), "extraction failed: " + e);
      return 0;
    }
    return job.run().submit(job.sourceId(), a, f.toString()).outcome() == IngestSink.Outcome.NEW
        ? 1
        : 0;
  }

  private int json(Path f, Job job) throws IOException {
    long start = clock.millis();
    byte[] bytes = readAll(f);
    job.run().fileRead(job.sourceId(), f.toString(), bytes.length, clock.millis() - start);
    try {
      Article a = JsonlArticles.fromLine(XmlText.decode(bytes, "utf-8"), f.toString());
      return job.run().submit(job.sourceId(), a, f.toString()).outcome() == IngestSink.Outcome.NEW
          ? 1
          : 0;
    } catch (BadContentException e) {
      job.run().itemFailed(job.sourceId(), f.toString(), e.getMessage());
      return 0;
    }
  }

  private int jsonl(Path f, Job job) throws IOException {
    long start = clock.millis();
    long bytes = Files.size(f);
    int created = 0;
    List<Article> batch = new ArrayList<>(BATCH);
    List<String> where = new ArrayList<>(BATCH);
    try (LineReader r = new LineReader(reader(f), MAX_LINE_CHARS)) {
      int lineNo = 0;
      String line;
      while ((line = r.next()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String at = f + ":" + lineNo;
        if (line.equals(LineReader.TOO_LONG)) {
          job.run()
              .itemFailed(job.sourceId(), at, "line longer than " + MAX_LINE_CHARS + " characters");
          continue;
        }
        try {
          batch.add(JsonlArticles.fromLine(line, "line " + lineNo));
          where.add(at);
        } catch (BadContentException e) {
          job.run().itemFailed(job.sourceId(), at, e.getMessage());
        }
        if (batch.size() >= BATCH) {
          created += flush(batch, where, job);
        }
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
      }
    }
    created += flush(batch, where, job);
    job.run().fileRead(job.sourceId(), f.toString(), bytes, clock.millis() - start);
    return created;
  }

  private static int flush(List<Article> batch, List<String> where, Job job) {
    if (batch.isEmpty()) {
      return 0;
    }
    int created = 0;
    for (IngestSink.Result r :
        job.run().submitAll(job.sourceId(), List.copyOf(batch), List.copyOf(where))) {
      if (r.outcome() == IngestSink.Outcome.NEW) {
        created++;
      }
    }
    batch.clear();
    where.clear();
    return created;
  }

  private static Reader reader(Path f) throws IOException {
    return new InputStreamReader(
        open(f),
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static InputStream open(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (n.endsWith(".gz")) {
        return new GZIPInputStream(in, 1 << 16);
      }
      if (n.endsWith(".bz2")) {
        return new BZip2CompressorInputStream(in, true);
      }
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return in;
  }

  private static byte[] readAll(Path f) throws IOException {
    try (InputStream in = open(f)) {
      byte[] b = in.readNBytes(Extractor.MAX_INPUT_BYTES + 1);
      if (b.length > Extractor.MAX_INPUT_BYTES) {
        throw new IOException("file larger than " + Extractor.MAX_INPUT_BYTES + " bytes");
      }
      return b;
    }
  }
}
