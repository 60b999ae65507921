package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.Lede;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.model.ArticleJson;
import dev.lede.testing.ChildJvm;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable, through the command line: a child JVM runs {@code lede ingest
 * --articles} on a JSONL corpus and prints each article once the store committed it; the test
 * SIGKILLs it at random moments (seeded; {@code -Dlede.durability.seed=N} replays a run). After
 * each kill the folder is opened as a restart would: every article acknowledged so far must be
 * there, and store and index must agree. A last run completes the corpus (re-ingest is idempotent:
 * what was stored comes back unchanged).
 */
class IngestDurabilityIT {
  private static final int COUNT = 2_000;
  private static final int KILLS = 4;

  @TempDir Path dir;

  private static void writeCorpus(Path f, long seed) throws Exception {
    String[] words = {
      "council", "storm", "minister", "harbour", "election", "vaccine", "river", "market",
      "court", "bridge", "festival", "strike", "border", "budget", "school", "airport"
    };
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (int i = 0; i < COUNT; i++) {
        SplittableRandom r = new SplittableRandom(seed * 31 + i);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 3; p++) {
          for (int k = 0; k < 40; k++) {
            text.append(words[r.nextInt(words.length)]).append(' ');
          }
          text.append("token").append(i).append("x\n\n");
        }
        var o = ArticleJson.mapper().createObjectNode();
        o.put("id", "k-" + i);
        o.put("title", "Report " + i);
        o.put("date", "2026-11-" + (10 + i % 18));
        o.put("text", text.toString());
        w.write(o.toString());
        w.write('\n');
      }
    }
  }

  @Test
  void everyArticleListedByLedeIngestSurvivesSigkill_storeAndIndexAgree() throws Exception {
    long seed = Long.getLong("lede.durability.seed", System.nanoTime());
    System.err.println(
        "IngestDurabilityIT seed: " + seed + " (replay with -Dlede.durability.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    Path corpus = dir.resolve("corpus.jsonl");
    writeCorpus(corpus, seed);
    Path data = dir.resolve("data");
    Path logs = Path.of(System.getProperty("lede.project.dir", ".")).resolve("target/durability");
    Set<String> acked = new LinkedHashSet<>();
    int killedMidRun = 0;

    for (int round = 0; round <= KILLS; round++) {
      boolean last = round == KILLS;
      boolean finished = false;
      try (ChildJvm child =
          ChildJvm.start(
              logs.resolve("ingest-child-" + seed + "-" + round + ".log"),
              Main.class,
              "ingest",
              "--data",
              data.toString(),
              "--progress",
              "none",
              "--articles",
              corpus.toString())) {
        String line = child.nextLine(180_000);
        assertThat(line).as("the child acknowledged something; see " + child.log()).isNotNull();
        // The kill comes at a random moment or after a random share of what is left has been
        // acknowledged, whichever is first: on a fast machine the whole corpus can be stored before
        // a random delay runs out, and a kill after the run ends tests nothing.
        long deadline = System.nanoTime() + (50 + random.nextInt(1_500)) * 1_000_000L;
        int target = acked.size() + 1 + random.nextInt(Math.max(1, (COUNT - acked.size()) * 3 / 4));
        while (line != null) {
          record(line, acked);
          long left = (deadline - System.nanoTime()) / 1_000_000;
          if (!last && (left <= 0 || acked.size() >= target)) {
            break;
          }
          line = child.nextLine(last ? 180_000 : left);
        }
        if (last) {
          assertThat(child.waitFor(120)).as("the last run completes; see " + child.log()).isZero();
          finished = true;
        } else {
          child.kill();
          // lines printed before the kill but not read yet are acknowledgements too
          String rest;
          while ((rest = child.nextLine(200)) != null) {
            record(rest, acked);
          }
          if (acked.size() < COUNT) {
            killedMidRun++;
          }
        }
      }
      try (Lede lede = Lede.open(data, DataDirOption.options("IngestDurabilityIT"))) {
        for (String id : acked) {
          assertThat(lede.article(id))
              .as("acknowledged %s after round %d (seed %d)", id, round, seed)
              .isPresent();
        }
        Lede.Stats s = lede.stats();
        assertThat(s.indexed())
            .as("store and index agree after round %d (seed %d)", round, seed)
            .isEqualTo(s.articles());
        assertThat(s.articles()).isGreaterThanOrEqualTo(acked.size());
        if (finished) {
          assertThat(s.articles()).isEqualTo(COUNT);
          SplittableRandom pick = new SplittableRandom(seed);
          for (int k = 0; k < 30; k++) {
            int i = pick.nextInt(COUNT);
            List<SearchHit> hits = lede.search(SearchQuery.of("token" + i + "x")).hits();
            assertThat(hits).extracting(SearchHit::id).containsExactly("k-" + i);
          }
        }
      }
    }
    assertThat(killedMidRun).as("kills that interrupted an ingest in progress").isPositive();
    assertThat(acked).hasSize(COUNT);
  }

  private static void record(String line, Set<String> acked) throws Exception {
    if (!line.startsWith("{") || !line.endsWith("}")) {
      return; // cut off by the kill: not printed, so not acknowledged
    }
    JsonNode n = ArticleJson.mapper().readTree(line);
    assertThat(n.get("outcome").asText()).isIn("new", "unchanged", "updated");
    acked.add(n.get("id").asText());
  }
}
