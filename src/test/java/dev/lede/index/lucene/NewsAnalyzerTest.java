package dev.lede.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class NewsAnalyzerTest {
  private final Analyzer text = new NewsAnalyzer(true);
  private final Analyzer names = new NewsAnalyzer(false);

  private static List<String> tokens(Analyzer a, String s) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", s)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            t + "/" + inc.getPositionIncrement() + "@" + off.startOffset() + "-" + off.endOffset());
      }
      ts.end();
    }
    return out;
  }

  private static List<String> terms(Analyzer a, String s) throws IOException {
    return tokens(a, s).stream().map(x -> x.substring(0, x.indexOf('/'))).toList();
  }

  @Test
  void designationsAreSplit_withTheJoinedFormStackedOnTheFirstPart() throws IOException {
    assertThat(tokens(text, "F-16 jets"))
        .containsExactly("f/1@0-1", "f16/0@0-4", "16/1@2-4", "jet/1@5-9");
    assertThat(terms(text, "Covid-19 and 24/7"))
        .containsExactly("covid", "covid19", "19", "24", "247", "7");
  }

  @Test
  void groupedNumbersLoseTheirSeparators_decimalsStay() throws IOException {
    assertThat(terms(text, "4,700 people, 1,234,567.8 tonnes, 3.5 percent"))
        .containsExactly("4700", "people", "1234567.8", "tonne", "3.5", "percent");
  }

  @Test
  void possessivesAcronymsAndTypographicApostrophes() throws IOException {
    assertThat(terms(text, "Trump’s U.S. visit; the minister's speech"))
        .containsExactly("trump", "us", "visit", "minister", "speech");
  }

  @Test
  void accentsFoldAndCaseFolds() throws IOException {
    assertThat(terms(names, "José Dirceu ÉLYSÉE")).containsExactly("jose", "dirceu", "elysee");
  }

  @Test
  void runningTextIsStemmedConservatively_namesAreNot() throws IOException {
    assertThat(terms(text, "The elections reports News Williams"))
        .containsExactly("election", "report", "news", "williams");
    assertThat(terms(names, "The Elections")).containsExactly("the", "elections");
  }

  @Test
  void hostsAndCompanyNamesStayWhole() throws IOException {
    assertThat(terms(text, "AT&T told bbc.co.uk")).containsExactly("at&t", "told", "bbc.co.uk");
  }
}
