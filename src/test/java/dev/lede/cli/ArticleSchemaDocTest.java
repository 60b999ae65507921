package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/article-schema.md says what the code does: its field table and its worked example. */
class ArticleSchemaDocTest {
  private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);

  private static String doc() throws IOException {
    Path dir = Path.of(System.getProperty("lede.project.dir", "."));
    return Files.readString(dir.resolve("docs/article-schema.md"), StandardCharsets.UTF_8);
  }

  @Test
  void fieldTable_listsTheFieldsInTheOrderTheyAreWritten() throws IOException {
    List<String> documented = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| `(\\w+)` \\| (?:string|object)").matcher(doc());
    while (m.find()) {
      documented.add(m.group(1));
    }
    List<String> expected = new ArrayList<>(List.of("id"));
    expected.addAll(
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
            "related"));
    assertThat(documented).containsExactlyElementsOf(expected);
  }

  @Test
  void workedExample_isWhatLedeExtractPrints(@TempDir Path dir) throws IOException {
    String text = null;
    String json = null;
    Matcher m = FENCE.matcher(doc());
    while (m.find()) {
      if (m.group(1).equals("text") && text == null) {
        text = m.group(2);
      } else if (m.group(1).equals("json") && json == null) {
        json = m.group(2);
      }
    }
    assertThat(text).isNotNull();
    assertThat(json).isNotNull();
    Path dump = dir.resolve("seawall.txt");
    Files.writeString(dump, text + "\n", StandardCharsets.UTF_8);

    ExtractCommandTest.Run r =
        ExtractCommandTest.run(
            "extract",
            "--url",
            "https://news.example.org/2025/03/03/port-alder-seawall",
            dump.toString());

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode documented = new ObjectMapper().readTree(json);
    assertThat(r.lines()).containsExactly(documented);
  }
}
