package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.FetchRecord;
import dev.lede.model.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestTest {
  private final TestKit kit = new TestKit();
  @TempDir Path dir;

  @AfterEach
  void tearDown() throws Exception {
    kit.close();
  }

  @Test
  void jsonl_badLinesCountedWithLineNumbers_restContinues() throws Exception {
    Path f = dir.resolve("articles.jsonl");
    Files.writeString(
        f,
        """
        {"id": "a1", "title": "One", "text": "First."}
        {"id": "a2", "text": "Two\\nSecond."}
        not json at all

        {"id": "a3", "title": "Three"}
        {"id": "a4", "title": "Four", "text": "Fourth.", "date": "2019-05-06"}
        """,
        StandardCharsets.UTF_8);
    IngestReport r = kit.ingest(TestKit.options().build()).ingest(List.of(f.toString()));
    assertThat(r.created()).isEqualTo(3);
    assertThat(r.failed()).isEqualTo(2);
    assertThat(r.sourcesRead()).isEqualTo(1);
    assertThat(r.exitCode()).isZero();
    assertThat(kit.sink.articles.keySet()).containsExactly("a1", "a2", "a4");
    assertThat(kit.sink.failures())
        .extracting(FetchRecord::url)
        .containsExactlyInAnyOrder(f + ":3", f + ":5");
    assertThat(kit.sink.failures())
        .extracting(FetchRecord::reason)
        .anySatisfy(x -> assertThat(x).contains("line 5").contains("'text' is required"));
  }

  @Test
  void reingestingSameJsonl_isUnchanged() throws Exception {
    Path f = dir.resolve("a.jsonl");
    Files.writeString(
        f, "{\"id\": \"x\", \"title\": \"T\", \"text\": \"Body.\"}\n", StandardCharsets.UTF_8);
    Ingest ingest = kit.ingest(TestKit.options().build());
    assertThat(ingest.ingest(List.of(f.toString())).created()).isEqualTo(1);
    IngestReport again = ingest.ingest(List.of(f.toString()));
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.created()).isZero();
  }

  @Test
  void largeJsonl_submittedInBatches() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      sb.append("{\"id\": \"n")
          .append(i)
          .append("\", \"title\": \"T")
          .append(i)
          .append("\", \"text\": \"Body ")
          .append(i)
          .append(".\"}\n");
    }
    Path f = dir.resolve("many.jsonl");
    Files.writeString(f, sb, StandardCharsets.UTF_8);
    IngestReport r = kit.ingest(TestKit.options().build()).ingest(List.of(f.toString()));
    assertThat(r.created()).isEqualTo(600);
    assertThat(kit.sink.batches).isEqualTo(3); // 256 + 256 + 88
  }

  @Test
  void folder_htmlTxtJsonlRead_otherFilesAndHiddenSkipped() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(
        dir.resolve("page.html"),
        "<html><head><title>Page title</title></head><body><p>Page body.</p></body></html>",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("sub/dump.txt"),
        "Dump title for the council budget\n\nThe city council approved the budget on Tuesday"
            + " after a long debate about road repairs and schools.\n\nThe mayor said the vote"
            + " was a relief.\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("sub/x.jsonl"),
        "{\"id\": \"j\", \"text\": \"Jsonl title\\nBody.\"}\n",
        StandardCharsets.UTF_8);
    Files.write(dir.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(dir.resolve(".git/notes.txt"), "hidden\n\nhidden", StandardCharsets.UTF_8);
    IngestReport r = kit.ingest(TestKit.options().build()).ingest(List.of(dir.toString()));
    assertThat(r.created()).isEqualTo(3);
    assertThat(r.failed()).isZero();
    assertThat(r.fetched()).isEqualTo(3);
    assertThat(kit.sink.all())
        .extracting(a -> a.title())
        .containsExactlyInAnyOrder(
            "Page title", "Dump title for the council budget", "Jsonl title");
  }

  @Test
  void registeredFolder_unchangedFilesNotReadAgain() throws Exception {
    Files.writeString(
        dir.resolve("a.jsonl"),
        "{\"id\": \"a\", \"text\": \"A\\nBody.\"}\n",
        StandardCharsets.UTF_8);
    kit.registry.add(
        new Source(
            "files",
            Source.Kind.FILE,
            dir.toString(),
            "",
            Source.RightsPolicy.FULL_TEXT,
            true,
            false,
            kit.time.instant()));
    Ingest ingest = kit.ingest(TestKit.options().build());
    assertThat(ingest.poll("files").created()).isEqualTo(1);
    Files.writeString(
        dir.resolve("b.jsonl"),
        "{\"id\": \"b\", \"text\": \"B\\nBody.\"}\n",
        StandardCharsets.UTF_8);
    IngestReport second = ingest.poll("files");
    assertThat(second.created()).isEqualTo(1);
    assertThat(second.skipped()).isEqualTo(1);
  }

  @Test
  void gzippedJsonl_read() throws Exception {
    Path f = dir.resolve("a.jsonl.gz");
    Files.write(
        f,
        TestServer.gzip(
            "{\"id\": \"g\", \"title\": \"G\", \"text\": \"Zipped.\"}\n"
                .getBytes(StandardCharsets.UTF_8)));
    assertThat(kit.ingest(TestKit.options().build()).ingest(List.of(f.toString())).created())
        .isEqualTo(1);
  }

  @Test
  void demoCorpus_gzippedBlocksOnly_allRead() throws Exception {
    Path f = Path.of("src/main/resources/demo/wikinews.jsonl.gz");
    IngestReport r = kit.ingest(TestKit.options().build()).ingest(List.of(f.toString()));
    assertThat(r.failed()).isZero();
    assertThat(r.created()).isEqualTo(344);
    Article a = kit.sink.articles.get("wn-fb132e8654a4");
    assertThat(a.title()).isEqualTo("Brazilian delegation returns from Arafat funeral");
    assertThat(a.text()).startsWith("The delegation representing Brazil at the funeral");
  }

  @Test
  void missingPath_failsTheSource_exit1() {
    IngestReport r =
        kit.ingest(TestKit.options().build()).ingest(List.of(dir.resolve("nope.jsonl").toString()));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(kit.sink.failures())
        .anySatisfy(x -> assertThat(x.reason()).contains("no such file or folder"));
  }
}
