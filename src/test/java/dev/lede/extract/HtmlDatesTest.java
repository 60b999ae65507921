package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The date forms pages use, parsed to instants. */
class HtmlDatesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-12T08:30:00+01:00        | 2024-03-12T07:30:00Z",
        "2024-03-12T08:30:00.123Z         | 2024-03-12T08:30:00Z",
        "2019-04-28T06:01:07-0700         | 2019-04-28T13:01:07Z",
        "2017-11-03 03:01:00.000000       | 2017-11-03T03:01:00Z",
        "2024-03-12                       | 2024-03-12T00:00:00Z",
        "20120724                         | 2012-07-24T00:00:00Z",
        "Tue, 24 Jul 2012 00:11:00 GMT    | 2012-07-24T00:11:00Z",
        "July 24, 2012 12:11 AM EDT       | 2012-07-24T04:11:00Z",
        "July 24, 2012 12:11 PM           | 2012-07-24T12:11:00Z",
        "24 July 2012                     | 2012-07-24T00:00:00Z",
        "Jul 24th, 2012                   | 2012-07-24T00:00:00Z",
        "2012/07/24                       | 2012-07-24T00:00:00Z",
        "24.07.2012                       | 2012-07-24T00:00:00Z",
        "24. Juli 2012                    | 2012-07-24T00:00:00Z",
        "30 avril 2015 à 07:19            | 2015-04-30T07:19:00Z",
        "3 de marzo de 2016               | 2016-03-03T00:00:00Z",
        "1343088660                       | 2012-07-24T00:11:00Z",
        "Updated: March 5, 2020, 9:00 p.m. ET | 2020-03-06T02:00:00Z",
      })
  void parse_readsCommonPageFormats(String input, String expected) {
    assertThat(Dates.parse(input)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "page 42", "1234", "99999999999999", "Version 2.0"})
  void parse_refusesWhatIsNotADate(String input) {
    assertThat(Dates.parse(input)).isNull();
  }
}
