package dev.lede.headline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small clause reader: who did what to whom. It finds the event verbs of a sentence (a closed
 * table of about 130 news verbs in 57 synonym classes: "rescue"/"save"/"evacuate", "beat"/"defeat"/
 * "edge"), decides whether each is active or passive, and reads the noun phrase before it and after
 * it as its agent and patient, so that "X was killed by Y", "X killed by Y" (headlinese) and "Y
 * killed X" all give (agent Y, kill, patient X). A relative clause takes its subject from the noun
 * before the pronoun ("thieves who stole the toilet"); an infinitive after another verb ("to be
 * rescued") has no subject of its own and gives none; possessives count as the name ("Iran's" is
 * "Iran").
 *
 * <p>Why not a parser: the guard must run without models or external services, in microseconds per
 * variant, and it only needs the roles of a few event verbs; a closed verb table keeps the reader
 * from mistaking nouns for verbs ("drone attacks on ...") more often than a suffix rule would. A
 * verb-looking word after a determiner or before "of"/"on" is read as a noun. Each argument is kept
 * as its content stems and its numbers, which is what {@link ClauseCheck} compares; a pronoun-only
 * argument is unknown. The reader is deliberately shallow (windows of at most six words, clause
 * punctuation and subordinators end a phrase): it misses roles rather than invent them, which keeps
 * faithful variants passing.
 */
final class Clauses {
  private Clauses() {}

  /** An argument: the words of the phrase, their content stems and the numbers in it. */
  record Arg(String text, Set<String> stems, Set<Double> numbers) {}

  /**
   * One clause: the verb's class, the verb as written, its agent and patient (null when unknown),
   * what follows them in the clause (its adjuncts, or null), and the index of its sentence in the
   * article (-1 for a variant).
   */
  record Triple(String verbClass, String verb, Arg agent, Arg patient, Arg extra, int sentence) {
    /** The same clause, placed in sentence {@code index} of its article. */
    Triple in(int index) {
      return new Triple(verbClass, verb, agent, patient, extra, index);
    }

    @Override
    public String toString() {
      return "("
          + (agent == null ? "?" : agent.text())
          + ", "
          + verb
          + ", "
          + (patient == null ? "?" : patient.text())
          + ")";
    }
  }

  // Verb classes: words in one row stand for one another. Base forms; stems are computed.
  private static final String[][] CLASSES = {
    {"kill", "murder", "slay", "assassinate", "execute"},
    {"shoot", "gun"},
    {"stab"},
    {"injure", "wound", "hurt"},
    {"rescue", "save", "evacuate", "retrieve", "airlift"},
    {"arrest", "detain", "apprehend", "catch", "nab", "capture"},
    {"charge", "indict", "prosecute"},
    {"convict"},
    {"sentence", "jail", "imprison"},
    {"acquit", "clear"},
    {"accuse", "blame"},
    {"sue"},
    {"fine"},
    {"beat", "defeat", "edge", "rout", "thrash", "overcome", "trounce"},
    {"eliminate", "knock"},
    {"win", "clinch"},
    {"lose"},
    {"buy", "acquire", "purchase"},
    {"sell"},
    {"elect", "vote"},
    {"appoint", "name", "nominate", "choose", "pick", "select", "tap"},
    {"sack", "fire", "dismiss", "oust", "depose", "remove"},
    {"suspend", "ban", "bar", "expel", "exclude"},
    {"attack", "strike", "hit", "raid", "bomb", "shell", "target", "ambush"},
    {"invade", "occupy", "seize", "annex"},
    {"kidnap", "abduct"},
    {"release", "free", "unveil"},
    {"hire", "recruit", "sign"},
    {"replace", "succeed"},
    {"criticise", "criticize", "condemn", "slam", "denounce", "rebuke"},
    {"praise", "hail"},
    {"endorse", "support"},
    {"approve", "pass", "ratify", "adopt"},
    {"reject", "veto", "block", "oppose"},
    {"meet"},
    {"visit"},
    {"join"},
    {"leave", "quit", "exit"},
    {"sink"},
    {"steal", "rob", "loot"},
    {"destroy", "demolish", "wreck"},
    {"damage"},
    {"threaten"},
    {"warn"},
    {"investigate", "probe"},
    {"hospitalise", "hospitalize"},
    {"launch"},
    {"lead"},
    {"defend", "protect"},
    {"hijack"},
    {"deport", "expel"},
    {"extradite"},
    {"pardon"},
    {"impeach"},
    {"sanction"},
    {"interrogate"},
    {"discover", "uncover"},
    {"dock", "berth"},
    {"swear", "inaugurate"},
    {"die", "perish"},
  };

  /** Irregular past forms: the form → its base. Past and participle forms are "done" forms. */
  private static final Map<String, String> IRREGULAR_PAST =
      Map.ofEntries(
          Map.entry("slew", "slay"),
          Map.entry("sworn", "swear"),
          Map.entry("swore", "swear"),
          Map.entry("slain", "slay"),
          Map.entry("shot", "shoot"),
          Map.entry("hurt", "hurt"),
          Map.entry("caught", "catch"),
          Map.entry("beat", "beat"),
          Map.entry("beaten", "beat"),
          Map.entry("bought", "buy"),
          Map.entry("sold", "sell"),
          Map.entry("chose", "choose"),
          Map.entry("chosen", "choose"),
          Map.entry("struck", "strike"),
          Map.entry("hit", "hit"),
          Map.entry("left", "leave"),
          Map.entry("quit", "quit"),
          Map.entry("sank", "sink"),
          Map.entry("sunk", "sink"),
          Map.entry("stole", "steal"),
          Map.entry("stolen", "steal"),
          Map.entry("met", "meet"),
          Map.entry("led", "lead"),
          Map.entry("overcame", "overcome"),
          Map.entry("overcome", "overcome"),
          Map.entry("knocked", "knock"),
          Map.entry("won", "win"),
          Map.entry("lost", "lose"));

  private static final Map<String, String> CLASS_OF = new HashMap<>();

  static {
    for (String[] row : CLASSES) {
      for (String w : row) {
        CLASS_OF.putIfAbsent(w, row[0]);
      }
    }
  }

  private static final Set<String> BE =
      Set.of("is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten");
  private static final Set<String> AUX =
      Set.of(
          "has",
          "have",
          "had",
          "will",
          "would",
          "may",
          "might",
          "can",
          "could",
          "should",
          "must",
          "shall",
          "did",
          "does",
          "do",
          "to",
          "not",
          "never",
          "also",
          "reportedly",
          "allegedly",
          "later",
          "then",
          "subsequently",
          "already",
          "now",
          "just",
          "recently",
          "eventually",
          "successfully",
          "finally",
          "initially",
          "first",
          "again",
          "jointly",
          "narrowly",
          "officially",
          "formally",
          "apparently",
          "all",
          "both");
  private static final Set<String> MODAL_OR_TO =
      Set.of(
          "to", "will", "would", "may", "might", "can", "could", "should", "must", "shall", "did",
          "does", "do", "not", "never");
  private static final Set<String> DETERMINERS =
      Set.of(
          "a",
          "an",
          "the",
          "this",
          "that",
          "these",
          "those",
          "its",
          "his",
          "her",
          "their",
          "our",
          "my",
          "your",
          "of",
          "for",
          "in",
          "on",
          "at",
          "after",
          "before",
          "over",
          "amid",
          "from",
          "with",
          "without",
          "into",
          "against",
          "following",
          "during",
          "under",
          "no",
          "any",
          "each",
          "every",
          "another",
          "such",
          "first",
          "second",
          "new",
          "major",
          "further",
          "possible",
          "alleged",
          "suspected",
          "planned",
          "proposed",
          "attempted",
          "failed",
          "recent",
          "latest",
          "fatal",
          "deadly");
  private static final Set<String> NOUN_NEXT =
      Set.of("of", "on", "against", "at", "in", "for", "from", "as", "to", "with", "and", "or");
  private static final Set<String> BOUNDARY =
      Set.of(
          "after",
          "before",
          "when",
          "while",
          "because",
          "as",
          "if",
          "since",
          "although",
          "though",
          "but",
          "until",
          "unless",
          "whereas",
          "where",
          "said",
          "says",
          "say",
          "saying",
          "told",
          "according",
          "than",
          "whether",
          "despite",
          "amid",
          "following",
          "during");
  private static final Set<String> RELATIVE = Set.of("who", "which", "that", "whom", "whose");
  private static final Set<String> PRONOUNS =
      Set.of(
          "he",
          "she",
          "they",
          "it",
          "we",
          "i",
          "you",
          "him",
          "her",
          "them",
          "us",
          "who",
          "which",
          "that",
          "whom",
          "this",
          "these",
          "those",
          "one",
          "others",
          "himself",
          "herself",
          "themselves",
          "itself");
  private static final Set<String> OBJECT_PREPOSITIONS =
      Set.of(
          "in",
          "on",
          "at",
          "for",
          "from",
          "with",
          "into",
          "onto",
          "to",
          "off",
          "near",
          "after",
          "before",
          "during",
          "since",
          "until",
          "amid",
          "as",
          "across",
          "along",
          "outside",
          "inside",
          "over",
          "under",
          "through",
          "without",
          "within",
          "by",
          "following",
          "against",
          "up",
          "out",
          "down",
          "away",
          "back",
          "last",
          "this",
          "yesterday",
          "today");
  private static final Set<String> NUMBER_LEAD =
      Set.of("over", "about", "around", "nearly", "almost", "some", "up", "more", "at", "roughly");
  private static final int WINDOW = 6;
  private static final int EXTRA_WINDOW = 8;

  /** The class of a verb form ("rescued" → "rescue"), or null if it is not an event verb. */
  static String verbClass(String lower) {
    String base = baseOf(lower);
    return base == null ? null : CLASS_OF.get(base);
  }

  private static String baseOf(String lower) {
    String irregular = IRREGULAR_PAST.get(lower);
    if (irregular != null) {
      return irregular;
    }
    if (CLASS_OF.containsKey(lower)) {
      return lower;
    }
    for (String[] suffix : SUFFIXES) {
      if (lower.endsWith(suffix[0]) && lower.length() > suffix[0].length() + 1) {
        String b = lower.substring(0, lower.length() - suffix[0].length()) + suffix[1];
        if (CLASS_OF.containsKey(b)) {
          return b;
        }
      }
    }
    return null;
  }

  private static final String[][] SUFFIXES = {
    {"ied", "y"},
    {"ies", "y"},
    {"ed", "e"},
    {"ed", ""},
    {"es", ""},
    {"s", ""},
    {"ing", "e"},
    {"ing", ""},
    {"ped", ""},
    {"bed", ""},
    {"ted", ""},
    {"ged", ""},
    {"ned", ""},
    {"ping", ""},
    {"bing", ""},
    {"ting", ""},
    {"ging", ""},
    {"ning", ""},
    {"d", ""}
  };

  private enum Form {
    BASE,
    PRESENT,
    DONE,
    ING
  }

  private static Form form(String lower, String base) {
    if (IRREGULAR_PAST.containsKey(lower) && !lower.equals(base)) {
      return Form.DONE;
    }
    if (lower.equals(base)) {
      return IRREGULAR_PAST.containsKey(lower) ? Form.DONE : Form.BASE;
    }
    if (lower.endsWith("ing")) {
      return Form.ING;
    }
    if (lower.endsWith("ed") || lower.endsWith("d") && base.endsWith("e")) {
      return Form.DONE;
    }
    return Form.PRESENT;
  }

  /**
   * The clauses of one sentence. {@code headline} allows headlinese: a bare participle is passive
   * ("Asylum seekers rescued off coast") and a base form may follow a plural or a name.
   */
  static List<Triple> read(String text, List<Text.Token> tokens, boolean headline) {
    List<Triple> out = new ArrayList<>();
    boolean titleCase = headline && ArticleFacts.titleCase(text);
    for (int i = 0; i < tokens.size(); i++) {
      Triple t = clauseAt(text, tokens, i, headline, titleCase);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  static boolean isVerbAt(String text, List<Text.Token> tokens, int i, boolean headline) {
    return verbFormAt(text, tokens, i, headline, false) != null;
  }

  private static Form verbFormAt(
      String text, List<Text.Token> tokens, int i, boolean headline, boolean titleCase) {
    String lower = tokens.get(i).lower();
    String base = baseOf(lower);
    if (base == null) {
      return null;
    }
    Form f = form(lower, base);
    String prev = i > 0 && !breakBefore(text, tokens, i) ? tokens.get(i - 1).lower() : "";
    String next =
        i + 1 < tokens.size() && !breakBefore(text, tokens, i + 1) ? tokens.get(i + 1).lower() : "";
    if (DETERMINERS.contains(prev) && !(f == Form.DONE && BE.contains(prev))) {
      return null;
    }
    if (!headline && tokens.get(i).capitalised() && !tokens.get(i).sentenceStart()) {
      return null; // a name ("Sign", "Hit") in running text
    }
    switch (f) {
      case BASE -> {
        if (MODAL_OR_TO.contains(prev)) {
          return f;
        }
        if (next.isEmpty() || NOUN_NEXT.contains(next) || prev.isEmpty()) {
          return null;
        }
        // Present tense after a plural subject or a name: "Rebels kill 20", "Iran, US sign deal".
        // In title case every word is capitalised, so only a plural counts there.
        // A singular noun before a base form is a compound ("Iraqi vote calls"), not a subject.
        boolean subjectLike =
            prev.endsWith("s") && !prev.endsWith("ss") && !prev.endsWith("'s")
                || tokens.get(i - 1).allCaps()
                || !titleCase
                    && tokens.get(i - 1).capitalised()
                    && i >= 2
                    && tokens.get(i - 2).lower().equals("and");
        return subjectLike && !Text.STOPWORDS.contains(prev) ? f : null;
      }
      case PRESENT -> {
        if (NOUN_NEXT.contains(next) || next.isEmpty() || prev.isEmpty()) {
          return null;
        }
        return f;
      }
      case ING -> {
        return BE.contains(prev) && !NOUN_NEXT.contains(next) && !next.isEmpty() ? f : null;
      }
      default -> {
        if (prev.isEmpty()
            && headline
            && i == 0
            && !next.isEmpty()
            && Text.content(next)
            && !next.equals("by")
            && Quantities.find(next).isEmpty()) {
          return null; // "Captured Humvee used ...", "Injured climber rescued": an adjective
        }
        return prev.isEmpty() && !headline ? null : f;
      }
    }
  }

  /** True if clause punctuation stands between token i-1 and token i. */
  private static boolean breakBefore(String text, List<Text.Token> tokens, int i) {
    if (i <= 0) {
      return true;
    }
    Text.Token p = tokens.get(i - 1);
    int from = Math.min(text.length(), p.start() + p.text().length());
    int to = Math.min(text.length(), tokens.get(i).start());
    for (int c = from; c < to; c++) {
      if (",;:()\"?!".indexOf(text.charAt(c)) >= 0 || c + 1 < to && text.charAt(c) == '-') {
        return true;
      }
      if (text.charAt(c) == '.') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCapital(String s) {
    for (String w : s.split("\\s+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  private static Triple clauseAt(
      String text, List<Text.Token> tokens, int i, boolean headline, boolean titleCase) {
    Form f = verbFormAt(text, tokens, i, headline, titleCase);
    if (f == null) {
      return null;
    }
    String lower = tokens.get(i).lower();
    String cls = CLASS_OF.get(baseOf(lower));
    // Walk back over auxiliaries and adverbs to the subject.
    int k = i - 1;
    boolean passive = false;
    boolean infinitive = false;
    boolean auxiliary = false;
    while (k >= 0 && !breakBefore(text, tokens, k + 1)) {
      String w = tokens.get(k).lower();
      if (BE.contains(w)) {
        if (f == Form.DONE) {
          passive = true;
        }
      } else if (w.equals("to")) {
        infinitive = true;
      } else if (!AUX.contains(w) && !w.endsWith("ly")) {
        break;
      } else if (!w.endsWith("ly")) {
        auxiliary = true;
      }
      k--;
    }
    boolean byFollows =
        i + 1 < tokens.size()
            && !breakBefore(text, tokens, i + 1)
            && tokens.get(i + 1).lower().equals("by");
    if (f == Form.DONE && byFollows) {
      passive = true;
    }
    if (f == Form.DONE && !passive && headline && !auxiliary && !infinitive) {
      // Headlinese: a bare participle with no object is passive ("seekers rescued off coast").
      passive = !startsObject(text, tokens, i + 1);
    }
    Arg subject = null;
    if (!infinitive && k >= 0 && !breakBefore(text, tokens, k + 1)) {
      int end = k;
      if (RELATIVE.contains(tokens.get(end).lower())) {
        end--; // "thieves who stole": the noun before the pronoun
        if (end < 0 || breakBefore(text, tokens, end + 1)) {
          end = -1;
        }
      }
      if (end >= 0) {
        subject = phraseBack(text, tokens, end, headline);
      }
    }
    Arg after = null;
    int rest = i + 1;
    int objectStart = byFollows ? i + 2 : startsObject(text, tokens, i + 1) ? i + 1 : -1;
    if (objectStart >= 0) {
      int end = forwardEnd(text, tokens, objectStart, headline);
      if (end >= 0) {
        after = arg(text, tokens, objectStart, end);
        rest = end + 1;
      }
    }
    Arg extra = extra(text, tokens, rest, headline);
    Arg agent;
    Arg patient;
    if (passive) {
      patient = subject;
      agent = byFollows ? after : null;
    } else {
      agent = subject;
      patient = after;
    }
    if (cls.equals("leave") && !passive && after != null && !hasCapital(after.text())) {
      // "leaves twenty dead", "left a trail of destruction": a result, not a departure from a place
      // or body (those are named: "leaves Bahamas", "quits Labour").
      return null;
    }
    if (agent == null && patient == null) {
      return null;
    }
    return new Triple(cls, lower, agent, patient, extra, -1);
  }

  private static boolean startsObject(String text, List<Text.Token> tokens, int j) {
    if (j >= tokens.size() || breakBefore(text, tokens, j)) {
      return false;
    }
    String w = tokens.get(j).lower();
    if (NUMBER_LEAD.contains(w)
        && j + 1 < tokens.size()
        && Character.isDigit(tokens.get(j + 1).text().charAt(0))) {
      return true;
    }
    return !OBJECT_PREPOSITIONS.contains(w) && !BOUNDARY.contains(w) && !BE.contains(w);
  }

  private static boolean stops(String text, List<Text.Token> tokens, int j, boolean headline) {
    String w = tokens.get(j).lower();
    return BOUNDARY.contains(w) || RELATIVE.contains(w) || isVerbAt(text, tokens, j, headline);
  }

  private static Arg phraseBack(String text, List<Text.Token> tokens, int end, boolean headline) {
    int start = end;
    while (start - 1 >= 0
        && end - start + 1 < WINDOW
        && !breakBefore(text, tokens, start)
        && !stops(text, tokens, start - 1, headline)
        && !AUX.contains(tokens.get(start - 1).lower())
        && !BE.contains(tokens.get(start - 1).lower())) {
      start--;
    }
    if (stops(text, tokens, end, headline)) {
      return null;
    }
    // "Doctor who prescribed ... doses sentenced": the subject of the main verb is the noun before
    // the relative pronoun, not the end of the relative clause.
    for (int r = end; r >= Math.max(0, end - 2 * WINDOW); r--) {
      if (r < end && breakBefore(text, tokens, r + 1)) {
        break;
      }
      if (RELATIVE.contains(tokens.get(r).lower()) && r > 0 && !breakBefore(text, tokens, r)) {
        return phraseBack(text, tokens, r - 1, headline);
      }
    }
    return arg(text, tokens, start, end);
  }

  private static Arg phraseForward(String text, List<Text.Token> tokens, int from, boolean h) {
    int end = forwardEnd(text, tokens, from, h);
    return end < 0 ? null : arg(text, tokens, from, end);
  }

  /** The last token of the noun phrase starting at {@code from}, or -1 if none starts there. */
  private static int forwardEnd(String text, List<Text.Token> tokens, int from, boolean h) {
    if (from >= tokens.size() || breakBefore(text, tokens, from) || stops(text, tokens, from, h)) {
      return -1;
    }
    int end = from;
    while (end + 1 < tokens.size()
        && end - from + 1 < WINDOW
        && !breakBefore(text, tokens, end + 1)
        && !stops(text, tokens, end + 1, h)
        && !(OBJECT_PREPOSITIONS.contains(tokens.get(end + 1).lower())
            && !tokens.get(end + 1).lower().equals("of"))
        && !BE.contains(tokens.get(end + 1).lower())
        && !tokens.get(end + 1).lower().equals("and")) {
      end++;
    }
    return end;
  }

  /** What the clause says after its roles ("for the rest of the season"), to its end. */
  private static Arg extra(String text, List<Text.Token> tokens, int from, boolean h) {
    if (from >= tokens.size() || breakBefore(text, tokens, from)) {
      return null;
    }
    int end = from;
    while (end + 1 < tokens.size()
        && end - from + 1 < EXTRA_WINDOW
        && !breakBefore(text, tokens, end + 1)
        && !BOUNDARY.contains(tokens.get(end + 1).lower())
        && !RELATIVE.contains(tokens.get(end + 1).lower())
        && !isVerbAt(text, tokens, end + 1, h)) {
      end++;
    }
    if (BOUNDARY.contains(tokens.get(from).lower()) || isVerbAt(text, tokens, from, h)) {
      return null;
    }
    return arg(text, tokens, from, end);
  }

  private static Arg arg(String text, List<Text.Token> tokens, int start, int end) {
    Set<String> stems = new HashSet<>();
    boolean pronounsOnly = true;
    for (int j = start; j <= end; j++) {
      String l = ArticleFacts.stripPossessive(tokens.get(j).lower());
      if (!PRONOUNS.contains(l) && !Text.STOPWORDS.contains(l)) {
        pronounsOnly = false;
      }
      if (Text.content(l)
          && !AUX.contains(l)
          && !NUMBER_LEAD.contains(l)
          && !l.endsWith("ly")
          && Quantities.find(l).isEmpty()) {
        stems.add(Text.stem(l));
      }
    }
    int from = tokens.get(start).start();
    int to = Math.min(text.length(), tokens.get(end).start() + tokens.get(end).text().length());
    String span = text.substring(from, to);
    Set<Double> numbers = new HashSet<>();
    for (Quantities.Quantity q : Quantities.find(span)) {
      if (q.kind() == Quantities.Kind.NUMBER && !q.special()) {
        numbers.add(q.value());
      }
    }
    if (pronounsOnly || stems.isEmpty() && numbers.isEmpty()) {
      return null;
    }
    return new Arg(span, stems, numbers);
  }
}
