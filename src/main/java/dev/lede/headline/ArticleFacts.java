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

  /**
   * Tokens after a number read as what it counts, at most (the rest of its clause otherwise): a
   * clause of news prose is far shorter, and an endless one (hostile text without punctuation) must
   * not make every number read all of it.
   */
  private static final int MAX_CONTEXT_AFTER = 40;

  final List<Quantities.Quantity> quantities = new ArrayList<>();
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

  private void add(String text, boolean titleCased) {
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
    for (Quantities.Quantity q : Quantities.find(text)) {
      int at = tokenAt(tokens, q.start());
      Set<String> ctx = new HashSet<>();
      // Both scans stop where the context window ends anyway (so a text without punctuation is
      // not read to its end for every number).
      int windowEnd =
          at + MAX_CONTEXT_AFTER + 1 < tokens.size()
              ? tokens.get(at + MAX_CONTEXT_AFTER + 1).start()
              : text.length();
      int clauseEnd = text.length();
      for (int c = Math.max(0, q.end()); c < Math.min(windowEnd, text.length()); c++) {
        if (",;:()".indexOf(text.charAt(c)) >= 0) {
          clauseEnd = c;
          break;
        }
      }
      int windowStart = at - 4 > 0 ? tokens.get(at - 5).start() : 0;
      int clauseStart = 0;
      for (int c = Math.min(q.start(), text.length()) - 1; c >= windowStart; c--) {
        if (",;:()".indexOf(text.charAt(c)) >= 0) {
          clauseStart = c + 1;
          break;
        }
      }
      int last = at;
      while (last + 1 < tokens.size()
          && last < at + MAX_CONTEXT_AFTER
          && tokens.get(last + 1).start() < clauseEnd) {
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
    }
  }

  /**
   * The index of the first token ending after a character offset (the token at or after it), by
   * binary search: tokens are in text order and do not overlap.
   */
  static int tokenAt(List<Text.Token> tokens, int offset) {
    int lo = 0;
    int hi = tokens.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Text.Token t = tokens.get(mid);
      if (t.start() + t.text().length() > offset) {
        found = mid;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return found >= 0 ? found : Math.max(0, tokens.size() - 1);
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
        return 1;
      }
    }
    return 0;
  }

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
