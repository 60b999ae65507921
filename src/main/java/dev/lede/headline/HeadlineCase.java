package dev.lede.headline;

import java.util.Locale;
import java.util.Set;

/**
 * Headline casing. AP title case capitalises every word but articles, coordinating conjunctions and
 * prepositions of three letters or fewer (AP capitalises "With", "From", "Into") (capitalised still
 * when first, last or after a colon), and both halves of a hyphenated word ("Ten-Year High").
 * Sentence case lowercases all but the first word, words after a colon, acronyms and the names the
 * caller knows (words the article itself capitalises mid-sentence). Words with inner capitals
 * ("McArthur", "iPhone") and acronyms are never changed in either style.
 */
final class HeadlineCase {
  private HeadlineCase() {}

  private static final Set<String> MINOR =
      Set.of(
          "a", "an", "the", "and", "but", "or", "for", "nor", "at", "by", "in", "of", "on", "to",
          "up", "as", "via", "vs", "per", "off", "out", "so", "yet");

  static String apTitle(String s) {
    String[] words = s.strip().split(" ");
    StringBuilder out = new StringBuilder();
    boolean afterColon = true;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean last = i == words.length - 1;
      String lower = bare(w).toLowerCase(Locale.ROOT);
      String cased;
      if (keep(w)) {
        cased = w;
      } else if (!afterColon && !last && MINOR.contains(lower)) {
        cased = w.toLowerCase(Locale.ROOT);
      } else {
        cased = capitaliseParts(w);
      }
      if (i > 0) {
        out.append(' ');
      }
      out.append(cased);
      afterColon = w.endsWith(":") || w.endsWith("?");
    }
    return out.toString();
  }

  static String sentence(String s, Set<String> names) {
    String[] words = s.strip().split(" ");
    StringBuilder out = new StringBuilder();
    boolean start = true;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      String lower = bare(w).toLowerCase(Locale.ROOT);
      String cased;
      if (keep(w) || names.contains(lower)) {
        cased = start ? capitaliseFirst(w) : w;
      } else if (start) {
        cased = capitaliseFirst(w.toLowerCase(Locale.ROOT));
      } else {
        cased = w.toLowerCase(Locale.ROOT);
      }
      if (i > 0) {
        out.append(' ');
      }
      out.append(cased);
      start = w.endsWith(":") || w.endsWith("?") || w.endsWith(".");
    }
    return out.toString();
  }

  /** Acronyms ("NBA", "U.S."), inner capitals ("McArthur"), numbers and symbols stay as written. */
  private static boolean keep(String w) {
    String b = bare(w);
    int upper = 0;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
        if (i > 0 && Character.isLetter(b.charAt(i - 1)) && b.charAt(i - 1) != '\'') {
          return true; // inner capital
        }
      }
    }
    return b.isEmpty()
        || !Character.isLetter(b.charAt(0)) && !Character.isDigit(b.charAt(0))
        || upper >= 2 && b.length() <= 6;
  }

  private static String bare(String w) {
    return w.replaceAll("^[\"'(\\[]+|[\"'),.:;?!\\]]+$", "");
  }

  private static String capitaliseParts(String w) {
    StringBuilder sb = new StringBuilder();
    for (String part : w.split("-", -1)) {
      if (sb.length() > 0) {
        sb.append('-');
      }
      sb.append(capitaliseFirst(part));
    }
    return sb.toString();
  }

  private static String capitaliseFirst(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLetter(c)) {
        return w.substring(0, i) + Character.toUpperCase(c) + w.substring(i + 1);
      }
      if (Character.isDigit(c)) {
        return w;
      }
    }
    return w;
  }
}
