package dev.lede.cli;

import dev.lede.Lede;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lede reindex}: rebuild the search index from the store. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the search index from the store (the store is the source of truth).",
      "Prints {\"indexed\": N, \"millis\": T}."
    })
final class ReindexCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Override
  public Integer call() {
    try (Lede lede = data.open("reindex")) {
      long start = System.nanoTime();
      long n = lede.reindex();
      var o = Json.object();
      o.put("indexed", n);
      o.put("millis", (System.nanoTime() - start) / 1_000_000);
      spec.commandLine().getOut().println(o);
    }
    return 0;
  }
}
