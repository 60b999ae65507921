package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.testing.SharedData;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard on the labelled variant set (src/test/resources/headline). The dev half was used to
 * tune the guard and must stay at its measured level (98.0% of unfaithful variants rejected, 100%
 * of faithful ones kept, less a one-variant margin; the goal is 95%/90%); the held-out half
 * was kept back and is held to the level measured on it (88.9% / 92.3% after the seventh and eighth
 * rounds, less a one-variant margin), so that a regression fails the build. The second and third
 * dev sets (variants-dev2.jsonl and variants-dev3.jsonl, each written before a round of tuning over
 * articles no other set uses) are held to their measured 90.3% / 93.5% and 87.6% / 90.4% (eighth
 * round), less a one-variant margin. The second held-out set (variants-heldout2.jsonl, written
 * before the eighth round and measured once at its end; looked at while tuning the ninth, so no
 * longer blind) is held to its ninth-round 72.9% / 63.9%, and the third (variants-heldout3.jsonl,
 * written before the ninth round and measured once at its end) to its 82.7% / 57.3%, each less a
 * one-variant margin: far below the goal, floors against regression, not targets. The fourth
 * (variants-heldout4.jsonl, written before a tenth round whose changes were not kept) is held to
 * the 74.8% / 70.0% this guard measures on it, less a one-variant margin. The fifth
 * (variants-heldout5.jsonl, written by someone who had not read the guard and measured once, blind)
 * is held to its 78.7% / 47.9%, less a one-variant margin, and the sixth (variants-heldout6.jsonl,
 * written the same way after the twelfth round and measured once, blind) to its 71.7% / 63.9%.
 */
class FaithfulnessGuardIT {
  private static Map<String, Article> corpus;

  @BeforeAll
  static void load() {
    corpus = GuardEvaluation.readCorpus(SharedData.require("data/wikinews/articles.jsonl"));
  }

  private static GuardEvaluation.Result run(String name) {
    Path file =
        Path.of(System.getProperty("lede.project.dir", "."))
            .resolve("src/test/resources/headline/" + name);
    GuardEvaluation.Result r = GuardEvaluation.evaluate(corpus, file, new FaithfulnessGuard());
    for (GuardEvaluation.ClassResult c : r.classes()) {
      System.err.printf(
          Locale.ROOT, "%s %-12s %3d correct %.3f%n", name, c.label(), c.total(), c.correctShare());
    }
    return r;
  }

  @Test
  void devHalf_meetsTheGoals() {
    GuardEvaluation.Result r = run("variants-dev.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.97);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void secondDevSet_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-dev2.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.90);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.88);
  }

  @Test
  void thirdDevSet_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-dev3.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.88);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.86);
  }

  @Test
  void secondHeldOutSet_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-heldout2.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.62);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.71);
  }

  @Test
  void thirdHeldOutSet_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-heldout3.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.56);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.81);
  }

  @Test
  void fourthHeldOutSet_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-heldout4.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.69);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.73);
  }

  @Test
  void fifthHeldOutSet_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-heldout5.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.47); // 58/121 less one: 0.471
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.78); // 111/141 less one: 0.780
  }

  @Test
  void sixthHeldOutSet_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-heldout6.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.63); // 76/119 less one: 0.630
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.71); // 99/138 less one: 0.710
  }

  @Test
  void heldOutHalf_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-heldout.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.90);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.87);
  }
}
