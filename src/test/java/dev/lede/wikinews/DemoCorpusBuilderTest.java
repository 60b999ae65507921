package dev.lede.wikinews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class DemoCorpusBuilderTest {

  private static Path projectDir() {
    return Path.of(System.getProperty("lede.project.dir", "."));
  }

  @Test
  void bundledCorpus_isWhatTheBuilderMakesOfTheSharedData() throws IOException {
    Path src = SharedData.require(DemoCorpusBuilder.SOURCE);
    DemoCorpusBuilder.Counts counts = new DemoCorpusBuilder.Counts();
    List<WikinewsArticle> articles = DemoCorpusBuilder.convertAll(src, counts);
    Path target = projectDir().resolve(DemoCorpusBuilder.TARGET);
    if (Boolean.getBoolean("lede.demo.rebuild")) {
      byte[] gz = DemoCorpusBuilder.gzip(articles);
      Files.createDirectories(target.getParent());
      Files.write(target, gz);
      System.err.printf(
          "rebuilt %s: %d articles, %d bytes%n%s%n", target, articles.size(), gz.length, counts);
    }
    String committed;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(target))) {
      committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(committed)
        .as("the committed corpus is stale: rebuild it (see DemoCorpusBuilder)")
        .isEqualTo(DemoCorpusBuilder.jsonl(articles));
  }
}
