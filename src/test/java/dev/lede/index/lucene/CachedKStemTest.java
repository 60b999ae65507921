package dev.lede.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class CachedKStemTest {
  private final Analyzer plain = new NewsAnalyzer(true, 0);

  private static List<String> tokens(Analyzer a, String s) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", s)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      KeywordAttribute kw = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            t
                + "/"
                + inc.getPositionIncrement()
                + "@"
                + off.startOffset()
                + "-"
                + off.endOffset()
                + (kw.isKeyword() ? "/kw" : ""));
      }
      ts.end();
    }
    return out;
  }

  @Test
  void repeatedWords_getTheStemsOfKStem_fromTheMemo() throws IOException {
    String s =
        "Elections reports elections Reports running News Williams elections news, went goes"
            + " elections reports ponies ponies Williams";
    Analyzer cached = new NewsAnalyzer(true, 4);
    List<String> terms =
        tokens(cached, s).stream().map(x -> x.substring(0, x.indexOf('/'))).toList();
    assertThat(terms)
        .containsExactly(
            "election", "report", "election", "report", "running", "news", "williams", "election",
            "news", "went", "go", "election", "report", "pony", "pony", "williams");
    assertThat(tokens(cached, s)).isEqualTo(tokens(plain, s)).isEqualTo(tokens(cached, s));
  }

  @Test
  void longShortAndNonLetterWords_bypassTheMemo_withTheSameTokens() throws IOException {
    String s =
        "internationalisations internationalisations is is 3D 3D ábsolutely ábsolutely _x_ _x_"
            + " counterrevolutionaries counterrevolutionaries";
    Analyzer cached = new NewsAnalyzer(true, 8);
    assertThat(tokens(cached, s)).isEqualTo(tokens(plain, s));
    assertThat(tokens(cached, s)).isEqualTo(tokens(plain, s));
  }

  @Test
  void wikinewsText_givesExactlyThePlainKStemTokens_withALargeAndATinyMemo() throws IOException {
    var file = SharedData.require("data/wikinews/articles.jsonl");
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = json.readTree(line);
        texts.add(n.path("title").asText() + "\n" + n.path("text").asText());
      }
    }
    assertThat(texts).hasSizeGreaterThan(300);
    Analyzer large = new NewsAnalyzer(true);
    Analyzer tiny = new NewsAnalyzer(true, 16);
    long tokenCount = 0;
    // twice over, so that the second pass is served mostly from the memo
    for (int pass = 0; pass < 2; pass++) {
      for (String t : texts) {
        List<String> expected = tokens(plain, t);
        assertThat(tokens(large, t)).isEqualTo(expected);
        assertThat(tokens(tiny, t)).isEqualTo(expected);
        tokenCount += expected.size();
      }
    }
    assertThat(tokenCount).isGreaterThan(100_000);
  }
}
