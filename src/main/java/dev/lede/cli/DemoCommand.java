package dev.lede.cli;

import dev.lede.DemoData;
import dev.lede.Lede;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lede demo}: the main job on the embedded default. Creates the data folder ({@code ./data}
 * unless {@code --data}), loads the bundled demo the first time (344 Wikinews articles and the
 * example pages written for Lede, with a progress bar on stderr), then serves the site and prints
 * its address on stdout.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Load the bundled demo (344 Wikinews articles, CC BY 2.5, and example pages written for"
          + " Lede) into a data folder the first time, then serve the site at"
          + " http://127.0.0.1:8080 (printed on stdout). Takes the site options of `lede serve` (not --no-poll:"
          + " the demo has no sources to poll)."
    })
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;
  @Mixin ServeOptions serve;

  @Option(
      names = "--no-serve",
      description = "Load the demo into the data folder and exit without serving.")
  boolean noServe;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServeOptions.Settings settings;
    try {
      settings = serve.resolve(data.dir);
    } catch (IllegalArgumentException e) {
      err.println("lede demo: " + e.getMessage());
      return 2;
    }
    long t0 = System.nanoTime();
    Lede lede = data.open("demo");
    try {
      if (DemoData.loaded(data.dir)) {
        err.println("lede demo: the demo is already loaded in " + data.dir);
      } else {
        err.println("lede demo: loading the demo corpus into " + data.dir + " (first run)");
        err.flush();
        DemoData.Loaded l;
        if (dev.lede.ingest.Terminal.stderrIsTerminal()) {
          try (ProgressBar bar =
              new ProgressBarBuilder()
                  .setTaskName("Loading")
                  .setInitialMax(DemoData.size())
                  .setStyle(ProgressBarStyle.ASCII)
                  .setConsumer(new ConsoleProgressBarConsumer(System.err))
                  .setUpdateIntervalMillis(100)
                  .build()) {
            l = DemoData.load(lede, Instant.now(), bar::stepTo);
          }
        } else {
          l = DemoData.load(lede, Instant.now(), n -> {}); // a log, not bar frames: the line below
        }
        err.printf(
            Locale.ROOT,
            "lede demo: %d articles stored (%d rejected) in %.1f s%n",
            l.stored(),
            l.rejected(),
            (System.nanoTime() - t0) / 1e9);
      }
      err.flush();
    } catch (RuntimeException e) {
      lede.close();
      throw e;
    }
    if (noServe) {
      lede.close();
      return 0;
    }
    return SiteRunner.serve(lede, settings, out, err);
  }
}
