package dev.lede.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a byline line of a text dump ("By Jane Doe and John Roe, Reuters", "By JANE DOE | March 3,
 * 2025", "Written by Ana Lima in Lisbon") into the people it names.
 *
 * <p>A line is a byline only when everything after "By" parses as names, roles ("Staff Writer",
 * "Senior Correspondent") or organisations ("Reuters", "The Daily Planet"), so "By Tuesday, the
 * water had receded." stays a sentence. Organisations are recognised by agency names and outlet
 * words (news, times, press, …) and dropped: the model's bylines are people. Names written in
 * capitals are put in title case. The known failure modes of other extractors guide the rules:
 * "Email the author" and handles kept as names (newspaper #158), organisations as people
 * (newspaper4k #83), and "By" stripped from names such as "Abby" (newspaper4k #425) — we strip only
 * a whole leading word.
 */
final class TextBylines {
  private static final Pattern LEAD =
      Pattern.compile(
          "(?i)^(?:by|written by|words by|story by|text by|reported by|von|par|por|door|di)[:\\s]\\s*"
              + "(.+)$");
  private static final Pattern CUT =
      Pattern.compile(
          "\\s+[|·•—–]\\s+|\\s+-\\s+|(?i)\\s+(?:updated|published|posted|email|e-mail|follow|twitter"
              + "|contact)\\b|\\s+@\\w+");
  private static final Pattern SPLIT = Pattern.compile("\\s*(?:,|;|\\band\\b|&|\\bwith\\b)\\s*");
  private static final Pattern ROLE =
      Pattern.compile(
          "(?i)^(?:[\\p{L}-]+\\s+){0,4}(?:writer|reporter|correspondent|editor|journalist|columnist"
              + "|contributor|critic|photographer|producer|analyst|staff|intern|bureau chief|fellow"
              + "|anchor|host|researcher)s?$");
  private static final Pattern ORGANISATION =
      Pattern.compile(
          "(?i)\\b(?:reuters|associated press|ap|afp|agence france-presse|bloomberg|dpa|xinhua|upi"
              + "|cnn|bbc|pa media|press association|staff|news|newsroom|desk|team|agency|times"
              + "|post|journal|herald|tribune|gazette|daily|media|network|wire|press|magazine|radio"
              + "|tv|television|editors|editorial|correspondents|reporters|service|online|digital"
              + "|group|inc|ltd|llc)\\b");
  private static final Pattern NAME_TOKEN =
      Pattern.compile(
          "(?:\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}\\.|de|da|del|der|den|di|du|dos|das|van|von|la|le|bin"
              + "|ibn|al|el|ter|y|e|st\\.?)");
  private static final Pattern PLACE = Pattern.compile("\\s+(?:in|from|at)\\s+\\p{Lu}.*$");
  private static final Pattern FOR_OUTLET = Pattern.compile("(?i)\\s+for\\s+.*$");

  private TextBylines() {}

  /** A line that is only a role: "Reporter", "Senior Correspondent", "Staff writer". */
  static boolean isRole(String line) {
    return line.length() <= 60
        && TextShape.words(line) <= 5
        && ROLE.matcher(line.strip()).matches();
  }

  /**
   * The people named by a byline line; an empty list for a byline naming only organisations ("By
   * Reuters"); null when the line is not a byline.
   */
  static @Nullable List<String> parse(String line) {
    if (line.length() > 200 || TextShape.words(line) > 24) {
      return null;
    }
    Matcher m = LEAD.matcher(line.strip());
    return m.matches() ? names(m.group(1)) : null;
  }

  /** The people named by the part of a byline after "By"; null when it is not a byline. */
  static @Nullable List<String> names(String afterBy) {
    String s = afterBy.strip();
    TextDates.Found date = TextDates.find(s);
    if (date != null) {
      s = s.substring(0, date.start());
    }
    Matcher cut = CUT.matcher(s);
    if (cut.find()) {
      s = s.substring(0, cut.start());
    }
    s = s.strip().replaceFirst("[,;:.|]+$", "").strip();
    if (s.isEmpty() || !TextShape.startsLikeTitle(s)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String piece : SPLIT.split(s)) {
      String p = piece.strip();
      if (p.isEmpty() || ROLE.matcher(p).matches()) {
        continue;
      }
      p = FOR_OUTLET.matcher(PLACE.matcher(p).replaceFirst("")).replaceFirst("").strip();
      if (ORGANISATION.matcher(p).find()) {
        continue;
      }
      String name = name(p);
      if (name == null
          && !out.isEmpty()
          && p.split("\\s+").length == 1
          && TextShape.startsLikeTitle(p)) {
        continue; // "By Jane Doe, Northwire": an outlet of one word after a name
      }
      if (name == null) {
        return null; // not a byline: "By Tuesday, the water had receded."
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** A person's name of two to five tokens, title-cased when written in capitals; or null. */
  private static @Nullable String name(String p) {
    String[] tokens = p.split("\\s+");
    if (tokens.length < 2 || tokens.length > 5) {
      return null;
    }
    boolean caps = p.equals(p.toUpperCase(Locale.ROOT)) && p.chars().anyMatch(Character::isLetter);
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      String tok = caps ? titleCase(t) : t;
      if (!NAME_TOKEN.matcher(tok).matches()) {
        return null;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(tok);
    }
    return Character.isUpperCase(sb.charAt(0)) ? sb.toString() : null;
  }

  private static String titleCase(String t) {
    StringBuilder sb = new StringBuilder(t.length());
    boolean upper = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-' || c == '\'' || c == '’' || c == '.';
    }
    return sb.toString();
  }
}
