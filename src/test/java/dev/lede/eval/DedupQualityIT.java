package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.dedup.DedupConfig;
import dev.lede.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds duplicate detection and story clustering to their measured figures on the shared data (ECB+
 * and Wikinews with seeded content-farm copies; docs/benchmarks.md, "Duplicates and stories"). The
 * duplicate floors are issue 4's goals, met on both the dev and the held-out seed; the story floors
 * are today's figures less a small margin (the goals, 0.92 and 5%, are not met): a change that
 * makes either worse fails here. Skips where the data is absent, fails when {@code CI=true}.
 */
class DedupQualityIT {

  @ParameterizedTest
  @ValueSource(longs = {CopyGenerator.DEV_SEED, CopyGenerator.HELD_OUT_SEED})
  void duplicates_meetTheGoals_onGeneratedCopies_andFlagNoDifferentEcbArticles(long seed)
      throws Exception {
    Path data = SharedData.require("data");
    DedupEval.Result r = DedupEval.run(data, seed, DedupConfig.defaults());

    assertThat(r.copies()).as("generated copies").isGreaterThan(1000);
    assertThat(r.pairRecall()).as("pair recall, seed %d", seed).isGreaterThanOrEqualTo(0.98);
    assertThat(r.pairPrecision()).as("pair precision, seed %d", seed).isGreaterThanOrEqualTo(0.995);
    assertThat(r.ecbFlaggedNotReprintShare())
        .as("ECB+ articles linked to another that is no reprint of it")
        .isLessThanOrEqualTo(0.005);
    assertThat(r.canonicalAccuracy()).as("canonical original picked").isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void stories_onEcbPlus_doNotFallBelowTodaysFigures() throws Exception {
    Path data = SharedData.require("data");
    var real = EvalStream.realArticles(data);
    double f1 = 0;
    double merged = 0;
    long[] orders = {1, 2, 3, 4, 5};
    for (long order : orders) {
      StoryEval.Result r = StoryEval.run(real, order, DedupConfig.defaults());
      f1 += r.scores().bcubedF1() / orders.length;
      merged += r.mergedTopicShare() / orders.length;
    }
    // dev orders 1-5 on 2026-11-28: BCubed F1 0.8904, merged events 14.61%
    assertThat(f1).as("mean BCubed F1 over the dev orders").isGreaterThanOrEqualTo(0.885);
    assertThat(merged).as("mean share of articles in merged events").isLessThanOrEqualTo(0.155);
  }
}
