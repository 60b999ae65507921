package dev.lede.headline;

import java.util.List;
import java.util.Set;

/**
 * Who did the notable thing: a rank word ("first", "only", "last") in a variant belongs to the name
 * nearest before it in the same clause ("Colorado becomes first state ..."), and the article must
 * say it of that name — some sentence of the article (headline included) must contain both. A swap
 * of names within the article ("Colorado" where the article's first state is Nevada and Colorado is
 * mentioned elsewhere) passes every lexical check of {@link NameCheck}; this catches the common
 * case where the claim is a rank. A name is a word the article only ever writes capitalised.
 */
final class RoleCheck {
  private RoleCheck() {}

  private static final Set<String> RANKS = Set.of("first", "only", "last", "sole", "lone");

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    for (int i = 0; i < v.tokens.size(); i++) {
      String rank = v.tokens.get(i).lower();
      if (!RANKS.contains(rank)) {
        continue;
      }
      int start = v.clauseStart(i);
      String name = null;
      for (int k = i - 1; k >= start && name == null; k--) {
        String l = ArticleFacts.stripPossessive(v.tokens.get(k).lower());
        if (v.tokens.get(k).capitalised()
            && v.word(k)
            && a.capitalised.contains(l)
            && !a.lowerWords.contains(l)
            && !Text.STOPWORDS.contains(l)) {
          name = l;
        }
      }
      if (name == null) {
        continue;
      }
      String nameStem = Text.stem(name);
      String rankStem = Text.stem(rank);
      boolean together = false;
      for (ArticleFacts.Sentence s : a.sentences) {
        if (s.stems().contains(nameStem) && s.stems().contains(rankStem)) {
          together = true;
          break;
        }
      }
      if (!together) {
        reasons.add("the article does not say '" + rank + "' about '" + name + "' in any sentence");
      }
    }
  }
}
