package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code lede extract} contract, run through {@link Main#run(PrintWriter, PrintWriter,
 * String...)}.
 */
class ExtractCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of(
          "url",
          "canonicalUrl",
          "title",
          "bylines",
          "published",
          "modified",
          "language",
          "siteName",
          "section",
          "description",
          "tags",
          "text",
          "blocks",
          "images",
          "attribution",
          "related");

  static final String DUMP =
      String.join(
          "\n",
          "Harbour council votes to rebuild the Port Alder seawall",
          "Share and Follow",
          "",
          "The town council of Port Alder voted 7-2 on Monday to rebuild the seawall that collapsed"
              + " during January's storm surge.",
          "",
          "Workers clear debris from the seawall. (Harbour Press Photo/Mara Lind)",
          "",
          "Construction is due to start in May and last about 18 months, the council said.",
          "",
          "Northwire contributed to this report.",
          "",
          "You May Also Like",
          "Fishing fleet returns to sea after storm",
          "Port Alder Fleet Back on the Water",
          "Boats that sheltered for weeks left the harbour on…",
          "");

  static final String PAGE =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<title>Night train to run again</title></head><body><article><h1>Night train to run"
          + " again</h1><p>The overnight train between Kallis and Semmering returns in"
          + " December after a five-year break, the operator said.</p></article></body></html>";

  record Run(int code, String out, String err) {
    List<JsonNode> lines() throws IOException {
      List<JsonNode> nodes = new ArrayList<>();
      for (String l : out.split("\n")) {
        if (!l.isEmpty()) {
          nodes.add(JSON.readTree(l));
        }
      }
      return nodes;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void extract_printsOneJsonObjectPerInputWithExactlyTheDocumentedFields(@TempDir Path dir)
      throws IOException {
    Path text = write(dir, "seawall.txt", DUMP);
    Path html = write(dir, "train.html", PAGE);

    Run r = run("extract", text.toString(), html.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).endsWith("\n");
    List<JsonNode> lines = r.lines();
    assertThat(lines).hasSize(2);
    for (JsonNode n : lines) {
      assertThat(n.isObject()).isTrue();
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyElementsOf(FIELDS); // no id: extraction assigns none
    }
    JsonNode a = lines.get(0);
    assertThat(a.get("title").asText())
        .isEqualTo("Harbour council votes to rebuild the Port Alder seawall");
    assertThat(a.get("url").asText()).isEmpty();
    assertThat(a.get("published").isNull()).isTrue();
    assertThat(a.get("text").asText())
        .startsWith("The town council of Port Alder")
        .contains("\n\nConstruction is due")
        .doesNotContain("Share and Follow", "Workers clear debris");
    assertThat(a.get("images")).hasSize(1);
    assertThat(a.get("images").get(0).get("credit").asText())
        .isEqualTo("Harbour Press Photo/Mara Lind");
    assertThat(a.get("images").get(0).get("src").asText()).isEmpty();
    assertThat(a.get("attribution").get(0).asText())
        .isEqualTo("Northwire contributed to this report.");
    JsonNode teaser = a.get("related").get(0);
    assertThat(teaser.get("headline").asText())
        .isEqualTo("Fishing fleet returns to sea after storm");
    assertThat(teaser.get("altHeadline").asText()).isEqualTo("Port Alder Fleet Back on the Water");
    assertThat(teaser.get("excerpt").asText()).endsWith("…");
    assertThat(a.get("blocks").get(0).get("type").asText()).isEqualTo("paragraph");
    assertThat(lines.get(1).get("title").asText()).isEqualTo("Night train to run again");
  }

  @Test
  void extract_outWritesNamedJsonFilesAndNothingOnStdout(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in");
    write(in, "seawall.txt", DUMP);
    write(in, "train.page.html", PAGE);
    Path outDir = dir.resolve("out/articles");

    Run r = run("extract", "--out", outDir.toString(), in.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    try (var s = Files.list(outDir)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("seawall.json", "train.page.json");
    }
    JsonNode a = JSON.readTree(outDir.resolve("seawall.json").toFile());
    assertThat(a.get("title").asText())
        .isEqualTo("Harbour council votes to rebuild the Port Alder seawall");
    Run stdout = run("extract", in.resolve("seawall.txt").toString());
    assertThat(a).isEqualTo(JSON.readTree(stdout.out())); // same object as on stdout
  }

  @Test
  void extract_outKeepsBothInputsWithTheSameName(@TempDir Path dir) throws IOException {
    Path a = write(dir, "a/story.txt", DUMP);
    Path b = write(dir, "b/story.html", PAGE);
    Path outDir = dir.resolve("out");

    Run r = run("extract", "--out", outDir.toString(), a.toString(), b.toString());

    assertThat(r.code()).isZero();
    assertThat(outDir.resolve("story.json")).exists();
    assertThat(outDir.resolve("story-2.json")).exists();
    assertThat(r.err()).contains("story.json is already written", "story-2.json");
  }

  @Test
  void extract_readsFoldersRecursivelyInNameOrderSkippingHiddenFiles(@TempDir Path dir)
      throws IOException {
    write(dir, "b/2.txt", DUMP.replace("Harbour council", "Second"));
    write(dir, "a/1.txt", DUMP.replace("Harbour council", "First"));
    write(dir, "a/deeper/3.txt", DUMP.replace("Harbour council", "Third"));
    write(dir, ".hidden.txt", DUMP);
    write(dir, ".git/x.txt", DUMP);

    Run r = run("extract", dir.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.lines())
        .extracting(n -> n.get("title").asText().split(" ")[0])
        .containsExactly("First", "Third", "Second");
  }

  @Test
  void extract_typeOptionChoosesTheReader(@TempDir Path dir) throws IOException {
    Path html = write(dir, "train.html", PAGE);
    Path text = write(dir, "seawall.txt", DUMP);

    JsonNode asText = run("extract", "--type", "text", html.toString()).lines().get(0);
    JsonNode asHtml = run("extract", "--type", "html", html.toString()).lines().get(0);
    JsonNode auto = run("extract", "--type", "auto", html.toString()).lines().get(0);
    JsonNode textAsText = run("extract", "--type=TEXT", text.toString()).lines().get(0);

    assertThat(asText.get("title").asText()).startsWith("<!DOCTYPE html>"); // markup as words
    assertThat(asHtml.get("title").asText()).isEqualTo("Night train to run again");
    assertThat(asHtml.get("text").asText()).doesNotContain("<p>");
    assertThat(auto).isEqualTo(asHtml);
    assertThat(textAsText.get("related")).hasSize(1);
  }

  @Test
  void extract_urlOptionIsReported(@TempDir Path dir) throws IOException {
    Path text = write(dir, "seawall.txt", DUMP);
    Run r = run("extract", "--url", "https://news.example.org/2025/seawall", text.toString());
    assertThat(r.code()).isZero();
    assertThat(r.lines().get(0).get("url").asText())
        .isEqualTo("https://news.example.org/2025/seawall");
  }

  @Test
  void extract_badInputsAreReportedAndTheOthersStillProcessed(@TempDir Path dir)
      throws IOException {
    Path empty = write(dir, "1-empty.txt", "");
    Path blank = write(dir, "2-blank.txt", " \n\t\n");
    Path png = dir.resolve("3-image.png");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
    Path good = write(dir, "4-good.txt", DUMP);
    Path huge = dir.resolve("5-huge.txt");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(65L * 1024 * 1024); // sparse: takes no disk space, must not be read
    }
    Path missing = dir.resolve("6-missing.txt");

    Run r = run("extract", dir.toString(), missing.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines()).hasSize(1); // stdout holds the good article alone, as JSON
    assertThat(r.lines().get(0).get("title").asText())
        .isEqualTo("Harbour council votes to rebuild the Port Alder seawall");
    List<String> errors = r.err().lines().toList();
    assertThat(errors).hasSize(5);
    assertThat(errors.get(0)).contains(empty.toString(), "empty");
    assertThat(errors.get(1)).contains(blank.toString(), "whitespace");
    assertThat(errors.get(2)).contains(png.toString(), "binary", "PNG");
    assertThat(errors.get(3)).contains(huge.toString(), "exceeds the limit");
    assertThat(errors.get(4)).contains(missing.toString(), "no such file");
    assertThat(r.err()).doesNotContain(good.toString());
  }

  @Test
  void extract_emptyFolderIsNotedButNotAFailure(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("nothing-here"));
    Run r = run("extract", sub.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no files");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--frobnicate",
        "--type=pdf",
        "--type",
        "--url=not a url",
        "--url=/relative/path",
        "--url=ftp://example.org/x"
      })
  void extract_usageErrorsExitTwoWithNothingOnStdout(String option, @TempDir Path dir)
      throws IOException {
    Path text = write(dir, "seawall.txt", DUMP);
    Run r = run("extract", option, text.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isNotEmpty();
  }

  @Test
  void extract_withoutInputIsAUsageError() {
    Run r = run("extract");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("FILE|DIR");
  }

  @Test
  void extract_helpGoesToStdoutAndExitsZero() {
    Run r = run("extract", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--type", "--url", "--out", "JSON Lines");
  }
}
