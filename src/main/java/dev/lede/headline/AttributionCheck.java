package dev.lede.headline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Attribution: who says so. A source named in a variant ("X says ...", "..., X says", "X: ...",
 * "according to X") must be a source in the article — near an attributing word there — and the
 * claim must be found beside it (half its content words or numbers within a sentence of it); a
 * firmer verb ("confirms", "admits", "proves") must be the article's verb for that source. Dropping
 * a source is refused where the article's headline is attributed ("Germany says ...") or where the
 * sentence the variant restates carries a claim verb ("believes", "alleged"). Pattern: "lawmakers
 * say" must not become "Seoul confirms".
 */
final class AttributionCheck {
  private AttributionCheck() {}

  private static final Set<String> FIRM_VERBS =
      Set.of(
          "confirms",
          "confirm",
          "proves",
          "prove",
          "reveals",
          "reveal",
          "admits",
          "admit",
          "shows",
          "show");
  private static final Set<String> DOCUMENTS =
      Set.of("studi", "report", "research", "survey", "analysi", "paper", "find");
  private static final int NEAR = 8;
  private static final Set<String> EVENTS =
      Set.of(
          "shoot",
          "disast",
          "fire",
          "attack",
          "collaps",
          "crash",
          "storm",
          "quak",
          "earthquak",
          "elect",
          "war",
          "crisi",
          "case",
          "trial",
          "protest",
          "flood",
          "hurrican",
          "explos",
          "bomb",
          "outbreak",
          "pandem",
          "scandal",
          "deal",
          "vote",
          "race",
          "debat");

  record Source(List<Integer> source, List<Integer> claim, String verb) {}

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    quotationSpeaker(a, v, reasons);
    List<Source> sources = sources(a, v);
    allegedOnly(a, v, sources, reasons);
    for (Source s : sources) {
      checkSource(a, v, s, reasons);
    }
    boolean attributed =
        !sources.isEmpty()
            || v.text.contains("\"")
            || quoted(v)
            || mentions(v, "reportedly")
            || v.stems.stream().anyMatch(DOCUMENTS::contains);
    if (!sources.isEmpty() && a.titleAttributed && restatesTitle(a, v)) {
      List<Source> titleSources = sources(a, new VariantFacts(a.title));
      if (!titleSources.isEmpty() && !sameSource(a, v, sources, titleSources)) {
        reasons.add(
            "gives the claim of the article's headline ('" + a.title + "') to another source");
      }
    }
    if (!attributed && a.titleAttributed && !v.hedged && restatesTitle(a, v)) {
      reasons.add("drops the attribution of the article's headline ('" + a.title + "')");
    } else if (!attributed && !v.hedged) {
      String claim = claimSentence(a, v);
      if (claim != null) {
        reasons.add("states as fact what the article attributes: '" + claim + "'");
      }
    }
  }

  private static final java.util.regex.Pattern QUOTATION =
      java.util.regex.Pattern.compile(
          "(?<![\\p{L}])['\"]((?:[^'\"]|(?<=\\p{L})'(?=\\p{L})){3,}?)['\"](?![\\p{L}])");

  /**
   * A quotation given to a speaker ("Scripps director: Munk 'most brilliant …'", "Judge calls home
   * 'house of horrors'") must be said by that speaker in the article: some word of the speaker (a
   * name, a role word, or the name of the person the article gives that role) stands in the
   * sentence that holds the quotation or in the one before it. The speaker is what precedes the
   * quotation up to a colon or a speech verb.
   */
  private static void quotationSpeaker(ArticleFacts a, VariantFacts v, List<String> reasons) {
    java.util.regex.Matcher m = QUOTATION.matcher(v.text);
    while (m.find()) {
      String phrase = ArticleFacts.squash(m.group(1)).strip();
      if (phrase.split(" ").length < 2 || allCapitalised(m.group(1))) {
        continue; // a word, or a quoted title ("'Welcome To Video'"), not a quotation
      }
      List<Integer> in = new ArrayList<>();
      for (int si = 0; si < a.sentences.size(); si++) {
        if (ArticleFacts.squash(a.sentences.get(si).text()).contains(phrase)) {
          in.add(si);
        }
      }
      if (in.isEmpty()) {
        continue; // not in the article: the quotation check reports it
      }
      List<Integer> speaker = speakerBefore(v, m.start());
      if (speaker.isEmpty()) {
        continue;
      }
      List<Integer> roles = new ArrayList<>();
      for (int i : speaker) {
        if (Lexicon.SOURCE_NOUNS.contains(v.stems.get(i))) {
          roles.add(i);
        }
      }
      Set<String> holders = roles.isEmpty() ? Set.of() : roleHolders(a, v, roles);
      boolean said = false;
      for (int si : in) {
        for (int k = Math.max(0, si - 1); k <= si && !said; k++) {
          Set<String> st = a.sentences.get(k).stems();
          for (int i : speaker) {
            String vs = v.stems.get(i);
            if (st.contains(vs) || holders.stream().anyMatch(st::contains)) {
              said = true;
              break;
            }
            for (String s : st) {
              if (Lexicon.SOURCE_NOUNS.contains(vs) && roleMatches(s, vs)) {
                said = true;
                break;
              }
            }
          }
        }
      }
      if (!said) {
        reasons.add(
            "gives the quotation '"
                + m.group(1)
                + "' to '"
                + textOf(v, speaker)
                + "'; in the article someone else says it");
      }
    }
  }

  private static boolean allCapitalised(String s) {
    for (String w : s.strip().split("\\s+")) {
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The speaker of a quotation: the content words before it up to a colon ("Scripps director: …")
   * or before a speech verb ("Judge calls … 'house of horrors'"); empty if neither.
   */
  private static List<Integer> speakerBefore(VariantFacts v, int quoteStart) {
    int colon = v.text.lastIndexOf(": ", quoteStart);
    int end = -1;
    if (colon > 0) {
      end = 0;
      while (end < v.tokens.size() && v.tokens.get(end).start() < colon) {
        end++;
      }
    } else {
      for (int i = 0; i < v.tokens.size() && v.tokens.get(i).start() < quoteStart; i++) {
        if (Lexicon.SOURCE_VERBS.contains(v.tokens.get(i).lower()) && i > 0) {
          end = i;
          break;
        }
      }
    }
    if (end <= 0 || end > 5) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      String l = ArticleFacts.stripPossessive(v.tokens.get(i).lower());
      if (v.word(i) && Text.content(l) && l.length() > 1) {
        out.add(i);
      }
    }
    return out;
  }

  private static boolean sameSource(
      ArticleFacts a, VariantFacts v, List<Source> mine, List<Source> theirs) {
    VariantFacts t = new VariantFacts(a.title);
    for (Source m : mine) {
      for (int i : m.source()) {
        String vl = ArticleFacts.stripPossessive(v.tokens.get(i).lower());
        if (!Text.content(vl)) {
          continue;
        }
        for (Source s : theirs) {
          for (int k : s.source()) {
            String tl = ArticleFacts.stripPossessive(t.tokens.get(k).lower());
            String g = Lexicon.ROLE_GROUPS.get(v.stems.get(i));
            if (vl.equals(tl)
                || g != null && g.equals(Lexicon.ROLE_GROUPS.get(t.stems.get(k)))
                || v.stems.get(i).equals(t.stems.get(k))
                || NameCheck.demonym(vl, tl)
                || NameCheck.demonym(tl, vl)
                || tl.equals(Lexicon.METONYMS.get(vl))
                || vl.equals(Lexicon.METONYMS.get(tl))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Verb forms that put what follows in a speaker's mouth as a charge or a claim. */
  private static final Set<String> ALLEGING =
      Set.of(
          "claimed",
          "claims",
          "claiming",
          "alleged",
          "alleges",
          "alleging",
          "accused",
          "accuses",
          "accusing");

  private static final Set<String> DETERMINERS =
      Set.of("the", "a", "an", "his", "her", "its", "their", "our", "this", "that");

  /** Objects after which "claimed" means took or won, not said. */
  private static final Set<String> TAKEN =
      Set.of(
          "responsibility",
          "life",
          "lives",
          "victory",
          "title",
          "titles",
          "seat",
          "seats",
          "gold",
          "medal",
          "medals",
          "prize",
          "win",
          "credit",
          "asylum",
          "ownership",
          "territory");

  /** Tokens after an alleging verb, within its clause, that the claim covers. */
  private static final int ALLEGED_SPAN = 12;

  /**
   * What the article has only as someone's claim or charge ("Mujahid claimed 190 were dead", "Major
   * has accused Johnson of misleading the Queen", "Hotak alleged the government are 'hiding …'")
   * may not be stated as fact or given to another speaker: a word or number of the variant that the
   * article writes only within the clause after an alleging verb (not counting its occurrences
   * inside quotations, which are no statement of fact either way) needs a source in the variant,
   * and that source must stand before the verb in that sentence (or in the sentence before, where a
   * pronoun speaks). "Claimed" that takes ("claimed responsibility", "claimed the lives of 20",
   * "claimed victory") and the adjective ("the alleged killer") open no claim.
   */
  private static void allegedOnly(
      ArticleFacts a, VariantFacts v, List<Source> sources, List<String> reasons) {
    if (v.hedged) {
      return;
    }
    for (int i = 0; i < v.tokens.size(); i++) {
      String l = v.tokens.get(i).lower();
      String st = v.stems.get(i);
      if (Lexicon.CLAIM_STEMS.contains(st) || ALLEGING.contains(l)) {
        return; // the variant itself reports a claim: the other checks weigh it
      }
    }
    for (int i = 0; i < v.tokens.size(); i++) {
      Text.Token t = v.tokens.get(i);
      String l = ArticleFacts.stripPossessive(t.lower());
      boolean number = !v.word(i);
      if (!number
          && (!Text.content(l)
              || l.length() <= 3
              || Lexicon.SOURCE_VERBS.contains(l)
              || t.capitalised() && !a.lowerWords.contains(l))) {
        continue;
      }
      String st = v.stems.get(i);
      List<int[]> in = new ArrayList<>(); // sentence, alleging verb
      boolean outside = false;
      for (int si = 0; si < a.sentences.size() && !outside; si++) {
        ArticleFacts.Sentence s = a.sentences.get(si);
        List<Text.Token> tk = s.tokens();
        for (int k = 0; k < tk.size(); k++) {
          String w = tk.get(k).lower();
          if (number ? !w.equals(l) : !Text.stem(ArticleFacts.stripPossessive(w)).equals(st)) {
            continue;
          }
          int verb = allegedBy(s.text(), tk, k);
          if (verb >= 0) {
            in.add(new int[] {si, verb});
          } else if (!quotedAt(s.text(), tk.get(k).start())) {
            outside = true;
            break;
          }
        }
      }
      if (outside || in.isEmpty()) {
        continue;
      }
      boolean attributed = false;
      for (Source src : sources) {
        for (int[] at : in) {
          List<Text.Token> tk = a.sentences.get(at[0]).tokens();
          List<Text.Token> speaker = tk.subList(0, at[1]);
          boolean pronoun = speaker.stream().anyMatch(x -> PRONOUNS.contains(x.lower()));
          if (mentionsAny(a, v, src.source(), speaker)
              || pronoun
                  && at[0] > 0
                  && mentionsAny(a, v, src.source(), a.sentences.get(at[0] - 1).tokens())) {
            attributed = true;
          }
        }
      }
      if (!attributed) {
        String claim = a.sentences.get(in.get(0)[0]).text();
        claim = claim.length() > 160 ? claim.substring(0, 157) + "..." : claim;
        reasons.add(
            (sources.isEmpty() ? "states as fact" : "gives to another source")
                + " what the article has only as a claim: '"
                + claim
                + "'");
        return;
      }
    }
  }

  /** The alleging verb whose clause holds token {@code k} ("accused … of misleading"), or -1. */
  private static int allegedBy(String text, List<Text.Token> tk, int k) {
    for (int c = k - 1; c >= Math.max(0, k - ALLEGED_SPAN); c--) {
      int end = tk.get(c).start() + tk.get(c).text().length();
      if (c < k - 1 && end < text.length() && ",;:".indexOf(text.charAt(end)) >= 0) {
        return -1;
      }
      String w = tk.get(c).lower();
      if (ALLEGING.contains(w)) {
        boolean adjective = c > 0 && DETERMINERS.contains(tk.get(c - 1).lower());
        boolean taken =
            false; // "claimed responsibility", "claimed the lives of", "claimed victory"
        for (int o = c + 1; o < Math.min(tk.size(), c + 3); o++) {
          taken |= TAKEN.contains(tk.get(o).lower());
        }
        return adjective || taken ? -1 : c;
      }
    }
    return -1;
  }

  /**
   * True if the offset stands inside a quotation: an odd number of double quotation marks precede
   * it, or an even number where the sentence opens inside a quotation that an earlier sentence
   * began (its first mark closes: it follows a letter or punctuation, not a space).
   */
  private static boolean quotedAt(String text, int offset) {
    int n = 0;
    int first = text.indexOf('"');
    for (int c = 0; c < offset && c < text.length(); c++) {
      if (text.charAt(c) == '"') {
        n++;
      }
    }
    boolean opensInside = first > 0 && !Character.isWhitespace(text.charAt(first - 1));
    return n % 2 == 1 != opensInside;
  }

  private static boolean quoted(VariantFacts v) {
    return v.text.matches(".*(?<![\\p{L}])'[^']{2,}'(?![\\p{L}]).*");
  }

  private static boolean mentions(VariantFacts v, String word) {
    for (Text.Token t : v.tokens) {
      if (t.lower().equals(word)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> JOINS = Set.of("as", "after", "amid", "while", "following");

  /**
   * Where the claim after "X says" ends when it quotes the source: at a word that joins another
   * clause of the headline writer ("Judge calls home 'house of horrors' as parents get life"),
   * unless it stands in the quotation.
   */
  private static int joinAfter(VariantFacts v, int from) {
    if (!quoted(v)) {
      return v.tokens.size(); // only a quotation marks off what the source said
    }
    boolean inQuote = false;
    for (int i = from; i < v.tokens.size(); i++) {
      int s = v.tokens.get(i).start();
      int prevEnd = i == 0 ? 0 : v.tokens.get(i - 1).start() + v.tokens.get(i - 1).text().length();
      String gap = v.text.substring(Math.min(prevEnd, s), s);
      if (gap.contains("'") || gap.contains("\"")) {
        inQuote = !inQuote;
      }
      if (!inQuote && i > from && JOINS.contains(v.tokens.get(i).lower())) {
        return i;
      }
    }
    return v.tokens.size();
  }

  /** The sources a variant names, with the tokens of each source and of its claim. */
  static List<Source> sources(ArticleFacts a, VariantFacts v) {
    List<Source> out = new ArrayList<>();
    int n = v.tokens.size();
    for (int i = 0; i < n; i++) {
      String l = v.tokens.get(i).lower();
      if (l.equals("according") && i + 1 < n && v.tokens.get(i + 1).lower().equals("to")) {
        int ce = v.clauseEnd(i);
        out.add(new Source(range(i + 2, ce), outside(n, i, ce), "according"));
      } else if (Lexicon.SOURCE_VERBS.contains(l)
          && !l.equals("according")
          && !(i + 1 < n && v.tokens.get(i + 1).lower().equals("off"))) { // "calls off": cancels
        int cs = v.clauseStart(i);
        int ce = v.clauseEnd(i);
        List<Integer> before = contentRange(v, cs, i);
        if (!before.isEmpty() && (cs > 0 || ce < n || i + 1 < n)) {
          if (cs > 0 && ce == n && i + 1 == n) {
            out.add(new Source(before, range(0, cs), l)); // "..., Trump says"
          } else {
            out.add(new Source(before, range(i + 1, joinAfter(v, i + 1)), l)); // "Trump says ..."
          }
        } else if (cs > 0) {
          out.add(new Source(contentRange(v, i + 1, ce), range(0, cs), l)); // "..., say scientists"
        }
      }
    }
    int colon = v.text.indexOf(": ");
    if (colon > 0 && out.isEmpty()) {
      int k = 0;
      while (k < n && v.tokens.get(k).start() < colon) {
        k++;
      }
      if (k > 0 && k <= 5 && k < n) {
        List<Integer> prefix = range(0, k);
        String last = v.stems.get(k - 1);
        boolean topic = !v.tokens.get(k - 1).capitalised() || v.titleCase && EVENTS.contains(last);
        if (Lexicon.SOURCE_NOUNS.contains(last)
            || DOCUMENTS.contains(last)
            || !topic && !EVENTS.contains(last) && nearAttribution(a, v, prefix)) {
          out.add(new Source(prefix, range(k, n), ":"));
        }
      }
    }
    return out;
  }

  private static void checkSource(ArticleFacts a, VariantFacts v, Source s, List<String> reasons) {
    List<String> names = new ArrayList<>();
    for (int i : s.source()) {
      names.add(v.tokens.get(i).text());
    }
    String who = String.join(" ", names);
    if (s.source().isEmpty()) {
      return;
    }
    boolean document = false;
    for (int i : s.source()) {
      if (DOCUMENTS.contains(v.stems.get(i))) {
        document = true;
      }
    }
    List<Integer> hits = document ? allSentences(a) : sourceSentences(a, v, s.source());
    if (!document && ownVoice(a, v, s)) {
      return; // the article states the claim itself, of the source's own doing
    }
    if (hits.isEmpty()) {
      reasons.add("gives the claim to '" + who + "', who is not a source in the article");
      return;
    }
    boolean claimNear = false;
    boolean verbNear = !FIRM_VERBS.contains(s.verb());
    String verbStem = Text.stem(s.verb());
    for (int si : hits) {
      if (claimCovered(a, v, s.claim(), si) || responsibilityFor(a, v, s.claim(), si)) {
        claimNear = true;
        for (int k = Math.max(0, si - 1); k <= Math.min(a.sentences.size() - 1, si + 1); k++) {
          if (a.sentences.get(k).stems().contains(verbStem)) {
            verbNear = true;
          }
        }
      }
    }
    String speaker = claimNear ? spokenByAnother(a, v, s, hits) : null;
    if (!claimNear) {
      reasons.add("gives the claim to '" + who + "', but the article does not attribute it so");
    } else if (speaker != null) {
      reasons.add(
          "gives to '" + who + "' what the article has another speaker say: '" + speaker + "'");
    } else if (!verbNear) {
      reasons.add(
          "says '" + who + " " + s.verb() + "'; in the article " + who + " does not " + verbStem);
    }
  }

  /**
   * True if one sentence of the article states most of the claim in its own voice — no speaker, no
   * word of attribution in it — and names the source there ("Turkish government stops search of
   * survivors" for "search officially over, Turkey says"; "No Coalition troops were injured" for
   * "Coalition says no troops hurt"). An editor who puts "X says" on a claim the article makes
   * about X's own doing or state adds a source but no fact; a claim the article gives to someone
   * else (a sentence with "said", "according to", "claimed") stays with its speaker. Only neutral
   * verbs ("says", "reports", "announces") and no quotation: "confirms", "urges" or a quoted word
   * claim more than the article's statement; the source must open the sentence (be its subject),
   * not be a word inside it.
   */
  private static boolean ownVoice(ArticleFacts a, VariantFacts v, Source s) {
    List<Integer> names = new ArrayList<>();
    for (int i : s.source()) {
      if (v.tokens.get(i).capitalised() && !Text.STOPWORDS.contains(v.tokens.get(i).lower())) {
        names.add(i);
      }
    }
    if (names.isEmpty() || !NEUTRAL_VERBS.contains(s.verb()) || quoted(v)) {
      return false;
    }
    for (int si = 0; si < a.sentences.size(); si++) {
      ArticleFacts.Sentence st = a.sentences.get(si);
      List<Text.Token> tk = st.tokens();
      if (attributes(st) || !mentionsAny(a, v, names, tk.subList(0, Math.min(4, tk.size())))) {
        continue; // the source must be what the sentence is about: its subject, first
      }
      int total = 0;
      int found = 0;
      for (int i : s.claim()) {
        String l = v.tokens.get(i).lower();
        if (!v.word(i) || !Text.content(l) || l.length() < 3 || Lexicon.HEDGES.contains(l)) {
          continue;
        }
        total++;
        if (Lexicon.hasStemOrSynonym(st.stems(), v.stems.get(i))) {
          found++;
        }
      }
      if (total >= 2 && found * 2 >= total) {
        return true;
      }
    }
    return false;
  }

  /** Verbs that only pass a claim on; "confirms", "urges", "calls" say more. */
  private static final Set<String> NEUTRAL_VERBS =
      Set.of("says", "say", "said", "reports", "report", "reported", "announces", "announced");

  /** True if the sentence gives what it says to a speaker ("said", "according to", a colon). */
  private static boolean attributes(ArticleFacts.Sentence st) {
    for (Text.Token t : st.tokens()) {
      String l = t.lower();
      if (Lexicon.SOURCE_VERBS.contains(l) || Lexicon.ATTRIBUTION.contains(Text.stem(l))) {
        return true;
      }
    }
    return st.text().contains(": ");
  }

  /**
   * "X claimed responsibility" speaks for the event the article reports in its lead: a claim of
   * responsibility covers a claim the headline or the lead sentences state.
   */
  private static boolean responsibilityFor(
      ArticleFacts a, VariantFacts v, List<Integer> claim, int si) {
    Set<String> st = a.sentences.get(si).stems();
    if (!st.contains("claim") || !st.contains("respons")) {
      return false;
    }
    for (int k = 0; k < Math.min(2, a.sentences.size()); k++) {
      if (claimCovered(a, v, claim, k)) {
        return true;
      }
    }
    return false;
  }

  private static List<Integer> allSentences(ArticleFacts a) {
    return range(0, a.sentences.size());
  }

  /**
   * The article sentence that states the variant's claim most fully, if every such sentence has a
   * speaker of its own ("Susan Bro … told reporters …, saying executing Fields would not …") and is
   * not one where the source speaks (its name, role or the role's holder: "Blake said …" for
   * "Judge"), nor follows such a sentence where a pronoun speaks; null otherwise. The neighbouring
   * sentence that {@link #claimCovered} lets count belongs to whoever speaks in it.
   */
  private static String spokenByAnother(
      ArticleFacts a, VariantFacts v, Source s, List<Integer> sourceSentences) {
    for (int i : s.source()) {
      if (DOCUMENTS.contains(v.stems.get(i))) {
        return null; // "study estimates": a document speaks through whoever quotes it
      }
    }
    List<String> content = new ArrayList<>();
    for (int i : s.claim()) {
      String l = v.tokens.get(i).lower();
      if (v.word(i) && Text.content(l) && l.length() >= 3 && !Lexicon.HEDGES.contains(l)) {
        content.add(v.stems.get(i));
      }
    }
    if (content.size() < 3) {
      return null;
    }
    boolean named = false; // a role ("Judge") speaks through its holder; a name must be mentioned
    for (int i : s.source()) {
      named |=
          v.tokens.get(i).capitalised()
              && !Lexicon.SOURCE_NOUNS.contains(v.stems.get(i))
              && !Text.STOPWORDS.contains(v.tokens.get(i).lower());
    }
    int best = 0;
    List<Integer> bestAt = new ArrayList<>();
    for (int si = 0; si < a.sentences.size(); si++) {
      int hit = 0;
      for (String c : content) {
        if (a.sentences.get(si).stems().contains(c)) {
          hit++;
        }
      }
      if (hit > best) {
        best = hit;
        bestAt.clear();
      }
      if (hit == best && hit > 0) {
        bestAt.add(si);
      }
    }
    if (best * 2 < content.size()) {
      return null;
    }
    Set<Integer> sourceSet = new HashSet<>(sourceSentences);
    for (int si : bestAt) {
      List<Text.Token> tk = a.sentences.get(si).tokens();
      boolean speaks = false;
      boolean pronoun = false;
      for (int p = 0; p < tk.size(); p++) {
        if (Lexicon.ATTRIBUTION.contains(Text.stem(tk.get(p).lower()))) {
          speaks = true;
          for (int q = Math.max(0, p - 3); q <= Math.min(tk.size() - 1, p + 1); q++) {
            pronoun |= PRONOUNS.contains(tk.get(q).lower()); // "they have concluded", "said she"
          }
        }
      }
      if (!speaks
          || !named && sourceSet.contains(si)
          || mentionsPerson(a, v, s.source(), tk)
          || pronoun
              && si > 0
              && mentionsPerson(a, v, s.source(), a.sentences.get(si - 1).tokens())) {
        return null;
      }
    }
    String text = a.sentences.get(bestAt.get(0)).text();
    return text.length() > 160 ? text.substring(0, 157) + "..." : text;
  }

  /**
   * Like {@link #mentionsAny}, but a surname shared by another person is no mention: "Alan Kurdi"
   * does not mention "Abdullah Kurdi" (the name before the surname differs).
   */
  private static boolean mentionsPerson(
      ArticleFacts a, VariantFacts v, List<Integer> src, List<Text.Token> tk) {
    List<Integer> names = new ArrayList<>();
    for (int i : src) {
      if (v.tokens.get(i).capitalised() && !Text.STOPWORDS.contains(v.tokens.get(i).lower())) {
        names.add(i);
      }
    }
    if (names.size() < 2) {
      return mentionsAny(a, v, src, tk);
    }
    for (int p = 0; p < tk.size(); p++) {
      if (!matchesAny(a, v, src, tk.get(p))) {
        continue;
      }
      boolean otherFirstName =
          p > 0
              && tk.get(p - 1).capitalised()
              && (!tk.get(p - 1).sentenceStart() || !a.lowerWords.contains(tk.get(p - 1).lower()))
              && !matchesAny(a, v, src, tk.get(p - 1))
              && names.indexOf(matchIndex(a, v, names, tk.get(p))) > 0;
      if (!otherFirstName) {
        return true;
      }
    }
    return false;
  }

  private static int matchIndex(ArticleFacts a, VariantFacts v, List<Integer> keys, Text.Token t) {
    for (int i : keys) {
      if (matchesAny(a, v, List.of(i), t)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True if the list (of ascending sentence indices) ends with {@code si}: a constant-time "was
   * this sentence added", where {@code List.contains} made the scans below quadratic in the number
   * of sentences.
   */
  private static boolean endsWith(List<Integer> out, int si) {
    return !out.isEmpty() && out.get(out.size() - 1) == si;
  }

  /** Sentences where a source word (a name if it has one) stands near an attributing word. */
  private static List<Integer> sourceSentences(ArticleFacts a, VariantFacts v, List<Integer> src) {
    List<Integer> names = new ArrayList<>();
    List<Integer> roles = new ArrayList<>();
    for (int i : src) {
      if (Lexicon.SOURCE_NOUNS.contains(v.stems.get(i))) {
        roles.add(i);
      } else if (v.tokens.get(i).capitalised()
          && !Text.STOPWORDS.contains(v.tokens.get(i).lower())) {
        names.add(i);
      }
    }
    if (names.isEmpty() && roles.isEmpty()) {
      return allSentences(a); // "carmaker says": a descriptor, judged by the claim alone
    }
    if (names.isEmpty()) {
      // "scientists say", "police: ...": a role, not a name; any sentence mentioning it will do.
      // So does a sentence where the person the article gives that role ("Judge Bernard
      // Schwartz", "the judge presiding over the case, Bernard Schwartz") speaks.
      Set<String> holders = roleHolders(a, v, roles);
      List<Integer> out = new ArrayList<>();
      for (int si = 0; si < a.sentences.size(); si++) {
        List<Text.Token> tk = a.sentences.get(si).tokens();
        for (int p = 0; p < tk.size() && !endsWith(out, si); p++) {
          if (tk.get(p).capitalised()
              && holders.contains(Text.stem(tk.get(p).lower()))
              && attributesAt(tk, p)) {
            out.add(si);
            break;
          }
          for (int r : roles) {
            if (roleMatches(Text.stem(tk.get(p).lower()), v.stems.get(r))
                && (attributesAt(tk, p) || nextSentencePronounSays(a, si))) {
              out.add(si);
              break;
            }
          }
        }
      }
      return out;
    }
    List<Integer> keys = roles.isEmpty() ? names : roles;
    List<Integer> out = new ArrayList<>();
    for (int si = 0; si < a.sentences.size(); si++) {
      List<Text.Token> tk = a.sentences.get(si).tokens();
      if (!roles.isEmpty() && !mentionsAny(a, v, names, tk)) {
        continue; // "Seoul government": the role near a verb, the name in the same sentence
      }
      if (roles.isEmpty() && !endsWith(out, si) && aliasAttributed(v, names, a.sentences.get(si))) {
        out.add(si);
        continue;
      }
      for (int p = 0; p < tk.size() && !endsWith(out, si); p++) {
        if (!matchesAny(a, v, keys, tk.get(p))) {
          continue;
        }
        if (attributesAt(tk, p)) {
          out.add(si);
        }
      }
    }
    return out;
  }

  /**
   * The names the article gives one of the roles: capitalised words within a few words after the
   * role word, before any full stop ("Judge Bernard Schwartz", "The judge presiding over the case,
   * Bernard Schwartz").
   */
  private static Set<String> roleHolders(ArticleFacts a, VariantFacts v, List<Integer> roles) {
    Set<String> out = new java.util.HashSet<>();
    for (ArticleFacts.Sentence s : a.sentences) {
      List<Text.Token> tk = s.tokens();
      for (int p = 0; p < tk.size(); p++) {
        boolean role = false;
        for (int r : roles) {
          role |= Text.stem(tk.get(p).lower()).equals(v.stems.get(r));
        }
        if (!role) {
          continue;
        }
        for (int q = p + 1; q < Math.min(tk.size(), p + 7); q++) {
          Text.Token t = tk.get(q);
          if (t.capitalised() && !t.sentenceStart() && !Text.STOPWORDS.contains(t.lower())) {
            out.add(Text.stem(t.lower()));
            // the name's run ends the role's holder
            if (q + 1 >= tk.size() || !tk.get(q + 1).capitalised()) {
              break;
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * True if the word at {@code p} stands where a speaker stands: before an attributing word (up to
   * eight words: "X, the minister, said") or just after one ("said X", "according to X").
   */
  private static boolean attributesAt(List<Text.Token> tk, int p) {
    for (int q = Math.max(0, p - 6); q < Math.min(tk.size(), p + NEAR + 1); q++) {
      if (q == p) {
        continue;
      }
      String st = Text.stem(tk.get(q).lower());
      if (Lexicon.ATTRIBUTION.contains(st) || st.startsWith("accord")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> PRONOUNS = Set.of("they", "he", "she", "it", "we");

  private static boolean roleMatches(String articleStem, String roleStem) {
    String group = Lexicon.ROLE_GROUPS.getOrDefault(roleStem, roleStem);
    return articleStem.equals(roleStem) || group.equals(Lexicon.ROLE_GROUPS.get(articleStem));
  }

  /** "Scientists compared ... . They have concluded ...": the next sentence speaks for them. */
  private static boolean nextSentencePronounSays(ArticleFacts a, int si) {
    if (si + 1 >= a.sentences.size()) {
      return false;
    }
    List<Text.Token> next = a.sentences.get(si + 1).tokens();
    return !next.isEmpty() && PRONOUNS.contains(next.get(0).lower()) && attributesAt(next, 0);
  }

  /** "Pentagon" for "Department of Defense": an alias phrase in an attributing sentence. */
  private static boolean aliasAttributed(
      VariantFacts v, List<Integer> names, ArticleFacts.Sentence s) {
    String flat = ArticleFacts.squash(s.text());
    for (int i : names) {
      String l = v.tokens.get(i).lower().replace(".", "");
      for (String alias : NameCheck.aliases(l)) {
        if (!alias.equals(l) && alias.contains(" ") && flat.contains(" " + alias + " ")) {
          for (String st : s.stems()) {
            if (Lexicon.ATTRIBUTION.contains(st) || st.startsWith("justif")) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean mentionsAny(
      ArticleFacts a, VariantFacts v, List<Integer> names, List<Text.Token> tk) {
    for (Text.Token t : tk) {
      if (matchesAny(a, v, names, t)) {
        return true;
      }
    }
    if (tk.isEmpty()) {
      return false;
    }
    StringBuilder sb = new StringBuilder();
    for (Text.Token t : tk) {
      sb.append(t.lower()).append(' ');
    }
    String flat = " " + sb + " ";
    for (int i : names) {
      for (String alias : NameCheck.aliases(v.tokens.get(i).lower().replace(".", ""))) {
        if (flat.contains(" " + alias + " ")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAny(
      ArticleFacts a, VariantFacts v, List<Integer> keys, Text.Token t) {
    String tl = ArticleFacts.stripPossessive(t.lower());
    String ts = Text.stem(tl);
    for (int i : keys) {
      String vl = ArticleFacts.stripPossessive(v.tokens.get(i).lower());
      if (!Text.content(vl)) {
        continue;
      }
      String metonym = Lexicon.METONYMS.get(vl);
      if (vl.equals(tl)
          || v.stems.get(i).equals(ts)
          || NameCheck.demonym(vl, tl)
          || NameCheck.demonym(tl, vl)
          || metonym != null && (metonym.equals(tl) || NameCheck.demonym(tl, metonym))) {
        return true;
      }
      String g = Lexicon.ROLE_GROUPS.get(v.stems.get(i));
      if (g != null && g.equals(Lexicon.ROLE_GROUPS.get(ts))) {
        return true;
      }
    }
    return false;
  }

  private static boolean nearAttribution(ArticleFacts a, VariantFacts v, List<Integer> src) {
    return !sourceSentences(a, v, src).isEmpty();
  }

  /** Half the claim's content words and numbers appear within a sentence of sentence {@code si}. */
  private static boolean claimCovered(ArticleFacts a, VariantFacts v, List<Integer> claim, int si) {
    int from = si == 1 ? 0 : si; // a lead sentence stands with the headline
    int to = Math.min(a.sentences.size() - 1, si + 1);
    int total = 0;
    int found = 0;
    for (int i : claim) {
      String l = v.tokens.get(i).lower();
      if (!v.word(i) || !Text.content(l) || l.length() < 3 || Lexicon.HEDGES.contains(l)) {
        continue;
      }
      total++;
      for (int k = from; k <= to; k++) {
        if (a.sentences.get(k).stems().contains(v.stems.get(i))) {
          found++;
          break;
        }
      }
    }
    String claimText = textOf(v, claim);
    List<Quantities.Quantity> nums = Quantities.find(claimText);
    if (!nums.isEmpty()) {
      StringBuilder window = new StringBuilder();
      for (int k = from; k <= to; k++) {
        window.append(a.sentences.get(k).text()).append('\n');
      }
      List<Quantities.Quantity> wq = Quantities.find(window.toString());
      for (Quantities.Quantity q : nums) {
        total++;
        for (Quantities.Quantity w : wq) {
          if (Quantities.supports(w, q)) {
            found++;
            break;
          }
        }
      }
    }
    return total == 0 || found * 2 >= total;
  }

  private static String textOf(VariantFacts v, List<Integer> idx) {
    if (idx.isEmpty()) {
      return "";
    }
    int start = v.tokens.get(idx.get(0)).start();
    Text.Token last = v.tokens.get(idx.get(idx.size() - 1));
    return v.text.substring(start, last.start() + last.text().length());
  }

  private static boolean restatesTitle(ArticleFacts a, VariantFacts v) {
    List<Text.Token> tt = a.sentences.get(0).tokens();
    int total = 0;
    int shared = 0;
    for (Text.Token t : tt) {
      String l = t.lower();
      if (!Text.content(l) || l.length() < 3 || Lexicon.SOURCE_VERBS.contains(l)) {
        continue;
      }
      total++;
      if (v.stems.contains(Text.stem(l))) {
        shared++;
      }
    }
    return total > 0 && shared * 2 >= total;
  }

  /** The article sentence the variant restates, if it carries a claim verb; else null. */
  private static String claimSentence(ArticleFacts a, VariantFacts v) {
    List<String> content = new ArrayList<>();
    for (int i = 0; i < v.tokens.size(); i++) {
      String l = v.tokens.get(i).lower();
      if (v.word(i) && Text.content(l) && l.length() > 2) {
        content.add(v.stems.get(i));
      }
    }
    if (content.size() < 3) {
      return null;
    }
    int best = 0;
    String claim = null;
    boolean plainBest = false;
    for (ArticleFacts.Sentence s : a.sentences) {
      int hit = 0;
      for (String c : content) {
        if (s.stems().contains(c)) {
          hit++;
        }
      }
      if (hit * 2 < content.size() || hit < best) {
        continue;
      }
      boolean claims = false;
      for (String st : s.stems()) {
        if (Lexicon.CLAIM_STEMS.contains(st)) {
          claims = true;
        }
      }
      if (hit > best) {
        best = hit;
        plainBest = !claims;
        claim = claims ? s.text() : null;
      } else if (!claims) {
        plainBest = true;
      }
    }
    if (claim == null || plainBest) {
      return null;
    }
    return claim.length() > 160 ? claim.substring(0, 157) + "..." : claim;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }

  private static List<Integer> outside(int n, int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i < from || i >= to) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Integer> contentRange(VariantFacts v, int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (Text.content(v.tokens.get(i).lower()) || v.tokens.get(i).capitalised()) {
        out.add(i);
      }
    }
    return out;
  }
}
