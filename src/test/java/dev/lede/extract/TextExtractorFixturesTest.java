package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Teaser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text dumps written for these tests (invented stories, each in another layout and wording) with
 * the expected outcome written by hand next to them in {@code <name>.expected.json}.
 */
class TextExtractorFixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Furniture that must never reach the body text of any fixture. */
  private static final List<String> FURNITURE =
      List.of(
          "share and follow",
          "follow us",
          "share this article",
          "share on",
          "advertisement",
          "newsletter",
          "you may also like",
          "recommended for you",
          "read more");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wire-related-stories",
        "single-newlines-crlf",
        "lists-and-newsletter",
        "hard-wrapped-quote",
        "no-heading-teaser-tail",
        "more-from-and-trending",
        "related-inside-body",
        "tabs-and-trailing-space",
        "crlf-dek-indented-quote",
        "labelled-url-up-next",
        "save-as-text-navigation",
        "markdown-copy",
        "wire-copy-no-headline",
        "reader-view-copy",
        "german-dump",
        "french-dump"
      })
  void extract_textDumpFixture_matchesExpected(String name) throws IOException {
    byte[] dump = resource(name + ".txt");
    JsonNode want = JSON.readTree(resource(name + ".expected.json"));

    Article a = Extractor.extract(dump, Extractor.Type.AUTO, null, null);

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(a.title()).as("title").isEqualTo(want.get("title").asText());
    for (String field : List.of("section", "siteName", "description", "canonicalUrl", "language")) {
      if (want.has(field)) {
        soft.assertThat(stringField(a, field)).as(field).isEqualTo(want.get(field).asText());
      }
    }
    soft.assertThat(a.bylines()).as("bylines").isEqualTo(strings(want.get("bylines")));
    soft.assertThat(a.published()).as("published").isEqualTo(instant(want.get("published")));
    soft.assertThat(a.modified()).as("modified").isEqualTo(instant(want.get("modified")));
    if (want.has("tags")) {
      soft.assertThat(a.tags()).as("tags").isEqualTo(strings(want.get("tags")));
    }
    soft.assertThat(a.blocks().stream().map(TextExtractorFixturesTest::type).toList())
        .as("block types")
        .isEqualTo(strings(want.get("blocks")));
    if (want.has("paragraphs")) {
      soft.assertThat(texts(a, Block.Paragraph.class))
          .as("paragraphs")
          .isEqualTo(strings(want.get("paragraphs")));
    }
    if (want.has("headings")) {
      soft.assertThat(texts(a, Block.Heading.class))
          .as("headings")
          .isEqualTo(strings(want.get("headings")));
    }
    if (want.has("quotes")) {
      soft.assertThat(texts(a, Block.Quote.class))
          .as("quotes")
          .isEqualTo(strings(want.get("quotes")));
    }
    if (want.has("lists")) {
      List<String> got = new ArrayList<>();
      for (Block b : a.blocks()) {
        if (b instanceof Block.ListBlock l) {
          got.add(l.ordered() + " " + l.items());
        }
      }
      List<String> expected = new ArrayList<>();
      for (JsonNode l : want.get("lists")) {
        expected.add(l.get("ordered").asBoolean() + " " + strings(l.get("items")));
      }
      soft.assertThat(got).as("lists").isEqualTo(expected);
    }
    List<String> images = new ArrayList<>();
    for (Block.Image i : a.images()) {
      images.add(" | " + i.alt() + " | " + i.caption() + " | " + i.credit());
    }
    List<String> wantImages = new ArrayList<>();
    for (JsonNode i : want.get("images")) {
      wantImages.add(
          " | "
              + i.get("alt").asText()
              + " | "
              + i.get("caption").asText()
              + " | "
              + i.get("credit").asText());
    }
    soft.assertThat(images).as("images").isEqualTo(wantImages);
    if (want.has("imagesWithSrc")) {
      List<String> withSrc = new ArrayList<>();
      for (JsonNode i : want.get("imagesWithSrc")) {
        withSrc.add(
            i.get("src").asText()
                + " | "
                + i.get("alt").asText()
                + " | "
                + i.get("caption").asText()
                + " | "
                + i.get("credit").asText());
      }
      List<String> got = new ArrayList<>();
      for (Block.Image i : a.images()) {
        got.add(i.src() + " | " + i.alt() + " | " + i.caption() + " | " + i.credit());
      }
      soft.assertThat(got).as("images with src").isEqualTo(withSrc);
    } else {
      soft.assertThat(a.images())
          .as("text dumps carry no image address")
          .allMatch(i -> i.src().isEmpty());
    }
    soft.assertThat(a.attribution()).as("attribution").isEqualTo(strings(want.get("attribution")));
    List<Teaser> wantRelated = new ArrayList<>();
    for (JsonNode t : want.get("related")) {
      wantRelated.add(
          new Teaser(
              t.get("headline").asText(),
              t.get("altHeadline").asText(),
              t.get("excerpt").asText(),
              t.get("url").asText()));
    }
    soft.assertThat(a.related()).as("related").isEqualTo(wantRelated);

    String text = a.text();
    if (want.has("textStartsWith")) {
      soft.assertThat(text).as("text start").startsWith(want.get("textStartsWith").asText());
    }
    if (want.has("textEndsWith")) {
      soft.assertThat(text).as("text end").endsWith(want.get("textEndsWith").asText());
    }
    for (String s : strings(want.get("textExcludes"))) {
      soft.assertThat(text).as("text excludes").doesNotContain(s);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String s : FURNITURE) {
      soft.assertThat(lower).as("text has no furniture").doesNotContain(s);
    }
    for (Teaser t : a.related()) {
      soft.assertThat(text).as("teasers stay out of the text").doesNotContain(t.headline());
    }
    soft.assertAll();
  }

  private static String type(Block b) {
    return switch (b) {
      case Block.Paragraph p -> "paragraph";
      case Block.Heading h -> "heading";
      case Block.ListBlock l -> "list";
      case Block.Quote q -> "quote";
      case Block.Image i -> "image";
    };
  }

  private static List<String> texts(Article a, Class<? extends Block> kind) {
    return a.blocks().stream().filter(kind::isInstance).map(Block::text).toList();
  }

  private static String stringField(Article a, String field) {
    return switch (field) {
      case "section" -> a.section();
      case "siteName" -> a.siteName();
      case "description" -> a.description();
      case "canonicalUrl" -> a.canonicalUrl();
      case "language" -> a.language();
      default -> throw new IllegalArgumentException(field);
    };
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null) {
      n.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in =
        TextExtractorFixturesTest.class.getResourceAsStream("/extract/text/" + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return in.readAllBytes();
    }
  }

  static String resourceText(String name) throws IOException {
    return new String(resource(name), StandardCharsets.UTF_8);
  }
}
