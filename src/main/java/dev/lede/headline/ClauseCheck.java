package dev.lede.headline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who did what to whom. Each clause of a variant read by {@link Clauses} — (agent, event verb,
 * patient), passives turned active — must be supported by some clause of the article with a verb of
 * the same class whose roles agree: the agent with the agent, the patient with the patient (an
 * unknown role on either side agrees with anything; two phrases agree when they share a content
 * word, a synonym or an acronym, and no stated number disagrees). A clause the article does not
 * support is rejected only when the article also contradicts it: some clause with that verb class
 * agrees on one role and has another phrase in the other ("rescued by the navy" where fishermen
 * rescued those 700 and the navy 200 others), or has the variant's agent as its patient or its
 * patient as its agent (a role swap). A variant whose verb the article never uses in a readable
 * clause is left to the lexical checks: this check asks for no support it cannot read, so that a
 * paraphrase with another verb or a clause the shallow reader misses costs no faithful variant.
 */
final class ClauseCheck {
  private ClauseCheck() {}

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    Set<String> names = names(a);
    for (Clauses.Triple read : Clauses.read(v.text, v.tokens, true)) {
      // A number tells roles apart only where the article gives it to a clause of this verb class
      // ("700 rescued by fishermen"); a total or a rounding the number check accepted does not.
      Set<Double> claimed = new HashSet<>();
      for (Clauses.Triple s : a.clauses) {
        if (s.verbClass().equals(read.verbClass())) {
          for (Clauses.Arg x : new Clauses.Arg[] {s.agent(), s.patient()}) {
            if (x != null) {
              claimed.addAll(x.numbers());
            }
          }
        }
      }
      Clauses.Triple t = counted(read, claimed);
      boolean agreeing = false;
      boolean supported = false;
      Clauses.Triple contradiction = null;
      Clauses.Triple otherAdjuncts = null;
      for (Clauses.Triple s : a.clauses) {
        if (!s.verbClass().equals(t.verbClass())) {
          continue;
        }
        boolean roles =
            agrees(a, names, t.agent(), s.agent()) && agrees(a, names, t.patient(), s.patient());
        if (roles) {
          agreeing = true;
          if (t.extra() == null || said(a, s, t.extra())) {
            supported = true;
            break;
          }
        } else {
          if (contradiction == null && contradicts(a, names, t, s)) {
            contradiction = s;
          }
          if (otherAdjuncts == null
              && t.extra() != null
              && s.extra() != null
              && sameAdjuncts(t.extra(), s.extra())) {
            otherAdjuncts = s;
          }
        }
      }
      // Rejected: roles the article gives to others (and nowhere as the variant has them), or
      // roles it has only elsewhere while what the variant adds is said of another clause
      // ("Wallace suspended for the rest of the season" where Artest was, Wallace for six games).
      Clauses.Triple against = !agreeing ? contradiction : !supported ? otherAdjuncts : null;
      if (against != null) {
        reasons.add("the article does not say " + t + " with these roles; it says " + against);
      }
    }
  }

  /** True if the article clause's adjuncts have at least half the variant adjuncts' words. */
  private static boolean sameAdjuncts(Clauses.Arg variant, Clauses.Arg article) {
    if (variant.stems().isEmpty()) {
      return false;
    }
    int found = 0;
    for (String st : variant.stems()) {
      if (article.stems().contains(st)) {
        found++;
      }
    }
    return 2 * found >= variant.stems().size();
  }

  /** The triple with the numbers no clause of its verb class states removed from its roles. */
  private static Clauses.Triple counted(Clauses.Triple t, Set<Double> claimed) {
    return new Clauses.Triple(
        t.verbClass(),
        t.verb(),
        keep(t.agent(), claimed),
        keep(t.patient(), claimed),
        t.extra(),
        t.sentence());
  }

  private static Clauses.Arg keep(Clauses.Arg x, Set<Double> claimed) {
    if (x == null) {
      return null;
    }
    Set<Double> n = new HashSet<>(x.numbers());
    n.retainAll(claimed);
    return new Clauses.Arg(x.text(), x.stems(), n);
  }

  /** True if the sentence of an article clause has at least half the adjuncts' content words. */
  private static boolean said(ArticleFacts a, Clauses.Triple s, Clauses.Arg extra) {
    if (extra.stems().isEmpty() || s.sentence() < 0) {
      return true;
    }
    Set<String> sentence = a.sentences.get(s.sentence()).stems();
    int found = 0;
    for (String st : extra.stems()) {
      if (sentence.contains(st)) {
        found++;
      }
    }
    return 2 * found >= extra.stems().size();
  }

  private static boolean contradicts(
      ArticleFacts a, Set<String> names, Clauses.Triple t, Clauses.Triple s) {
    return matches(t.agent(), s.agent()) && clash(a, names, t.patient(), s.patient())
        || matches(t.patient(), s.patient()) && clash(a, names, t.agent(), s.agent())
        || matches(t.agent(), s.patient()) && !matches(t.agent(), s.agent())
        || matches(t.patient(), s.agent()) && !matches(t.patient(), s.patient());
  }

  /** Unknown agrees with anything; two phrases agree unless their words or numbers differ. */
  static boolean agrees(Clauses.Arg x, Clauses.Arg y) {
    if (x == null || y == null) {
      return true;
    }
    boolean numbers =
        x.numbers().isEmpty()
            || y.numbers().isEmpty()
            || x.numbers().stream().anyMatch(y.numbers()::contains);
    boolean words = x.stems().isEmpty() || y.stems().isEmpty() || overlap(x, y);
    return numbers && words;
  }

  /** Positive evidence: both known, they agree, and they share a word or a number. */
  static boolean matches(Clauses.Arg x, Clauses.Arg y) {
    if (x == null || y == null || !agrees(x, y)) {
      return false;
    }
    return overlap(x, y) || x.numbers().stream().anyMatch(y.numbers()::contains);
  }

  private static boolean clash(ArticleFacts a, Set<String> names, Clauses.Arg x, Clauses.Arg y) {
    return x != null && y != null && !agrees(a, names, x, y);
  }

  /**
   * Agreement with names weighed above common nouns: two phrases that each carry a name of the
   * article and share none of them ("Israeli military" and "United States military", "Boeing
   * capsule" and "SpaceX capsule") do not agree through a shared common noun; two phrases the
   * article itself puts side by side ("Ukrainian President Volodymyr Zelensky") agree although they
   * share no word.
   */
  static boolean agrees(ArticleFacts a, Set<String> names, Clauses.Arg x, Clauses.Arg y) {
    if (x == null || y == null) {
      return true;
    }
    if (!agrees(x, y)) {
      return x.numbers().isEmpty() && y.numbers().isEmpty() && besideEachOther(a, x, y);
    }
    Set<String> xn = named(x, names);
    Set<String> yn = named(y, names);
    if (xn.isEmpty() || yn.isEmpty()) {
      return true;
    }
    Set<String> ys = expand(yn);
    for (String s : expand(xn)) {
      if (ys.contains(s)) {
        return true;
      }
    }
    return besideEachOther(a, x, y);
  }

  /** The stems of a phrase that are names in the article. */
  private static Set<String> named(Clauses.Arg x, Set<String> names) {
    Set<String> out = new HashSet<>();
    for (String s : x.stems()) {
      if (names.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Stems of words the article writes only capitalised (never in lower case outside a title): its
   * names of people, places, bodies and nationalities.
   */
  private static Set<String> names(ArticleFacts a) {
    Set<String> out = new HashSet<>();
    for (String w : a.capitalised) {
      if (!a.lowerWords.contains(w) && Text.content(w)) {
        String st = Text.stem(w);
        if (!a.lowerStems.contains(st)) {
          out.add(st);
        }
      }
    }
    return out;
  }

  /**
   * True if one sentence of the article has every content word of both phrases within a short
   * window, as in an apposition or a title before a name ("Prime Minister Oleksiy Honcharuk's offer
   * to resign" for "Honcharuk's resignation" and "prime minister's resignation").
   */
  private static final Set<String> APART =
      Set.of(
          "and", "or", "but", "by", "with", "while", "after", "before", "than", "against", "from");

  private static boolean besideEachOther(ArticleFacts a, Clauses.Arg x, Clauses.Arg y) {
    Set<String> want = new HashSet<>(x.stems());
    want.addAll(y.stems());
    if (want.isEmpty() || x.stems().isEmpty() || y.stems().isEmpty()) {
      return false;
    }
    int window = x.stems().size() + y.stems().size() + 3;
    for (ArticleFacts.Sentence s : a.sentences) {
      if (!s.stems().containsAll(want)) {
        continue;
      }
      List<Text.Token> tokens = s.tokens();
      for (int i = 0; i < tokens.size(); i++) {
        Set<String> seen = new HashSet<>();
        for (int j = i; j < Math.min(tokens.size(), i + window); j++) {
          Text.Token t = tokens.get(j);
          if (j > i && (APART.contains(t.lower()) || Clauses.verbClass(t.lower()) != null)) {
            break;
          }
          if (j > i && s.text().substring(tokens.get(j - 1).start(), t.start()).indexOf(',') >= 0) {
            break;
          }
          seen.add(Text.stem(ArticleFacts.stripPossessive(t.lower())));
          seen.add(Text.stem(t.lower()));
        }
        if (seen.containsAll(want)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overlap(Clauses.Arg x, Clauses.Arg y) {
    Set<String> ys = expand(y.stems());
    for (String s : expand(x.stems())) {
      if (ys.contains(s)) {
        return true;
      }
    }
    String xi = initials(x.text());
    String yi = initials(y.text());
    for (String s : x.stems()) {
      if (s.length() >= 2 && s.length() <= 5 && yi.contains(s)) {
        return true;
      }
    }
    for (String s : y.stems()) {
      if (s.length() >= 2 && s.length() <= 5 && xi.contains(s)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> expand(Set<String> stems) {
    Set<String> out = new HashSet<>(stems);
    for (String s : stems) {
      Set<String> syn = Lexicon.SYNONYMS.get(s);
      if (syn != null) {
        out.addAll(syn);
      }
      String place = Lexicon.METONYMS.get(s);
      if (place != null) {
        out.add(Text.stem(place));
      }
    }
    return out;
  }

  /** Initials of the capitalised words ("United Nations" → "un"), for acronyms. */
  private static String initials(String text) {
    StringBuilder sb = new StringBuilder();
    for (Text.Token t : Text.tokens(text)) {
      if (t.capitalised()) {
        sb.append(Character.toLowerCase(t.text().charAt(0)));
      }
    }
    return sb.toString();
  }
}
