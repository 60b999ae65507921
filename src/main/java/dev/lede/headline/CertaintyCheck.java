package dev.lede.headline;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tense and certainty. The article states each word at a level (see {@link ArticleFacts#level}): 0
 * as fact, 1 as plan or future ("to expel", "will buy"), 2 hedged ("may spread", "suspected leak").
 * A variant without any hedge of its own (no "may", "could", "suggests", no question) must not
 * state a word more firmly than the article ever does: "may dazzle" must not become "dazzles",
 * "voted to expel" must not become "expels", "could cause" must not become "will cause". "Will V"
 * needs the article's own "will V" or "is to V"; settled-finding words ("proves", "confirms") and
 * outcomes ("convicted", "sentenced") need the article's own.
 *
 * <p>Levels are per word, so a verb the article states of one agent ("the House confirmed him")
 * would support it of another ("Senate confirms"). Where the article has the variant's agent with
 * that verb, and every such use is negated ("the Senate had not confirmed him") or conditional ("if
 * the Senate confirms me") or only planned or hedged ("Honcharuk's offer to resign"), the variant's
 * plain statement is rejected (eighth round).
 */
final class CertaintyCheck {
  private CertaintyCheck() {}

  private static final Set<String> TITLE_HARDENERS = Set.of("caused", "causes", "cause", "will");

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    int n = v.tokens.size();
    for (int i = 0; i < n; i++) {
      Text.Token t = v.tokens.get(i);
      String l = t.lower();
      String st = v.stems.get(i);
      if (l.equals("will") && !v.hedged) {
        int j = nextContent(v, i + 1);
        if (j >= 0 && !statedAsFuture(a, v.stems.get(j))) {
          reasons.add(
              "says 'will "
                  + v.tokens.get(j).text()
                  + "'; the article does not state it as settled");
          continue;
        }
      }
      if (Lexicon.HARDENERS.contains(l) && !a.allStems.contains(st)) {
        reasons.add("says '" + t.text() + "'; the article does not");
        continue;
      }
      if (Lexicon.OUTCOMES.contains(l) && a.level(st) > 0 && !v.hedged) {
        reasons.add("states '" + t.text() + "' as done; the article does not report it so");
        continue;
      }
      if (Lexicon.OUTCOMES.contains(l) && !a.allStems.contains(st) && !sameClassStated(a, l)) {
        reasons.add("states '" + t.text() + "', which the article does not report");
        continue;
      }
      if (v.hedged || !v.word(i) || !Text.content(l) || t.capitalised() && !t.sentenceStart()) {
        continue;
      }
      if (!a.minLevel.containsKey(st) || Lexicon.intensifier(l)) {
        continue;
      }
      if (i > 0 && nounModifier(v, i - 1)
          || objectOfHeadlineVerb(v, i) && a.minLevel.containsKey(v.stems.get(i - 1))) {
        // "Two Ebola drugs save lives", "Pierluisi takes oath": a noun, whose certainty is its
        // verb's, which is checked itself (so the verb must be one the article uses).
        continue;
      }
      int mine = ArticleFacts.level(v.tokens, i);
      if (mine == 0 && headlineFuture(v, i)) {
        mine = 1; // "Academy to award prize", "prize to be awarded": planned, as "will award" is
      }
      int theirs = a.level(st);
      if (mine < theirs) {
        reasons.add(
            "states '"
                + t.text()
                + "' more firmly than the article, which has it only as "
                + (theirs == 2 ? "possible, reported or alleged" : "planned or intended"));
      }
    }
    weakened(a, v, reasons);
    deniedToAgent(a, v, reasons);
    if (a.titleHedged && !v.hedged) {
      for (int i = 0; i < n; i++) {
        String l = v.tokens.get(i).lower();
        if (TITLE_HARDENERS.contains(l) || Lexicon.HARDENERS.contains(l)) {
          reasons.add(
              "drops the hedge of the article's headline ('" + a.title + "') and says '" + l + "'");
          break;
        }
      }
    }
  }

  /**
   * True if the article reads a clause whose verb is of the outcome's class ("jails" where the
   * article has "was sentenced ... to life in prison").
   */
  private static boolean sameClassStated(ArticleFacts a, String lower) {
    String cls = Clauses.verbClass(lower);
    if (cls == null) {
      return false;
    }
    for (Clauses.Triple t : a.clauses) {
      if (t.verbClass().equals(cls) && a.level(Text.stem(t.verb())) == 0) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> WEAKENERS =
      Set.of("could", "may", "might", "likely", "possible", "possibly", "faces", "face", "facing");

  /** Stems of verdicts, which a court either has or has not reached. */
  private static final Set<String> OUTCOME_STEMS = new java.util.HashSet<>();

  static {
    for (String o :
        List.of("convicted", "guilty", "sentenced", "jailed", "acquitted", "imprisoned")) {
      OUTCOME_STEMS.add(Text.stem(o));
    }
  }

  /**
   * An outcome the article reports as done ("was sentenced") may not be made a prospect ("could
   * face a life sentence"): the reader is told it is still open. Only where the article never has
   * the outcome as possible or planned itself.
   */
  private static void weakened(ArticleFacts a, VariantFacts v, List<String> reasons) {
    int n = v.tokens.size();
    for (int i = 0; i < n; i++) {
      if (!WEAKENERS.contains(v.tokens.get(i).lower())) {
        continue;
      }
      for (int j = i + 1; j < Math.min(n, i + 5); j++) {
        String st = v.stems.get(j);
        if (OUTCOME_STEMS.contains(st) && a.allStems.contains(st) && onlyStated(a, st)) {
          reasons.add(
              "has '"
                  + v.tokens.get(i).text()
                  + " … "
                  + v.tokens.get(j).text()
                  + "' as a prospect; the article reports it as done");
          return;
        }
      }
    }
  }

  /** True if every use of the stem in the article is stated (level 0), none hedged or planned. */
  private static boolean onlyStated(ArticleFacts a, String stem) {
    for (ArticleFacts.Sentence s : a.sentences) {
      for (int k = 0; k < s.tokens().size(); k++) {
        if (s.levels()[k] > 0 && Text.stem(s.tokens().get(k).lower()).equals(stem)) {
          return false;
        }
      }
    }
    return true;
  }

  /** True if token {@code k} modifies a noun after it: a name inside the headline or a number. */
  private static boolean nounModifier(VariantFacts v, int k) {
    Text.Token t = v.tokens.get(k);
    return t.capitalised() && !t.sentenceStart() && !v.titleCase
        || !Quantities.find(t.text()).isEmpty() && !t.text().contains(":");
  }

  /** True if token {@code i} follows "Name verbs": the object of a present-tense headline verb. */
  private static boolean objectOfHeadlineVerb(VariantFacts v, int i) {
    if (i < 2 || v.titleCase) {
      return false;
    }
    Text.Token verb = v.tokens.get(i - 1);
    Text.Token subject = v.tokens.get(i - 2);
    String vl = verb.lower();
    return !verb.capitalised()
        && vl.length() > 3
        && vl.endsWith("s")
        && !vl.endsWith("ss")
        && Text.content(vl)
        && subject.capitalised()
        && v.word(i - 2);
  }

  private static int nextContent(VariantFacts v, int from) {
    for (int j = from; j < Math.min(v.tokens.size(), from + 3); j++) {
      String l = v.tokens.get(j).lower();
      if (Text.content(l) && !l.endsWith("ly")) {
        return j;
      }
    }
    return -1;
  }

  private static boolean statedAsFuture(ArticleFacts a, String stem) {
    for (ArticleFacts.Sentence s : a.sentences) {
      for (int k = 0; k < s.tokens().size(); k++) {
        if (s.levels()[k] == 1 && Text.stem(s.tokens().get(k).lower()).equals(stem)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> NEGATORS = Set.of("not", "n't", "never");
  private static final Set<String> CONDITIONALS = Set.of("if", "unless", "whether");

  /**
   * "Agent verbs" in the variant, where the article pairs that agent with that verb only negated,
   * in a condition, or at a level above a plain statement. An agent is a capitalised word just
   * before a lower-case verb; the article's uses are those of the verb's stem (not its nouns: "his
   * confirmation") with the agent's stem at most five words before it in one sentence.
   */
  private static void deniedToAgent(ArticleFacts a, VariantFacts v, List<String> reasons) {
    if (v.hedged) {
      return;
    }
    for (int i = 0; i < v.tokens.size(); i++) {
      String l = v.tokens.get(i).lower();
      if (NEGATORS.contains(l) || CONDITIONALS.contains(l) || l.equals("?")) {
        return;
      }
    }
    for (int i = 1; i < v.tokens.size(); i++) {
      Text.Token agent = v.tokens.get(i - 1);
      Text.Token verb = v.tokens.get(i);
      String vl = verb.lower();
      if (!agent.capitalised()
          || !v.word(i - 1)
          || verb.capitalised()
          || !v.word(i)
          || !Text.content(vl)
          || nominal(vl)
          || !a.allStems.contains(v.stems.get(i))
          || i > 1 && countedNoun(v.tokens.get(i - 2))) {
        continue;
      }
      String agentStem = v.stems.get(i - 1);
      String verbStem = v.stems.get(i);
      int[] counts = uses(a, agentStem, verbStem);
      if (counts[0] == 0) {
        // the article never has this agent with the verb: all its uses of the verb
        counts = uses(a, null, verbStem);
      }
      if (counts[0] > 0 && counts[1] == 0) {
        reasons.add(
            "says '"
                + agent.text()
                + " "
                + verb.text()
                + "'; the article has it only negated, as a condition, planned or hedged");
        return;
      }
    }
  }

  /**
   * The article's uses of the verb's stem (with the agent's stem at most five words before it,
   * unless null), and how many of them are plain statements: {uses, plain}.
   */
  private static int[] uses(ArticleFacts a, @Nullable String agentStem, String verbStem) {
    int uses = 0;
    int plain = 0;
    for (ArticleFacts.Sentence s : a.sentences) {
      List<Text.Token> tk = s.tokens();
      for (int k = 1; k < tk.size(); k++) {
        String kl = tk.get(k).lower();
        if (nominal(kl) || !Text.stem(kl).equals(verbStem)) {
          continue;
        }
        boolean withAgent = agentStem == null;
        for (int j = Math.max(0, k - 5); j < k && !withAgent; j++) {
          if (Text.stem(tk.get(j).lower()).equals(agentStem)) {
            withAgent = true;
          }
        }
        if (!withAgent) {
          continue;
        }
        uses++;
        boolean negated = false;
        for (int j = Math.max(0, k - 4); j < k; j++) {
          if (NEGATORS.contains(tk.get(j).lower())) {
            negated = true;
          }
        }
        boolean conditional = false;
        for (int j = Math.max(0, k - 8); j < k; j++) {
          if (CONDITIONALS.contains(tk.get(j).lower())) {
            conditional = true;
          }
        }
        if (!negated && !conditional && s.levels()[k] == 0) {
          plain++;
        }
      }
    }
    return new int[] {uses, plain};
  }

  /** "X to V", "X to be V-ed": the headline's future (eighth round). */
  private static boolean headlineFuture(VariantFacts v, int i) {
    String p1 = i > 0 ? v.tokens.get(i - 1).lower() : "";
    String p2 = i > 1 ? v.tokens.get(i - 2).lower() : "";
    return i > 1 && p1.equals("to") || i > 2 && p1.equals("be") && p2.equals("to");
  }

  /** "Two Ebola drugs", "the Senate vote": after a number or an article, "Name word" is a noun. */
  private static boolean countedNoun(Text.Token before) {
    String l = before.lower();
    return l.equals("the")
        || l.equals("a")
        || l.equals("an")
        || !Quantities.find(before.text()).isEmpty();
  }

  /** A noun made from a verb ("confirmation", "agreement"), which is not the verb's statement. */
  private static boolean nominal(String lower) {
    return lower.endsWith("tion")
        || lower.endsWith("sion")
        || lower.endsWith("ment")
        || lower.endsWith("ance")
        || lower.endsWith("ence");
  }
}
