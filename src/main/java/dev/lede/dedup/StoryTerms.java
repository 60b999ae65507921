package dev.lede.dedup;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The four views of an article that story clustering compares (after Miranda et al., EMNLP 2018,
 * who cluster a news stream over separate TF-IDF views of title, body and named entities):
 *
 * <ul>
 *   <li><b>title</b>: the headline's content words (binary);
 *   <li><b>body</b>: the body's content words, {@code 1 + ln(tf)};
 *   <li><b>entities</b>: capitalised words inside sentences and runs of two of them ("betty ford"),
 *       and sentence-initial words that also occur capitalised inside a sentence — a cheap stand-in
 *       for named-entity recognition that needs no model;
 *   <li><b>numbers</b>: tokens with digits and each followed by its next word ("90 day", "20 13").
 * </ul>
 *
 * The body, entity and number views read the headline as well as the body (a headline-only article
 * is still clustered by its words); a Title Case headline gives entities only for the words the
 * body writes with a capital inside a sentence.
 *
 * <p>Entities and numbers are what tells two similar events apart: two rehab stories share "rehab",
 * "actress" and "treatment" but not "Lohan", "Betty Ford" or "2013". Words are lower-cased, stop
 * words dropped and plurals folded with Harman's S-stemmer (1991): a light stemmer keeps names
 * intact. Each view hashes its terms with its own seed, so a word is a different term in each view
 * (and counts separately in document frequencies). Weights here are term frequencies only; {@link
 * StoryClusterer} applies IDF.
 */
record StoryTerms(
    TermVector title, TermVector body, TermVector entities, TermVector numbers, int year) {
  static final int TITLE = 0;
  static final int BODY = 1;
  static final int ENTITIES = 2;
  static final int NUMBERS = 3;
  static final int VIEWS = 4;
  private static final long[] SEED = {0x7171e5L, 0xb0d1L, 0xe171L, 0x9b3bL};

  TermVector view(int v) {
    return switch (v) {
      case TITLE -> title;
      case BODY -> body;
      case ENTITIES -> entities;
      default -> numbers;
    };
  }

  static StoryTerms of(CleanText text) {
    return of(text, Tokens.of(text.lines(), Fingerprinter.MAX_TOKENS), 0);
  }

  /**
   * The views of a text whose body lines are already tokenised; {@code year} is the latest year the
   * article names ({@link #latestYear(Article, Instant)}), 0 if none.
   */
  static StoryTerms of(CleanText text, Tokens t, int year) {
    Builder title = new Builder(TITLE);
    Tokens tt = Tokens.of(text.title(), 200);
    for (int i = 0; i < tt.size(); i++) {
      String w = word(tt, i);
      if (w != null) {
        title.add(stem(w), 1);
      }
    }
    Builder body = new Builder(BODY);
    Builder entities = new Builder(ENTITIES);
    Builder numbers = new Builder(NUMBERS);
    Set<String> midSentence = new HashSet<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.has(i, Tokens.CAPITAL) && !t.has(i, Tokens.SENTENCE_START)) {
        midSentence.add(t.raw(i).toLowerCase(Locale.ROOT));
      }
    }
    boolean sentenceCase = sentenceCase(tt);
    if (sentenceCase) {
      for (int i = 0; i < tt.size(); i++) {
        if (tt.has(i, Tokens.CAPITAL) && !tt.has(i, Tokens.SENTENCE_START)) {
          midSentence.add(tt.raw(i).toLowerCase(Locale.ROOT));
        }
      }
    }
    // The headline is part of the text: a headline-only (or one-line) article still has words,
    // entities and numbers to be clustered by. Capitals of a Title Case headline say nothing.
    scan(tt, sentenceCase, midSentence, body, entities, numbers);
    scan(t, true, midSentence, body, entities, numbers);
    return new StoryTerms(
        title.build(true), body.build(false), entities.build(false), numbers.build(false), year);
  }

  private static void scan(
      Tokens t,
      boolean capitalsCount,
      Set<String> midSentence,
      Builder body,
      Builder entities,
      Builder numbers) {
    String prevEntity = null;
    for (int i = 0; i < t.size(); i++) {
      String raw = t.raw(i);
      String lower = raw.toLowerCase(Locale.ROOT);
      if (t.has(i, Tokens.DIGIT)) {
        numbers.add(lower, 1);
        if (i + 1 < t.size() && !t.has(i, Tokens.SENTENCE_END)) {
          String next = t.raw(i + 1).toLowerCase(Locale.ROOT);
          if (!Stopwords.isStop(next)) {
            numbers.add(lower + " " + stem(next), 1);
          }
        }
        prevEntity = null;
        continue;
      }
      String w = word(t, i);
      if (w == null) {
        prevEntity = null;
        continue;
      }
      body.add(stem(w), 1);
      boolean entity =
          capitalsCount
              ? t.has(i, Tokens.CAPITAL)
                  && (!t.has(i, Tokens.SENTENCE_START) || midSentence.contains(lower))
              : midSentence.contains(lower);
      if (entity) {
        entities.add(lower, 1);
        if (prevEntity != null) {
          entities.add(prevEntity + " " + lower, 1);
        }
        prevEntity = t.has(i, Tokens.SENTENCE_END) ? null : lower;
      } else {
        prevEntity = null;
      }
    }
  }

  /**
   * The latest year (a run of exactly four digits from 1900 to 2099, not inside a word or a longer
   * number) an article names in its headline or any text block, 0 when none. The lines that {@link
   * CleanText} leaves out count too: the date and time lines that boilerplate removal drops
   * ("September 18, 2013, 05:31 GMT") are the best evidence of the year an article was written in.
   * Read only when the article is clustered (not for a duplicate check). In news the latest year
   * named is most often the year of the event (older years are background: a career, an earlier
   * case), so two articles naming latest years far apart are most likely about different events of
   * one kind (see {@link StoryClusterer}).
   *
   * <p>Numbers that only look like years do not count: a four-digit run glued to another number by
   * '.', ',' or '-' ("1.2050", "555-2019", "978-3-16-2031-0"; also a range "2012-2013" or an ISO
   * date) and any year after the article's own year + 1 ("by 2050", "the 2030 agenda", "Box 2088",
   * "2048-page"), the own year being that of {@code published}, else of {@code firstSeen} (null:
   * none, then only the 2099 bound applies). The blocks are read up to {@link CleanText#MAX_CHARS}
   * chars in all.
   */
  static int latestYear(Article a, @Nullable Instant firstSeen) {
    Instant own = a.published() != null ? a.published() : firstSeen;
    int max = own == null ? 2099 : Math.min(2099, own.atZone(ZoneOffset.UTC).getYear() + 1);
    int year = latestYear(a.title(), a.title().length(), max);
    int budget = CleanText.MAX_CHARS;
    for (Block b : a.blocks()) {
      if (budget <= 0) {
        break;
      }
      if (b instanceof Block.Image) {
        continue;
      }
      String text = b.text();
      int len = Math.min(text.length(), budget);
      year = Math.max(year, latestYear(text, len, max));
      budget -= len;
    }
    return year;
  }

  /** The latest year a text names (see {@link #latestYear(Article, Instant)}), 0 when none. */
  static int latestYear(CharSequence s) {
    return latestYear(s, s.length(), 2099);
  }

  /** The latest year up to {@code max} in the first {@code n} chars of a text, 0 when none. */
  private static int latestYear(CharSequence s, int n, int max) {
    int year = 0;
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean digits = true;
      // a run that the budget cuts is read whole: "12345" is no year
      while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
        char c = s.charAt(i);
        digits &= c >= '0' && c <= '9';
        i++;
      }
      if (digits && i - start == 4 && !gluedToNumber(s, start, i)) {
        int y =
            (s.charAt(start) - '0') * 1000
                + (s.charAt(start + 1) - '0') * 100
                + (s.charAt(start + 2) - '0') * 10
                + (s.charAt(start + 3) - '0');
        if (y >= 1900 && y <= max) {
          year = Math.max(year, y);
        }
      }
    }
    return year;
  }

  /**
   * Whether the run {@code [start, end)} is part of a longer number: a digit then '.', ',' or '-'
   * directly before it, or '.', ',' or '-' then a digit directly after it. A hyphen that joins it
   * to the rest of a date or a range of years does not: "2013-09-18", "2012-13", "2012-2013" name
   * their years.
   */
  private static boolean gluedToNumber(CharSequence s, int start, int end) {
    if (start >= 2 && joiner(s.charAt(start - 1)) && isDigit(s.charAt(start - 2))) {
      boolean rangeEnd = s.charAt(start - 1) == '-' && yearBefore(s, start - 1);
      if (!rangeEnd) {
        return true;
      }
    }
    if (end + 1 < s.length() && joiner(s.charAt(end)) && isDigit(s.charAt(end + 1))) {
      int next = digitRun(s, end + 1);
      boolean dateOrRange =
          s.charAt(end) == '-'
              && (next == 2 || next == 4 && year(s, end + 1) >= 1900)
              && !gluedAfter(s, end + 1 + next, next == 2);
      return !dateOrRange;
    }
    return false;
  }

  /** Whether exactly four digits naming a year from 1900 end at {@code end} (exclusive). */
  private static boolean yearBefore(CharSequence s, int end) {
    int start = end - 4;
    if (start < 0 || start > 0 && isDigit(s.charAt(start - 1))) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return year(s, start) >= 1900;
  }

  /**
   * Whether another number is glued on at {@code at}: a joiner and a digit, except (when {@code
   * dayMayFollow}) a hyphen and the two digits of a date's day.
   */
  private static boolean gluedAfter(CharSequence s, int at, boolean dayMayFollow) {
    if (at + 1 >= s.length() || !joiner(s.charAt(at)) || !isDigit(s.charAt(at + 1))) {
      return false;
    }
    int day = digitRun(s, at + 1);
    boolean dateDay =
        dayMayFollow && s.charAt(at) == '-' && day == 2 && !gluedAfter(s, at + 3, false);
    return !dateDay;
  }

  /** The length of the run of digits starting at {@code from}. */
  private static int digitRun(CharSequence s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i - from;
  }

  /** The four digits at {@code from} as a number. */
  private static int year(CharSequence s, int from) {
    return (s.charAt(from) - '0') * 1000
        + (s.charAt(from + 1) - '0') * 100
        + (s.charAt(from + 2) - '0') * 10
        + (s.charAt(from + 3) - '0');
  }

  private static boolean joiner(char c) {
    return c == '.' || c == ',' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Whether a headline is written in sentence case ("Lohan checks into Betty Ford"), where a
   * capital inside it marks a name; in Title Case or upper case every word has one.
   */
  private static boolean sentenceCase(Tokens t) {
    int words = 0;
    int capital = 0;
    for (int i = 0; i < t.size(); i++) {
      if (t.has(i, Tokens.SENTENCE_START) || t.has(i, Tokens.DIGIT) || t.length(i) < 4) {
        continue;
      }
      words++;
      if (t.has(i, Tokens.CAPITAL)) {
        capital++;
      }
    }
    return words > 0 && capital * 2 <= words;
  }

  /** The lower-cased token when it is a content word (not a stop word, 2+ letters), else null. */
  private static @Nullable String word(Tokens t, int i) {
    if (t.length(i) < 2 || t.has(i, Tokens.DIGIT)) {
      return null;
    }
    String lower = t.raw(i).toLowerCase(Locale.ROOT);
    return Stopwords.isStop(lower) ? null : lower;
  }

  /** Harman's S-stemmer: ies → y, es → e, s → (nothing), with its exceptions. */
  static String stem(String w) {
    int n = w.length();
    if (n <= 3 || w.charAt(n - 1) != 's') {
      return w;
    }
    if (w.endsWith("ies") && !w.endsWith("eies") && !w.endsWith("aies")) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("es") && !w.endsWith("aes") && !w.endsWith("ees") && !w.endsWith("oes")) {
      return w.substring(0, n - 1);
    }
    if (!w.endsWith("us") && !w.endsWith("ss")) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  /** The id of a term in a view. */
  static int term(int view, String s) {
    return (int) (Hashing.combine(SEED[view], Hashing.of(s)) >>> 32);
  }

  private static final class Builder {
    private final int view;
    private int[] terms = new int[64];
    private float[] counts = new float[64];
    private int n;

    Builder(int view) {
      this.view = view;
    }

    void add(String s, float w) {
      if (n == terms.length) {
        terms = java.util.Arrays.copyOf(terms, n * 2);
        counts = java.util.Arrays.copyOf(counts, n * 2);
      }
      terms[n] = term(view, s);
      counts[n++] = w;
    }

    TermVector build(boolean binary) {
      TermVector tf = TermVector.of(terms, counts, n);
      float[] w = tf.weights.clone();
      for (int i = 0; i < w.length; i++) {
        w[i] = binary ? 1f : (float) (1 + Math.log(w[i]));
      }
      return new TermVector(tf.terms, w);
    }
  }
}
