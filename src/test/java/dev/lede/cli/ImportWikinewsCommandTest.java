package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.wikinews.CliFixtures;
import dev.lede.wikinews.WikinewsArticle;
import dev.lede.wikinews.WikinewsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportWikinewsCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void importWikinews_printsArticlesAsJsonLinesAndASummaryOnStderr() throws IOException {
    Path dump = dir.resolve("enwikinews.xml.bz2");
    Files.write(dump, CliFixtures.dump());
    Run r = run("import", "wikinews", "--progress-every", "4", dump.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<WikinewsArticle> articles = r.out().lines().map(WikinewsJson::fromJson).toList();
    assertThat(articles)
        .extracting(a -> a.article().title())
        .containsExactly(
            "Porto Claro harbour bridge opens to cyclists", "Earthquake shakes Example province");
    assertThat(articles.get(0).sources()).hasSize(3);
    assertThat(articles.get(0).article().text())
        .startsWith("The city council of Porto Claro voted");
    assertThat(r.out()).contains("\"licence\":\"Public domain\"").contains("\"text\":");
    assertThat(r.err())
        .contains("wikinews: 4 pages read, 2 articles kept (100% of the file)")
        .contains("wikinews: done: pages 11, articles 2")
        .contains("2 articles written to stdout");
  }

  @Test
  void importWikinews_outFileAndLimit() throws IOException {
    Path dump = dir.resolve("enwikinews.xml.bz2");
    Files.write(dump, CliFixtures.dump());
    Path out = dir.resolve("articles.jsonl");
    Run r = run("import", "wikinews", "--out", out.toString(), "--limit", "1", dump.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(1);
    assertThat(r.err()).contains("1 articles written to " + out);
  }

  @Test
  void importWikinews_truncatedDump_exitsOneAndKeepsWhatWasImported() throws IOException {
    byte[] full = CliFixtures.bigDump(300);
    Path dump = dir.resolve("cut.xml.bz2");
    Files.write(dump, Arrays.copyOf(full, full.length * 2 / 3));
    Path out = dir.resolve("articles.jsonl");
    Run r = run("import", "wikinews", "--out", out.toString(), dump.toString());
    assertThat(r.code()).isEqualTo(1);
    long lines = Files.readAllLines(out, StandardCharsets.UTF_8).size();
    assertThat(lines).isPositive();
    assertThat(r.err())
        .contains("lede: import wikinews: the dump is truncated or its compressed data is corrupt")
        .contains(String.format(Locale.ROOT, "(%d articles imported)", lines))
        .contains(lines + " articles imported before the failure were written to " + out);
  }

  @Test
  void importWikinews_missingFileAndMissingSubcommand() {
    Run r = run("import", "wikinews", dir.resolve("nope.xml.bz2").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no such file");
    Run usage = run("import");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.out()).isEmpty();
    assertThat(usage.err()).contains("wikinews");
  }
}
