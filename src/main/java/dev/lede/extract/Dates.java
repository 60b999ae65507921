package dev.lede.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the dates pages write into instants: ISO 8601 in its many page forms ({@code
 * 2019-04-28T06:01:07-0700}, {@code 2019-04-28 06:01:07.000000}, {@code 2019-04-28}), RFC 1123
 * ({@code Tue, 24 Jul 2012 00:11:00 GMT}), compact {@code 20120724}, epoch seconds or milliseconds,
 * and written forms in English, German, French and Spanish month names ({@code July 24, 2012 12:11
 * AM EDT}, {@code 24. Juli 2012}, {@code 3 mars 2015 à 10h15}), with numeric offsets or common zone
 * abbreviations. A date without time is midnight UTC; a time without zone is read as UTC. Years
 * outside 1990–2100 are refused (an ID or a price is not a date).
 *
 * <p>One tolerant scanner rather than a list of formatters: it finds year, month, day, time and
 * zone parts in order, which covers the formats above and their punctuation variants.
 */
final class Dates {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
              + "\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d)|UTC|GMT|[A-Z]{3,4}(?![a-z]))?)?");
  private static final Pattern SLASHED =
      Pattern.compile("(?<!\\d)(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})(?!\\d)");
  private static final Pattern DMY_NUMERIC =
      Pattern.compile("(?<!\\d)(\\d{1,2})[./](\\d{1,2})[./](\\d{4})(?!\\d)");
  private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
  private static final Pattern EPOCH = Pattern.compile("^\\d{9,13}$");
  private static final Pattern MONTH_WORD =
      Pattern.compile(
          "(?i)(?<![\\p{L}])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|"
              + "maerz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|mars|avril|juin|"
              + "juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|"
              + "marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
              + "diciembre)[\\p{L}]*\\.?");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19\\d\\d|20\\d\\d|2100)(?!\\d)");
  private static final Pattern DAY =
      Pattern.compile("(?<![\\d:])(\\d{1,2})(?:st|nd|rd|th|\\.)?(?![\\d:])");
  private static final Pattern TIME =
      Pattern.compile(
          "(?i)(?<!\\d)(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?"
              + "(?:\\s*(Z|[+-]\\d{2}:?\\d{2}|(?:UTC|GMT)(?:[+-]\\d{1,2}(?::?\\d{2})?)?|"
              + "[A-Z]{2,4}T|[ECMP][SD]?T)(?![a-z]))?");
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12),
          Map.entry("januar", 1),
          Map.entry("februar", 2),
          Map.entry("märz", 3),
          Map.entry("maerz", 3),
          Map.entry("mai", 5),
          Map.entry("juni", 6),
          Map.entry("juli", 7),
          Map.entry("oktober", 10),
          Map.entry("dezember", 12),
          Map.entry("janvier", 1),
          Map.entry("février", 2),
          Map.entry("fevrier", 2),
          Map.entry("mars", 3),
          Map.entry("avril", 4),
          Map.entry("juin", 6),
          Map.entry("juillet", 7),
          Map.entry("août", 8),
          Map.entry("aout", 8),
          Map.entry("septembre", 9),
          Map.entry("octobre", 10),
          Map.entry("novembre", 11),
          Map.entry("décembre", 12),
          Map.entry("decembre", 12),
          Map.entry("enero", 1),
          Map.entry("febrero", 2),
          Map.entry("marzo", 3),
          Map.entry("abril", 4),
          Map.entry("mayo", 5),
          Map.entry("junio", 6),
          Map.entry("julio", 7),
          Map.entry("agosto", 8),
          Map.entry("septiembre", 9),
          Map.entry("setiembre", 9),
          Map.entry("octubre", 10),
          Map.entry("noviembre", 11),
          Map.entry("diciembre", 12));
  private static final Map<String, ZoneId> ZONES =
      Map.ofEntries(
          Map.entry("UTC", ZoneOffset.UTC),
          Map.entry("GMT", ZoneOffset.UTC),
          Map.entry("Z", ZoneOffset.UTC),
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("EDT", ZoneOffset.ofHours(-4)),
          Map.entry("CST", ZoneOffset.ofHours(-6)),
          Map.entry("CDT", ZoneOffset.ofHours(-5)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("PST", ZoneOffset.ofHours(-8)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)),
          Map.entry("ET", ZoneId.of("America/New_York")),
          Map.entry("PT", ZoneId.of("America/Los_Angeles")),
          Map.entry("CT", ZoneId.of("America/Chicago")),
          Map.entry("MT", ZoneId.of("America/Denver")),
          Map.entry("BST", ZoneOffset.ofHours(1)),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)),
          Map.entry("EET", ZoneOffset.ofHours(2)),
          Map.entry("EEST", ZoneOffset.ofHours(3)),
          Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
          Map.entry("JST", ZoneOffset.ofHours(9)),
          Map.entry("AEST", ZoneOffset.ofHours(10)),
          Map.entry("AEDT", ZoneOffset.ofHours(11)),
          Map.entry("HKT", ZoneOffset.ofHours(8)),
          Map.entry("SGT", ZoneOffset.ofHours(8)));

  private Dates() {}

  /** The instant a date string denotes, or null when it is not a recognisable date. */
  static @Nullable Instant parse(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 200) {
      return null;
    }
    try {
      return parseOrThrow(s);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Instant parseOrThrow(String s) {
    if (EPOCH.matcher(s).matches()) {
      long v = Long.parseLong(s);
      Instant i = s.length() >= 12 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
      return plausible(i.atZone(ZoneOffset.UTC).getYear()) ? i : null;
    }
    Matcher m = COMPACT.matcher(s);
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3), null);
    }
    m = ISO.matcher(s);
    if (m.find()) {
      int y = Integer.parseInt(m.group(1));
      LocalDate d = LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      if (!plausible(y)) {
        return null;
      }
      if (m.group(4) == null) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      LocalTime t =
          LocalTime.of(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      return at(LocalDateTime.of(d, t), zone(m.group(7)));
    }
    m = SLASHED.matcher(s);
    if (m.find()) {
      return date(m.group(1), m.group(2), m.group(3), s.substring(m.end()));
    }
    Matcher mw = MONTH_WORD.matcher(s);
    if (mw.find()) {
      Integer month = MONTHS.get(monthKey(mw.group(1)));
      Matcher y = YEAR.matcher(s);
      if (month == null || !y.find()) {
        return null;
      }
      int day = dayNear(s, mw, y);
      if (day < 1) {
        return null;
      }
      LocalDate d = LocalDate.of(Integer.parseInt(y.group(1)), month, day);
      return withTime(d, s.substring(Math.max(mw.end(), y.end())));
    }
    m = DMY_NUMERIC.matcher(s);
    if (m.find()) {
      return date(m.group(3), m.group(2), m.group(1), s.substring(m.end()));
    }
    return null;
  }

  private static String monthKey(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return MONTHS.containsKey(w) ? w : w.substring(0, 3);
  }

  /** The day number: the number right before or after the month word, not the year. */
  private static int dayNear(String s, Matcher month, Matcher year) {
    Matcher d = DAY.matcher(s);
    int best = -1;
    int bestDist = Integer.MAX_VALUE;
    while (d.find()) {
      if (d.start() >= year.start() && d.end() <= year.end()) {
        continue;
      }
      int v = Integer.parseInt(d.group(1));
      if (v < 1 || v > 31) {
        continue;
      }
      int dist = d.start() >= month.end() ? d.start() - month.end() : month.start() - d.end();
      if (dist >= 0 && dist < bestDist && dist <= 4) {
        bestDist = dist;
        best = v;
      }
    }
    return best;
  }

  private static @Nullable Instant date(String y, String mo, String d, @Nullable String rest) {
    int year = Integer.parseInt(y);
    if (!plausible(year)) {
      return null;
    }
    LocalDate date = LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d));
    return rest == null ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : withTime(date, rest);
  }

  private static Instant withTime(LocalDate d, String rest) {
    Matcher t = TIME.matcher(rest);
    if (!t.find()) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    int h = Integer.parseInt(t.group(1));
    int min = Integer.parseInt(t.group(2));
    int sec = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
    String ampm = t.group(4);
    if (ampm != null) {
      boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
      if (h == 12) {
        h = pm ? 12 : 0;
      } else if (pm) {
        h += 12;
      }
    }
    if (h > 23 || min > 59) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return at(LocalDateTime.of(d, LocalTime.of(h, min, Math.min(sec, 59))), zone(t.group(5)));
  }

  private static Instant at(LocalDateTime t, ZoneId zone) {
    return ZonedDateTime.of(t, zone).toInstant();
  }

  private static ZoneId zone(@Nullable String z) {
    if (z == null || z.isEmpty()) {
      return ZoneOffset.UTC;
    }
    String u = z.toUpperCase(Locale.ROOT);
    ZoneId named = ZONES.get(u);
    if (named != null) {
      return named;
    }
    if (u.startsWith("UTC") || u.startsWith("GMT")) {
      u = u.substring(3);
      if (u.isEmpty()) {
        return ZoneOffset.UTC;
      }
    }
    if (u.startsWith("+") || u.startsWith("-")) {
      String digits = u.substring(1).replace(":", "");
      int hours;
      int minutes = 0;
      if (digits.length() <= 2) {
        hours = Integer.parseInt(digits);
      } else {
        hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
        minutes = Integer.parseInt(digits.substring(digits.length() - 2));
      }
      int sign = u.charAt(0) == '-' ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    return ZoneOffset.UTC;
  }

  private static boolean plausible(int year) {
    return year >= 1990 && year <= 2100;
  }
}
