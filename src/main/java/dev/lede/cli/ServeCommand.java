package dev.lede.cli;

import dev.lede.Lede;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lede serve}: the site over an existing data folder. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the site (pages, feeds, sitemaps, JSON API) over a data folder, by default at"
          + " http://127.0.0.1:8080; prints the address on stdout. Settings come from"
          + " DIR/lede.properties (or --config), LEDE_* environment variables and flags, in that"
          + " order (see the README)."
    })
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;
  @Mixin ServeOptions serve;
  @Mixin NetOptions net;

  @CommandLine.Option(
      names = "--no-poll",
      description =
          "Do not poll the store's sources in the background (they are polled by default).")
  boolean noPoll;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServeOptions.Settings settings;
    try {
      settings = serve.resolve(data.dir);
    } catch (IllegalArgumentException e) {
      err.println("lede serve: " + e.getMessage());
      return 2;
    }
    if (!java.nio.file.Files.isRegularFile(data.dir.resolve(Lede.STORE_FILE))) {
      err.println(
          "lede serve: "
              + data.dir
              + " holds no Lede store yet; run `lede demo` for the demo, or `lede ingest` first");
      return 2;
    }
    dev.lede.ingest.IngestOptions polling = noPoll ? null : net.toOptions(spec.commandLine(), true);
    return SiteRunner.serve(data.open("serve"), settings, polling, out, err);
  }
}
