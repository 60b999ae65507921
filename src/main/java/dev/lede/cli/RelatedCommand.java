package dev.lede.cli;

import dev.lede.Lede;
import dev.lede.LedeRelated;
import dev.lede.recommend.Related;
import dev.lede.recommend.RelatedJson;
import dev.lede.recommend.RelatedList;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede related ID...}: "You May Also Like" lists, one JSON object per id. */
@Command(
    name = "related",
    mixinStandardHelpOptions = true,
    description = {
      "Related stories for articles. Prints one JSON object per ID (JSON Lines):",
      "{\"id\", \"related\": [{\"id\", \"headline\", \"altHeadline\", \"excerpt\", \"url\","
          + " \"published\", \"source\", \"story\", \"reason\", \"fallback\", \"thumbnail\"}]};",
      "reason says why an item is there (\"shared: North Korea, Kursk\", \"same section, fresh\"),"
          + " --explain adds the score breakdown as \"score\".",
      "Stored lists are served when current; otherwise the list is computed now (and stored),"
          + " so it is right straight after an ingest. Whether each list was stored or computed"
          + " goes to stderr."
    })
final class RelatedCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--k",
      paramLabel = "N",
      defaultValue = "8",
      description = "Items per list (default: ${DEFAULT-VALUE}, at most 50).")
  int k;

  @Option(names = "--explain", description = "Add each item's score breakdown.")
  boolean explain;

  @Option(
      names = "--embeddings",
      description =
          "Rank with sentence embeddings too (as `lede serve --embeddings` does; the model loads"
              + " in about a second).")
  boolean embeddings;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids.")
  List<String> ids;

  @Override
  public Integer call() {
    if (k < 1 || k > 50) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--k must be 1..50, was " + k);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int missing = 0;
    try (Lede lede = data.open("related");
        LedeRelated service =
            LedeRelated.open(
                lede, Related.Settings.defaults(), InstantSource.system(), false, embeddings)) {
      boolean alike = service.related().storedListsRankedAlike();
      for (String id : ids) {
        long t0 = System.nanoTime();
        RelatedList list;
        try {
          // Lists stored by a site ranked otherwise (embeddings on or off) are not this command's.
          list = alike ? service.related().get(id, k) : service.related().compute(id, k);
        } catch (NoSuchElementException e) {
          err.println("lede related: " + e.getMessage());
          missing++;
          continue;
        }
        out.println(RelatedJson.toJson(list, explain));
        out.flush();
        err.printf(
            Locale.ROOT,
            "lede related: %s: %d item(s), %s in %.1f ms%n",
            id,
            list.items().size(),
            list.stored() ? "stored list" : "computed",
            (System.nanoTime() - t0) / 1e6);
      }
    }
    return missing == 0 ? 0 : 1;
  }
}
