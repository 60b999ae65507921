package dev.lede.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.testing.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class StemCacheTest {
  private static List<String> tokens(Analyzer a, String field, String s) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, s)) {
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
  void cachedChain_givesTheStemmersOwnTokens_onRepeatedWords() throws IOException {
    String s =
        "Elections were held; the election reports say reporters reported the reports. "
            + "Williams News: elections, elections, ELECTIONS and Elections' results.";
    try (Analyzer cached = new NewsAnalyzer(true, true);
        Analyzer plain = new NewsAnalyzer(true, false)) {
      List<String> expected = tokens(plain, "body", s);
      assertThat(expected).anyMatch(t -> t.startsWith("election/")); // the stemmer did work
      assertThat(expected).anyMatch(t -> t.startsWith("williams/")); // and left a name alone
      // Twice through the same reused chain: the second pass is served from the cache.
      assertThat(tokens(cached, "body", s)).isEqualTo(expected);
      assertThat(tokens(cached, "title", s)).isEqualTo(tokens(plain, "title", s));
      assertThat(tokens(cached, "body", s)).noneMatch(t -> t.endsWith("/kw"));
    }
  }

  @Test
  void cachedChain_matchesThePlainChain_overRealNewsText() throws IOException {
    Path corpus = SharedData.require("data/wikinews/articles.jsonl");
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
    assertThat(lines).hasSizeGreaterThan(100);
    long compared = 0;
    try (Analyzer cached = new NewsAnalyzer(true, true);
        Analyzer plain = new NewsAnalyzer(true, false)) {
      for (String line : lines) {
        List<String> want = tokens(plain, "body", line);
        assertThat(tokens(cached, "body", line)).isEqualTo(want);
        compared += want.size();
      }
    }
    assertThat(compared).isGreaterThan(100_000);
  }

  @Test
  void aFullCache_startsOver_andStaysCorrect() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < StemCache.MAX_WORDS + 500; i++) {
      sb.append(letters(i)).append("ings ");
    }
    String s = sb.toString();
    StemCache cache = new StemCache();
    List<String> viaCache = new ArrayList<>();
    try (WhitespaceTokenizer source = new WhitespaceTokenizer();
        TokenStream ts = cache.after(new KStemFilter(cache.before(source)))) {
      source.setReader(new StringReader(s));
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        viaCache.add(t.toString());
        assertThat(cache.size()).isLessThanOrEqualTo(StemCache.MAX_WORDS);
      }
      ts.end();
    }
    assertThat(cache.size()).isBetween(1, 1_000); // started over once, then filled again
    List<String> plain = new ArrayList<>();
    try (WhitespaceTokenizer source = new WhitespaceTokenizer();
        TokenStream ts = new KStemFilter(source)) {
      source.setReader(new StringReader(s));
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        plain.add(t.toString());
      }
      ts.end();
    }
    assertThat(viaCache).isEqualTo(plain).hasSize(StemCache.MAX_WORDS + 500);
  }

  /** A distinct lower-case word for every number. */
  private static String letters(int n) {
    StringBuilder sb = new StringBuilder();
    int x = n;
    do {
      sb.append((char) ('a' + x % 26));
      x /= 26;
    } while (x > 0);
    return sb.toString();
  }
}
