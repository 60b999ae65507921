package dev.lede.index.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what a stemmer made of each word, so the stemmer runs once per distinct word instead of
 * once per occurrence. News vocabulary is Zipfian: a few thousand words make up most tokens, and
 * KStem (a dictionary lookup plus suffix rules for every token) was 13% of all ingest CPU samples.
 *
 * <p>Two filters around the stemmer share one cache: {@link #before} looks the word up and, on a
 * hit, writes the stem and marks the token as a keyword, which every Lucene stemmer leaves alone;
 * on a miss it remembers the word. {@link #after} stores what the stemmer made of a remembered word
 * and clears the keyword mark again. The output is the stemmer's own, token for token (the cache
 * never guesses), which {@code StemCacheTest} checks against the plain chain over real text.
 *
 * <p>One cache per token-stream chain: Lucene's analyzers reuse a chain per thread, so the cache is
 * thread-confined and needs no locks. It holds at most {@link #MAX_WORDS} words and starts over
 * when full, bounding memory on odd input (number-heavy tables, other languages).
 */
final class StemCache {
  static final int MAX_WORDS = 50_000;

  /** Words no longer than this are cached; longer ones are rare and go to the stemmer. */
  private static final int MAX_LENGTH = 24;

  private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);

  /** The word the stemmer is about to see, when it was not in the cache. */
  private final char[] pending = new char[MAX_LENGTH];

  private int pendingLength = -1;
  private boolean hit;

  TokenFilter before(TokenStream in) {
    return new Before(in);
  }

  TokenFilter after(TokenStream stemmed) {
    return new After(stemmed);
  }

  int size() {
    return stems.size();
  }

  private final class Before extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    Before(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      hit = false;
      pendingLength = -1;
      if (keyword.isKeyword()) {
        return true; // someone before us protects it: neither stemmed nor cached
      }
      int len = term.length();
      if (len > MAX_LENGTH) {
        return true;
      }
      char @Nullable [] stem = stems.get(term.buffer(), 0, len);
      if (stem != null) {
        term.copyBuffer(stem, 0, stem.length);
        keyword.setKeyword(true);
        hit = true;
      } else {
        System.arraycopy(term.buffer(), 0, pending, 0, len);
        pendingLength = len;
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      hit = false;
      pendingLength = -1;
    }
  }

  private final class After extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    After(TokenStream stemmed) {
      super(stemmed);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (hit) {
        keyword.setKeyword(false);
      } else if (pendingLength >= 0) {
        if (stems.size() >= MAX_WORDS) {
          stems.clear();
        }
        char[] word = new char[pendingLength];
        System.arraycopy(pending, 0, word, 0, pendingLength);
        char[] stem = new char[term.length()];
        System.arraycopy(term.buffer(), 0, stem, 0, stem.length);
        stems.put(word, stem);
      }
      hit = false;
      pendingLength = -1;
      return true;
    }
  }
}
