package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.dedup.Dedup;
import dev.lede.model.ArticleJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede duplicates [--data DIR] ID...}. */
@Command(
    name = "duplicates",
    mixinStandardHelpOptions = true,
    description = {
      "Print an article's duplicate links: {\"id\", \"duplicateOf\", \"copies\": [ids]}, one line",
      "per ID. duplicateOf is the canonical original (null for an original); copies are the other",
      "copies of that original (for an original: all of them). An unknown ID is reported on",
      "stderr and makes the exit code 1."
    })
final class DuplicatesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "./data",
      paramLabel = "DIR",
      description = "The data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids.")
  List<String> ids;

  Function<Path, DedupData> opener = DedupData::open;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int missing = 0;
    try (DedupData d = opener.apply(data)) {
      Dedup dedup = d.dedup();
      for (String id : ids) {
        if (dedup.storyOf(id) < 0) {
          err.println("lede duplicates: no article with id " + id);
          missing++;
          continue;
        }
        out.println(json(id, dedup.duplicateOf(id), dedup.copies(id)));
      }
    }
    out.flush();
    return missing == 0 ? 0 : 1;
  }

  /** One article's links as its JSON line. */
  static String json(String id, @Nullable String duplicateOf, List<String> copies) {
    ObjectNode o = ArticleJson.mapper().createObjectNode();
    o.put("id", id);
    o.put("duplicateOf", duplicateOf);
    ArrayNode a = o.putArray("copies");
    copies.forEach(a::add);
    return o.toString();
  }
}
