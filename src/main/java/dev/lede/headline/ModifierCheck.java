package dev.lede.headline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Nationality adjectives used as modifiers: in "Irish tourist" or "Greek migrant charity" the
 * adjective says which tourist or charity. Both words may be in the article and still be swapped
 * ("a Canadian tourist" met the officers "at an Irish pub"), which no lexical check sees, and a
 * comparison of the two phrases by their shared common noun ("tourist") would call them alike. Here
 * the name outweighs the common noun: when the article puts another nationality-like adjective
 * before the same noun ("Canadian tourist", "German migrant … charity") and never puts the
 * variant's name near that noun (before it, or after it as in "tourist from Ireland", within a few
 * words), the variant is rejected.
 *
 * <p>Only adjectives of that kind ("Irish", "German", "Roman Catholic", "Pentecostal") are
 * compared: other names before one noun are too often nested (a prison's name and its state,
 * "Greystone prison" / "Oregon prison"; a city and its county, "Los Angeles court" / "Riverside
 * County court"), which would need geography to tell from a swap, and a nation and a city in it
 * describe the same thing ("Polish mayor" for "Gdańsk mayor"). The noun must be a common word of
 * the article that is not an event verb nor used by the article as a verb; one lower-case modifier
 * may stand between the article's adjective and its noun ("German migrant marine rescue charity" is
 * read at "migrant"). A name is a word the article never writes in lower case.
 */
final class ModifierCheck {
  private ModifierCheck() {}

  /** Words near a noun (either side) that count as the article saying the name of it. */
  private static final int NEAR = 4;

  /** Lower-case words allowed between a name and its noun ("criminal" in "X criminal court"). */
  private static final int SKIP = 1;

  private static final Set<String> DEMONYMS_IRREGULAR =
      Set.of("greek", "french", "dutch", "thai", "swiss", "welsh", "czech", "irish", "danish");

  private static final String[] DEMONYM_ENDINGS = {
    "ian", "ean", "ese", "ish", "an", "i", "ic", "al", "ist"
  };

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    int i = 0;
    while (i < v.tokens.size()) {
      if (!name(a, v.tokens.get(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < v.tokens.size() && name(a, v.tokens.get(j + 1)) && !possessive(v, j)) {
        j++;
      }
      int n = j + 1;
      if (n < v.tokens.size()
          && !possessive(v, j)
          && !breakAfter(v.text, v.tokens, j)
          && noun(a, v.tokens.get(n))) {
        List<String> run = runOf(v.tokens, i, j);
        String noun = Text.stem(v.tokens.get(n).lower());
        String other = conflict(a, run, noun);
        if (other != null) {
          reasons.add(
              "the article's "
                  + v.tokens.get(n).lower()
                  + " is '"
                  + other
                  + " "
                  + v.tokens.get(n).lower()
                  + "', not '"
                  + String.join(" ", run)
                  + " "
                  + v.tokens.get(n).lower()
                  + "'");
        }
      }
      i = j + 1;
    }
  }

  /**
   * The article's name before the noun that is not the variant's, if the article never has the
   * variant's name near the noun; null otherwise.
   */
  private static String conflict(ArticleFacts a, List<String> run, String noun) {
    boolean demonym = demonym(run.get(run.size() - 1));
    String other = null;
    boolean titleCased = ArticleFacts.titleCase(a.title);
    for (int si = 0; si < a.sentences.size(); si++) {
      ArticleFacts.Sentence s = a.sentences.get(si);
      List<Text.Token> ts = s.tokens();
      for (int k = 0; k < ts.size(); k++) {
        if (!Text.stem(ts.get(k).lower()).equals(noun)) {
          continue;
        }
        for (int m = Math.max(0, k - NEAR - run.size());
            m < Math.min(ts.size(), k + NEAR + 1);
            m++) {
          if (same(a, run, ArticleFacts.stripPossessive(ts.get(m).lower()))) {
            return null;
          }
        }
        if (ts.get(k).capitalised() || si == 0 && titleCased) {
          continue;
        }
        int e = k - 1;
        int skipped = 0;
        while (e >= 0
            && skipped < SKIP
            && !ts.get(e).capitalised()
            && Text.content(ts.get(e).lower())
            && !ts.get(e).lower().endsWith("s")
            && !breakAfter(s.text(), ts, e)) {
          e--;
          skipped++;
        }
        if (e < 0 || !name(a, ts.get(e)) || breakAfter(s.text(), ts, e)) {
          continue;
        }
        int b = e;
        while (b > 0 && name(a, ts.get(b - 1)) && !breakAfter(s.text(), ts, b - 1)) {
          b--;
        }
        if (ts.get(b).sentenceStart()) {
          continue; // a capital that opens a sentence says nothing
        }
        List<String> theirs = runOf(ts, b, e);
        boolean theirDemonym = demonym(theirs.get(theirs.size() - 1));
        if (demonym && theirDemonym && other == null) {
          other = String.join(" ", theirs);
        }
      }
    }
    return other;
  }

  private static List<String> runOf(List<Text.Token> ts, int from, int to) {
    List<String> run = new ArrayList<>();
    for (int k = from; k <= to; k++) {
      run.add(ArticleFacts.stripPossessive(ts.get(k).lower()));
    }
    return run;
  }

  /** True if the article word is one of the run's words, an alias or a demonym of one. */
  private static boolean same(ArticleFacts a, List<String> run, String word) {
    for (String r : run) {
      if (r.equals(word)
          || NameCheck.demonym(r, word)
          || NameCheck.demonym(word, r)
          || NameCheck.aliases(r).contains(word)) {
        return true;
      }
    }
    if (run.size() == 1 && a.acronyms.contains(run.get(0))) {
      return true; // "NSW" near the noun would be written out: leave acronyms alone
    }
    return false;
  }

  private static boolean name(ArticleFacts a, Text.Token t) {
    if (!t.capitalised()) {
      return false;
    }
    String l = ArticleFacts.stripPossessive(t.lower());
    return Character.isLetter(l.charAt(0))
        && !t.allCaps()
        && l.chars().allMatch(Character::isLetter)
        && !Text.STOPWORDS.contains(l)
        && !a.lowerWords.contains(l)
        && (a.capitalised.contains(l) || demonym(l));
  }

  private static boolean noun(ArticleFacts a, Text.Token t) {
    String l = t.lower();
    if (!Text.content(l)
        || !Character.isLetter(l.charAt(0))
        || !a.lowerWords.contains(l)
        || Clauses.verbClass(l) != null
        || l.endsWith("ed")
        || l.endsWith("ing")) {
      return false;
    }
    String stem = Text.stem(l);
    for (String w : a.lowerWords) {
      if ((w.endsWith("ed") || w.endsWith("ing")) && Text.stem(w).equals(stem)) {
        return false; // the article uses the word as a verb ("declared" for "declares")
      }
    }
    return true;
  }

  private static boolean possessive(VariantFacts v, int k) {
    String l = v.tokens.get(k).lower();
    return l.endsWith("'s") || l.endsWith("'");
  }

  /** True if punctuation (other than a hyphen) follows token {@code k}. */
  private static boolean breakAfter(String text, List<Text.Token> ts, int k) {
    int end = ts.get(k).start() + ts.get(k).text().length();
    int next = k + 1 < ts.size() ? ts.get(k + 1).start() : text.length();
    for (int c = end; c < next && c < text.length(); c++) {
      char ch = text.charAt(c);
      if (!Character.isWhitespace(ch)) {
        return true;
      }
    }
    return false;
  }

  static boolean demonym(String lower) {
    String l = lower.toLowerCase(Locale.ROOT);
    if (DEMONYMS_IRREGULAR.contains(l)) {
      return true;
    }
    for (String e : DEMONYM_ENDINGS) {
      if (l.endsWith(e) && l.length() - e.length() >= 3) {
        return true;
      }
    }
    return false;
  }
}
