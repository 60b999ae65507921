package dev.lede.headline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Invented causes and consequences. A variant that links two things ("X after Y", "Y sparks X", "X
 * blamed on Y") must find both sides together in the article — the same sentence or its neighbours
 * — with a word that links them there. "Strong" connectives (cause, spark, blame, because) need a
 * causal word in the article; "weak" ones (after, amid, as, over) any linking or temporal word. The
 * cause side must be mostly found (two thirds of its content words), the effect side at least
 * touched: paraphrase rarely keeps every word, but an invented cause brings words the article never
 * puts beside the effect.
 */
final class CausalCheck {
  private CausalCheck() {}

  private static final Set<String> STRONG_MARKERS =
      Set.of(
          "caus",
          "lead",
          "result",
          "trigger",
          "spark",
          "prompt",
          "blame",
          "respons",
          "attribut",
          "becaus",
          "due",
          "contribut",
          "link",
          "reason",
          "thank",
          "thus",
          "therefor");
  private static final Set<String> SEQUENCE_MARKERS =
      Set.of(
          "after",
          "follow",
          "sinc",
          "then",
          "befor",
          "later",
          "subsequ",
          "when",
          "amid",
          "for",
          "over",
          "reaction",
          "onc",
          "upon");

  /** "Dies of X", "died from X": X is stated as the cause of death. */
  private static final Set<String> DYING = Set.of("dies", "died", "die", "dying", "dead");

  private static final Set<String> DRIVE = Set.of("drive", "drives", "drove", "driven");
  private static final Set<String> MOTION =
      Set.of(
          "into", "through", "across", "onto", "off", "along", "past", "toward", "towards", "home",
          "away", "around", "back");
  private static final Set<String> NOUN_BEFORE_DRIVE =
      Set.of("hard", "flash", "disk", "test", "donation", "recruitment", "fundraising");
  private static final Set<String> TIME_UNITS =
      Set.of(
          "years",
          "year",
          "months",
          "month",
          "weeks",
          "week",
          "days",
          "day",
          "hours",
          "hour",
          "decades",
          "decade",
          "centuries",
          "minutes");

  /**
   * True if "as" at {@code i} introduces a role ("as governor", "as a Category 5 storm"), not a
   * clause: nothing after it to the clause end reads as a verb.
   */
  private static boolean roleAs(VariantFacts v, int i) {
    int end = v.clauseEnd(i);
    if (end - i - 1 > 5 || end <= i + 1) {
      return false;
    }
    for (int k = i + 1; k < end; k++) {
      String l = v.tokens.get(k).lower();
      if (Clauses.isVerbAt(v.text, v.tokens, k, true)
          || k > i + 1 && !v.tokens.get(k).capitalised() && VERBISH.matcher(l).matches()
          || AUX.contains(l)) {
        return false;
      }
    }
    return true;
  }

  private static final java.util.regex.Pattern VERBISH =
      java.util.regex.Pattern.compile("[a-z]{3,}(?:ed|es|ing)|[a-z]{3,}[^s]s");
  private static final Set<String> AUX =
      Set.of(
          "is",
          "are",
          "was",
          "were",
          "has",
          "have",
          "had",
          "will",
          "continue",
          "begin",
          "rise",
          "fall",
          "grow",
          "end",
          "loom",
          "mount",
          "spread",
          "close",
          "open",
          "stall",
          "start");

  /** True if "after" at {@code i} is followed by a span of time only ("after 119 years"). */
  private static boolean duration(VariantFacts v, int i) {
    int end = v.clauseEnd(i);
    if (end - i - 1 < 2 || end - i - 1 > 3) {
      return false;
    }
    String last = v.tokens.get(end - 1).lower();
    return TIME_UNITS.contains(last)
        && !Quantities.find(v.tokens.get(i + 1).text() + " " + last).isEmpty();
  }

  private static final Set<String> NOT_AS = Set.of("such", "well", "soon", "much", "far", "long");

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    resultatives(a, v, reasons);
    int n = v.tokens.size();
    for (int i = 0; i < n; i++) {
      String l = v.tokens.get(i).lower();
      String next = i + 1 < n ? v.tokens.get(i + 1).lower() : "";
      boolean strong =
          Lexicon.STRONG_CAUSAL.contains(l)
                  && !(l.equals("leads") || l.equals("results") || l.equals("due"))
              || (l.equals("leads") || l.equals("led") || l.equals("lead")) && next.equals("to")
              || l.equals("results") && next.equals("in")
              || l.equals("due") && next.equals("to")
              || (l.equals("of") || l.equals("from"))
                  && i > 0
                  && DYING.contains(v.tokens.get(i - 1).lower());
      boolean weak = Lexicon.WEAK_CAUSAL.contains(l);
      // "in protest at/against/over X": X is stated as the reason.
      if (l.equals("protest")
          && i > 0
          && v.tokens.get(i - 1).lower().equals("in")
          && (next.equals("at") || next.equals("against") || next.equals("over"))) {
        strong = true;
      }
      if (l.equals("as") && (i > 0 && NOT_AS.contains(v.tokens.get(i - 1).lower()))) {
        weak = false;
      }
      if (DRIVE.contains(l)
          && (MOTION.contains(next)
              || i > 0
                  && !v.tokens.get(i - 1).capitalised()
                  && !Text.content(v.tokens.get(i - 1).lower())
              || i > 0 && NOUN_BEFORE_DRIVE.contains(v.tokens.get(i - 1).lower()))) {
        strong = false; // "drove into the crowd", "hard drives": motion or a noun, no cause
      }
      if (l.equals("as") && roleAs(v, i)) {
        weak = false; // "sworn in as governor", "makes landfall as Category 5 storm"
      }
      if (l.equals("after") && duration(v, i)) {
        weak = false; // "after 119 years": a span of time, no event
      }
      if (strong && NOUN_OR_VERB.contains(l) && nounAt(v, i)) {
        strong = false; // "base with US forces leaves no casualties": a noun, no cause
      }
      if (!strong && !weak) {
        continue;
      }
      int cs = v.clauseStart(i);
      int ce = v.clauseEnd(i);
      boolean diedOf =
          (l.equals("of") || l.equals("from")) && DYING.contains(v.tokens.get(i - 1).lower());
      List<String> right = stems(v, i + 1, diedOf ? causeEnd(v, i + 1, ce) : ce);
      List<String> left = stems(v, cs, i);
      if (left.isEmpty()) {
        left = stems(v, ce, n);
      }
      if (right.isEmpty() || left.isEmpty()) {
        continue;
      }
      boolean needsMarker = strong || l.equals("after") || l.equals("following");
      boolean framed = !strong && FRAMES.contains(l) && framedByMainEvent(a, left, right);
      if (diedOf
          ? !causeOfDeath(a, right)
          : !framed && !linked(a, left, right, strong, needsMarker)) {
        reasons.add(
            "links '"
                + String.join(" ", words(v, cs, i))
                + "' and '"
                + String.join(" ", words(v, i + 1, ce))
                + "' with '"
                + v.tokens.get(i).text()
                + "', which the article does not");
      }
    }
  }

  /** Causal words that are also nouns ("US forces", "new leads", "exam results"). */
  private static final Set<String> NOUN_OR_VERB = Set.of("forces", "drives", "fuels", "leads");

  private static final Set<String> NOUN_FOLLOWERS =
      Set.of("in", "of", "on", "at", "with", "from", "near", "and", "to");

  /**
   * True if the word at {@code i} reads as a noun: the clause ends after it, or a preposition or a
   * verb follows ("US forces leave"), or a capitalised name stands before it inside the clause.
   */
  private static boolean nounAt(VariantFacts v, int i) {
    int end = v.clauseEnd(i);
    if (i + 1 >= end) {
      return true;
    }
    String next = v.tokens.get(i + 1).lower();
    boolean nameBefore =
        i > v.clauseStart(i)
            && v.tokens.get(i - 1).capitalised()
            && !v.tokens.get(i - 1).sentenceStart()
            && !v.titleCase;
    return NOUN_FOLLOWERS.contains(next)
        || nameBefore
        || !next.equals("to")
            && !v.tokens.get(i + 1).capitalised()
            && Clauses.isVerbAt(v.text, v.tokens, i + 1, true);
  }

  /** Words that end the stated cause of a death: what follows is place, age or time. */
  private static final Set<String> CAUSE_ENDS =
      Set.of("in", "at", "on", "aged", "age", "after", "while", "near", "during", "amid", "as");

  /** The end of the cause after "dies of": "COVID-19" of "dies of COVID-19 in Tehran hospital". */
  private static int causeEnd(VariantFacts v, int from, int end) {
    for (int k = from + 1; k < end; k++) {
      String l = v.tokens.get(k).lower();
      if (CAUSE_ENDS.contains(l) || !Quantities.find(l).isEmpty()) {
        return k;
      }
    }
    return end;
  }

  /** Connectives that place one event in the time of another, without stating a cause. */
  private static final Set<String> FRAMES = Set.of("after", "following", "as", "amid");

  /**
   * "X after Y" where Y is the story's main event — the article's headline or its first sentence
   * states it — and X is a later development the headline does not carry but the article reports:
   * news copy reports what followed its main event (arrests, charges, reactions, a death toll), so
   * the variant's "after" restates the article's own frame rather than inventing a link. X must be
   * mostly found in one sentence that does not place it before the story: a sentence with
   * "earlier", "previously", "had been …", or a year the lead does not give ("released in 2018")
   * tells of the past, and "X after Y" would reverse the order. Where the headline itself carries X
   * ("Hunter dies", "Pinochet arrested"), the article's own link between X and Y decides, as
   * before.
   */
  static boolean framedByMainEvent(ArticleFacts a, List<String> left, List<String> right) {
    List<ArticleFacts.Sentence> ss = a.sentences;
    int first = 1;
    while (first < ss.size() && ss.get(first).tokens().size() < 7) {
      first++; // a dateline ("Monday, December 2, 2019") is no sentence of the story
    }
    boolean rightInLead = false;
    Set<String> leadYears = new java.util.HashSet<>();
    for (int si : new int[] {0, first}) {
      if (si >= ss.size()) {
        continue;
      }
      rightInLead |= found(ss.get(si), right) * 5 >= right.size() * 3;
    }
    for (int si = 0; si <= Math.min(first, ss.size() - 1); si++) {
      leadYears.addAll(years(ss.get(si)));
    }
    if (!rightInLead || found(ss.get(0), left) * 2 >= left.size()) {
      return false;
    }
    for (int si = 1; si < ss.size(); si++) {
      if (found(ss.get(si), left) * 2 >= left.size() && !tellsOfPast(ss.get(si), leadYears)) {
        return true;
      }
    }
    return false;
  }

  private static int found(ArticleFacts.Sentence s, List<String> stems) {
    int n = 0;
    for (String st : stems) {
      if (Lexicon.hasStemOrSynonym(s.stems(), st)) {
        n++;
      }
    }
    return n;
  }

  private static final Set<String> PAST_WORDS =
      Set.of("earlier", "previously", "formerly", "before", "ago", "prior", "once");

  private static boolean tellsOfPast(ArticleFacts.Sentence s, Set<String> leadYears) {
    List<Text.Token> tk = s.tokens();
    for (int k = 0; k < tk.size(); k++) {
      String l = tk.get(k).lower();
      if (PAST_WORDS.contains(l) || l.equals("had") && k + 1 < tk.size() && participle(tk, k + 1)) {
        return true;
      }
    }
    for (String y : years(s)) {
      if (!leadYears.contains(y)) {
        return true;
      }
    }
    return false;
  }

  private static boolean participle(List<Text.Token> tk, int k) {
    String l = tk.get(k).lower();
    if (l.equals("been") || l.equals("previously") || l.equals("already")) {
      return true;
    }
    return l.length() > 3 && (l.endsWith("ed") || l.endsWith("en") || l.endsWith("wn"));
  }

  private static final java.util.regex.Pattern YEAR =
      java.util.regex.Pattern.compile("(?:19|20)\\d\\d");

  private static Set<String> years(ArticleFacts.Sentence s) {
    Set<String> out = new java.util.HashSet<>();
    for (Text.Token t : s.tokens()) {
      if (YEAR.matcher(t.text()).matches()) {
        out.add(t.text());
      }
    }
    return out;
  }

  /**
   * True if a sentence of the article has most of the stated cause of death beside a word of death
   * followed by "of" or "from" ("died of pneumonia") or beside a causal word ("the cause of death
   * was ...").
   */
  private static boolean causeOfDeath(ArticleFacts a, List<String> cause) {
    for (ArticleFacts.Sentence s : a.sentences) {
      int found = 0;
      for (String c : cause) {
        if (inWindow(List.of(s), 0, 0, c)) {
          found++;
        }
      }
      if (found * 5 < cause.size() * 3) {
        continue;
      }
      List<Text.Token> tk = s.tokens();
      for (int k = 0; k < tk.size(); k++) {
        String st = Text.stem(tk.get(k).lower());
        String next = k + 1 < tk.size() ? tk.get(k + 1).lower() : "";
        if (DEATH.contains(st) && (next.equals("of") || next.equals("from"))
            || STRONG_MARKERS.contains(st)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> DEATH = Set.of("death", "die", "dead", "kill", "fatal", "bodi");

  /**
   * A resultative adds an outcome: "stabbed to death", "shot dead", "beaten to death" say the
   * victim died. Some sentence of the article must have the verb (or one of its class) and a word
   * of death together; "stabbed" and, elsewhere, another man's death do not make "stabbed to
   * death".
   */
  private static void resultatives(ArticleFacts a, VariantFacts v, List<String> reasons) {
    int n = v.tokens.size();
    for (int i = 1; i < n; i++) {
      String l = v.tokens.get(i).lower();
      int verb;
      if (l.equals("death") && v.tokens.get(i - 1).lower().equals("to") && i >= 2) {
        verb = i - 2;
      } else if (l.equals("dead") && !v.tokens.get(i - 1).capitalised()) {
        verb = i - 1;
      } else {
        continue;
      }
      String vl = v.tokens.get(verb).lower();
      String cls = Clauses.verbClass(vl);
      if (cls == null || cls.equals("kill")) {
        continue; // "found dead", "left dead": no manner of killing is claimed
      }
      boolean said = false;
      for (ArticleFacts.Sentence s : a.sentences) {
        boolean hasVerb = false;
        boolean hasDeath = false;
        for (Text.Token t : s.tokens()) {
          String tl = t.lower();
          hasVerb |= cls.equals(Clauses.verbClass(tl));
          hasDeath |= DEATH.contains(Text.stem(tl));
        }
        if (hasVerb && hasDeath) {
          said = true;
          break;
        }
      }
      if (!said) {
        reasons.add(
            "says '"
                + v.tokens.get(verb).text()
                + " "
                + (l.equals("death") ? "to death" : "dead")
                + "'; the article does not say that killed anyone");
      }
    }
  }

  private static boolean linked(
      ArticleFacts a, List<String> left, List<String> right, boolean strong, boolean needsMarker) {
    List<ArticleFacts.Sentence> ss = a.sentences;
    for (int si = 0; si < ss.size(); si++) {
      int from = strong ? si : Math.max(0, si - 1);
      int to = Math.min(ss.size() - 1, si + 1);
      int rightFound = 0;
      boolean leftFound = false;
      boolean marker = false;
      // The linked side must be found in one sentence; the other side and the link beside it.
      int rf = needsMarker && !strong ? si : from;
      int rt = needsMarker && !strong ? si : to;
      for (String r : right) {
        if (inWindow(ss, rf, rt, r)) {
          rightFound++;
        }
      }
      if (rightFound * 5 < right.size() * 3) {
        continue;
      }
      int leftHits = 0;
      for (String l : left) {
        if (inWindow(ss, from, to, l)) {
          leftHits++;
        }
      }
      // A stated cause must be mostly there too; after "after" the effect need only be touched.
      leftFound = strong ? leftHits * 3 >= left.size() * 2 : leftHits > 0;
      if (!leftFound) {
        continue;
      }
      if (!needsMarker) {
        return true;
      }
      for (int k = from; k <= to && !marker; k++) {
        marker = hasMarker(ss.get(k), strong);
      }
      if (marker) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if the sentence has a linking word: a causal one, or for a weak link a sequence word. A
   * negated one ("specified no cause") and "leading up to" (a time) do not link.
   */
  private static boolean hasMarker(ArticleFacts.Sentence s, boolean strong) {
    List<Text.Token> tk = s.tokens();
    for (int k = 0; k < tk.size(); k++) {
      String st = Text.stem(tk.get(k).lower());
      if (!STRONG_MARKERS.contains(st) && (strong || !SEQUENCE_MARKERS.contains(st))) {
        continue;
      }
      String prev = k > 0 ? tk.get(k - 1).lower() : "";
      String prev2 = k > 1 ? tk.get(k - 2).lower() : "";
      String next = k + 1 < tk.size() ? tk.get(k + 1).lower() : "";
      if (NEGATIONS.contains(prev) || NEGATIONS.contains(prev2)) {
        continue;
      }
      if (st.equals("lead") && next.equals("up")) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static final Set<String> NEGATIONS = Set.of("no", "not", "without", "never");

  private static boolean inWindow(List<ArticleFacts.Sentence> ss, int from, int to, String stem) {
    for (int k = from; k <= to; k++) {
      if (Lexicon.hasStemOrSynonym(ss.get(k).stems(), stem)) {
        return true;
      }
    }
    return false;
  }

  static List<String> stems(VariantFacts v, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = Math.max(0, from); i < to && i < v.tokens.size(); i++) {
      String l = v.tokens.get(i).lower();
      if (!v.word(i) && Character.isLetter(l.charAt(0)) && l.indexOf('-') > 0) {
        out.add(Text.stem(l)); // a name with digits: "COVID-19", "MH17"
        continue;
      }
      if (v.word(i)
          && Text.content(l)
          && l.length() > 2
          && !Lexicon.STRONG_CAUSAL.contains(l)
          && !Lexicon.HEDGES.contains(l)
          && !Lexicon.SOURCE_VERBS.contains(l)
          && Quantities.find(l).isEmpty()) {
        if (l.indexOf('-') > 0) {
          for (String part : l.split("-")) {
            if (part.length() > 2 && Text.content(part)) {
              out.add(Text.stem(part));
            }
          }
        } else {
          out.add(v.stems.get(i));
        }
      }
    }
    return out;
  }

  private static List<String> words(VariantFacts v, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = Math.max(0, from); i < to && i < v.tokens.size(); i++) {
      out.add(v.tokens.get(i).text());
    }
    return out;
  }
}
