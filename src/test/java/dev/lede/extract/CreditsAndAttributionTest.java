package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditsAndAttributionTest {

  @Test
  void split_trailingParenthesisedCredit() {
    var s =
        Credits.split(
            "Russian President Vladimir Putin thanked North Korea. (Sputnik/Mikhail Metzel/Kremlin via"
                + " Reuters/File Photo)");
    assertThat(s.caption()).isEqualTo("Russian President Vladimir Putin thanked North Korea.");
    assertThat(s.credit()).isEqualTo("Sputnik/Mikhail Metzel/Kremlin via Reuters/File Photo");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Flood water covers the road. Photo: Jane Smith/The Herald | Flood water covers the road. | Jane Smith/The Herald",
        "Flood water covers the road. Credit: City Council | Flood water covers the road. | City Council",
        "Flood water covers the road (Photo by Ann Lee/Getty Images) | Flood water covers the road | Ann Lee/Getty Images",
        "Flood water covers the road on Monday. AP Photo/Evan Vucci | Flood water covers the road on Monday. | AP Photo/Evan Vucci",
        "The mayor speaks (2019) | The mayor speaks (2019) | ''",
        "Crowds gather outside the court. | Crowds gather outside the court. | ''",
      })
  void split_recognisesCommonCreditForms(String in, String caption, String credit) {
    var s = Credits.split(in);
    assertThat(s.caption()).isEqualTo(caption);
    assertThat(s.credit()).isEqualTo(credit);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Reuters contributed to this report.",
        "The Associated Press contributed to this report.",
        "Reporting by Jane Doe; Editing by John Roe",
        "(Reporting by Jane Doe in Seoul; Writing by Ed Lee; Editing by Ann Park)",
        "Additional reporting by Mark Li.",
        "Staff writer Pat Kim contributed reporting.",
        "This story originally appeared in The Herald.",
        "AP reporter Sam Gray contributed."
      })
  void isAttribution_acceptsWireCredits(String line) {
    assertThat(Attribution.isAttribution(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Lee said the remains of dead North Korean soldiers were cremated in Kursk before being shipped"
            + " back home.",
        "The two U.S. adversaries have moved significantly closer to each other in recent years.",
        "Share and Follow",
        "Investors contributed $5 million to the fund last year, according to filings."
      })
  void isAttribution_rejectsBodySentences(String line) {
    assertThat(Attribution.isAttribution(line)).isFalse();
  }
}
