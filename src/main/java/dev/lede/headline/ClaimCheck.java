package dev.lede.headline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Claims the article does not make: superlatives and intensifiers it does not use (or uses only
 * negated, "not ... a world record"), and content words it does not support at all — the seed
 * page's "Impact on Bourbon Lovers and Local Economy". A few unsupported words are allowed
 * (headlines paraphrase: "fiery" for "fire"); an unknown capitalised word in a title-cased headline
 * weighs double, since it may be a name.
 */
final class ClaimCheck {
  private ClaimCheck() {}

  /** Novelty score at which a variant is rejected (one point a word, two an unknown name). */
  static final int NOVELTY_LIMIT = 3;

  /** Words any headline may use without the article's say-so. */
  private static final Set<String> GENERIC =
      Set.of(
          "including",
          "still",
          "new",
          "study",
          "studies",
          "report",
          "reports",
          "says",
          "say",
          "said",
          "first",
          "latest",
          "now",
          "again",
          "yet",
          "non",
          "ahead",
          "amid",
          "year",
          "years",
          "day",
          "days",
          "week",
          "weeks",
          "people",
          "how",
          "why",
          "what",
          "who",
          "where",
          "when",
          "here",
          "get",
          "gets",
          "set",
          "sets",
          "make",
          "makes",
          "made",
          "take",
          "takes",
          "dies",
          "dead",
          "die",
          "killed",
          "kills");

  private static final Set<String> NEGATIONS =
      Set.of("not", "no", "never", "n't", "nor", "without");

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    for (int i = 0; i < v.tokens.size(); i++) {
      String l = v.tokens.get(i).lower();
      if (Lexicon.intensifier(l) && !intensifierSupported(a, v, l)) {
        reasons.add("adds '" + v.tokens.get(i).text() + "', which the article does not say");
      } else if (l.indexOf('-') > 0 && !a.hasPhrase(l)) {
        // "longest-serving", "best-selling": the superlative inside a compound
        for (String part : l.split("-")) {
          if (Lexicon.intensifier(part) && !intensifierSupported(a, v, part)) {
            reasons.add("adds '" + v.tokens.get(i).text() + "', which the article does not say");
            break;
          }
        }
      }
    }
    int score = 0;
    List<String> novel = new ArrayList<>();
    for (int i = 0; i < v.tokens.size(); i++) {
      Text.Token t = v.tokens.get(i);
      String l = ArticleFacts.stripPossessive(t.lower());
      if (!v.word(i)
          || !Text.content(l)
          || l.length() < 3
          || Lexicon.intensifier(l)
          || GENERIC.contains(l)
          || !Quantities.find(l).isEmpty()) {
        continue;
      }
      if (known(a, l, v.stems.get(i))) {
        continue;
      }
      if (t.capitalised() && NameCheck.supported(a, l, t)) {
        continue;
      }
      novel.add(t.text());
      score += v.titleCase && t.capitalised() && !t.sentenceStart() ? 2 : 1;
    }
    if (score >= NOVELTY_LIMIT) {
      reasons.add("says things the article does not support: " + String.join(", ", novel));
    }
  }

  static boolean known(ArticleFacts a, String lower, String stem) {
    if (a.allStems.contains(stem) || a.allWords.contains(lower) || Lexicon.HEDGES.contains(lower)) {
      return true;
    }
    Set<String> syn = Lexicon.SYNONYMS.get(stem);
    if (syn != null) {
      for (String s : syn) {
        if (a.allStems.contains(s)) {
          return true;
        }
      }
    }
    if (lower.contains("-")) {
      for (String part : lower.split("-")) {
        if (!part.isEmpty() && !known(a, part, Text.stem(part))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean intensifierSupported(ArticleFacts a, VariantFacts v, String word) {
    for (ArticleFacts.Sentence s : a.sentences) {
      List<Text.Token> tk = s.tokens();
      for (int i = 0; i < tk.size(); i++) {
        if (!tk.get(i).lower().equals(word)) {
          continue;
        }
        boolean negated = false;
        for (int k = Math.max(0, i - 8); k < i; k++) {
          if (NEGATIONS.contains(tk.get(k).lower())) {
            negated = true;
          }
        }
        if (!negated && sharesContent(s, v, word) && scopeIn(s, v, word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True if the sentence shares a content stem with the variant besides {@code except}. */
  static boolean sharesContent(ArticleFacts.Sentence s, VariantFacts v, String except) {
    for (int i = 0; i < v.tokens.size(); i++) {
      String l = v.tokens.get(i).lower();
      if (!l.equals(except) && Text.content(l) && s.stems().contains(v.stems.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> SCOPE_OPENERS = Set.of("of", "in", "since", "on");

  /**
   * The scope a variant gives its superlative ("deadliest attack of the war", "largest since 1990")
   * must be in the article sentence that has the superlative: "the deadliest since an assault in
   * Ghazni" does not support "deadliest of the war". The scope is what follows the first "of",
   * "in", "since" or "on" within three words after the superlative, up to punctuation; each of its
   * content words (or a number) must be in the sentence (eighth round).
   */
  private static boolean scopeIn(ArticleFacts.Sentence s, VariantFacts v, String word) {
    int n = v.tokens.size();
    for (int i = 0; i < n; i++) {
      if (!v.tokens.get(i).lower().equals(word)) {
        continue;
      }
      int open = -1;
      for (int j = i + 1; j < Math.min(n, i + 4) && !punctuated(v, j); j++) {
        if (SCOPE_OPENERS.contains(v.tokens.get(j).lower())) {
          open = j;
          break;
        }
      }
      if (open < 0) {
        continue;
      }
      for (int j = open + 1; j < n && !punctuated(v, j); j++) {
        String l = ArticleFacts.stripPossessive(v.tokens.get(j).lower());
        if (!Text.content(l) || l.length() < 3) {
          continue;
        }
        if (!s.stems().contains(v.stems.get(j))
            && !s.stems().contains(Text.stem(l))
            && !s.text().toLowerCase(java.util.Locale.ROOT).contains(l)) {
          return false;
        }
      }
    }
    return true;
  }

  /** True if punctuation stands between token {@code j} and the one before it. */
  private static boolean punctuated(VariantFacts v, int j) {
    Text.Token prev = v.tokens.get(j - 1);
    int from = prev.start() + prev.text().length();
    int to = v.tokens.get(j).start();
    if (from < 0 || to > v.text.length() || from > to) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = v.text.charAt(k);
      if (c == ','
          || c == ';'
          || c == ':'
          || c == '.'
          || c == '?'
          || c == '!'
          || c == '('
          || c == '\u2013'
          || c == '\u2014') {
        return true;
      }
    }
    return false;
  }
}
