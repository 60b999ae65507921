package dev.lede.index.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The KStem stemmer with a small memo of its recent answers in front, giving exactly the tokens of
 * a plain {@link KStemFilter}.
 *
 * <p>Why: KStem is dictionary-based; every word costs one or more look-ups in a hash map of about
 * 30,000 separately allocated {@code char[]} keys, and a word it does not know (a name, an
 * inflected form such as "elections") tries several suffix rules, each another look-up. During
 * ingest the indexing chain streams megabytes through the caches, so those look-ups are mostly
 * cache misses: the stemmer was 13 % of all ingest CPU in a JFR profile of {@code lede bench
 * ingest}. News text is Zipfian: a few thousand words make up most of the running text. The memo
 * keeps them in one flat {@code char[]} — one 64-byte row per word, so a hit reads one or two cache
 * lines — and a hit skips the stemmer.
 *
 * <p>How: the memo is a direct-mapped table of {@value #ROWS_DEFAULT} rows of {@value #ROW} chars
 * (256 KB, within a core's L2 cache): row = [key length, stem length, key (≤ {@value #MAX_LEN}
 * chars), stem (≤ {@value #MAX_LEN} chars)]. A new word replaces whatever shared its row, so the
 * memo follows the vocabulary of the text without any bookkeeping. Longer words, words shorter
 * than three chars (KStem leaves them alone at once) and words not starting with a letter a–z
 * bypass the memo. The stemmer itself is not re-implemented: a look-up filter before an unchanged
 * {@link KStemFilter} writes the stem of a hit and marks the token as a keyword, which KStemFilter
 * passes through untouched; a filter after it stores the stem of a miss and clears the mark again.
 * The memo belongs to one analysis chain (one thread), so it needs no locking.
 */
final class CachedKStem {
  static final int ROWS_DEFAULT = 16384;
  private static final int ROW = 32;
  private static final int MAX_LEN = (ROW - 2) / 2;
  private static final int STEM_AT = 2 + MAX_LEN;

  private final char[] rows;
  private final int mask;

  /** Row of the token between the look-up and the store filter; -1 when none is pending. */
  private int pending = -1;

  /** Whether the look-up filter marked the current token as a keyword (a hit). */
  private boolean marked;

  private CachedKStem(int rowCount) {
    if (Integer.bitCount(rowCount) != 1) {
      throw new IllegalArgumentException("rows must be a power of two: " + rowCount);
    }
    this.rows = new char[rowCount * ROW];
    this.mask = rowCount - 1;
  }

  /** KStem over {@code in} with a memo of {@link #ROWS_DEFAULT} rows. */
  static TokenStream stem(TokenStream in) {
    return stem(in, ROWS_DEFAULT);
  }

  /** KStem over {@code in} with a memo of {@code rowCount} rows (a power of two; tests use few). */
  static TokenStream stem(TokenStream in, int rowCount) {
    CachedKStem memo = new CachedKStem(rowCount);
    return new Store(new KStemFilter(new Lookup(in, memo)), memo);
  }

  private int rowOf(char[] term, int len) {
    int h = 0;
    for (int i = 0; i < len; i++) {
      h = 31 * h + term[i];
    }
    h *= 0x9E3779B9;
    return ((h ^ (h >>> 16)) & mask) * ROW;
  }

  /** Writes a remembered stem into the token and marks it; or notes the row a miss goes to. */
  private boolean lookup(CharTermAttribute termAtt) {
    char[] term = termAtt.buffer();
    int len = termAtt.length();
    if (len < 3 || len > MAX_LEN || term[0] < 'a' || term[0] > 'z') {
      pending = -1;
      return false;
    }
    int r = rowOf(term, len);
    if (rows[r] == len && equals(rows, r + 2, term, len)) {
      int stemLen = rows[r + 1];
      char[] buf = termAtt.resizeBuffer(stemLen);
      System.arraycopy(rows, r + STEM_AT, buf, 0, stemLen);
      termAtt.setLength(stemLen);
      pending = -1;
      return true;
    }
    rows[r] = 0; // invalid until the store filter writes the stem
    System.arraycopy(term, 0, rows, r + 2, len);
    rows[r + 1] = (char) len; // the key length, kept here until the stem is known
    pending = r;
    return false;
  }

  /** Remembers the stem KStem gave to the pending word. */
  private void store(CharTermAttribute termAtt) {
    int r = pending;
    pending = -1;
    if (r < 0) {
      return;
    }
    int stemLen = termAtt.length();
    if (stemLen > MAX_LEN) {
      return;
    }
    char keyLen = rows[r + 1];
    System.arraycopy(termAtt.buffer(), 0, rows, r + STEM_AT, stemLen);
    rows[r + 1] = (char) stemLen;
    rows[r] = keyLen;
  }

  private static boolean equals(char[] rows, int at, char[] term, int len) {
    for (int i = 0; i < len; i++) {
      if (rows[at + i] != term[i]) {
        return false;
      }
    }
    return true;
  }

  private static final class Lookup extends TokenFilter {
    private final CachedKStem memo;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    Lookup(TokenStream in, CachedKStem memo) {
      super(in);
      this.memo = memo;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      memo.marked = false;
      if (keyword.isKeyword()) {
        memo.pending = -1; // a keyword from upstream: KStem leaves it alone, so do we
        return true;
      }
      if (memo.lookup(term)) {
        keyword.setKeyword(true);
        memo.marked = true;
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      memo.pending = -1;
      memo.marked = false;
    }
  }

  private static final class Store extends TokenFilter {
    private final CachedKStem memo;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    Store(TokenStream in, CachedKStem memo) {
      super(in);
      this.memo = memo;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (memo.marked) {
        keyword.setKeyword(false);
        memo.marked = false;
      } else {
        memo.store(term);
      }
      return true;
    }
  }
}
