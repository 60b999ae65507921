package dev.lede.headline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers a text states and normalises them to values, so that "$50m", "$50 million",
 * "US$50,000,000" and "fifty million dollars" are one quantity, "five" is 5, "ten-year" is 10 and
 * "August 27" is a date rather than 27. Vague counts ("dozens", "hundreds") keep their range.
 *
 * <p>Identifiers that merely contain digits (COVID-19, PM2.5, K2-18b, SARS-CoV-2) are not numbers:
 * the guard checks them as names. Spaced unit letters ("50 m", "18 mph") are not scales; only a
 * scale glued to the number or after a currency sign counts ("540m", "$11.5bn").
 */
final class Quantities {
  private Quantities() {}

  enum Kind {
    NUMBER,
    ORDINAL,
    DATE,
    VAGUE
  }

  /**
   * A stated quantity. {@code value} is the normalised value (a date is month*100+day; a vague
   * count is its lower bound and {@code high} its upper bound). {@code decimals} is how many
   * decimals were written, {@code zeros} how many trailing zeros an integer had (for rounding).
   */
  record Quantity(
      Kind kind,
      double value,
      double high,
      int decimals,
      int zeros,
      String surface,
      int start,
      int end,
      boolean special) {
    Quantity(Kind kind, double value, double high, int decimals, int zeros, String surface) {
      this(kind, value, high, decimals, zeros, surface, -1, -1, false);
    }

    Quantity at(int s, int e, boolean sp) {
      return new Quantity(kind, value, high, decimals, zeros, surface, s, e, sp);
    }

    @Override
    public String toString() {
      return surface;
    }
  }

  private static final String MONTHS =
      "January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
  private static final Pattern DATE_MD =
      Pattern.compile("\\b(" + MONTHS + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![.,]?\\d)");
  private static final Pattern DATE_DM =
      Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\b");
  private static final Pattern DURATION =
      Pattern.compile(
          "\\b(\\d{1,3})\\s+(hours?|minutes?)\\s+(?:and\\s+)?(\\d{1,2})\\s+(?:minutes?|seconds?)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\b");
  private static final Pattern NUM =
      Pattern.compile(
          "(US\\$|A\\$|C\\$|\\$|€|£|¥|₿)?\\s?"
              + "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
              + "(?:(bn|tn|mn|[mbkMBK])\\b|\\s+(thousand|million|billion|trillion)\\b)?"
              + "(st|nd|rd|th)?");
  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("dozen", 12),
          Map.entry("twice", 2));
  private static final Map<String, Integer> ORDINALS =
      Map.of(
          "second", 2, "third", 3, "fourth", 4, "fifth", 5, "sixth", 6, "seventh", 7, "eighth", 8,
          "ninth", 9, "tenth", 10);
  private static final Map<String, double[]> VAGUE =
      Map.of(
          "dozens", new double[] {24, 199},
          "scores", new double[] {40, 199},
          "hundreds", new double[] {100, 999},
          "thousands", new double[] {1000, 999_999},
          "millions", new double[] {1e6, 1e9 - 1},
          "billions", new double[] {1e9, 1e12 - 1});
  private static final String UNITS =
      "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
          + "|ninety";
  private static final Pattern WORD_NUM =
      Pattern.compile(
          "\\b(half\\s+a|a|[a-z]+(?:-[a-z]+)?)(?:\\s+(hundred|thousand|million|billion|trillion)"
              + "(?:\\s+and\\s+((?:"
              + UNITS
              + ")(?:-[a-z]+)?))?)?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NEXT_WORD = Pattern.compile("^\\s*(\\p{L}[\\p{L}\\-]*)");
  private static final Pattern PER_CENT =
      Pattern.compile("\\s*per\\s+cent\\b", Pattern.CASE_INSENSITIVE);

  /** Units of measure: a number before one measures (time, distance, weight, money, share). */
  private static final Set<String> MEASURES =
      Set.of(
          "year",
          "month",
          "week",
          "day",
          "hour",
          "minut",
          "second",
          "decad",
          "centuri",
          "mile",
          "kilometr",
          "km",
          "metr",
          "feet",
          "foot",
          "inch",
          "kilogram",
          "kg",
          "pound",
          "ton",
          "tonn",
          "dollar",
          "euro",
          "percent",
          "cent",
          "time",
          "light-year");

  /**
   * The unit a quantity measures, as a stem ("year" in "four years", "light-year"), or "" if the
   * word after it is no unit of measure: then the number counts something ("four smugglers").
   */
  static String measure(String text, Quantity q) {
    if (q.end() < 0 || q.end() > text.length()) {
      return "";
    }
    String surface = q.surface().toLowerCase(Locale.ROOT);
    int dash = surface.lastIndexOf('-');
    String next;
    if (dash > 0 && dash + 1 < surface.length() && Character.isLetter(surface.charAt(dash + 1))) {
      next = surface.substring(dash + 1); // "four-year"
    } else {
      Matcher m = NEXT_WORD.matcher(text.substring(q.end()));
      if (!m.find()) {
        return "";
      }
      next = m.group(1).toLowerCase(Locale.ROOT);
      if (next.equals("per") && PER_CENT.matcher(text.substring(q.end())).lookingAt()) {
        return "percent";
      }
    }
    String st = Text.stem(next);
    for (String part : st.split("-")) {
      if (MEASURES.contains(part)) {
        return st.contains("light") ? "light-year" : part;
      }
    }
    return MEASURES.contains(st) ? st : "";
  }

  /** All quantities stated in the text, in order of appearance. */
  static List<Quantity> find(String text) {
    String s = Text.normalise(text);
    List<Quantity> out = new ArrayList<>();
    boolean[] used = new boolean[s.length() + 1];
    Matcher m = DATE_MD.matcher(s);
    while (m.find()) {
      // "May" is also a verb: "may 5" in lower case is not a date.
      if (m.group(1).startsWith("May") && !Character.isUpperCase(m.group(1).charAt(0))) {
        continue;
      }
      out.add(
          date(month(m.group(1)), Integer.parseInt(m.group(2)), m.group())
              .at(m.start(), m.end(), true));
      mark(used, m.start(), m.end());
    }
    m = DATE_DM.matcher(s);
    while (m.find()) {
      if (!used[m.start()]) {
        out.add(
            date(month(m.group(2)), Integer.parseInt(m.group(1)), m.group())
                .at(m.start(), m.end(), true));
        mark(used, m.start(), m.end());
      }
    }
    m = DURATION.matcher(s);
    while (m.find()) {
      if (used[m.start()]) {
        continue;
      }
      // "1 minute 21 seconds" is 81 seconds, "2 hours and 5 minutes" 125 minutes.
      int big = Integer.parseInt(m.group(1));
      int small = Integer.parseInt(m.group(3));
      out.add(
          new Quantity(Kind.NUMBER, big * 60 + small, 0, 0, 0, m.group())
              .at(m.start(), m.end(), false));
      mark(used, m.start(), m.end());
    }
    m = CLOCK.matcher(s);
    while (m.find()) {
      if (used[m.start()]) {
        continue;
      }
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          out.add(
              new Quantity(Kind.NUMBER, Integer.parseInt(m.group(g)), 0, 0, 0, m.group(g))
                  .at(m.start(), m.end(), true));
        }
      }
      mark(used, m.start(), m.end());
    }
    m = NUM.matcher(s);
    while (m.find()) {
      int numStart = m.start(2);
      int wordStart = m.group(1) != null ? m.start(1) : numStart;
      if (used[numStart] || inIdentifier(s, wordStart, numStart, m.end())) {
        continue;
      }
      Quantity q = number(m);
      boolean year =
          q.decimals() == 0 && q.value() >= 1000 && q.value() <= 2100 && m.group(1) == null;
      String rest =
          s.substring(m.end(), Math.min(s.length(), m.end() + 9)).toLowerCase(Locale.ROOT);
      boolean percent =
          rest.startsWith("%")
              || rest.startsWith(" %")
              || rest.startsWith(" percent")
              || rest.startsWith(" per cent");
      out.add(q.at(m.start(2), m.end(), year || percent));
      mark(used, m.start(), m.end());
    }
    m = WORD_NUM.matcher(s);
    while (m.find()) {
      if (used[m.start()]) {
        continue;
      }
      if (pronounOne(s, m.start(), m.end())) {
        continue; // "no one hurt", "anyone": a pronoun, no count
      }
      Quantity q = wordNumber(m);
      if (q != null) {
        out.add(q.at(m.start(), m.end(), false));
        mark(used, m.start(), m.end());
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern PRONOUN_ONE =
      java.util.regex.Pattern.compile("(?i)(?:^|.*\\W)(?:no|any|every|some)\\s+$");

  /** True if the word at [from, to) is "one" after "no", "any", "every" or "some". */
  private static boolean pronounOne(String s, int from, int to) {
    return s.substring(from, to).equalsIgnoreCase("one")
        && PRONOUN_ONE.matcher(s.substring(Math.max(0, from - 8), from)).matches();
  }

  private static void mark(boolean[] used, int from, int to) {
    for (int i = from; i < to && i < used.length; i++) {
      used[i] = true;
    }
  }

  private static boolean inIdentifier(String s, int matchStart, int start, int end) {
    // Letters earlier in the same word ("K2-18b", "COVID-19"), not a currency prefix ("US$50m").
    for (int i = matchStart - 1; i >= 0 && !Character.isWhitespace(s.charAt(i)); i--) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
      if (s.charAt(i) == '(' || s.charAt(i) == '"' || s.charAt(i) == '\'') {
        break;
      }
    }
    if (start > 0) {
      char before = s.charAt(start - 1);
      if (Character.isLetter(before)) {
        return true;
      }
      if ((before == '-' || before == '.')
          && start > 1
          && Character.isLetter(s.charAt(start - 2))) {
        return true;
      }
    }
    if (end < s.length()) {
      char after = s.charAt(end);
      // "18b" inside "K2-18b", or a digit run glued to more letters.
      return Character.isLetter(after);
    }
    return false;
  }

  private static Quantity number(Matcher m) {
    String digits = m.group(2).replace(",", "");
    double v = Double.parseDouble(digits);
    int dot = digits.indexOf('.');
    int decimals = dot < 0 ? 0 : digits.length() - dot - 1;
    int zeros = 0;
    if (dot < 0) {
      for (int i = digits.length() - 1; i > 0 && digits.charAt(i) == '0'; i--) {
        zeros++;
      }
    }
    String scale = m.group(3) != null ? m.group(3) : m.group(4);
    if (scale != null) {
      double f = scale(scale.toLowerCase(Locale.ROOT));
      if (f > 1) {
        v *= f;
        // 11.5bn is stated to a hundred million; 50m to a million.
        int exp = (int) Math.round(Math.log10(f)) - decimals;
        zeros = Math.max(0, exp);
        decimals = Math.max(0, -exp);
      }
    }
    Kind kind = m.group(5) != null ? Kind.ORDINAL : Kind.NUMBER;
    return new Quantity(kind, v, 0, decimals, zeros, m.group().strip());
  }

  private static double scale(String s) {
    return switch (s) {
      case "k", "thousand" -> 1e3;
      case "m", "mn", "million" -> 1e6;
      case "b", "bn", "billion" -> 1e9;
      case "tn", "trillion" -> 1e12;
      default -> 1;
    };
  }

  private static Quantity wordNumber(Matcher m) {
    String w = m.group(1).toLowerCase(Locale.ROOT);
    String scale = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
    double base;
    if (w.startsWith("half")) {
      if (scale == null) {
        return null;
      }
      base = 0.5;
    } else if (w.equals("a")) {
      if (scale == null) {
        return null;
      }
      base = 1;
    } else if (VAGUE.containsKey(w)) {
      double[] r = VAGUE.get(w);
      return new Quantity(Kind.VAGUE, r[0], r[1], 0, 0, w);
    } else if (ORDINALS.containsKey(w)) {
      return new Quantity(Kind.ORDINAL, ORDINALS.get(w), 0, 0, 0, w);
    } else {
      Integer v = parseWords(w);
      if (v == null) {
        return null;
      }
      base = v;
    }
    double v = base;
    if (scale != null) {
      v *= scale.equals("hundred") ? 100 : scale(scale);
    }
    if (m.group(3) != null) {
      // "one hundred and one", "two thousand and five": the part after "and" is added.
      Integer rest = parseWords(m.group(3).toLowerCase(Locale.ROOT));
      if (rest != null) {
        v += rest;
      }
    }
    return new Quantity(Kind.NUMBER, v, 0, 0, 0, m.group().strip());
  }

  private static Integer parseWords(String w) {
    int dash = w.indexOf('-');
    if (dash > 0) {
      Integer tens = WORDS.get(w.substring(0, dash));
      Integer ones = WORDS.get(w.substring(dash + 1));
      if (tens != null && ones != null && tens >= 20 && tens % 10 == 0 && ones < 10) {
        return tens + ones;
      }
      // "ten-year", "five-storey": the number word before a hyphenated noun.
      return tens;
    }
    return WORDS.get(w);
  }

  private static Quantity date(int month, int day, String surface) {
    return new Quantity(Kind.DATE, month * 100 + day, 0, 0, 0, surface);
  }

  private static int month(String name) {
    String p = name.substring(0, 3).toLowerCase(Locale.ROOT);
    return switch (p) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      default -> 12;
    };
  }

  /** Whether article quantity {@code a} supports variant quantity {@code q}. */
  static boolean supports(Quantity a, Quantity q) {
    if (q.kind() == Kind.DATE || a.kind() == Kind.DATE) {
      return q.kind() == a.kind() && q.value() == a.value();
    }
    if (q.kind() == Kind.VAGUE) {
      if (a.kind() == Kind.VAGUE) {
        return a.surface().equals(q.surface());
      }
      return a.value() >= q.value() && a.value() <= q.high();
    }
    if (a.kind() == Kind.VAGUE) {
      return false;
    }
    double av = a.value();
    double qv = q.value();
    if (Math.abs(av - qv) <= 1e-9 * Math.max(1, Math.abs(qv))) {
      return true;
    }
    // Rounded in the variant: 40 for 40.2, 1.7 for 1.72, 1,700 for 1,723, $11.5bn for $11.46bn.
    if (q.decimals() > 0 || q.decimals() == 0 && a.decimals() > 0) {
      double f = Math.pow(10, q.decimals());
      return Math.round(av * f) == Math.round(qv * f);
    }
    if (q.zeros() >= 2 && qv >= 100) {
      double f = Math.pow(10, q.zeros());
      return Math.round(av / f) * f == qv;
    }
    return false;
  }
}
