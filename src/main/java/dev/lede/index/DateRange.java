package dev.lede.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A span of time named in a query or on the command line, in UTC: {@code 2024} (the year), {@code
 * 2024-03} (the month), {@code 2024-03-15} (the day), or an instant {@code 2024-03-15T12:00:00Z}
 * (that instant alone). "since X" means from the start of X; "until X" means to the end of X.
 *
 * @param start the first instant of the span
 * @param end the instant just after the span
 */
public record DateRange(Instant start, Instant end) {
  public DateRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /**
   * Parses a date as described above.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static DateRange parse(String text) {
    String t = text.strip();
    try {
      if (t.matches("\\d{4}")) {
        Year y = Year.parse(t);
        return new DateRange(start(y.atDay(1)), start(y.plusYears(1).atDay(1)));
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        YearMonth m = YearMonth.parse(t);
        return new DateRange(start(m.atDay(1)), start(m.plusMonths(1).atDay(1)));
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate d = LocalDate.parse(t);
        return new DateRange(start(d), start(d.plusDays(1)));
      }
      Instant i = OffsetDateTime.parse(t).toInstant();
      return new DateRange(i, i.plusMillis(1));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or an ISO-8601 instant"
              + " such as 2024-03-15T12:00:00Z",
          e);
    }
  }

  private static Instant start(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
