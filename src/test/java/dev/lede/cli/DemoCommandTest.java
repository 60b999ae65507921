package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lede demo} on the bundled pages. */
class DemoCommandTest {

  @Test
  void demo_printsOneArticlePerBundledPageAndASummaryOnStderr() throws IOException {
    List<String> pages = new ArrayList<>();
    try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.INDEX)) {
      assertThat(in).isNotNull();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        if (!l.isBlank() && !l.startsWith("#")) {
          pages.add(l.strip());
        }
      }
    }
    assertThat(pages)
        .hasSizeBetween(3, 4)
        .anyMatch(p -> p.endsWith(".txt"))
        .anyMatch(p -> p.endsWith(".html"));

    ExtractCommandTest.Run r = ExtractCommandTest.run("demo");

    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> articles = r.lines();
    assertThat(articles).hasSize(pages.size());
    for (int i = 0; i < pages.size(); i++) {
      JsonNode a = articles.get(i);
      assertThat(a.get("url").asText()).endsWith("/" + pages.get(i));
      assertThat(a.get("title").asText()).as(pages.get(i)).isNotBlank();
      assertThat(a.get("text").asText()).as(pages.get(i)).isNotBlank();
      assertThat(r.err()).contains(pages.get(i) + ": \"" + a.get("title").asText() + "\"");
    }
    assertThat(r.err()).contains(pages.size() + " of " + pages.size() + " demo pages extracted");
  }

  @Test
  void demo_seedShapedTextPageComesOutWhole() throws IOException {
    JsonNode a = ExtractCommandTest.run("demo").lines().get(0);
    assertThat(a.get("title").asText())
        .isEqualTo(
            "Port Alder will rebuild its storm-wrecked seawall: 'We cannot give the harbour back to"
                + " the sea'");
    assertThat(a.get("blocks")).hasSize(9);
    assertThat(a.get("images")).hasSize(1);
    assertThat(a.get("images").get(0).get("alt").asText())
        .isEqualTo("Port Alder's collapsed seawall");
    assertThat(a.get("images").get(0).get("credit").asText())
        .isEqualTo("Harbour Press Photo/Mara Lindqvist");
    assertThat(a.get("attribution").get(0).asText())
        .isEqualTo("Harbour Press contributed to this report.");
    assertThat(a.get("related")).hasSize(3);
    for (JsonNode t : a.get("related")) {
      assertThat(t.get("altHeadline").asText()).isNotBlank();
      assertThat(t.get("excerpt").asText()).endsWith("…");
    }
    assertThat(a.get("text").asText()).doesNotContain("Share and Follow", "You May Also Like");
  }
}
