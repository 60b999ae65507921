package dev.lede.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 times as UTC instants: with an offset or zone ({@code 2020-03-01T10:00:00+01:00}), in
 * UTC ({@code …Z}), local without an offset (taken as UTC), or a bare date ({@code 2020-03-01},
 * midnight UTC). A space instead of the {@code T} is accepted. Years outside 1000 to 9999
 * ("+20250-…") are refused: feeds and sitemaps write four-digit years.
 */
final class IsoTimes {
  private IsoTimes() {}

  static Instant parse(String s) {
    Instant i = parseAny(s);
    int year = i.atOffset(ZoneOffset.UTC).getYear();
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("not a date in the years 1000 to 9999: '" + s + "'");
    }
    return i;
  }

  private static Instant parseAny(String s) {
    String t = s.strip();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + "T" + t.substring(11);
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 date or time: '" + s + "'", e);
    }
  }
}
