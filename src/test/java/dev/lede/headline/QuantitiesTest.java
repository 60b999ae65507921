package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

  private static List<Double> values(String s) {
    return Quantities.find(s).stream().map(Quantities.Quantity::value).toList();
  }

  @Test
  void find_normalisesMoneyForms() {
    assertThat(values("a $50m deal")).containsExactly(50e6);
    assertThat(values("a $50 million deal")).containsExactly(50e6);
    assertThat(values("a US$50,000,000 deal")).containsExactly(50e6);
    assertThat(values("worth $11.5bn")).containsExactly(11.5e9);
    assertThat(values("fifty million dollars")).containsExactly(50e6);
    assertThat(values("half a million doses")).containsExactly(500_000.0);
  }

  @Test
  void find_readsNumberWordsAndHyphenatedCounts() {
    assertThat(values("five girls")).containsExactly(5.0);
    assertThat(values("twenty-five people")).containsExactly(25.0);
    assertThat(values("a ten-storey building")).containsExactly(10.0);
    assertThat(values("15-year-old")).containsExactly(15.0);
  }

  @Test
  void find_skipsIdentifiersAndSpacedUnits() {
    assertThat(values("COVID-19 cases")).isEmpty();
    assertThat(values("PM2.5 particles from K2-18b")).isEmpty();
    assertThat(values("under 50 m of mud")).containsExactly(50.0);
    assertThat(values("at 18 mph")).containsExactly(18.0);
  }

  @Test
  void find_readsDatesAsDates() {
    List<Quantities.Quantity> q = Quantities.find("the collision on August 27");
    assertThat(q).hasSize(1);
    assertThat(q.get(0).kind()).isEqualTo(Quantities.Kind.DATE);
    assertThat(q.get(0).value()).isEqualTo(827.0);
  }

  @Test
  void supports_matchesFormsAndRounding() {
    Quantities.Quantity article = Quantities.find("$11.5 billion").get(0);
    assertThat(Quantities.supports(article, Quantities.find("$11.5B").get(0))).isTrue();
    assertThat(Quantities.supports(article, Quantities.find("$15 billion").get(0))).isFalse();
    Quantities.Quantity time = Quantities.find("40.2 seconds").get(0);
    assertThat(Quantities.supports(time, Quantities.find("40").get(0))).isTrue();
    Quantities.Quantity cases = Quantities.find("1,723 cases").get(0);
    assertThat(Quantities.supports(cases, Quantities.find("1,700").get(0))).isTrue();
    assertThat(Quantities.supports(cases, Quantities.find("1,800").get(0))).isFalse();
  }

  @Test
  void supports_vagueCountsByRange() {
    Quantities.Quantity hundreds = Quantities.find("hundreds dead").get(0);
    assertThat(Quantities.supports(Quantities.find("345 pilgrims").get(0), hundreds)).isTrue();
    assertThat(Quantities.supports(Quantities.find("34 pilgrims").get(0), hundreds)).isFalse();
    Quantities.Quantity date = Quantities.find("August 7").get(0);
    assertThat(Quantities.supports(Quantities.find("on August 27").get(0), date)).isFalse();
  }
}
