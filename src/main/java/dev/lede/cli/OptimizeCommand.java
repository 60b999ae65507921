package dev.lede.cli;

import dev.lede.Lede;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lede optimize}: merge the search index into few segments for faster searches. */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    description = {
      "Merge the search index down to a few segments: searches get faster (at a million articles"
          + " the median search takes half the time with 5 segments instead of ~24). It rewrites"
          + " the index, about a minute per million articles, and needs up to twice the index's"
          + " size on disk while it runs. Run it when the site is quiet or after a bulk load.",
      "Prints {\"segmentsBefore\": N, \"segmentsAfter\": M, \"millis\": T}."
    })
final class OptimizeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--max-segments",
      defaultValue = "5",
      description = "Merge down to at most this many segments (default: ${DEFAULT-VALUE}).")
  int maxSegments;

  @Option(
      names = "--no-dedup",
      hidden = true,
      description =
          "Open without the dedup stage: for folders written by `lede bench ingest --no-dedup`,"
              + " which would otherwise be backfilled with duplicate and story state first.")
  boolean noDedup;

  @Override
  public Integer call() {
    if (maxSegments < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-segments must be at least 1");
    }
    Lede.Options options = DataDirOption.options("optimize");
    if (noDedup) {
      options = options.withoutDedupStage();
    }
    try (Lede lede = Lede.open(data.dir, options)) {
      long start = System.nanoTime();
      Lede.OptimizeInfo info = lede.optimize(maxSegments);
      var o = Json.object();
      o.put("segmentsBefore", info.segmentsBefore());
      o.put("segmentsAfter", info.segmentsAfter());
      o.put("millis", (System.nanoTime() - start) / 1_000_000);
      spec.commandLine().getOut().println(o);
    }
    return 0;
  }
}
