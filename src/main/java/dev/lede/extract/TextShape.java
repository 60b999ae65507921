package dev.lede.extract;

/**
 * The shape of a line of text, independent of its words: how many words, how it ends, whether it
 * reads like a headline, a label or running prose. Text dumps carry no markup, so shape is most of
 * what tells a headline ("no final full stop, a dozen words"), a teaser excerpt ("cut with an
 * ellipsis") and a paragraph ("sentences ending in a full stop") apart.
 */
final class TextShape {
  private static final String CLOSERS = "\"'”’»›)]";

  private TextShape() {}

  /** Whitespace-separated tokens that hold a letter or a digit. */
  static int words(String s) {
    int n = 0;
    boolean inWord = false;
    boolean hasAlnum = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (inWord && hasAlnum) {
          n++;
        }
        inWord = false;
        hasAlnum = false;
      } else {
        inWord = true;
        hasAlnum |= Character.isLetterOrDigit(c);
      }
    }
    return inWord && hasAlnum ? n + 1 : n;
  }

  /** The line without closing quotes and brackets at its end. */
  static String withoutClosers(String s) {
    int end = s.length();
    while (end > 0 && CLOSERS.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Ends with an ellipsis ("…" or "..."), possibly inside closing quotes or brackets. */
  static boolean endsWithEllipsis(String s) {
    String t = withoutClosers(s.strip());
    return t.endsWith("…") || t.endsWith("...");
  }

  /** Ends a sentence: a final '.', '!' or '?' (not an ellipsis), possibly before closers. */
  static boolean endsSentence(String s) {
    String t = withoutClosers(s);
    if (t.isEmpty() || t.endsWith("...") || t.endsWith("…")) {
      return false;
    }
    char c = t.charAt(t.length() - 1);
    return c == '.' || c == '!' || c == '?';
  }

  /** Ends with a full stop (not '?', '!' or an ellipsis). */
  static boolean endsWithStop(String s) {
    String t = withoutClosers(s);
    return t.endsWith(".") && !t.endsWith("...");
  }

  /** Ends with a character that continues the text: ',', ';', ':', '-', '–', '—'. */
  static boolean endsOpen(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(s.length() - 1);
    return c == ',' || c == ';' || c == ':' || c == '-' || c == '–' || c == '—';
  }

  /** Starts with a capital letter, a digit, a quote or a currency sign. */
  static boolean startsLikeTitle(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        return Character.isUpperCase(c) || Character.isTitleCase(c) || !Character.isLowerCase(c);
      }
      if (Character.isDigit(c) || c == '$' || c == '£' || c == '€') {
        return true;
      }
      if ("\"'“‘«¿¡(".indexOf(c) < 0) {
        return false;
      }
    }
    return false;
  }

  /**
   * Reads like a headline: 2–30 words, at most 250 characters, starting like a title, not ending
   * with a full stop, an ellipsis or a continuing character ('?' and '!' are allowed).
   */
  static boolean headlineLike(String s) {
    int w = words(s);
    return w >= 2
        && w <= 30
        && s.length() <= 250
        && startsLikeTitle(s)
        && !endsWithStop(s)
        && !endsWithEllipsis(s)
        && !endsOpen(s);
  }

  /**
   * Running prose: a sentence of eight or more words, or a line of thirty or more words that reads
   * like text (at least 40% of its words in lower case; a menu of names does not).
   */
  static boolean prose(String s) {
    int w = words(s);
    return (w >= 8 && endsSentence(s)) || (w >= 30 && lowerCaseWords(s) * 10 >= w * 4);
  }

  /** Words that start with a lower-case letter. */
  static int lowerCaseWords(String s) {
    int n = 0;
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        start = true;
      } else if (start) {
        n += Character.isLowerCase(c) ? 1 : 0;
        start = false;
      }
    }
    return n;
  }

  /** A short label such as a section name: one to four words, no sentence punctuation. */
  static boolean label(String s) {
    int w = words(s);
    return w >= 1 && w <= 4 && s.length() <= 40 && !endsSentence(s) && !endsWithEllipsis(s);
  }
}
