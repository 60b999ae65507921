package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.Lede;
import dev.lede.model.ArticleJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lede duplicates [--data DIR] ID...}. */
@Command(
    name = "duplicates",
    mixinStandardHelpOptions = true,
    description = {
      "Print an article's duplicate links: {\"id\", \"duplicateOf\", \"copies\": [ids]}, one line",
      "per ID. duplicateOf is the canonical original (null for an original); copies are the other",
      "copies of that original (for an original: all of them). An unknown or hidden ID is reported",
      "on stderr and makes the exit code 1."
    })
final class DuplicatesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids.")
  List<String> ids;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int missing = 0;
    try (Lede lede = data.open("duplicates")) {
      for (String id : ids) {
        if (lede.storyOf(id).isEmpty()) {
          err.println("lede duplicates: no article with id " + id);
          missing++;
          continue;
        }
        out.println(json(id, lede.duplicateOf(id).orElse(null), lede.copiesOf(id)));
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
