package dev.lede.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds publication and update dates written out in a text dump: "March 3, 2025", "3 March 2025",
 * "Mon 3 Mar 2025 14.05 GMT", "2025-03-03T10:04:00Z", "03/03/2025 10:04 AM", each optionally
 * labelled "Published", "Posted", "Updated", "Last modified" and followed by a time and a zone
 * ("10:04 a.m. ET", "14:05 GMT", "+01:00").
 *
 * <p>Rules: a date whose label says updated/modified/edited is the modified date, any other the
 * published date. A time without a zone is read as UTC, a date without a time as midnight UTC (the
 * schema says so). Numeric dates are month/day/year unless the first number exceeds 12 or the
 * separator is a dot (day.month.year, the European way). US zone names (ET, PT, …) follow the
 * daylight-saving rules of their region; other abbreviations are fixed offsets.
 */
final class TextDates {
  /** The dates found in a line. */
  record Found(@Nullable Instant published, @Nullable Instant modified, int start, int end) {}

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String WEEKDAY =
      "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
  private static final Pattern MDY =
      Pattern.compile(
          "(?i)\\b" + WEEKDAY + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
  private static final Pattern DMY =
      Pattern.compile(
          "(?i)\\b"
              + WEEKDAY
              + "(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?"
              + MONTH
              + ",?\\s+(\\d{4})\\b");

  /** Month names of the other languages Lede reads most (de, fr, es, it, nl, pt). */
  private static final Map<String, Integer> MONTHS_INTL = intlMonths();

  private static final Pattern DMY_INTL =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(\\d{1,2})(?:\\.|º|er)?\\s+(?:de\\s+)?("
              + String.join(
                  "|",
                  MONTHS_INTL.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList())
              + ")\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b");
  private static final Pattern ISO =
      Pattern.compile(
          "\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?)?"
              + "(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern NUMERIC =
      Pattern.compile("\\b(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})\\b");
  private static final Pattern TIME =
      Pattern.compile(
          "(?i)^(?:,?\\s*(?:at\\s+|um\\s+|à\\s+|a las\\s+|alle\\s+|om\\s+|às\\s+)?|\\s*[-–—|·•@]\\s*|\\s+)"
              + "(\\d{1,2})(?:[:.h](\\d{2}))?(?::\\d{2})?"
              + "\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?=$|[\\s,.|·•)(])");
  private static final Pattern TIME_BEFORE =
      Pattern.compile(
          "(?i)(?<![\\d:.])(\\d{1,2})[:.](\\d{2})\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*(?:\\(?((?:gmt|utc)"
              + "\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[a-z]{1,5})\\)?)?\\s*[,|·•\\-–—]?\\s*(?:on\\s+)?$");
  private static final Pattern ZONE =
      Pattern.compile(
          "(?i)^\\s*\\(?((?:gmt|utc)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}"
              + "|[a-z]{1,5})\\)?(?=$|[\\s,.|·•)])");
  private static final Pattern LABEL_MODIFIED =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(?:updated|modified|edited|revised|last changed|aktualisiert|mis à jour"
              + "|actualizado|aggiornato|bijgewerkt|atualizado)(?!\\p{L})[^0-9]{0,20}$");
  private static final Pattern LINE_LEFTOVER =
      Pattern.compile(
          "(?iu)\\b(?:first |originally |last )?(?:published|posted|updated|modified|edited"
              + "|veröffentlicht|aktualisiert|am|um|uhr|publié|mis à jour|le|publicado|actualizado"
              + "|pubblicato|aggiornato|gepubliceerd|bijgewerkt|atualizado|op|em|às"
              + "|revised|created|date[d]?|on|at|min(?:ute)?s? read|et|pt|ct|mt|est|edt|cst|cdt|pst|pdt"
              + "|gmt|utc|bst|cet|cest|\\d+)\\b|(?<!\\p{L})[ap]\\.?m\\.?(?!\\p{L})|[^\\p{L}]+");

  private static final Map<String, ZoneId> ZONES =
      Map.ofEntries(
          Map.entry("et", ZoneId.of("America/New_York")),
          Map.entry("est", ZoneOffset.ofHours(-5)),
          Map.entry("edt", ZoneOffset.ofHours(-4)),
          Map.entry("ct", ZoneId.of("America/Chicago")),
          Map.entry("cst", ZoneOffset.ofHours(-6)),
          Map.entry("cdt", ZoneOffset.ofHours(-5)),
          Map.entry("mt", ZoneId.of("America/Denver")),
          Map.entry("mst", ZoneOffset.ofHours(-7)),
          Map.entry("mdt", ZoneOffset.ofHours(-6)),
          Map.entry("pt", ZoneId.of("America/Los_Angeles")),
          Map.entry("pst", ZoneOffset.ofHours(-8)),
          Map.entry("pdt", ZoneOffset.ofHours(-7)),
          Map.entry("akst", ZoneOffset.ofHours(-9)),
          Map.entry("akdt", ZoneOffset.ofHours(-8)),
          Map.entry("hst", ZoneOffset.ofHours(-10)),
          Map.entry("gmt", ZoneOffset.UTC),
          Map.entry("utc", ZoneOffset.UTC),
          Map.entry("z", ZoneOffset.UTC),
          Map.entry("wet", ZoneOffset.UTC),
          Map.entry("bst", ZoneOffset.ofHours(1)),
          Map.entry("west", ZoneOffset.ofHours(1)),
          Map.entry("cet", ZoneOffset.ofHours(1)),
          Map.entry("cest", ZoneOffset.ofHours(2)),
          Map.entry("eet", ZoneOffset.ofHours(2)),
          Map.entry("eest", ZoneOffset.ofHours(3)),
          Map.entry("msk", ZoneOffset.ofHours(3)),
          Map.entry("ist", ZoneOffset.ofHoursMinutes(5, 30)),
          Map.entry("hkt", ZoneOffset.ofHours(8)),
          Map.entry("sgt", ZoneOffset.ofHours(8)),
          Map.entry("awst", ZoneOffset.ofHours(8)),
          Map.entry("jst", ZoneOffset.ofHours(9)),
          Map.entry("kst", ZoneOffset.ofHours(9)),
          Map.entry("acst", ZoneOffset.ofHoursMinutes(9, 30)),
          Map.entry("aest", ZoneOffset.ofHours(10)),
          Map.entry("aedt", ZoneOffset.ofHours(11)),
          Map.entry("nzst", ZoneOffset.ofHours(12)),
          Map.entry("nzdt", ZoneOffset.ofHours(13)));

  private TextDates() {}

  /** One date with its time and zone, and where it sits in the line. */
  private record Hit(Instant instant, int start, int end) {}

  /**
   * The dates of a line that is a date line ("Published March 3, 2025 · Updated 4:10 p.m. ET"):
   * dates plus labels and at most two other words. Null for a line that is not.
   */
  static @Nullable Found dateLine(String line) {
    if (line.length() > 200) {
      return null;
    }
    Found f = find(line);
    if (f == null || (TextShape.endsWithStop(line) && TextShape.words(line) > 8)) {
      return null; // a sentence that mentions a date
    }
    StringBuilder rest = new StringBuilder();
    rest.append(line, 0, f.start()).append(' ').append(line.substring(f.end()));
    String leftover = LINE_LEFTOVER.matcher(rest).replaceAll(" ").strip();
    return TextShape.words(leftover) <= 2 ? f : null;
  }

  /** The first published and first modified date anywhere in the text, or null when none. */
  static @Nullable Found find(String s) {
    if (s.length() > 400 || !hasYear(s)) {
      return null;
    }
    Instant published = null;
    Instant modified = null;
    int first = -1;
    int last = -1;
    int from = 0;
    for (Hit h = next(s, from); h != null; h = next(s, from)) {
      boolean isModified = LABEL_MODIFIED.matcher(s.substring(from, h.start())).find();
      if (isModified && modified == null) {
        modified = h.instant();
      } else if (!isModified && published == null) {
        published = h.instant();
      }
      first = first < 0 ? h.start() : first;
      last = h.end();
      from = h.end();
    }
    return first < 0 ? null : new Found(published, modified, first, last);
  }

  /** Every date form has a four-digit year: lines without four digits in a row are skipped. */
  private static boolean hasYear(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = Character.isDigit(s.charAt(i)) ? run + 1 : 0;
      if (run == 4) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Hit next(String s, int from) {
    Hit best = null;
    for (Pattern p : List.of(MDY, DMY, DMY_INTL, ISO, NUMERIC)) {
      Matcher m = p.matcher(s);
      m.region(from, s.length());
      while (m.find()) {
        Hit h = toHit(p, m, s, from);
        if (h != null) {
          if (best == null || h.start() < best.start()) {
            best = h;
          }
          break;
        }
      }
    }
    return best;
  }

  private static @Nullable Hit toHit(Pattern p, Matcher m, String s, int from) {
    try {
      LocalDate date;
      if (p == MDY) {
        date = LocalDate.of(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
      } else if (p == DMY) {
        date = LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
      } else if (p == DMY_INTL) {
        Integer month = MONTHS_INTL.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
          return null;
        }
        date = LocalDate.of(year(m.group(3)), month, Integer.parseInt(m.group(1)));
      } else if (p == NUMERIC) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        boolean dayFirst = a > 12 || m.group(2).equals(".");
        date = LocalDate.of(year(m.group(4)), dayFirst ? b : a, dayFirst ? a : b);
      } else {
        date = isoDate(m);
        if (m.group(4) != null) {
          LocalTime t =
              LocalTime.of(
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
          ZoneId zone = m.group(7) == null ? ZoneOffset.UTC : ZoneOffset.of(offset(m.group(7)));
          return new Hit(LocalDateTime.of(date, t).atZone(zone).toInstant(), m.start(), m.end());
        }
      }
      return withTime(date, s, from, m.start(), m.end());
    } catch (DateTimeException | NumberFormatException e) {
      return null; // "February 30, 2025", "13/13/2025": not a date
    }
  }

  private static LocalDate isoDate(Matcher m) {
    return LocalDate.of(
        year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /**
   * Reads an optional time and zone after the date ("March 3, 2025 at 10:04 a.m. ET"), or else
   * right before it ("3:04 PM EST, March 3, 2025", as wire services write it).
   */
  private static Hit withTime(LocalDate date, String s, int from, int start, int end) {
    Matcher t = TIME.matcher(s);
    t.region(end, s.length());
    if (t.lookingAt() && (t.group(2) != null || t.group(3) != null)) {
      LocalTime time = time(t.group(1), t.group(2), t.group(3));
      if (time != null) {
        int stop = t.end();
        ZoneId zone = ZoneOffset.UTC;
        Matcher z = ZONE.matcher(s);
        z.region(stop, s.length());
        if (z.lookingAt()) {
          ZoneId found = zone(z.group(1));
          if (found != null) {
            zone = found;
            stop = z.end();
          }
        }
        return new Hit(LocalDateTime.of(date, time).atZone(zone).toInstant(), start, stop);
      }
    }
    Matcher b = TIME_BEFORE.matcher(s);
    b.region(Math.max(from, start - 40), start); // never back into the previous date
    if (b.find()) {
      LocalTime time = time(b.group(1), b.group(2), b.group(3));
      ZoneId zone = b.group(4) == null ? ZoneOffset.UTC : zone(b.group(4));
      if (time != null && zone != null) {
        return new Hit(LocalDateTime.of(date, time).atZone(zone).toInstant(), b.start(), end);
      }
    }
    return new Hit(date.atStartOfDay(ZoneOffset.UTC).toInstant(), start, end);
  }

  /** A time of day from hour, minutes and an optional a.m./p.m.; null when out of range. */
  private static @Nullable LocalTime time(String h, @Nullable String m, @Nullable String ampm) {
    int hour = Integer.parseInt(h);
    int minute = m == null ? 0 : Integer.parseInt(m);
    if (ampm != null) {
      if (hour < 1 || hour > 12) {
        return null;
      }
      boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
      hour = hour % 12 + (pm ? 12 : 0);
    }
    return hour > 23 || minute > 59 ? null : LocalTime.of(hour, minute);
  }

  private static @Nullable ZoneId zone(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace(" ", "");
    ZoneId z = ZONES.get(n);
    if (z != null) {
      return z;
    }
    String off = n.replaceFirst("^(?:gmt|utc)", "");
    if (off.matches("[+-]\\d{1,2}(?::?\\d{2})?")) {
      try {
        return ZoneOffset.of(offset(off));
      } catch (DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  /** "+0100" → "+01:00", "+1" → "+01:00", "Z" → "Z". */
  private static String offset(String o) {
    if (o.equalsIgnoreCase("z")) {
      return "Z";
    }
    String sign = o.substring(0, 1);
    String digits = o.substring(1).replace(":", "");
    String hours = digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2);
    String minutes = digits.length() <= 2 ? "00" : digits.substring(digits.length() - 2);
    return sign + (hours.length() == 1 ? "0" + hours : hours) + ":" + minutes;
  }

  private static int year(String y) {
    int v = Integer.parseInt(y);
    if (v < 1900 || v > 2199) {
      throw new DateTimeException("year out of range: " + y);
    }
    return v;
  }

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private static Map<String, Integer> intlMonths() {
    String[][] names = {
      {"januar", "jänner", "janvier", "enero", "gennaio", "januari", "janeiro"},
      {"februar", "février", "febrero", "febbraio", "februari", "fevereiro"},
      {"märz", "mars", "marzo", "maart", "março"},
      {"avril", "abril", "aprile"},
      {"mai", "mayo", "maggio", "mei", "maio"},
      {"juni", "juin", "junio", "giugno", "junho"},
      {"juli", "juillet", "julio", "luglio", "julho"},
      {"août", "agosto", "augustus"},
      {"septembre", "septiembre", "setiembre", "settembre", "setembro"},
      {"oktober", "octobre", "octubre", "ottobre", "outubro"},
      {"novembre", "noviembre", "novembro"},
      {"dezember", "décembre", "diciembre", "dicembre", "dezembro"}
    };
    Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(n, i + 1);
      }
    }
    return Map.copyOf(m);
  }

  private static int month(String m) {
    return MONTHS.indexOf(m.toLowerCase(Locale.ROOT).substring(0, 3)) + 1;
  }
}
