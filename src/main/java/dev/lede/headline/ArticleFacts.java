package dev.lede.headline;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an article states, indexed once for the guard: its sentences (headline first, then
 * description, body and captions) with their tokens and stems, which words it writes in lower case
 * (common words) and which only capitalised (names), its numbers, the acronyms its names allow, and
 * how firmly it states each word ({@link #level}: 0 stated, 1 planned, 2 hedged).
 */
final class ArticleFacts {
  record Sentence(String text, List<Text.Token> tokens, Set<String> stems, int[] levels) {}

  /**
   * A number as stated in a sentence, with the stems of the words around it and the unit it
   * measures ("" where it counts something).
   */
  record Mention(Quantities.Quantity quantity, Set<String> context, String measure) {}

  final List<Mention> mentions = new ArrayList<>();

  final List<Sentence> sentences = new ArrayList<>();

  /** The clauses of every sentence (who did what to whom), headline first. */
  final List<Clauses.Triple> clauses = new ArrayList<>();

  final Set<String> lowerWords = new HashSet<>();
  final Set<String> lowerStems = new HashSet<>();
  final Set<String> capitalised = new HashSet<>();
  final Set<String> allWords = new HashSet<>();
  final Set<String> allStems = new HashSet<>();
  final Set<String> acronyms = new HashSet<>();
  final Map<String, Integer> minLevel = new HashMap<>();
  final Map<String, Integer> leadLevel = new HashMap<>();
  static final int LEAD_SENTENCES = 4;
  final List<Quantities.Quantity> quantities = new ArrayList<>();

  /** Totals the article implies ("A and eight others": nine), added to {@link #quantities}. */
  private final List<Quantities.Quantity> totals = new ArrayList<>();

  final String title;
  final boolean titleHedged;
  final boolean titleAttributed;
  final String flat;

  ArticleFacts(Article a) {
    title = Text.normalise(a.title()).strip();
    List<String> parts = new ArrayList<>();
    parts.add(title);
    if (!a.description().isBlank()) {
      parts.add(a.description());
    }
    for (Block b : a.blocks()) {
      if (b instanceof Block.Image img) {
        parts.add(img.caption());
      } else {
        parts.add(b.text());
      }
    }
    StringBuilder all = new StringBuilder();
    boolean first = true;
    for (String part : parts) {
      String n = Text.normalise(part);
      all.append(n).append('\n');
      if (first) {
        add(n, titleCase(n));
        first = false;
      } else {
        for (String s : Text.sentences(n)) {
          add(s, false);
        }
      }
    }
    flat = squash(all.toString());
    quantities.addAll(Quantities.find(all.toString()));
    quantities.addAll(totals);
    Sentence t = sentences.get(0);
    boolean hedged = false;
    boolean attributed = false;
    for (Text.Token tok : t.tokens()) {
      String l = tok.lower();
      if (Lexicon.HEDGES.contains(l) && !l.equals("can") && !l.equals("if")) {
        hedged = true;
      }
      if (Lexicon.TITLE_ATTRIBUTION.contains(l)) {
        attributed = true;
      }
    }
    titleHedged = hedged;
    titleAttributed = attributed || title.matches("^[^:]{2,40}:.*") && !title.contains("?");
  }

  /** Lower-cases, joins whitespace and pads with spaces, for phrase look-ups. */
  static String squash(String s) {
    return " " + s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}$%.'-]+", " ").strip() + " ";
  }

  /** True if most content words of a headline are capitalised (AP title case). */
  static boolean titleCase(String s) {
    int content = 0;
    int caps = 0;
    for (Text.Token t : Text.tokens(s)) {
      if (Text.content(t.lower()) && t.text().length() > 3) {
        content++;
        if (t.capitalised()) {
          caps++;
        }
      }
    }
    return content >= 3 && caps >= 0.8 * content;
  }

  /**
   * A name and a description the article sets beside it ("Hatice Cengiz, fiancée of journalist
   * Jamal Khashoggi,"; "The city's security chief, Abdullah al-Jahafi,"): the stems of the name's
   * words and of the description's content words.
   */
  record Apposition(Set<String> name, Set<String> description) {}

  final List<Apposition> appositions = new ArrayList<>();

  private static final String NAME_RUN =
      "((?:[A-Z][\\p{L}'\u2019.-]*\\s+){0,3}[A-Z][\\p{L}'\u2019.-]*)";
  private static final String DESCRIPTION =
      "((?:(?:a|an|the|The|A|An)\\s+)?[^,.;:()\"\u201c\u201d]{3,70}?)";
  private static final Pattern NAME_THEN_DESCRIPTION =
      Pattern.compile(NAME_RUN + ",\\s+" + DESCRIPTION + "(?=[,.;:)]|$)");
  private static final Pattern DESCRIPTION_THEN_NAME =
      Pattern.compile("(?:^|[,;:]\\s+)" + DESCRIPTION + ",\\s+" + NAME_RUN + "(?=,)");
  private static final Set<String> NOT_DESCRIPTIONS =
      Set.of("who", "which", "that", "and", "but", "or", "while", "as", "where", "when", "after");

  /** Reads the appositions of one sentence. */
  private void appositions(String text) {
    // matches may overlap ("On Thursday, Hatice Cengiz, fiancée of …"): search on from each
    // match's second part
    Matcher m = NAME_THEN_DESCRIPTION.matcher(text);
    for (int from = 0; from < text.length() && m.find(from); from = m.start(2)) {
      apposition(m.group(1), m.group(2));
    }
    m = DESCRIPTION_THEN_NAME.matcher(text);
    for (int from = 0; from < text.length() && m.find(from); from = m.start(2)) {
      apposition(m.group(2), m.group(1));
    }
  }

  private void apposition(String name, String description) {
    List<Text.Token> dt = Text.tokens(description);
    if (dt.isEmpty() || dt.size() > 9 || NOT_DESCRIPTIONS.contains(dt.get(0).lower())) {
      return;
    }
    Set<String> ds = new HashSet<>();
    boolean common = false;
    for (Text.Token t : dt) {
      String l = stripPossessive(t.lower());
      if (Lexicon.ATTRIBUTION.contains(Text.stem(l))) {
        return; // "X, said Y": a speech verb, not a description
      }
      if (Text.content(l)) {
        ds.add(Text.stem(l));
        common |= !t.capitalised();
      }
    }
    Set<String> ns = new HashSet<>();
    for (Text.Token t : Text.tokens(name)) {
      if (t.capitalised() && !Text.STOPWORDS.contains(t.lower())) {
        ns.add(Text.stem(stripPossessive(t.lower())));
      }
    }
    if (common && !ns.isEmpty() && !ds.isEmpty()) {
      appositions.add(new Apposition(ns, ds));
    }
  }

  /**
   * The stems of the names the article describes with all of the given words ("Khashoggi's
   * fiancée": Cengiz, whom the article calls "fiancée of journalist Jamal Khashoggi"). Empty unless
   * one of the words is a common word (a role, not a name alone).
   */
  Set<String> describedAs(Set<String> wordStems) {
    Set<String> out = new HashSet<>();
    if (wordStems.isEmpty()) {
      return out;
    }
    for (Apposition ap : appositions) {
      if (ap.description().containsAll(wordStems) && !ap.name().containsAll(wordStems)) {
        boolean role = false;
        for (String w : wordStems) {
          role |= !ap.name().contains(w) && lowerStems.contains(w);
        }
        if (role) {
          out.addAll(ap.name());
        }
      }
    }
    return out;
  }

  private void add(String text, boolean titleCased) {
    appositions(text);
    List<Text.Token> tokens = Text.tokens(text);
    Set<String> stems = new HashSet<>();
    int[] levels = new int[tokens.size()];
    List<String> run = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Text.Token t = tokens.get(i);
      String l = t.lower();
      String st = Text.stem(l);
      stems.add(st);
      allWords.add(stripPossessive(l));
      allStems.add(st);
      if (l.indexOf('-') > 0) {
        for (String part : l.split("-")) {
          if (!part.isEmpty()) {
            String ps = Text.stem(part);
            stems.add(ps);
            allStems.add(ps);
            allWords.add(part);
          }
        }
      }
      if (t.capitalised()) {
        if (!t.sentenceStart() || !Text.STOPWORDS.contains(l)) {
          capitalised.add(stripPossessive(l));
        }
        if (t.allCaps()) {
          acronyms.add(l.replace(".", ""));
        }
        run.add(t.text());
      } else {
        if (!titleCased && Character.isLetter(t.text().charAt(0))) {
          lowerWords.add(l);
          lowerStems.add(st);
        }
        if (!(l.equals("of") || l.equals("and") || l.equals("for") || l.equals("the"))) {
          acronym(run);
          run.clear();
        } else if (!run.isEmpty()) {
          run.add(l);
        }
      }
      levels[i] = level(tokens, i);
      if (Text.content(l)) {
        minLevel.merge(st, levels[i], Math::min);
        if (sentences.size() <= LEAD_SENTENCES) {
          leadLevel.merge(st, levels[i], Math::min);
        }
      }
    }
    acronym(run);
    for (Clauses.Triple t : Clauses.read(text, tokens, sentences.isEmpty())) {
      clauses.add(t.in(sentences.size()));
    }
    sentences.add(new Sentence(text, tokens, stems, levels));
    List<Quantities.Quantity> found = Quantities.find(text);
    List<Set<String>> contexts = new ArrayList<>();
    for (Quantities.Quantity q : found) {
      int at = tokenAt(tokens, q.start());
      Set<String> ctx = new HashSet<>();
      int clauseEnd = text.length();
      for (int c = Math.max(0, q.end()); c < text.length(); c++) {
        if (",;:()".indexOf(text.charAt(c)) >= 0) {
          clauseEnd = c;
          break;
        }
      }
      int clauseStart = 0;
      for (int c = Math.min(q.start(), text.length()) - 1; c >= 0; c--) {
        if (",;:()".indexOf(text.charAt(c)) >= 0) {
          clauseStart = c + 1;
          break;
        }
      }
      int last = at;
      while (last + 1 < tokens.size() && tokens.get(last + 1).start() < clauseEnd) {
        last++;
      }
      int from = at;
      while (from > 0 && from > at - 4 && tokens.get(from - 1).start() >= clauseStart) {
        from--;
      }
      for (int k = from; k <= Math.min(tokens.size() - 1, Math.max(at + 4, last)); k++) {
        String l = tokens.get(k).lower();
        ctx.add(Text.stem(l));
        for (String part : l.split("-")) {
          ctx.add(Text.stem(part));
        }
      }
      mentions.add(new Mention(q, ctx, Quantities.measure(text, q)));
      for (Quantities.Quantity total : othersTotals(text, q)) {
        // the total counts the listed members too, and takes the words of the list's clause
        Set<String> listed = new HashSet<>(ctx);
        for (int k = Math.max(0, at - 12); k < at; k++) {
          listed.add(Text.stem(tokens.get(k).lower()));
        }
        mentions.add(new Mention(total, listed, Quantities.measure(text, q)));
        totals.add(total);
      }
      contexts.add(ctx);
    }
    conjoinedSums(text, tokens, found, contexts);
  }

  private static final Pattern OTHERS = Pattern.compile("^\\s+(?:more\\s+)?others?\\b");
  private static final Pattern LIST_END = Pattern.compile("(,\\s*and|,|\\band)\\s*$");

  /**
   * "A and eight others", "A, B, and seven others", "a photojournalist, at least five others": a
   * count of others after one or more named or counted members states the total as well (nine,
   * nine, at least six), as a headline writes it. The list's members are counted by its commas
   * since the last dash, semicolon, colon or parenthesis ("A, B and", "A, B, and": two); a comma
   * may also end a clause before the list ("On Sunday, a helicopter with A and eight others"), so
   * one member is always taken as well. Empty where the number is not followed by "others" or has
   * nothing listed before it.
   */
  static List<Quantities.Quantity> othersTotals(String text, Quantities.Quantity q) {
    if (q.kind() != Quantities.Kind.NUMBER || q.end() < 0 || q.start() <= 0) {
      return List.of();
    }
    if (!OTHERS.matcher(text.substring(q.end())).lookingAt()) {
      return List.of();
    }
    String before = text.substring(0, q.start());
    before = before.replaceAll("(?i)\\b(at least|more than|over|some|about|around)\\s*$", "");
    Matcher end = LIST_END.matcher(before);
    if (!end.find()) {
      return List.of();
    }
    int from = 0;
    for (int c = end.start() - 1; c >= 0; c--) {
      if ("\u2014;:(".indexOf(before.charAt(c)) >= 0 || before.startsWith(" - ", c)) {
        from = c + 1;
        break;
      }
    }
    String list = before.substring(from, end.start());
    if (list.isBlank()) {
      return List.of();
    }
    int members = list.length() - list.replace(",", "").length() + 1;
    List<Quantities.Quantity> out = new ArrayList<>();
    for (int m : members > 1 && members <= 3 ? new int[] {1, members} : new int[] {1}) {
      out.add(
          new Quantities.Quantity(
                  Quantities.Kind.NUMBER, q.value() + m, 0, 0, 0, q.surface() + " + " + m)
              .at(q.start(), q.end(), q.special()));
    }
    return out;
  }

  /**
   * "killed five children in a church bus and two truck drivers": two counts joined by "and" in one
   * noun phrase (no verb, comma or outcome word between them) count one group together, seven.
   */
  private void conjoinedSums(
      String text, List<Text.Token> tokens, List<Quantities.Quantity> qs, List<Set<String>> ctx) {
    for (int k = 0; k + 1 < qs.size() && k + 1 < ctx.size(); k++) {
      Quantities.Quantity q1 = qs.get(k);
      Quantities.Quantity q2 = qs.get(k + 1);
      if (q1.kind() != Quantities.Kind.NUMBER
          || q2.kind() != Quantities.Kind.NUMBER
          || q1.special()
          || q2.special()
          || q1.end() < 0
          || q2.start() <= q1.end()) {
        continue;
      }
      String between = text.substring(q1.end(), q2.start());
      int and = between.indexOf(" and ");
      if (and < 0 || between.matches("(?s).*[,;:()].*") || between.substring(0, and).isBlank()) {
        continue; // each count must count its own noun ("five children … and two drivers"), not
        // "two and one package … respectively"
      }
      int from = tokenAt(tokens, q1.end());
      int to = tokenAt(tokens, q2.start());
      boolean plain = true;
      for (int t = from; t < to && plain; t++) {
        String l = tokens.get(t).lower();
        plain = !OUTCOME_WORDS.contains(Text.stem(l)) && !Clauses.isVerbAt(text, tokens, t, false);
      }
      if (!plain) {
        continue;
      }
      Quantities.Quantity sum =
          new Quantities.Quantity(
                  Quantities.Kind.NUMBER,
                  q1.value() + q2.value(),
                  0,
                  0,
                  0,
                  q1.surface() + " + " + q2.surface())
              .at(q1.start(), q2.end(), false);
      Set<String> both = new HashSet<>(ctx.get(k));
      both.addAll(ctx.get(k + 1));
      mentions.add(new Mention(sum, both, Quantities.measure(text, q1)));
      totals.add(sum);
    }
  }

  /** Words of outcome that split counts into groups ("two dead and five injured"). */
  private static final Set<String> OUTCOME_WORDS =
      Set.of(
          "dead", "die", "di", "kill", "injur", "wound", "hurt", "miss", "rescu", "arrest",
          "surviv", "hospit", "critic", "safe", "evacu");

  /** The index of the token starting at or after a character offset. */
  static int tokenAt(List<Text.Token> tokens, int offset) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).start() + tokens.get(i).text().length() > offset) {
        return i;
      }
    }
    return Math.max(0, tokens.size() - 1);
  }

  private void acronym(List<String> run) {
    if (run.size() < 2) {
      return;
    }
    StringBuilder full = new StringBuilder();
    StringBuilder major = new StringBuilder();
    for (String w : run) {
      char c = Character.toLowerCase(w.charAt(0));
      full.append(c);
      if (Character.isUpperCase(w.charAt(0))) {
        major.append(c);
      }
    }
    // "Department of Justice" gives "doj" and "dj"; a run of 4 gives its sub-runs too.
    acronyms.add(full.toString());
    acronyms.add(major.toString());
    for (int i = 0; i + 1 < major.length(); i++) {
      acronyms.add(major.substring(i));
      acronyms.add(major.substring(0, major.length() - i));
    }
  }

  private static final Set<String> BEFORE_MONTH =
      Set.of("in", "of", "since", "until", "by", "last", "next", "early", "late", "mid", "this");

  /**
   * True for the month "May" ("in May a court …", "on 3 May", "May 2019"), not the hedge: the
   * capitalised word within a sentence after a preposition of time or beside a number.
   */
  static boolean month(List<Text.Token> tokens, int k) {
    Text.Token t = tokens.get(k);
    if (!t.text().equals("May") || t.sentenceStart()) {
      return false;
    }
    boolean before =
        k > 0
            && (BEFORE_MONTH.contains(tokens.get(k - 1).lower())
                || Character.isDigit(tokens.get(k - 1).text().charAt(0)));
    boolean after = k + 1 < tokens.size() && Character.isDigit(tokens.get(k + 1).text().charAt(0));
    return before || after;
  }

  static String stripPossessive(String l) {
    return l.endsWith("'s")
        ? l.substring(0, l.length() - 2)
        : l.endsWith("'") ? l.substring(0, l.length() - 1) : l;
  }

  /**
   * How firmly token {@code i} is stated: 2 if a hedge ("may", "could", "plans", "suspected")
   * stands up to three words before it in the same clause, 1 if it follows "to" or "will" directly
   * (planned or future), 0 otherwise.
   */
  static int level(List<Text.Token> tokens, int i) {
    for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
      String p = tokens.get(k).lower();
      if (Lexicon.HEDGES.contains(p) && !month(tokens, k)) {
        return 2;
      }
    }
    if (i > 0) {
      String p = tokens.get(i - 1).lower();
      if (p.equals("will") || p.equals("shall") || p.equals("'ll")) {
        return 1;
      }
      if (p.equals("to") && i > 1 && INTENT.contains(tokens.get(i - 2).lower())) {
        return 1;
      }
      if (p.equals("to") && i > 2 && INTENT.contains(tokens.get(i - 3).lower())) {
        // "is set to open", "is underway to ensure": an intention or purpose; but "were taken to
        // hospital", "was sent to prison", "was sentenced to life" are done: a form of "be" and a
        // past participle that does not itself speak of a plan ("scheduled", "expected") move
        // someone somewhere.
        String mid = tokens.get(i - 2).lower();
        if (!BE.contains(tokens.get(i - 3).lower())
            || INTENT.contains(mid)
            || PLANNED.contains(mid)
            || !participle(mid)) {
          return 1;
        }
      }
    }
    return 0;
  }

  private static final Set<String> BE = Set.of("is", "are", "was", "were", "be");

  /** A past participle by its ending ("taken", "sent", "rushed", "flown", "brought"). */
  private static boolean participle(String lower) {
    return lower.length() > 3
        && (lower.endsWith("ed")
            || lower.endsWith("en")
            || lower.endsWith("wn")
            || lower.endsWith("nt")
            || lower.endsWith("ght"));
  }

  private static final Set<String> PLANNED =
      Set.of(
          "scheduled",
          "slated",
          "supposed",
          "meant",
          "required",
          "about",
          "unable",
          "able",
          "attempting",
          "trying",
          "seeking",
          "hoping",
          "planning",
          "preparing",
          "aiming",
          "intending",
          "intended",
          "designed",
          "working",
          "asked",
          "invited",
          "urged",
          "encouraged",
          "allowed",
          "expected");

  private static final Set<String> INTENT =
      Set.of(
          "is",
          "are",
          "was",
          "were",
          "be",
          "plans",
          "plan",
          "planned",
          "aims",
          "seeks",
          "wants",
          "hopes",
          "intends",
          "set",
          "expected",
          "voted",
          "vote",
          "votes",
          "resolution",
          "proposal",
          "bill",
          "motion",
          "agreed",
          "threatens",
          "threatened",
          "promised",
          "pledged",
          "vowed",
          "going",
          "due",
          "ready",
          "poised",
          "likely",
          "decided",
          "order",
          "ordered",
          "asked",
          "offered",
          "offers",
          "offer",
          "tried",
          "attempted",
          "sought",
          "urged",
          "called");

  /** The level at which the article states the stem; absent stems are "stated" (no constraint). */
  int level(String stem) {
    Integer lead = leadLevel.get(stem);
    return lead != null ? lead : minLevel.getOrDefault(stem, 0);
  }

  /** True if the lower-case phrase occurs in the article as whole words. */
  boolean hasPhrase(String lowerPhrase) {
    return flat.contains(" " + lowerPhrase.strip() + " ")
        || flat.contains(" " + lowerPhrase.strip() + ".")
        || flat.contains(" " + lowerPhrase.strip() + "'");
  }
}
