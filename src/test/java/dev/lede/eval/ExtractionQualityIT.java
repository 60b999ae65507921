package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.testing.SharedData;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards extraction quality: every dev set in ../shared/data/extraction must score an F1 no more
 * than {@link #TOLERANCE} below the figure in the committed {@code eval/extraction-baseline.json}.
 * Skips where the data is absent, fails when {@code CI=true}.
 */
class ExtractionQualityIT {
  static final double TOLERANCE = 0.005;

  @ParameterizedTest
  @ValueSource(strings = {"cleaneval", "cleanportaleval", "dragnet", "l3s-gn1", "readability"})
  void f1_notBelowCommittedBaseline(String set) throws Exception {
    Path dir = SharedData.require("data/extraction/" + set);
    JsonNode baseline = baseline();
    List<ExtractionEval.SetResult> results = new ArrayList<>();
    results.add(ExtractionEval.evaluate(dir, set, false, 2));
    if (ExtractionEval.hasCommentGold(dir)) {
      results.add(ExtractionEval.evaluate(dir, set + "-nocomments", true, 2));
    }
    for (ExtractionEval.SetResult r : results) {
      assertThat(baseline.has(r.name())).as("baseline has a figure for " + r.name()).isTrue();
      double floor = baseline.get(r.name()).asDouble() - TOLERANCE;
      assertThat(r.f1())
          .as(r.name() + " F1 (P %.4f, R %.4f) vs baseline", r.precision(), r.recall())
          .isGreaterThanOrEqualTo(floor);
    }
  }

  private static JsonNode baseline() throws Exception {
    try (InputStream in =
        ExtractionQualityIT.class.getResourceAsStream("/eval/extraction-baseline.json")) {
      assertThat(in).as("eval/extraction-baseline.json on the test classpath").isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }
}
