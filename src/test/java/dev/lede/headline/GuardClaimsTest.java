package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claims and charges (seventh round, docs/benchmarks.md): what the article has only after
 * "claimed", "alleged" or "accused" is a speaker's, not a fact, and not another speaker's; and a
 * number that measures ("six years") does not count ("six drivers"); words the article gives a
 * speaker are not given to the speaker of the sentence before, nor to another of the same surname.
 * A story written for these tests.
 */
class GuardClaimsTest {
  static final Article ARTICLE =
      Article.builder()
          .id("c1")
          .title("Bomb attack kills dozens at army depot in Varna province")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "A truck bomb exploded at an army depot in Varna province on Monday, killing"
                          + " dozens of soldiers. The Eastern Front has claimed responsibility for the"
                          + " attack."),
                  new Block.Paragraph(
                      "Front spokesman Ilan Petrov claimed 140 soldiers were dead. The ministry"
                          + " gave no figure. Provincial councillor Mira Sova alleged the ministry was"
                          + " concealing the losses. Opposition leader Tomas Brandt has accused the"
                          + " defence minister of ignoring warnings, and called for an inquiry."),
                  new Block.Paragraph(
                      "The defence ministry said it would hold an inquiry. \"We will not stop"
                          + " until we find them,\" the minister said. In May a court jailed two drivers for"
                          + " six years over an earlier attack on the depot."),
                  new Block.Paragraph(
                      "Governor Lena Ostrova said the province would mourn for three days. Ivo Kern,"
                          + " the depot commander, said the guards had followed orders. Nadia"
                          + " Kern, whose son served at the depot, told reporters that no inquiry"
                          + " would bring her son back. A fire at the depot in 2019 claimed the lives of 12"
                          + " guards.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jailed for four years | year",
        "a four-year sentence | year",
        "a rise of 3 per cent | percent",
        "planet 110 light-years away | light-year",
        "four smugglers were jailed | ''",
        "two drivers | ''",
      })
  void measure_tellsAUnitOfMeasureFromACountedNoun(String text, String unit) {
    assertThat(Quantities.find(text))
        .first()
        .satisfies(q -> assertThat(Quantities.measure(text, q)).isEqualTo(unit));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Truck bomb kills 140 soldiers at army depot | states as fact",
        "Ministry concealing losses from army depot bombing | states as fact",
        "Ministry says defence minister ignored warnings before bombing | gives to another source",
        "Court jailed six drivers over earlier attack on army depot | number 'six'",
        "Ivo Kern: no inquiry would bring her son back | another speaker",
      })
  void check_rejectsAClaimStatedAsFactOrGivenToAnother(String variant, String reason) {
    FaithfulnessGuard.Verdict verdict = guard.check(ARTICLE, variant);
    assertThat(verdict.accepted()).as(variant).isFalse();
    assertThat(String.join("; ", verdict.reasons())).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Eastern Front claims 140 soldiers died in depot bombing",
        "Brandt accuses defence minister of ignoring warnings before bombing",
        "Truck bomb attack on army depot in Varna province kills dozens",
        "Dozens of soldiers killed in truck bomb attack on army depot",
        "Court jailed two drivers for six years over earlier attack on depot",
        "Nadia Kern: no inquiry would bring her son back",
        "Fire at army depot killed 12 guards in 2019",
        "Depot commander Ivo Kern says guards followed orders",
      })
  void check_keepsAClaimGivenToItsSpeaker(String variant) {
    assertThat(guard.check(ARTICLE, variant).reasons()).as(variant).isEmpty();
  }
}
