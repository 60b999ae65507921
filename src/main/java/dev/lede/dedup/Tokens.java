package dev.lede.dedup;

import java.util.Arrays;

/**
 * Splits text into word tokens (runs of letters and digits; an apostrophe inside a word ends it, so
 * "Lohan's" gives "lohan" and "s") and remembers for each token where it is, whether it starts with
 * a capital letter, whether it holds a digit, and whether it starts or ends a sentence (a line
 * break, or {@code . ! ?} followed by a space). Flat int arrays, no object per token: this runs for
 * every ingested article.
 */
final class Tokens {
  static final int CAPITAL = 1;
  static final int DIGIT = 2;
  static final int SENTENCE_START = 4;
  static final int SENTENCE_END = 8;

  private final CharSequence text;
  private int[] start = new int[256];
  private int[] end = new int[256];
  private int[] flags = new int[256];
  private int size;

  private Tokens(CharSequence text) {
    this.text = text;
  }

  /** Tokens of the lines, each line starting a sentence; at most {@code maxTokens}. */
  static Tokens of(Iterable<String> lines, int maxTokens) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    Tokens t = new Tokens(sb);
    t.scan(maxTokens);
    return t;
  }

  /** Tokens of one text (line breaks start sentences). */
  static Tokens of(String text, int maxTokens) {
    Tokens t = new Tokens(text);
    t.scan(maxTokens);
    return t;
  }

  private void scan(int maxTokens) {
    boolean sentenceStart = true;
    int i = 0;
    int n = text.length();
    while (i < n && size < maxTokens) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (c == '\n') {
          sentenceStart = true;
          markEnd();
        } else if ((c == '.' || c == '!' || c == '?') && followedBySpace(i + 1)) {
          sentenceStart = true;
          markEnd();
        }
        i++;
        continue;
      }
      int s = i;
      int f = Character.isUpperCase(c) ? CAPITAL : 0;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        if (Character.isDigit(text.charAt(i))) {
          f |= DIGIT;
        }
        i++;
      }
      if (sentenceStart) {
        f |= SENTENCE_START;
        sentenceStart = false;
      }
      add(s, i, f);
    }
    markEnd();
  }

  private boolean followedBySpace(int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'' || c == '”' || c == '’' || c == ')') {
        i++;
        continue;
      }
      return Character.isWhitespace(c);
    }
    return true;
  }

  private void markEnd() {
    if (size > 0) {
      flags[size - 1] |= SENTENCE_END;
    }
  }

  private void add(int s, int e, int f) {
    if (size == start.length) {
      start = Arrays.copyOf(start, size * 2);
      end = Arrays.copyOf(end, size * 2);
      flags = Arrays.copyOf(flags, size * 2);
    }
    start[size] = s;
    end[size] = e;
    flags[size] = f;
    size++;
  }

  int size() {
    return size;
  }

  int flags(int i) {
    return flags[i];
  }

  boolean has(int i, int flag) {
    return (flags[i] & flag) != 0;
  }

  int length(int i) {
    return end[i] - start[i];
  }

  /** Hash of token {@code i}, lower-cased. */
  long hash(int i) {
    return Hashing.lower(text, start[i], end[i]);
  }

  /** Token {@code i} as written. */
  String raw(int i) {
    return text.subSequence(start[i], end[i]).toString();
  }
}
