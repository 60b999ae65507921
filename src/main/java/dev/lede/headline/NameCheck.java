package dev.lede.headline;

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
 * Names, numbers, identifiers and quotations: everything a variant cites must be found in the
 * article. A capitalised word is a name unless the article writes it in lower case; in a
 * title-cased headline (or as its first word) an unknown capitalised word is left to the novelty
 * check, because capitals there say nothing. Names match through possessives, demonyms ("Polish"
 * for Poland, "Chinese" for China), place aliases ("US" for United States) and acronyms of the
 * article's names ("DOJ" for Department of Justice).
 */
final class NameCheck {
  private NameCheck() {}

  private static final Map<String, Set<String>> ALIAS_GROUPS = new HashMap<>();

  static {
    for (Map.Entry<String, Set<String>> e : Lexicon.PLACE_ALIASES.entrySet()) {
      Set<String> group = new HashSet<>(e.getValue());
      group.add(e.getKey());
      for (String m : group) {
        ALIAS_GROUPS.computeIfAbsent(m, k -> new HashSet<>()).addAll(group);
      }
    }
  }

  private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"]{2,})\"");
  private static final Pattern SINGLE_QUOTED =
      Pattern.compile("(?<![\\p{L}\\p{N}])'([^']{2,}?)'(?![\\p{L}])");

  static void check(ArticleFacts a, VariantFacts v, List<String> reasons) {
    names(a, v, reasons);
    numbers(a, v, reasons);
    quotes(a, v, reasons);
  }

  private static void names(ArticleFacts a, VariantFacts v, List<String> reasons) {
    for (Text.Token t : v.tokens) {
      if (!t.capitalised()) {
        continue;
      }
      String l = ArticleFacts.stripPossessive(t.lower());
      if (hasDigit(l)) {
        if (!a.allWords.contains(l) && !a.hasPhrase(l)) {
          reasons.add("names '" + t.text() + "', which the article does not mention");
        }
        continue;
      }
      if (supported(a, l, t)) {
        continue;
      }
      if (l.contains("-")) {
        boolean all = true;
        for (String part : l.split("-")) {
          if (!part.isEmpty()
              && Character.isLetter(part.charAt(0))
              && !supported(a, part, t)
              && !PREFIXES.contains(part)
              && !(t.sentenceStart() && commonWord(a, part))) {
            all = false;
          }
        }
        if (all) {
          continue;
        }
      }
      if (t.allCaps()) {
        reasons.add("names '" + t.text() + "', which the article does not mention");
        continue;
      }
      if (Lexicon.intensifier(l) || Lexicon.HEDGES.contains(l) || OPENERS.contains(l)) {
        continue; // not a name; other checks judge it
      }
      if (v.titleCase && !t.sentenceStart()) {
        continue; // capitals say nothing here: the novelty check weighs the word
      }
      if (t.sentenceStart() && commonWord(a, l)) {
        continue; // a common word capitalised as the first ("Discoverers of …"), not a name
      }
      reasons.add("names '" + t.text() + "', which the article does not mention");
    }
  }

  /** True if the word, or the word less an agent ending ("discoverers"), is in lower case. */
  /** Prefixes of a hyphenated word that name nothing ("Ex-congressman", "Anti-government"). */
  private static final Set<String> PREFIXES =
      Set.of("ex", "non", "anti", "pro", "self", "co", "pre", "post", "mid", "vice");

  private static boolean commonWord(ArticleFacts a, String l) {
    if (a.lowerStems.contains(Text.stem(l))) {
      return true;
    }
    // "adviser" and "advisor" are one word.
    if (l.length() > 5
        && (l.endsWith("er") || l.endsWith("or"))
        && a.lowerStems.contains(
            Text.stem(l.substring(0, l.length() - 2) + (l.endsWith("er") ? "or" : "er")))) {
      return true;
    }
    for (String end : new String[] {"ers", "er", "ors", "or"}) {
      if (l.length() > end.length() + 3
          && l.endsWith(end)
          && a.lowerStems.contains(Text.stem(l.substring(0, l.length() - end.length())))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> OPENERS =
      Set.of(
          "why",
          "how",
          "did",
          "does",
          "do",
          "could",
          "can",
          "will",
          "is",
          "are",
          "was",
          "should",
          "would",
          "what",
          "who",
          "which",
          "when",
          "where",
          "inside",
          "watch",
          "live",
          "explainer",
          "analysis",
          "opinion",
          "breaking",
          "update",
          "exclusive",
          "non");

  static boolean supported(ArticleFacts a, String l, Text.Token t) {
    if (Text.STOPWORDS.contains(l) || Lexicon.COMMON_ABBREVIATIONS.contains(l)) {
      return true;
    }
    if (a.capitalised.contains(l)) {
      return true;
    }
    String bare = l.replace(".", "");
    if (t.allCaps() || l.length() <= 4 && l.contains(".")) {
      if (a.acronyms.contains(bare) || a.allWords.contains(l) || a.allWords.contains(bare)) {
        return true;
      }
    } else if (a.lowerWords.contains(l) || a.lowerStems.contains(Text.stem(l))) {
      return true; // a common word the article writes in lower case
    }
    Set<String> group = ALIAS_GROUPS.get(bare);
    if (group == null) {
      group = ALIAS_GROUPS.get(l);
    }
    if (group != null) {
      for (String alias : group) {
        String ab = alias.replace(".", "");
        if (a.capitalised.contains(alias) || a.acronyms.contains(ab) || a.hasPhrase(alias)) {
          return true;
        }
      }
    }
    for (String c : a.capitalised) {
      if (demonym(l, c) || demonym(c, l) || l.length() >= 4 && c.startsWith(l)) {
        return true; // "Polish"/"Poland", "Houthis"/"Houthi", "Tech"/"Technology"
      }
    }
    if (l.indexOf('-') > 0) {
      for (String part : l.split("-")) {
        if (!part.isEmpty() && !ClaimCheck.known(a, part, Text.stem(part)) && !part.equals("non")) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The names that stand for the same place as the lower-case name (itself included). */
  static Set<String> aliases(String lower) {
    Set<String> g = ALIAS_GROUPS.get(lower);
    return g == null ? Set.of(lower) : g;
  }

  private static final String[] SUFFIXES = {"ian", "ese", "ish", "an", "n", "i", "ic", "s", ""};

  /** True if {@code x} is {@code y} with an adjective or plural ending ("kenyan" / "kenya"). */
  static boolean demonym(String x, String y) {
    for (String s : SUFFIXES) {
      if (x.endsWith(s) && x.length() - s.length() >= 4) {
        String b = x.substring(0, x.length() - s.length());
        if (y.startsWith(b) && y.length() - b.length() <= 2 && !y.equals(x)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void numbers(ArticleFacts a, VariantFacts v, List<String> reasons) {
    for (Quantities.Quantity q : v.quantities) {
      boolean ok = false;
      for (Quantities.Quantity aq : a.quantities) {
        if (Quantities.supports(aq, q)) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        reasons.add("number '" + q.surface() + "' is not in the article");
      } else if (q.kind() != Quantities.Kind.VAGUE && !numberBeside(a, v, q)) {
        reasons.add(
            "number '"
                + q.surface()
                + "' is in the article, but never beside anything else the variant says");
      } else if (allOf(v, q) && !allOfInArticle(a, q)) {
        reasons.add("says 'all " + q.surface() + "'; the article does not say all of them");
      } else if (!q.special() && q.kind() != Quantities.Kind.VAGUE) {
        List<String> counted = counted(v, q);
        if (!counted.isEmpty() && !countedAlike(a, q, counted, v.text)) {
          reasons.add(
              "number '"
                  + q.surface()
                  + "' is in the article, but not for '"
                  + String.join(" ", counted)
                  + "'");
        }
      }
    }
  }

  /**
   * True if some sentence of the article has the number and at least one content word of the
   * variant outside the number ("until October 31" where the article's October 31 is the Brexit
   * deadline, not the date of the suspension the variant speaks of, fails).
   */
  private static boolean numberBeside(ArticleFacts a, VariantFacts v, Quantities.Quantity q) {
    List<String> others = new ArrayList<>();
    for (int i = 0; i < v.tokens.size(); i++) {
      Text.Token t = v.tokens.get(i);
      if (t.start() >= q.start() && t.start() < q.end()) {
        continue;
      }
      String l = ArticleFacts.stripPossessive(t.lower());
      if (v.word(i) && Text.content(l) && l.length() > 2 && Quantities.find(l).isEmpty()) {
        others.add(v.stems.get(i));
      }
    }
    String before = v.text.substring(0, Math.max(0, q.start())).stripTrailing();
    String after = v.text.substring(Math.min(v.text.length(), q.end())).stripLeading();
    boolean age =
        before.endsWith(",") && (after.isEmpty() || after.startsWith(","))
            || before.endsWith(" aged")
            || before.endsWith(" at")
            || AGE_AFTER.matcher(after).lookingAt();
    if (age) {
      // An age is a property of a name, which the name checks bind; but it must be an age in the
      // article too ("dies at 80" where 80 is the years of a career is not).
      return ageInArticle(a, q);
    }
    if (others.isEmpty()) {
      return true;
    }
    boolean stated = false;
    for (ArticleFacts.Sentence s : a.sentences) {
      boolean has = false;
      for (Quantities.Quantity aq : Quantities.find(s.text())) {
        if (Quantities.supports(aq, q) && !fraction(s.text(), aq)) {
          has = true;
          break;
        }
      }
      if (!has) {
        continue;
      }
      stated = true;
      for (String o : others) {
        if (Lexicon.hasStemOrSynonym(s.stems(), o)) {
          return true;
        }
      }
    }
    return !stated; // a sum or a conversion of the article's numbers is not held to a sentence
  }

  private static final Pattern AGE_AFTER =
      Pattern.compile("-?(?:(?:year|month|week|day)s?)?-old\\b");

  private static final Pattern AGE_BEFORE =
      Pattern.compile("(?:\\b(?:aged?|at|was|is|of)|,)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern AGE_AFTER_ARTICLE =
      Pattern.compile(
          "^\\s*(?:,|\\)|-?(?:(?:year|month|week|day)s?)?-old\\b|years?\\s+old\\b|and\\s+died)",
          Pattern.CASE_INSENSITIVE);

  /** True if the article gives the number as someone's age ("aged 78", "Smith, 53,", "was 101"). */
  private static boolean ageInArticle(ArticleFacts a, Quantities.Quantity q) {
    for (ArticleFacts.Sentence s : a.sentences) {
      for (Quantities.Quantity aq : Quantities.find(s.text())) {
        if (!Quantities.supports(aq, q)) {
          continue;
        }
        String before = s.text().substring(0, Math.max(0, aq.start()));
        String after = s.text().substring(Math.min(s.text().length(), aq.end()));
        if (AGE_BEFORE.matcher(before).find() || AGE_AFTER_ARTICLE.matcher(after).find()) {
          return true;
        }
      }
    }
    // A headline's number is read from the title too ("dies at 95", "dies, aged 78").
    for (Quantities.Quantity aq : Quantities.find(a.title)) {
      if (Quantities.supports(aq, q)) {
        return true;
      }
    }
    return false;
  }

  /** True if the number is part of a fraction or a ratio ("24/7", "9/11"). */
  private static boolean fraction(String text, Quantities.Quantity q) {
    return q.start() > 0 && text.charAt(q.start() - 1) == '/'
        || q.end() < text.length() && text.charAt(q.end()) == '/';
  }

  /** True if "all" (or "all the", "all of the") stands right before the number. */
  private static boolean allOf(VariantFacts v, Quantities.Quantity q) {
    String before = v.text.substring(0, Math.max(0, q.start())).toLowerCase(Locale.ROOT);
    return ALL_BEFORE.matcher(before).find();
  }

  private static final Pattern ALL_BEFORE =
      Pattern.compile("(?:^|[^\\p{L}])all(?: of)?(?: the| its| their)?\\s+$");

  /**
   * True if the article has the number with "all" before it and no exception ("all but one of the
   * sixteen" does not say all sixteen).
   */
  private static boolean allOfInArticle(ArticleFacts a, Quantities.Quantity q) {
    for (ArticleFacts.Sentence s : a.sentences) {
      for (Quantities.Quantity aq : Quantities.find(s.text())) {
        if (!Quantities.supports(aq, q)) {
          continue;
        }
        String before = s.text().substring(0, Math.max(0, aq.start())).toLowerCase(Locale.ROOT);
        if (ALL_BEFORE.matcher(before).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern AGE_SUFFIX = Pattern.compile("(?:year|month|week|day)s?-olds?");
  private static final Pattern WORD_TENS =
      Pattern.compile("(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+");

  private static final Set<String> AGE = Set.of("year-old", "age", "aged", "old", "year", "years");

  /**
   * The stems of what a variant's number counts: the hyphen suffix ("five-storey"), the designation
   * before it ("Flight 610"), else up to two common words after it ("opioid doses", "dead"). Empty
   * where nothing is counted or the number is an age ("Pinochet, 89", "at 78").
   */
  private static List<String> counted(VariantFacts v, Quantities.Quantity q) {
    int at = ArticleFacts.tokenAt(v.tokens, q.start());
    String before = v.text.substring(0, Math.max(0, q.start())).stripTrailing();
    String after = v.text.substring(Math.min(v.text.length(), q.end())).stripLeading();
    if (q.value() == 1
        || before.endsWith(",") && (after.isEmpty() || after.startsWith(","))
        || before.endsWith(" at")
        || before.endsWith(" aged")) {
      return List.of();
    }
    String tok = v.tokens.get(at).lower();
    int dash = tok.indexOf('-');
    if (dash > 0 && Character.isLetter(tok.charAt(0))) {
      String suffix = tok.substring(dash + 1);
      if (AGE_SUFFIX.matcher(suffix).matches()) {
        return List.of("-" + suffix); // "three-year-old", "nine-month-old": an age
      }
      if (!WORD_TENS.matcher(tok).matches()) {
        return List.of(Text.stem(suffix)); // "five-storey"; not "twenty-two"
      }
    }
    // "death toll of 20", "a crowd of 5,000": the noun before "of" is what is counted.
    if (at >= 2
        && v.tokens.get(at - 1).lower().equals("of")
        && !v.tokens.get(at - 2).capitalised()
        && v.word(at - 2)
        && Text.content(v.tokens.get(at - 2).lower())) {
      return List.of(v.stems.get(at - 2));
    }
    // Nothing before a clause break counts ("Reading, UK: Three killed", "10:30 BST (0930 UTC)").
    boolean clauseBreak =
        !before.isEmpty() && ",;:(".indexOf(before.charAt(before.length() - 1)) >= 0;
    if (at > 0
        && v.tokens.get(at - 1).capitalised()
        && !v.tokens.get(at - 1).sentenceStart()
        && !clauseBreak) {
      return List.of(Text.stem(v.tokens.get(at - 1).lower()));
    }
    int first = at;
    while (first < v.tokens.size() && v.tokens.get(first).start() < q.end()) {
      first++;
    }
    List<String> out = new ArrayList<>();
    if (at > 0 && !clauseBreak) {
      Text.Token prev = v.tokens.get(at - 1);
      String pl = prev.lower();
      if (!prev.capitalised() && Text.content(pl) && !SKIP.contains(pl) && v.word(at - 1)) {
        out.add(v.stems.get(at - 1)); // "murdering eight men" for "eight murders"
      }
    }
    int found = out.size();
    for (int k = first; k < Math.min(v.tokens.size(), first + 3) && out.size() < found + 2; k++) {
      Text.Token t = v.tokens.get(k);
      String l = t.lower();
      if (AGE.contains(l)) {
        return List.of();
      }
      // A capitalised word after a number is usually a name ("two Boeing jets"), but a capitalised
      // plural is what is counted ("four Argentinians", "three Britons").
      boolean plural = l.length() > 4 && l.endsWith("s") && !l.endsWith("ss");
      if (t.capitalised() && !v.titleCase && !plural
          || !v.word(k)
          || !Quantities.find(l).isEmpty()) {
        break;
      }
      if (Text.content(l) && !SKIP.contains(l)) {
        out.add(v.stems.get(k));
      }
    }
    return out.size() == found ? List.of() : out; // nothing counted after the number
  }

  private static final Set<String> SKIP =
      Set.of(
          "least",
          "more",
          "than",
          "nearly",
          "almost",
          "around",
          "some",
          "including",
          "over",
          "under",
          "about",
          "up",
          "down",
          "just",
          "only");

  private static boolean countedAlike(
      ArticleFacts a, Quantities.Quantity q, List<String> counted, String text) {
    if (counted.size() == 1 && counted.get(0).startsWith("-")) {
      // An age: the article must write the same number with the same unit ("nine-month-old").
      for (ArticleFacts.Sentence s : a.sentences) {
        for (Text.Token t : s.tokens()) {
          String l = t.lower();
          if (l.endsWith(counted.get(0))) {
            for (Quantities.Quantity aq : Quantities.find(l)) {
              if (Quantities.supports(aq, q)) {
                return true;
              }
            }
          }
        }
      }
      return false;
    }
    String measure = Quantities.measure(text, q);
    for (ArticleFacts.Mention m : a.mentions) {
      if (!Quantities.supports(m.quantity(), q) || !m.measure().equals(measure)) {
        continue; // "four years" measures time; it does not count "four smugglers"
      }
      for (String c : counted) {
        if (Lexicon.hasStemOrSynonym(m.context(), c)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void quotes(ArticleFacts a, VariantFacts v, List<String> reasons) {
    for (Pattern p : List.of(DOUBLE_QUOTED, SINGLE_QUOTED)) {
      Matcher m = p.matcher(v.text);
      while (m.find()) {
        String phrase = ArticleFacts.squash(m.group(1)).strip();
        if (!phrase.isEmpty() && !a.hasPhrase(phrase)) {
          reasons.add("quotes '" + m.group(1) + "', which the article does not contain");
        }
      }
    }
  }
}
