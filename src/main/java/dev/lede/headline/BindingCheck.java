package dev.lede.headline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names in the right place. Every name of a variant is found in the article (that is {@link
 * NameCheck}'s job), but an in-article name can be put where the article never puts it: the prison
 * the attacker was stabbed in is Donovan, not Corcoran, where he was held years before; the capsule
 * that docked is SpaceX's, not Boeing's; the cleric was tried and acquitted, not sentenced. So:
 *
 * <ul>
 *   <li>a name in the clause of an event verb of the variant (a verb of {@link Clauses}' classes,
 *       read as a verb there) must share a sentence, or a sentence and its neighbour, with a verb
 *       of that class. A name tied to a bound one ("Donovan prison in San Diego County", or
 *       adjacent names) passes with it where the article has the two in one sentence; a possessive
 *       modifier ("Chile's Pinochet") is not a participant; a verb the article never uses is left
 *       to the other checks, so a paraphrase with another verb costs nothing here;
 *   <li>any name must share some sentence with at least one other content word of the variant — a
 *       name never said beside anything else the variant says is a name moved in from elsewhere.
 * </ul>
 *
 * <p>Names here are words the article writes only capitalised. A run of them is one name when the
 * article writes the words side by side, found where its rarest word is ("Corcoran" of "Corcoran
 * State Prison", not "State", which the article also has in "United States"); place aliases count
 * ("UK" for "United Kingdom"); quoted titles are left to the quotation check. Windows of one
 * sentence (and its neighbour for verbs) were chosen on the dev sets: wider windows let swapped
 * names through, narrower ones lost faithful variants whose name and verb sit in adjacent
 * sentences. A sentence speaks of a name when it writes the name, when it opens with a pronoun
 * right after a sentence that writes it, or when it writes a name the article sets in apposition
 * with it ("Fields, a self-described Neo-Nazi,"); a two-word personal name is also found by its
 * surname; a relative clause's names are held to its own verb. Known cost: a place used as a
 * modifier ("Salem courthouse bomber ... stabbed") can fail. Measured in docs/benchmarks.md
 * ("Headlines").
 */
final class BindingCheck {
  private BindingCheck() {}

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    List<int[]> groups = nameGroups(a, v);
    if (groups.isEmpty()) {
      return;
    }
    boolean[] quoted = quoted(v);
    List<Name> names = new ArrayList<>();
    for (int[] g : groups) {
      names.add(name(a, v, g));
    }
    // (1) the events of the name's clause; a name tied to another in the variant ("Donovan prison
    // in San Diego County", "Florida Interstate 75") passes with it where the article has the two
    // in one sentence.
    List<@Nullable String> failed = new ArrayList<>(names.size());
    for (int k = 0; k < names.size(); k++) {
      failed.add(quoted[groups.get(k)[0]] ? null : unboundVerb(a, v, groups.get(k), names.get(k)));
    }
    for (int k = 0; k < names.size(); k++) {
      String verb = failed.get(k);
      if (verb == null || tiedToBound(a, v, groups, names, failed, k)) {
        continue;
      }
      reasons.add(
          "the article never says '"
              + words(v, groups.get(k)[0], groups.get(k)[1])
              + "' together with '"
              + verb
              + "' or a word like it");
    }
    // (2) the name beside anything else the variant says.
    for (int k = 0; k < names.size(); k++) {
      int[] g = groups.get(k);
      if (quoted[g[0]]) {
        continue; // a quoted title is held to the article by the quotation check
      }
      Name n = names.get(k);
      List<String> others = new ArrayList<>();
      for (int i = 0; i < v.tokens.size(); i++) {
        if (i >= g[0] && i < g[1] && isName(a, v, i)) {
          continue;
        }
        String l = ArticleFacts.stripPossessive(v.tokens.get(i).lower());
        if (v.word(i) && Text.content(l) && l.length() > 2 && !n.words().contains(v.stems.get(i))) {
          others.add(v.stems.get(i));
        }
      }
      if (others.size() >= 2 && !nameWithAny(a, n, others)) {
        reasons.add(
            "the article never says '"
                + words(v, g[0], g[1])
                + "' beside anything else the variant says");
      }
    }
  }

  /**
   * A name of the variant: the stems of its name words, and the forms of its rarest word (stems,
   * and multi-word aliases as padded phrases). The name is found where its rarest word is
   * ("Corcoran" of "Corcoran State Prison", not "State", which the article also has in "United
   * States").
   */
  private record Name(Set<String> words, Set<String> forms) {}

  private static Name name(ArticleFacts a, VariantFacts v, int[] g) {
    Set<String> words = new HashSet<>();
    Set<String> rarest = new HashSet<>();
    int fewest = Integer.MAX_VALUE;
    for (int i = g[0]; i < g[1]; i++) {
      if (isName(a, v, i)) {
        words.add(v.stems.get(i));
        Set<String> forms = new HashSet<>();
        forms.add(v.stems.get(i));
        for (String alias :
            NameCheck.aliases(ArticleFacts.stripPossessive(v.tokens.get(i).lower()))) {
          forms.add(alias.contains(" ") ? " " + alias + " " : Text.stem(alias));
        }
        int count = sentencesWith(a, forms);
        if (count < fewest) {
          fewest = count;
          rarest = forms;
        } else if (count == fewest) {
          rarest.addAll(forms);
        }
      }
    }
    // A two-word personal name ("John Bolton") is also found where the article writes the surname
    // alone, as news copy does after the first mention.
    if (g[1] - g[0] == 2 && isName(a, v, g[0]) && isName(a, v, g[1] - 1)) {
      rarest.add(v.stems.get(g[1] - 1));
    }
    return new Name(words, rarest);
  }

  /**
   * The first event verb of the name's clause that the article uses but never within a sentence of
   * the name, or null. A possessive modifier ("Chile's Pinochet") is not a participant.
   */
  private static @Nullable String unboundVerb(ArticleFacts a, VariantFacts v, int[] g, Name n) {
    if (g[1] < v.tokens.size()
        && v.tokens.get(g[1] - 1).lower().endsWith("'s")
        && v.tokens.get(g[1]).capitalised()) {
      return null;
    }
    if (framing(a, v, g, n)) {
      return null;
    }
    int from = segmentStart(v, g[0]);
    int to = segmentEnd(v, g[1]);
    Set<String> done = new HashSet<>();
    for (int i = from; i < to; i++) {
      Text.Token t = v.tokens.get(i);
      if (i >= g[0] && i < g[1]
          || t.capitalised() && !t.sentenceStart()
          || !Clauses.isVerbAt(v.text, v.tokens, i, true)) {
        continue;
      }
      if (i == g[1] && g[0] > 0 && NOUN_PHRASE_LEADS.contains(v.tokens.get(g[0] - 1).lower())) {
        continue; // "after Christchurch attacks": a noun the name modifies, not its verb
      }
      String cls = Clauses.verbClass(t.lower());
      if (cls == null || !done.add(cls) || !verbUsed(a, cls)) {
        continue; // not an event verb, or one the article never uses: nothing to hold it to
      }
      if (!nameWithVerb(a, n, cls, 1)) {
        return t.text();
      }
    }
    return null;
  }

  /** Words after which a name and the word that follows it form a noun phrase. */
  private static final Set<String> NOUN_PHRASE_LEADS =
      Set.of(
          "after",
          "before",
          "following",
          "amid",
          "over",
          "in",
          "of",
          "on",
          "at",
          "for",
          "from",
          "with",
          "by",
          "since",
          "the",
          "a",
          "an");

  /**
   * True if the name does not take part in the clause's event but labels a participant: a modifier
   * of a common noun ("London Bridge attacker", "Streatham knife attacker"). Such a name passes
   * where the article's headline writes it: the story's own setting or subject, which identifies
   * the participant. An adjunct of place ("died in Corvale") is not a label but where the event
   * happened, and still has to meet the verb. A name moved in from elsewhere in the article ("ZMapp
   * patients died", "Norbury custody centre" where the article has Norbury only as where the
   * suspect was detained) still has to meet the verb: a modifier picks out which participant, and
   * that participant must be the one the article gives the event.
   */
  private static boolean framing(ArticleFacts a, VariantFacts v, int[] g, Name n) {
    boolean modifier =
        g[1] < v.tokens.size()
            && v.word(g[1])
            && !v.tokens.get(g[1]).capitalised()
            && Text.content(v.tokens.get(g[1]).lower())
            && Clauses.verbClass(v.tokens.get(g[1]).lower()) == null
            && !Lexicon.SOURCE_VERBS.contains(v.tokens.get(g[1]).lower())
            && !Clauses.isVerbAt(v.text, v.tokens, g[1], true);
    if (!modifier) {
      return false;
    }
    return hasName(a.sentences.get(0), n);
  }

  /** Words that may stand between two names that name one place or thing ("X in Y"). */
  private static final Set<String> TIES = Set.of("in", "of", "near", "outside");

  private static boolean tiedToBound(
      ArticleFacts a,
      VariantFacts v,
      List<int[]> groups,
      List<Name> names,
      List<@Nullable String> failed,
      int k) {
    for (int o = 0; o < groups.size(); o++) {
      if (o == k || failed.get(o) != null) {
        continue;
      }
      int[] first = groups.get(Math.min(o, k));
      int[] second = groups.get(Math.max(o, k));
      // Adjacent, or a tie word after up to two nouns: "Donovan prison in San Diego County".
      boolean tied =
          second[0] == first[1]
              || second[0] - first[1] <= 3 && TIES.contains(v.tokens.get(second[0] - 1).lower());
      for (int i = first[1]; i < second[0] && tied; i++) {
        Text.Token t = v.tokens.get(i);
        tied =
            TIES.contains(t.lower())
                || Text.content(t.lower())
                    && v.word(i)
                    && !t.capitalised()
                    && Clauses.verbClass(t.lower()) == null
                    && !Clauses.isVerbAt(v.text, v.tokens, i, true);
      }
      if (!tied) {
        continue;
      }
      for (ArticleFacts.Sentence s : a.sentences) {
        if (hasName(s, names.get(k)) && hasName(s, names.get(o))) {
          return true;
        }
      }
    }
    return false;
  }

  /** True if token {@code i} is a word the article writes only capitalised. */
  static boolean isName(ArticleFacts a, VariantFacts v, int i) {
    Text.Token t = v.tokens.get(i);
    String l = ArticleFacts.stripPossessive(t.lower());
    return t.capitalised()
        && v.word(i)
        && l.length() > 1
        && a.capitalised.contains(l)
        && !a.lowerWords.contains(l)
        && !a.lowerStems.contains(Text.stem(l))
        && !Text.STOPWORDS.contains(l)
        && !Lexicon.COMMON_ABBREVIATIONS.contains(l);
  }

  /** Words that join two clauses of a headline ("X killed as bus crashes"). */
  private static final Set<String> JOINS =
      Set.of("as", "after", "amid", "while", "when", "following", "before", "and", "but", "since");

  /** Relative pronouns: the clause they open is about its own verb. */
  private static final Set<String> RELATIVES = Set.of("who", "whose", "which", "whom");

  private static int segmentStart(VariantFacts v, int at) {
    int start = v.clauseStart(at);
    for (int i = at - 1; i > start; i--) {
      String l = v.tokens.get(i).lower();
      if (JOINS.contains(l) || RELATIVES.contains(l)) {
        return i + 1;
      }
    }
    return start;
  }

  private static int segmentEnd(VariantFacts v, int after) {
    int end = v.clauseEnd(Math.max(0, after - 1));
    boolean relative = false;
    boolean verbSeen = false; // the relative clause's own verb, before the name
    for (int i = after - 1; i >= v.clauseStart(Math.max(0, after - 1)); i--) {
      String l = v.tokens.get(i).lower();
      if (RELATIVES.contains(l)) {
        relative = true;
        break;
      }
      if (JOINS.contains(l) || Clauses.isVerbAt(v.text, v.tokens, i, true)) {
        break;
      }
      verbSeen |= !v.tokens.get(i).capitalised() && l.length() > 4 && l.endsWith("ed");
    }
    for (int i = after; i < end; i++) {
      String l = v.tokens.get(i).lower();
      if (JOINS.contains(l) || RELATIVES.contains(l)) {
        return i;
      }
      // A relative clause ("whose work aided D-Day landings") ends before the main verb.
      if (relative && Clauses.isVerbAt(v.text, v.tokens, i, true)) {
        if (verbSeen) {
          return i;
        }
        verbSeen = true;
      }
    }
    return end;
  }

  /** Runs of capitalised tokens holding at least one article name: [start, end) index pairs. */
  private static List<int[]> nameGroups(ArticleFacts a, VariantFacts v) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < v.tokens.size()) {
      if (!v.tokens.get(i).capitalised()) {
        i++;
        continue;
      }
      int j = i;
      boolean any = false;
      while (j < v.tokens.size() && v.tokens.get(j).capitalised()) {
        any |= isName(a, v, j);
        j++;
        if (j < v.tokens.size()
            && (v.tokens.get(j - 1).lower().endsWith("'s")
                || !a.hasPhrase(v.tokens.get(j - 1).lower() + " " + v.tokens.get(j).lower()))) {
          break; // "Princeton's Didier Queloz", "Florida Interstate 75": two names
        }
      }
      if (any) {
        out.add(new int[] {i, j});
      }
      i = j;
    }
    return out;
  }

  private static boolean inRoles(Clauses.Triple t, Set<String> name) {
    for (Clauses.Arg x : new Clauses.Arg[] {t.agent(), t.patient(), t.extra()}) {
      if (x != null) {
        for (String s : name) {
          if (x.stems().contains(s)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean verbUsed(ArticleFacts a, String verbClass) {
    for (ArticleFacts.Sentence s : a.sentences) {
      if (hasVerb(s, verbClass)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasVerb(ArticleFacts.Sentence s, String verbClass) {
    List<Text.Token> tk = s.tokens();
    for (int k = 0; k < tk.size(); k++) {
      if (verbClass.equals(Clauses.verbClass(tk.get(k).lower()))) {
        return true;
      }
      // "found guilty" is a conviction.
      if (verbClass.equals("convict")
          && tk.get(k).lower().equals("guilty")
          && k > 0
          && tk.get(k - 1).lower().equals("found")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasName(ArticleFacts.Sentence s, Name name) {
    return hasAny(s, name.forms());
  }

  private static boolean hasAny(ArticleFacts.Sentence s, Set<String> forms) {
    String flat = null;
    for (String f : forms) {
      if (f.startsWith(" ")) {
        if (flat == null) {
          flat = ArticleFacts.squash(s.text());
        }
        if (flat.contains(f)) {
          return true;
        }
      } else if (s.stems().contains(f)) {
        return true;
      }
    }
    return false;
  }

  private static int sentencesWith(ArticleFacts a, Set<String> forms) {
    int n = 0;
    for (ArticleFacts.Sentence s : a.sentences) {
      if (hasAny(s, forms)) {
        n++;
      }
    }
    return n;
  }

  /** Which tokens stand inside double or single quotation marks. */
  private static boolean[] quoted(VariantFacts v) {
    boolean[] out = new boolean[v.tokens.size()];
    for (int i = 0; i < v.tokens.size(); i++) {
      int at = v.tokens.get(i).start();
      int dq = 0;
      int sq = 0;
      for (int c = 0; c < at; c++) {
        char ch = v.text.charAt(c);
        if (ch == '"') {
          dq++;
        } else if (ch == '\'' && (c == 0 || !Character.isLetter(v.text.charAt(c - 1)))) {
          sq++;
        }
      }
      out[i] = dq % 2 == 1 || sq % 2 == 1;
    }
    return out;
  }

  private static final Set<String> PRONOUNS = Set.of("he", "she", "his", "her", "him", "hers");
  private static final Set<String> APPOSITION_LEADS = Set.of("a", "an", "the");

  /**
   * Which sentences speak of the name: those that write it, the sentence after one that writes it
   * when it refers to a person by a pronoun ("Kosgei won ... She finished"), and those that write a
   * name the article sets beside it in apposition ("Fields, a self-described Neo-Nazi,").
   */
  private static boolean[] about(ArticleFacts a, Name name) {
    List<ArticleFacts.Sentence> ss = a.sentences;
    boolean[] out = new boolean[ss.size()];
    Set<String> partners = new HashSet<>();
    for (int si = 0; si < ss.size(); si++) {
      out[si] = hasName(ss.get(si), name);
      if (out[si]) {
        partners.addAll(appositives(ss.get(si), name));
      }
    }
    for (int si = 0; si < ss.size(); si++) {
      if (out[si]) {
        continue;
      }
      ArticleFacts.Sentence s = ss.get(si);
      // A pronoun that opens the sentence ("He was 101 and died of ...") refers back.
      boolean pronoun = !s.tokens().isEmpty() && PRONOUNS.contains(s.tokens().get(0).lower());
      if (pronoun && si > 0 && hasName(ss.get(si - 1), name)) {
        out[si] = true;
        continue;
      }
      for (String p : partners) {
        if (s.stems().contains(p)) {
          out[si] = true;
          break;
        }
      }
    }
    return out;
  }

  /**
   * The last word of a name set in apposition with this one in the sentence: "Y, a … N," or "N, a …
   * Y," gives Y's stem.
   */
  private static Set<String> appositives(ArticleFacts.Sentence s, Name name) {
    Set<String> out = new HashSet<>();
    List<Text.Token> tk = s.tokens();
    String text = s.text();
    for (int k = 0; k < tk.size(); k++) {
      if (!name.forms().contains(Text.stem(tk.get(k).lower()))) {
        continue;
      }
      // Back to the comma before the name's phrase: "Fields, a self-described Neo-Nazi,".
      int j = k - 1;
      while (j >= 0 && !commaBefore(text, tk, j + 1) && k - j <= 4) {
        j--;
      }
      if (j >= 1
          && j + 1 < k
          && commaBefore(text, tk, j + 1)
          && APPOSITION_LEADS.contains(tk.get(j + 1).lower())
          && tk.get(j).capitalised()
          && !tk.get(j).sentenceStart()) {
        out.add(Text.stem(tk.get(j).lower()));
      }
      // Forward: "N, a … Y," where the name is followed by a comma and an article.
      if (k + 3 < tk.size()
          && commaBefore(text, tk, k + 1)
          && APPOSITION_LEADS.contains(tk.get(k + 1).lower())) {
        for (int m = k + 2; m < Math.min(tk.size(), k + 6); m++) {
          if (commaBefore(text, tk, m)) {
            break;
          }
          if (tk.get(m).capitalised() && (m + 1 >= tk.size() || commaBefore(text, tk, m + 1))) {
            out.add(Text.stem(tk.get(m).lower()));
          }
        }
      }
    }
    return out;
  }

  private static boolean commaBefore(String text, List<Text.Token> tk, int i) {
    if (i <= 0 || i >= tk.size()) {
      return false;
    }
    Text.Token p = tk.get(i - 1);
    int from = Math.min(text.length(), p.start() + p.text().length());
    int to = Math.min(text.length(), tk.get(i).start());
    return text.substring(from, to).contains(",");
  }

  private static boolean nameWithVerb(ArticleFacts a, Name name, String verbClass, int window) {
    List<ArticleFacts.Sentence> ss = a.sentences;
    boolean[] about = about(a, name);
    for (int si = 0; si < ss.size(); si++) {
      if (!about[si]) {
        continue;
      }
      for (int k = Math.max(0, si - window); k <= Math.min(ss.size() - 1, si + window); k++) {
        if (hasVerb(ss.get(k), verbClass)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean nameWithAny(ArticleFacts a, Name name, List<String> others) {
    boolean[] about = about(a, name);
    for (int si = 0; si < a.sentences.size(); si++) {
      ArticleFacts.Sentence s = a.sentences.get(si);
      if (!about[si]) {
        continue;
      }
      for (String o : others) {
        if (Lexicon.hasStemOrSynonym(s.stems(), o)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String words(VariantFacts v, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(v.tokens.get(i).text());
    }
    return sb.toString();
  }
}
