package dev.lede.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Share this story",
        "Share on Facebook",
        "Follow us on Instagram @harbourtimes",
        "Like us on Facebook",
        "Tweet",
        "Advertisement",
        "Story continues below advertisement",
        "Subscribe to our newsletter for the morning briefing",
        "Get the day's headlines in your inbox",
        "© 2025 Harbour Times Media Group",
        "Copyright 2024 Example Corp. All rights reserved.",
        "Reuters contributed to this report.",
        "Reporting by Anna Berg; Editing by Tom Reed",
        "This article originally appeared on The Conversation.",
        "Read more: Council approves harbour budget",
        "Photo: Jane Doe / Harbour Times",
        "https://example.com/2025/03/harbour-flood",
        "March 4, 2025 6:31 AM ET",
        "Updated 5:40 p.m. EDT"
      })
  void isBoilerplate_recognisesSiteFurniture(String line) {
    assertThat(Boilerplate.isBoilerplate(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "He shared the prize with his brother.",
        "Netflix added two million subscribers in the quarter, the company said.",
        "The minister will follow the committee's advice, a spokesman said on Twitter on Monday"
            + " after a long meeting with the unions and the employers about the pension reform.",
        "He was 75.",
        "The report, published in 2003, found no evidence of fraud.",
        "Police said the driver, who was not injured, has been charged."
      })
  void isBoilerplate_keepsRunningText(String line) {
    assertThat(Boilerplate.isBoilerplate(line)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"LONDON (Reuters) - ", "(AP) — ", "PORT ELDEN (Northwire) — "})
  void stripDateline_removesTheWireDateline(String dateline) {
    assertThat(Boilerplate.stripDateline(dateline + "The storm hit the coast."))
        .isEqualTo("The storm hit the coast.");
  }
}
