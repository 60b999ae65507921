package dev.lede.index.lucene;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by a local scan of the text: a boundary is the first
 * character of a sentence, after a run of white space that follows a sentence end ({@code .},
 * {@code !}, {@code ?}, perhaps with closing quotes or brackets) and precedes a character that is
 * not a lower-case letter ("U.S. officials" stays one sentence), or after white space holding a
 * line break (a paragraph or list item ends there). Text start and end are boundaries too.
 *
 * <p>Why not the JDK's sentence instance: the highlighter moves around the body with {@link
 * #preceding} and {@link #following} for every passage candidate, and the rule-based iterator
 * re-runs its state machine from a safe point through a {@link CharacterIterator} for each of those
 * calls; on long bodies that was the largest part of a search with snippets (14 % of the CPU of
 * {@code lede bench search} at 100k articles). Here each call looks at the characters between the
 * offset and the boundary it returns, and nothing else. The rules are the simple ones news copy
 * needs; a wrong boundary only makes a snippet start or end at a slightly different place.
 */
final class SentenceBreaks extends BreakIterator {
  private String text = "";
  private int current;

  @Override
  public int first() {
    current = 0;
    return current;
  }

  @Override
  public int last() {
    current = text.length();
    return current;
  }

  @Override
  public int next(int n) {
    int r = current;
    if (n > 0) {
      for (int i = 0; i < n && r != DONE; i++) {
        r = next();
      }
    } else {
      for (int i = 0; i < -n && r != DONE; i++) {
        r = previous();
      }
    }
    return r;
  }

  @Override
  public int next() {
    if (current >= text.length()) {
      return DONE;
    }
    current = after(current);
    return current;
  }

  @Override
  public int previous() {
    if (current <= 0) {
      return DONE;
    }
    current = before(current);
    return current;
  }

  @Override
  public int following(int offset) {
    check(offset);
    if (offset >= text.length()) {
      current = text.length();
      return DONE;
    }
    current = after(offset);
    return current;
  }

  @Override
  public int preceding(int offset) {
    check(offset);
    if (offset <= 0) {
      current = 0;
      return DONE;
    }
    current = before(offset);
    return current;
  }

  @Override
  public boolean isBoundary(int offset) {
    check(offset);
    current = offset;
    return isBoundaryAt(offset);
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public void setText(String newText) {
    text = newText;
    current = 0;
  }

  @Override
  public void setText(CharacterIterator it) {
    StringBuilder sb = new StringBuilder(Math.max(0, it.getEndIndex() - it.getBeginIndex()));
    for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
      sb.append(c);
    }
    setText(sb.toString());
  }

  private void check(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
    }
  }

  /** The first boundary after {@code offset} (the text end at the latest). */
  private int after(int offset) {
    for (int i = offset + 1; i < text.length(); i++) {
      if (isBoundaryAt(i)) {
        return i;
      }
    }
    return text.length();
  }

  /** The last boundary before {@code offset} (the text start at the earliest). */
  private int before(int offset) {
    for (int i = Math.min(offset, text.length()) - 1; i > 0; i--) {
      if (isBoundaryAt(i)) {
        return i;
      }
    }
    return 0;
  }

  private boolean isBoundaryAt(int i) {
    if (i <= 0 || i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    if (!Character.isWhitespace(text.charAt(i - 1)) || Character.isWhitespace(c)) {
      return false;
    }
    int j = i - 1;
    boolean lineBreak = false;
    while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
      char w = text.charAt(j);
      lineBreak |= w == '\n' || w == '\r' || w == '\u2029';
      j--;
    }
    if (lineBreak) {
      return true;
    }
    while (j >= 0 && isCloser(text.charAt(j))) {
      j--;
    }
    if (j < 0) {
      return false;
    }
    char end = text.charAt(j);
    return (end == '.' || end == '!' || end == '?' || end == '…') && !Character.isLowerCase(c);
  }

  private static boolean isCloser(char c) {
    return switch (c) {
      case '"', '\'', ')', ']', '\u201d', '\u2019', '\u00bb' -> true;
      default -> false;
    };
  }

  @Override
  public Object clone() {
    SentenceBreaks copy = (SentenceBreaks) super.clone();
    copy.text = text;
    copy.current = current;
    return copy;
  }
}
