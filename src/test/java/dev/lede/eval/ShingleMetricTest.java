package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShingleMetricTest {

  @Test
  void identicalTexts_scorePerfect() {
    var s = ShingleMetric.score("the quick brown fox jumps", "The quick brown fox jumps");
    // Case matters for tokens (\w+ runs are compared as they are): 'the' != 'The'.
    assertThat(s.precision()).isLessThan(1.0);
    var same = ShingleMetric.score("a b c d e f", "a b c d e f");
    assertThat(same.precision()).isEqualTo(1.0);
    assertThat(same.recall()).isEqualTo(1.0);
  }

  @Test
  void bothEmpty_isPerfect_predEmpty_isZero() {
    assertThat(ShingleMetric.score("", "").precision()).isEqualTo(1.0);
    var s = ShingleMetric.score("one two three four five", "");
    assertThat(s.precision()).isEqualTo(0.0);
    assertThat(s.recall()).isEqualTo(0.0);
  }

  @Test
  void partialOverlap_countsShinglesAsMultisets() {
    // gold: 6 tokens -> 3 shingles [abcd, bcde, cdef]; pred: 5 tokens -> 2 shingles [abcd, bcde]
    var s = ShingleMetric.score("a b c d e f", "a b c d e");
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isCloseTo(2.0 / 3.0, within(1e-9));
    // pred repeats a shingle: the excess counts as a false positive
    var r = ShingleMetric.score("a b c d", "a b c d. a b c d");
    // pred tokens a b c d a b c d -> 5 shingles: abcd, bcda, cdab, dabc, abcd; gold: abcd
    assertThat(r.precision()).isCloseTo(1.0 / 5.0, within(1e-9));
    assertThat(r.recall()).isEqualTo(1.0);
  }

  @Test
  void shortTexts_giveOneShorterShingle() {
    assertThat(ShingleMetric.shingles("hello world")).containsEntry("hello world", 1).hasSize(1);
    assertThat(ShingleMetric.shingles("  ...  ")).isEmpty();
    assertThat(ShingleMetric.shingles("héllo wörld, naïve café"))
        .containsKey("héllo wörld naïve café");
  }
}
