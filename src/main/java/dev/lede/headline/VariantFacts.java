package dev.lede.headline;

import java.util.ArrayList;
import java.util.List;

/** A proposed headline, tokenised once for the guard's checks. */
final class VariantFacts {
  final String text;
  final List<Text.Token> tokens;
  final List<String> stems = new ArrayList<>();
  final boolean titleCase;
  final boolean hedged;
  final List<Quantities.Quantity> quantities;

  VariantFacts(String raw) {
    text = Text.normalise(raw).strip();
    tokens = Text.tokens(text);
    titleCase = ArticleFacts.titleCase(text);
    boolean h = text.contains("?");
    for (int i = 0; i < tokens.size(); i++) {
      Text.Token t = tokens.get(i);
      stems.add(Text.stem(t.lower()));
      if (Lexicon.HEDGES.contains(t.lower()) && !ArticleFacts.month(tokens, i)) {
        h = true;
      }
    }
    hedged = h;
    quantities = Quantities.find(text);
  }

  /** True if token {@code i} is a word (not a number or an identifier with digits). */
  boolean word(int i) {
    String t = tokens.get(i).text();
    for (int k = 0; k < t.length(); k++) {
      if (Character.isDigit(t.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Index ranges of clauses: split at commas, semicolons, colons and question marks. */
  int clauseEnd(int from) {
    for (int i = from; i < tokens.size(); i++) {
      int end = tokens.get(i).start() + tokens.get(i).text().length();
      if (end < text.length() && ",;:?".indexOf(text.charAt(end)) >= 0) {
        return i + 1;
      }
    }
    return tokens.size();
  }

  int clauseStart(int at) {
    for (int i = at - 1; i >= 0; i--) {
      int end = tokens.get(i).start() + tokens.get(i).text().length();
      if (end < text.length() && ",;:?".indexOf(text.charAt(end)) >= 0) {
        return i + 1;
      }
    }
    return 0;
  }
}
