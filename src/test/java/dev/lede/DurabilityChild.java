package dev.lede;

import dev.lede.model.Article;
import dev.lede.store.Submission;
import dev.lede.store.SubmitResult;
import dev.lede.testing.TestArticles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The process the durability test kills. Modes:
 *
 * <ul>
 *   <li>{@code ingest DIR SEED COUNT}: submits the seeded corpus through {@link Lede} in batches of
 *       1–8, some of them new versions of earlier articles, and prints {@code ack ID VERSION} for
 *       each acknowledged article, after {@code submitAll} returned (after the commit). Ends with
 *       {@code done}.
 *   <li>{@code hold DIR}: opens the folder, prints {@code ready} and waits to be killed.
 * </ul>
 */
public final class DurabilityChild {
  private DurabilityChild() {}

  /** Article {@code i} in version {@code v}: deterministic, with a unique searchable token. */
  static Article article(int i, int v, long seed) {
    SplittableRandom r = new SplittableRandom(seed * 31 + i);
    StringBuilder body = new StringBuilder();
    String[] words = {
      "council", "storm", "minister", "harbour", "election", "vaccine", "river", "market",
      "court", "bridge", "festival", "strike", "border", "budget", "school", "airport"
    };
    for (int p = 0; p < 3; p++) {
      for (int w = 0; w < 40; w++) {
        body.append(words[r.nextInt(words.length)]).append(' ');
      }
      body.append("token").append(i).append("x\n\n");
    }
    body.append("Revision ").append(v).append('.');
    return TestArticles.withId("d-" + i, "Report " + i + " version " + v, body.toString());
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    if (args[0].equals("hold")) {
      try (Lede lede =
          Lede.open(dir, Lede.Options.defaults().withCommand("DurabilityChild hold"))) {
        out.println("ready");
        out.flush();
        Thread.sleep(Duration.ofMinutes(5));
      }
      return;
    }
    long seed = Long.parseLong(args[2]);
    int count = Integer.parseInt(args[3]);
    int round = Integer.parseInt(args[4]);
    SplittableRandom r = new SplittableRandom(seed);
    Lede.Options options =
        Lede.Options.defaults()
            .withCommand("DurabilityChild ingest")
            .withRefreshInterval(Duration.ofMillis(50 + r.nextInt(200)))
            .withCommitInterval(Duration.ofMillis(100 + r.nextInt(1500)));
    try (Lede lede = Lede.open(dir, options)) {
      out.println("ready");
      out.flush();
      int i = 0;
      while (i < count) {
        int n = 1 + r.nextInt(8);
        List<Submission> batch = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        for (int k = 0; k < n && i < count; k++, i++) {
          if (lede.article("d-" + i).isEmpty()) {
            batch.add(new Submission(article(i, 1, seed), "wire"));
            versions.add(1);
          }
          if (i > 10 && r.nextInt(10) == 0) { // an update of an earlier article
            int v = 2 + round;
            batch.add(new Submission(article(r.nextInt(i), v, seed), "wire"));
            versions.add(v);
          }
        }
        if (batch.isEmpty()) {
          continue;
        }
        List<SubmitResult> results = lede.submitAll(batch);
        for (int k = 0; k < results.size(); k++) {
          SubmitResult res = results.get(k);
          if (res.outcome() != SubmitResult.Outcome.REJECTED) {
            out.println("ack " + res.id() + " " + versions.get(k));
          }
        }
        out.flush();
      }
      out.println("done");
      out.flush();
    }
  }
}
