package dev.lede.headline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names that take a complement: "Nobel Prize in Physics", "Secretary of State", "House of Commons",
 * "University of Cambridge". The head word ("Prize", "Secretary") is in the article and so is,
 * often, the swapped complement's word (a "chemistry" elsewhere), so neither the name check nor the
 * novelty count sees "Nobel Prize in Chemistry" for the article's "Nobel Prize in Physics". Here,
 * where the variant writes a capitalised head, "of", "in" or "for", and a capitalised complement,
 * and the article writes that head with that preposition only before other complements, the variant
 * is rejected (eighth round). An all-capitals complement counts as the initials of the article's
 * ("President of the US" for "President of the United States"); a complement the article writes in
 * lower case after the head ("Prize in physics") counts as the same, and a complement word the
 * article writes in lower case anywhere is a common word capitalised by the headline's style
 * ("Fiancée of Journalist"), not a name, and is left alone.
 */
final class ComplementCheck {
  private ComplementCheck() {}

  private static final Set<String> PREPOSITIONS = Set.of("of", "in", "for");

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    int n = v.tokens.size();
    for (int i = 0; i + 2 < n; i++) {
      Text.Token head = v.tokens.get(i);
      String prep = v.tokens.get(i + 1).lower();
      if (!head.capitalised() || head.allCaps() || !PREPOSITIONS.contains(prep)) {
        continue;
      }
      int c = i + 2;
      if (v.tokens.get(c).lower().equals("the") && c + 1 < n) {
        c++;
      }
      Text.Token comp = v.tokens.get(c);
      String mine = ArticleFacts.stripPossessive(comp.lower());
      if (!comp.capitalised() || !v.word(c) || a.lowerWords.contains(mine)) {
        continue; // a common word capitalised by the headline's style ("Fiancée of Journalist")
      }
      Set<String> near = new HashSet<>();
      Set<String> theirs = complements(a, head.text(), prep, near);
      if (theirs.isEmpty() || near.contains(mine)) {
        continue;
      }
      if (theirs.contains(mine) || comp.allCaps() && theirs.contains("#" + mine)) {
        continue;
      }
      reasons.add(
          "says '"
              + head.text()
              + " "
              + prep
              + " "
              + comp.text()
              + "'; the article's "
              + head.text()
              + " "
              + prep
              + " is another");
      return;
    }
  }

  /**
   * The first words (lower case) of the capitalised complements the article writes after "head
   * prep" (and "the"), and, prefixed with '#', the initials of the capitalised run there; {@code
   * near} receives the first three words after every "head prep", capitalised or not.
   */
  private static Set<String> complements(
      ArticleFacts a, String head, String prep, Set<String> near) {
    Set<String> out = new HashSet<>();
    for (ArticleFacts.Sentence s : a.sentences) {
      List<Text.Token> tk = s.tokens();
      for (int k = 0; k + 2 < tk.size(); k++) {
        if (!tk.get(k).text().equals(head) || !tk.get(k + 1).lower().equals(prep)) {
          continue;
        }
        int c = k + 2;
        if (tk.get(c).lower().equals("the") && c + 1 < tk.size()) {
          c++;
        }
        for (int j = c; j < Math.min(tk.size(), c + 3); j++) {
          // "Brother of murdered Pakistani …": a word soon after is the article's too
          near.add(ArticleFacts.stripPossessive(tk.get(j).lower()));
        }
        if (!tk.get(c).capitalised()) {
          continue; // not a name's complement
        }
        out.add(ArticleFacts.stripPossessive(tk.get(c).lower()));
        StringBuilder initials = new StringBuilder("#");
        for (int j = c; j < tk.size() && tk.get(j).capitalised(); j++) {
          initials.append(tk.get(j).lower().charAt(0));
        }
        out.add(initials.toString());
      }
    }
    return out;
  }
}
