package dev.lede.headline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rule-based writer's rewrites, each a small pure function on a headline or a sentence:
 * abbreviating and expanding common forms ("$50 million" and "$50m", "percent" and "%", "United
 * States" and "US"), moving an attribution tail ("..., officials said") to the front as a source
 * ("Officials: ..."), dropping dates and subordinate clauses to meet a length budget, putting a
 * casualty count first, and turning a hedged headline into a question.
 */
final class Rewrites {
  private Rewrites() {}

  private static final Pattern MONEY_WORD =
      Pattern.compile("(US)?\\$(\\d+(?:\\.\\d+)?) (million|billion|trillion)\\b");
  private static final Pattern MONEY_SHORT = Pattern.compile("\\$(\\d+(?:\\.\\d+)?)(m|bn|tn)\\b");
  private static final Pattern PERCENT_WORD = Pattern.compile("(\\d) ?(?:percent|per cent)\\b");
  private static final Pattern PERCENT_SIGN = Pattern.compile("(\\d)%");

  /** "$50 million" to "$50m", "US$11 billion" to "$11bn", "20 percent" to "20%", US and UK. */
  static String abbreviate(String s) {
    Matcher m = MONEY_WORD.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String unit =
          switch (m.group(3)) {
            case "million" -> "m";
            case "billion" -> "bn";
            default -> "tn";
          };
      m.appendReplacement(sb, Matcher.quoteReplacement("$" + m.group(2) + unit));
    }
    m.appendTail(sb);
    String out = PERCENT_WORD.matcher(sb).replaceAll("$1%");
    return out.replace("United States", "US").replace("United Kingdom", "UK");
  }

  /** "$50m" to "$50 million", "20%" to "20 percent". */
  static String expand(String s) {
    Matcher m = MONEY_SHORT.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String unit =
          switch (m.group(2)) {
            case "m" -> "million";
            case "bn" -> "billion";
            default -> "trillion";
          };
      m.appendReplacement(sb, Matcher.quoteReplacement("$" + m.group(1) + " " + unit));
    }
    m.appendTail(sb);
    return PERCENT_SIGN.matcher(sb).replaceAll("$1 percent");
  }

  private static final Pattern TAIL =
      Pattern.compile(
          "^(.{12,}?),\\s+((?:the\\s+)?[\\p{L}' .-]{2,40}?)\\s+(says|say|said|reports|report"
              + "|reported|confirms|confirm|warns|warn|claims|claim|finds|find|suggests|suggest)$"
              + "|^(.{12,}?),\\s+(says|say|said|reports|report|confirms|confirm|warns|warn|claims"
              + "|claim|finds|find|suggests|suggest)\\s+((?:the\\s+)?[\\p{L}' .-]{2,40})$");

  /** "X, officials said" or "X, say scientists" as "Officials: X"; null without such a tail. */
  static @Nullable String tailToFront(String s) {
    Matcher m = TAIL.matcher(s.strip());
    if (!m.matches()) {
      return null;
    }
    String claim = m.group(1) != null ? m.group(1) : m.group(4);
    String source = m.group(2) != null ? m.group(2) : m.group(6);
    source = source.replaceFirst("^(?i)the\\s+", "");
    return capitaliseFirst(source) + ": " + lowerFirstUnlessName(claim);
  }

  private static final Pattern SAYS =
      Pattern.compile(
          "^([\\p{Lu}][\\p{L}'.-]*(?: [\\p{Lu}][\\p{L}'.-]*){0,3}) (says|claims) (.{12,})$");

  /** "Germany says X" as "Germany: X" (not when X starts with a pronoun). */
  static @Nullable String saysToColon(String s) {
    Matcher m = SAYS.matcher(s.strip());
    if (!m.matches() || m.group(3).matches("(?i)^(he|she|it|they|we|i)\\b.*")) {
      return null;
    }
    return m.group(1) + ": " + m.group(3);
  }

  private static final Pattern DATES =
      Pattern.compile(
          "(?i),?\\s+(?:on\\s+)?(?:early\\s+|late\\s+)?(?:(?:last|this|on)\\s+)?"
              + "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today"
              + "|tonight)(?:\\s+(?:morning|afternoon|evening|night))?\\b"
              + "|,?\\s+earlier\\s+this\\s+(?:week|month|year)\\b");

  /** Drops day names and "yesterday"-like time words, which a teaser outlives. */
  static String dropDates(String s) {
    return DATES.matcher(s).replaceAll("").replaceAll("\\s{2,}", " ").strip();
  }

  private static final Pattern CUT =
      Pattern.compile(
          ",\\s+(?:which|who|where|while|although|though|after|as|with|according|including)\\b"
              + "|;|\\s+-\\s+|,\\s+(?:officials|police|authorities|the\\s+\\w+)\\s+(?:said|say|says)\\b"
              + "|\\s+(?:after|while|although|because|as)\\s+");

  /**
   * Shortens to the budget: drops dates, then cuts at the last subordinate clause or attribution
   * boundary that leaves at most {@code budget} characters; null if no cut fits.
   */
  static @Nullable String shorten(String s, int budget) {
    String t = dropDates(stripEnd(s));
    if (t.length() <= budget) {
      return t;
    }
    Matcher m = CUT.matcher(t);
    int best = -1;
    while (m.find()) {
      if (m.start() <= budget && m.start() >= 20) {
        best = m.start();
      }
    }
    if (best < 0) {
      Matcher comma = Pattern.compile(",\\s").matcher(t);
      while (comma.find()) {
        if (comma.start() <= budget && comma.start() >= 25) {
          best = comma.start();
        }
      }
    }
    if (best < 0) {
      return null;
    }
    String cut = stripEnd(t.substring(0, best));
    return cut.matches(".*\\b(?i:of|in|on|at|to|for|by|the|a|an|and|or|with|from)$") ? null : cut;
  }

  private static final Pattern KILLS =
      Pattern.compile(
          "^(.{4,60}?) (kills|injures|leaves) ((?:at least |more than |over )?(?:\\d[\\d,]*|[a-z]+)"
              + "(?: [a-z-]+){0,3}?)(?: (dead|injured))?(?: (in|at|on|near) (.+))?$");

  /** "Fire kills nine in Chittagong" as "Nine killed in fire in Chittagong"; else null. */
  static @Nullable String countFirst(String s) {
    Matcher m = KILLS.matcher(stripEnd(s));
    if (!m.matches() || Quantities.find(m.group(3)).isEmpty() || m.group(4) != null) {
      return null;
    }
    String verb = m.group(2).equals("injures") ? "injured" : "killed";
    if (m.group(2).equals("leaves")) {
      return null;
    }
    String where = m.group(5) == null ? "" : " " + m.group(5) + " " + m.group(6);
    return capitaliseFirst(m.group(3))
        + " "
        + verb
        + " in "
        + lowerFirstUnlessName(m.group(1))
        + where;
  }

  private static final Pattern PLACE_LAST =
      Pattern.compile(
          "^(.{15,}?) (?:in|at) ((?:\\p{Lu}[\\p{L}.'-]*)(?:,? (?:\\p{Lu}[\\p{L}.'-]*|del|de)){0,3})$");

  /** "Fire kills five in Koszalin, Poland" as "Koszalin, Poland: fire kills five"; else null. */
  static @Nullable String placeFirst(String s) {
    Matcher m = PLACE_LAST.matcher(stripEnd(s));
    if (!m.matches()) {
      return null;
    }
    return m.group(2) + ": " + lowerFirstUnlessName(m.group(1));
  }

  private static final Pattern APPOSITIVE = Pattern.compile(", (?:the |a |an )[^,]{3,60}?,");

  /**
   * Drops an appositive: "Hu Jintao, the President of China, had lunch" to "Hu Jintao had lunch".
   */
  static String dropAppositive(String s) {
    return APPOSITIVE.matcher(s).replaceFirst("");
  }

  private static final Pattern MAY = Pattern.compile("^(.{3,60}?) (may|might|could) (.{6,})$");

  /** "Humans may have contributed to X" as "Could humans have contributed to X?"; else null. */
  static @Nullable String question(String s) {
    Matcher m = MAY.matcher(stripEnd(s));
    if (!m.matches() || m.group(3).contains(",")) {
      return null;
    }
    return "Could " + lowerFirstUnlessName(m.group(1)) + " " + m.group(3) + "?";
  }

  static String stripEnd(String s) {
    return s.strip().replaceAll("[.\\s]+$", "");
  }

  static String capitaliseFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /**
   * Lowers the first letter unless the first word is an acronym or has inner capitals; the writer's
   * casing pass restores the names it knows.
   */
  static String lowerFirstUnlessName(String s) {
    if (s.length() < 2) {
      return s;
    }
    int sp = s.indexOf(' ');
    String first = sp < 0 ? s : s.substring(0, sp);
    boolean keep = first.chars().skip(1).anyMatch(Character::isUpperCase);
    return keep ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
