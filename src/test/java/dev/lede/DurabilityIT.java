package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.store.StoredArticle;
import dev.lede.testing.ChildJvm;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable, for real: a child JVM submits a corpus through {@link Lede} and
 * prints each acknowledged article; the test SIGKILLs it at random moments (seeded; the seed is
 * printed, and {@code -Dlede.durability.seed=N} replays a run), restarts it, and at the end checks
 * that every acknowledged article (in its acknowledged version or a later one) is in the store and
 * that store and index agree.
 */
class DurabilityIT {
  private static final Pattern ACK = Pattern.compile("ack (\\S+) (\\d+)");
  private static final int COUNT = 1_500;
  private static final int KILLS = 6;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedArticleSurvivesSigkill_andStoreAndIndexAgreeAfterRestart()
      throws Exception {
    long seed = Long.getLong("lede.durability.seed", System.nanoTime());
    System.err.println(
        "DurabilityIT seed: " + seed + " (replay with -Dlede.durability.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    Path data = dir.resolve("data");
    Path logs = Path.of(System.getProperty("lede.project.dir", ".")).resolve("target/durability");
    Map<String, Integer> acked = new HashMap<>();
    int killedWithProgress = 0;

    for (int round = 0; round <= KILLS; round++) {
      boolean last = round == KILLS;
      try (ChildJvm child =
          ChildJvm.start(
              logs.resolve("child-" + seed + "-" + round + ".log"),
              DurabilityChild.class,
              "ingest",
              data.toString(),
              Long.toString(seed),
              Integer.toString(COUNT),
              Integer.toString(round))) {
        String first = child.nextLine(120_000);
        assertThat(first).as("child started; see " + child.log()).isEqualTo("ready");
        long deadline = System.nanoTime() + (150 + random.nextInt(1_500)) * 1_000_000L;
        // Killed at a random time, or after a random number of acknowledgements when that comes
        // first: on a fast machine a child can finish the whole run inside the time alone, and a
        // round that ends by itself tests nothing.
        int ackCap = 1 + random.nextInt(300);
        int ackedThisRound = 0;
        boolean done = false;
        while (last || (System.nanoTime() < deadline && ackedThisRound < ackCap)) {
          String line = child.nextLine(last ? 120_000 : 20);
          if (line == null) {
            if (last) {
              break;
            }
            continue;
          }
          if (line.equals("done")) {
            done = true;
            break;
          }
          Matcher m = ACK.matcher(line);
          if (m.matches()) {
            acked.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
            ackedThisRound++;
          }
        }
        if (last) {
          assertThat(done).as("the last run completes; see " + child.log()).isTrue();
          assertThat(child.waitFor(60)).isZero();
        } else {
          child.kill();
          // acks printed before the kill but not read yet still count: drain them
          String line;
          while ((line = child.nextLine(200)) != null) {
            Matcher m = ACK.matcher(line);
            if (m.matches()) {
              acked.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
              ackedThisRound++;
            }
          }
          if (ackedThisRound > 0 && !done) {
            killedWithProgress++;
          }
        }
      }
    }

    assertThat(killedWithProgress).as("kills that interrupted an ingest in progress").isPositive();
    assertThat(acked).as("acknowledged articles").isNotEmpty();
    try (Lede lede = Lede.open(data, Lede.Options.defaults().withCommand("DurabilityIT"))) {
      for (Map.Entry<String, Integer> e : acked.entrySet()) {
        StoredArticle s =
            lede.article(e.getKey())
                .orElseThrow(
                    () ->
                        new AssertionError(
                            "acknowledged " + e.getKey() + " is missing (seed " + seed + ")"));
        int version = Integer.parseInt(s.article().title().replaceAll(".* version ", ""));
        assertThat(version)
            .as("version of %s (seed %d)", e.getKey(), seed)
            .isGreaterThanOrEqualTo(e.getValue());
      }
      Lede.Stats stats = lede.stats();
      assertThat(stats.articles()).isEqualTo(COUNT);
      assertThat(stats.indexed()).as("store and index agree (seed %d)", seed).isEqualTo(COUNT);
      SplittableRandom pick = new SplittableRandom(seed);
      for (int k = 0; k < 50; k++) {
        int i = pick.nextInt(COUNT);
        List<SearchHit> hits = lede.search(SearchQuery.of("token" + i + "x")).hits();
        assertThat(hits).extracting(SearchHit::id).containsExactly("d-" + i);
        assertThat(hits.get(0).title())
            .isEqualTo(lede.article("d-" + i).orElseThrow().article().title());
      }
    }
  }
}
