package dev.lede.headline;

import java.util.List;

/**
 * Who speaks each sentence of an article where a quotation runs on past the sentence that names its
 * speaker. News prose names a speaker once and lets the quotation continue:
 *
 * <ul>
 *   <li>{@code The minister said: "We will rebuild. The money is there."}: the quotation opened
 *       after the speaker runs to its closing mark, through later sentences;
 *   <li>{@code "The money is there. We will rebuild," the minister said.}: a quotation whose
 *       closing mark is followed by its speaker is that speaker's from where it opened;
 *   <li>{@code "The money is there," the minister said. "We will rebuild."}: a quotation that
 *       stands alone (no speaker of its own at either end) right after a quotation with a speaker
 *       continues that speaker's words.
 * </ul>
 *
 * <p>{@link #of} gives, for each sentence, the index of the sentence that names its speaker (the
 * sentence itself where none of these applies). Quotation marks are counted per paragraph (a part
 * of the article), so an unbalanced mark cannot hand a whole article to one speaker; a run longer
 * than {@link #MAX_RUN} sentences is not followed. One pass over the characters: linear in the
 * article's length.
 */
final class Voices {
  private Voices() {}

  /** Sentences a quotation may run on for and still be read as one speaker's. */
  static final int MAX_RUN = 8;

  /**
   * For each sentence, the sentence that names its speaker. {@code partStart[i]} is true where
   * sentence {@code i} opens a paragraph (the headline, the description and each block).
   */
  static int[] of(List<ArticleFacts.Sentence> sentences, boolean[] partStart) {
    int n = sentences.size();
    int[] voice = new int[n];
    for (int i = 0; i < n; i++) {
      voice[i] = i;
    }
    int i = 0;
    while (i < n) {
      String t = sentences.get(i).text();
      int first = t.indexOf('"');
      if (first < 0) {
        i++;
        continue;
      }
      int open = runEnd(sentences, partStart, i);
      if (open == i) {
        // quotations closed within the sentence: a wholly quoted sentence after an attributed
        // quotation continues it
        if (wholeQuote(t) && i > 0 && continues(sentences, voice, i - 1)) {
          voice[i] = voice[i - 1];
        }
        i++;
        continue;
      }
      if (open < 0) {
        i++; // never closes within its paragraph or within MAX_RUN sentences: not followed
        continue;
      }
      // a quotation opens in sentence i and closes in sentence `open` (> i)
      int speaker = -1;
      if (attributingOutside(sentences.get(i), false)) {
        speaker = i; // "X said: "A. B. C.""
      } else if (attributingOutside(sentences.get(open), true)) {
        speaker = open; // ""A. B," X said."
      } else if (startsWithMark(t)
          && nothingAfterLast(sentences.get(open).text())
          && i > 0
          && continues(sentences, voice, i - 1)) {
        speaker = voice[i - 1]; // ""A," X said. "B. C."" (or a new paragraph of it)
      }
      if (speaker >= 0) {
        for (int k = i; k <= open; k++) {
          voice[k] = speaker;
        }
      }
      i = open + 1;
    }
    return voice;
  }

  /**
   * True if the quotation of sentence {@code k} has a speaker a following quotation may continue:
   * it is attributed there, or it continues an earlier one.
   */
  private static boolean continues(List<ArticleFacts.Sentence> sentences, int[] voice, int k) {
    return k > 0 && spokenQuote(sentences.get(k)) || voice[k] != k;
  }

  private static boolean startsWithMark(String t) {
    String s = t.strip();
    return !s.isEmpty() && s.charAt(0) == '"';
  }

  /**
   * The sentence where a quotation opened in sentence {@code from} closes; {@code from} itself if
   * every mark of {@code from} is paired; -1 if it does not close within its paragraph and {@link
   * #MAX_RUN} sentences.
   */
  private static int runEnd(List<ArticleFacts.Sentence> sentences, boolean[] partStart, int from) {
    int marks = count(sentences.get(from).text());
    if (marks % 2 == 0) {
      return from;
    }
    for (int k = from + 1; k < sentences.size() && k <= from + MAX_RUN; k++) {
      if (partStart[k]) {
        return -1;
      }
      marks += count(sentences.get(k).text());
      if (marks % 2 == 0) {
        return k;
      }
    }
    return -1;
  }

  private static int count(String t) {
    int c = 0;
    for (int k = 0; k < t.length(); k++) {
      if (t.charAt(k) == '"') {
        c++;
      }
    }
    return c;
  }

  /**
   * True if the sentence is one quotation: two marks, the first opening it, only punctuation after
   * the second.
   */
  private static boolean wholeQuote(String t) {
    String s = t.strip();
    return !s.isEmpty() && s.charAt(0) == '"' && count(s) == 2 && nothingAfterLast(s);
  }

  /** True if no letter or digit follows the sentence's last quotation mark. */
  private static boolean nothingAfterLast(String t) {
    int close = t.lastIndexOf('"');
    if (close < 0) {
      return false;
    }
    for (int k = close + 1; k < t.length(); k++) {
      if (Character.isLetterOrDigit(t.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** True if the sentence holds a quotation and an attributing word outside it. */
  private static boolean spokenQuote(ArticleFacts.Sentence s) {
    return s.text().indexOf('"') >= 0 && attributingOutside(s, false);
  }

  /**
   * True if an attributing word ("said", "told", "according") stands outside quotation marks in the
   * sentence; with {@code afterLast}, only after its last mark. Marks are matched in order, one
   * pass over the tokens and the text.
   */
  private static boolean attributingOutside(ArticleFacts.Sentence s, boolean afterLast) {
    String t = s.text();
    int last = t.lastIndexOf('"');
    int pos = 0;
    boolean inside = false;
    for (Text.Token tk : s.tokens()) {
      while (pos < tk.start() && pos < t.length()) {
        if (t.charAt(pos) == '"') {
          inside = !inside;
        }
        pos++;
      }
      if (afterLast) {
        if (tk.start() > last && attributing(tk.lower())) {
          return true; // after the mark that closes the quotation
        }
        continue;
      }
      if (!inside && attributing(tk.lower())) {
        return true;
      }
    }
    return false;
  }

  private static boolean attributing(String lower) {
    String st = Text.stem(lower);
    return Lexicon.SOURCE_VERBS.contains(lower)
        || Lexicon.ATTRIBUTION.contains(st)
        || st.startsWith("accord")
        || lower.equals("added")
        || lower.equals("adds");
  }
}
