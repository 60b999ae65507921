package dev.lede.extract;

/**
 * Small text helpers shared by the HTML extraction steps: whitespace normalisation the way a
 * browser renders inline text (runs of spaces, tabs, newlines, no-break and zero-width spaces
 * collapse to one space), and character classes used for length measures.
 *
 * <p>Length is measured in "weighted characters": letters of scripts written without spaces
 * (Chinese, Japanese, Korean, Thai) count three, since one such character carries about as much as
 * a short Latin word's worth of letters. The thresholds of the block classifier are in these units.
 */
final class Texts {
  private Texts() {}

  /** Collapses whitespace runs to single spaces and trims; keeps no newlines. */
  static String normalize(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        space = out.length() > 0;
      } else if (isInvisible(c)) {
        continue;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Collapses whitespace within lines but keeps single line breaks ({@code '\n'} in the input is a
   * hard break, e.g. from {@code <br>}); blank lines and spaces around breaks are removed.
   */
  static String normalizeKeepingBreaks(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '\n') {
        String line = normalize(s.subSequence(start, i));
        if (!line.isEmpty()) {
          if (out.length() > 0) {
            out.append('\n');
          }
          out.append(line);
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\f'
        || c == '\u00a0'
        || c == '\u2007'
        || c == '\u202f'
        || c == '\u3000'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }

  static boolean isInvisible(char c) {
    return c == '\u200b'
        || c == '\u200c'
        || c == '\u200d'
        || c == '\u2060'
        || c == '\ufeff'
        || c == '\u00ad';
  }

  /** True for letters of scripts written without spaces between words. */
  static boolean isDenseScript(char c) {
    return (c >= '\u3040' && c <= '\u30ff') // kana
        || (c >= '\u3400' && c <= '\u4dbf')
        || (c >= '\u4e00' && c <= '\u9fff') // CJK ideographs
        || (c >= '\uac00' && c <= '\ud7af') // Hangul
        || (c >= '\u0e00' && c <= '\u0e7f') // Thai
        || (c >= '\uf900' && c <= '\ufaff');
  }

  /** Weighted length: non-space characters, dense-script letters counting three. */
  static int weightedLength(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c) || isInvisible(c)) {
        continue;
      }
      n += isDenseScript(c) ? 3 : 1;
    }
    return n;
  }

  /** Truncates to at most {@code max} chars without splitting a surrogate pair. */
  static String cap(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
