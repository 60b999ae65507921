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
 * was kept back and is held to the level measured on it (88.9% / 93.8%, less a margin), so that a
 * regression fails the build. The second dev set (variants-dev2.jsonl, written after the guard over
 * articles neither half uses) is held to its measured 86.1% / 87.1%, less a one-variant margin.
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
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.83);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.84);
  }

  @Test
  void heldOutHalf_doesNotRegress() {
    GuardEvaluation.Result r = run("variants-heldout.jsonl");
    assertThat(r.faithfulKept()).isGreaterThanOrEqualTo(0.92);
    assertThat(r.unfaithfulRejected()).isGreaterThanOrEqualTo(0.87);
  }
}
