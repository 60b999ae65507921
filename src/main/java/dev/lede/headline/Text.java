package dev.lede.headline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Small text helpers shared by the writers and the guard: quote and dash normalisation, word tokens
 * with their character offsets, sentence splitting, and stems (Snowball English, plus a table of
 * irregular verbs so that "said"/"says" or "stole"/"stolen" meet).
 */
final class Text {
  private Text() {}

  /** A word token: its text as written, its start offset, and whether it opens a sentence. */
  record Token(String text, int start, boolean sentenceStart) {
    String lower() {
      return text.toLowerCase(Locale.ROOT);
    }

    boolean capitalised() {
      return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    boolean allCaps() {
      int letters = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isLetter(c)) {
          if (!Character.isUpperCase(c)) {
            return false;
          }
          letters++;
        }
      }
      return letters >= 2;
    }
  }

  // Words (with inner apostrophes, hyphens, dots as in U.S.), or numbers with separators.
  private static final Pattern WORD =
      Pattern.compile(
          "\\p{L}[\\p{L}\\p{M}\\p{N}]*(?:['.\\-][\\p{L}\\p{N}]+)*\\.?|\\p{N}+(?:[.,:]\\p{N}+)*");

  /** Replaces typographic quotes, dashes and spaces with plain ASCII forms. */
  static String normalise(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u2032', '`' -> sb.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB' -> sb.append('"');
        case '\u2010', '\u2011' -> sb.append('-');
        case '\u2012', '\u2013', '\u2014', '\u2015' -> sb.append(" - ");
        case '\u00A0', '\u2009', '\u202F', '\u200D', '\u200B' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The word tokens of a (normalised) text, marking those that start a sentence or segment. */
  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    Matcher m = WORD.matcher(s);
    int last = 0;
    boolean start = true;
    while (m.find()) {
      String gap = s.substring(last, m.start());
      if (!out.isEmpty() && opensSentence(gap, out.get(out.size() - 1).text())) {
        start = true;
      }
      String t = m.group();
      // A trailing dot belongs to the word only for abbreviations such as "U.S." or "Gen.".
      if (t.endsWith(".")
          && !t.substring(0, t.length() - 1).contains(".")
          && !ABBREVIATIONS.contains(t.toLowerCase(Locale.ROOT))) {
        t = t.substring(0, t.length() - 1);
      }
      out.add(new Token(t, m.start(), start));
      start = false;
      last = m.start() + m.group().length();
      if (m.group().endsWith(".") && t.length() == m.group().length() - 1) {
        start = true;
      }
    }
    return out;
  }

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "gen.", "mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "inc.", "corp.", "co.", "ltd.",
          "no.", "gov.", "sen.", "rep.", "lt.", "col.", "sgt.", "capt.", "prof.", "vs.", "mt.");

  private static boolean opensSentence(String gap, String previous) {
    for (int i = 0; i < gap.length(); i++) {
      char c = gap.charAt(i);
      if (c == '!' || c == '?' || c == ':' || c == ';' || c == '\n') {
        return true;
      }
      if (c == '.' && !previous.contains(".")) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?][\"')\\]]?)\\s+(?=[\"'(\\[]?[\\p{Lu}\\p{N}])|\\n+");

  private static final Pattern ENDS_WITH_ABBREVIATION =
      Pattern.compile(
          "(?:\\b\\p{Lu}\\.){1,3}$|\\b(?:Mr|Mrs|Ms|Dr|Gen|St|Jr|Sr|Sen|Rep|Gov|Lt|Col|Prof|Mt|No|Inc"
              + "|Corp|Co|Ltd|vs|Capt|Sgt)\\.$");

  /**
   * Splits running text into sentences (end mark, space, capital or digit), not after abbreviations
   * such as "U.S." or "Gen.".
   */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String s : SENTENCE_END.split(text)) {
      String t = s.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (pending.length() > 0) {
        pending.append(' ');
      }
      pending.append(t);
      if (!ENDS_WITH_ABBREVIATION.matcher(t).find()) {
        out.add(pending.toString());
        pending.setLength(0);
      }
    }
    if (pending.length() > 0) {
      out.add(pending.toString());
    }
    return out;
  }

  private static final Map<String, String> IRREGULAR =
      Map.ofEntries(
          Map.entry("said", "say"),
          Map.entry("says", "say"),
          Map.entry("told", "tell"),
          Map.entry("stole", "steal"),
          Map.entry("stolen", "steal"),
          Map.entry("won", "win"),
          Map.entry("found", "find"),
          Map.entry("left", "leav"),
          Map.entry("leaves", "leav"),
          Map.entry("leaving", "leav"),
          Map.entry("led", "lead"),
          Map.entry("misled", "mislead"),
          Map.entry("made", "make"),
          Map.entry("took", "take"),
          Map.entry("taken", "take"),
          Map.entry("gave", "give"),
          Map.entry("given", "give"),
          Map.entry("began", "begin"),
          Map.entry("begun", "begin"),
          Map.entry("ran", "run"),
          Map.entry("hit", "hit"),
          Map.entry("struck", "strike"),
          Map.entry("fell", "fall"),
          Map.entry("fallen", "fall"),
          Map.entry("died", "die"),
          Map.entry("dies", "die"),
          Map.entry("dead", "die"),
          Map.entry("death", "die"),
          Map.entry("deaths", "die"),
          Map.entry("killed", "kill"),
          Map.entry("caught", "catch"),
          Map.entry("brought", "bring"),
          Map.entry("bought", "buy"),
          Map.entry("sold", "sell"),
          Map.entry("sent", "send"),
          Map.entry("sank", "sink"),
          Map.entry("sunk", "sink"),
          Map.entry("shot", "shoot"),
          Map.entry("held", "hold"),
          Map.entry("met", "meet"),
          Map.entry("rose", "rise"),
          Map.entry("risen", "rise"),
          Map.entry("chose", "choos"),
          Map.entry("chosen", "choos"),
          Map.entry("hurt", "injur"),
          Map.entry("wounded", "injur"),
          Map.entry("injured", "injur"),
          Map.entry("injures", "injur"),
          Map.entry("injuring", "injur"),
          Map.entry("children", "child"),
          Map.entry("men", "man"),
          Map.entry("women", "woman"),
          Map.entry("people", "person"));

  private static final Pattern BRITISH_ISE =
      Pattern.compile("([a-z]{3,}[iy])s(e|ed|es|ing|ation|ations)");

  /** The stem of a lower-case word (irregular forms first, then Snowball English). */
  static String stem(String lower) {
    String w = lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      return irregular;
    }
    // British and American spellings stem alike: "legalised"/"legalized", "analyse"/"analyze".
    Matcher ise = BRITISH_ISE.matcher(w);
    if (ise.matches()) {
      w = ise.group(1) + "z" + ise.group(2);
    }
    EnglishStemmer st = new EnglishStemmer();
    st.setCurrent(w);
    st.stem();
    return st.getCurrent();
  }

  static final Set<String> STOPWORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
          "with", "from", "into", "onto", "up", "down", "off", "out", "about", "as", "than", "that",
          "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being",
          "has", "have", "had", "do", "does", "did", "not", "no", "so", "if", "then", "there",
          "their", "they", "them", "he", "she", "his", "her", "him", "we", "our", "you", "your",
          "i", "me", "my", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
          "all", "any", "some", "more", "other", "such", "only", "also", "very", "just", "can",
          "via", "per", "vs", "amid", "over", "under", "after", "before", "while", "during",
          "against", "between", "among", "through", "without", "within", "near", "en", "route", "s",
          "de", "del", "la", "le", "el", "al", "van", "von", "der", "bin", "du", "da", "dos");

  /** True if the lower-case word carries content (not a function word, not a number). */
  static boolean content(String lower) {
    return !STOPWORDS.contains(lower) && !lower.isEmpty() && !Character.isDigit(lower.charAt(0));
  }
}
