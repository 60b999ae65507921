package dev.lede.index.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.classic.ClassicFilter;
import org.apache.lucene.analysis.classic.ClassicTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * English analysis for news text, in small steps:
 *
 * <ol>
 *   <li>typographic apostrophes and hyphens become ASCII ones (news copy is full of ’ and ‑), so
 *       "Trump’s" is treated like "Trump's" ({@link TypographyCharFilter});
 *   <li>{@link ClassicTokenizer} rather than the UAX#29 standard tokenizer: it keeps product-style
 *       designations ("F-16", "Covid-19", "4,700", "24/7") as single number tokens, recognises
 *       acronyms ("U.S.") and possessives, hosts and e-mail addresses;
 *   <li>{@link ClassicFilter} drops possessive 's and the dots of acronyms ("U.S." → "US");
 *   <li>{@link NumberCompoundFilter} makes those numbers findable in every spelling;
 *   <li>ASCII folding and lower case, so "José", "Jose" and "JOSE" match: names arrive with and
 *       without diacritics depending on the wire service;
 *   <li>for running text only: English stop words, then the KStem stemmer. KStem is chosen over
 *       Porter because it is dictionary-based and conservative: it conflates regular inflections
 *       (elections → election, reports → report) but leaves words it knows alone, among them many
 *       names and their look-alikes ("News" and "Williams" stay; Porter makes them "new" and
 *       "william", so a search for "new" would find every "News").
 * </ol>
 *
 * Names (bylines) use the same chain without stop words and stemming.
 */
final class NewsAnalyzer extends Analyzer {
  private final boolean runningText;

  /**
   * @param runningText true for article text (stop words and stemming), false for names
   */
  NewsAnalyzer(boolean runningText) {
    this.runningText = runningText;
  }

  @Override
  protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
    return new TypographyCharFilter(reader);
  }

  @Override
  protected java.io.Reader initReaderForNormalization(String fieldName, java.io.Reader reader) {
    return new TypographyCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new ClassicTokenizer();
    TokenStream s = new ClassicFilter(source);
    s = new NumberCompoundFilter(s);
    s = new ASCIIFoldingFilter(s);
    s = new LowerCaseFilter(s);
    if (runningText) {
      s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      s = new KStemFilter(s);
    }
    return new TokenStreamComponents(source, s);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(new ASCIIFoldingFilter(in));
  }
}
