package dev.lede.cli;

import dev.lede.Lede;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lede restory [--data DIR]}. */
@Command(
    name = "restory",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every story from scratch (after a change of story parameters): all visible",
      "articles are clustered again in the order they were first seen, in one transaction;",
      "duplicate links are kept; the index follows. Prints a summary on stderr."
    })
final class RestoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (Lede lede = data.open("restory")) {
      long t0 = System.nanoTime();
      long n = lede.restory();
      double s = (System.nanoTime() - t0) / 1e9;
      AtomicLong stories = new AtomicLong();
      lede.forEachStory(Instant.EPOCH, x -> stories.incrementAndGet());
      err.printf(
          Locale.ROOT,
          "lede restory: %d articles placed in %d stories in %.1f s%n",
          n,
          stories.get(),
          s);
    }
    err.flush();
    return 0;
  }
}
