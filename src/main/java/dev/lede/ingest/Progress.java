package dev.lede.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long run on stderr: a progress bar when stderr is a terminal, otherwise a log line
 * every {@link #LOG_EVERY} (so that logs of a service or CI stay readable), or nothing.
 */
interface Progress extends AutoCloseable {
  Duration LOG_EVERY = Duration.ofSeconds(10);

  /** One item done; {@code line} is the running tally. */
  void step(String line);

  @Override
  void close();

  static Progress create(IngestOptions.ProgressMode mode, String task, InstantSource clock) {
    return switch (mode) {
      case NONE -> new None();
      case BAR -> new Bar(task, System.err);
      case LOG -> new Log(task, clock);
      case AUTO -> Terminal.stderrIsTerminal() ? new Bar(task, System.err) : new Log(task, clock);
    };
  }

  /** No output. */
  final class None implements Progress {
    @Override
    public void step(String line) {}

    @Override
    public void close() {}
  }

  /** A progress bar of unknown length (feeds reveal their items as they go). */
  final class Bar implements Progress {
    private final ProgressBar bar;

    Bar(String task, PrintStream out) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(-1)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(out))
              .setUpdateIntervalMillis(250)
              .hideEta()
              .build();
    }

    @Override
    public void step(String line) {
      bar.step();
      bar.setExtraMessage(line);
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** A log line at most every {@link #LOG_EVERY}. */
  final class Log implements Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private final String task;
    private final InstantSource clock;
    private long last;
    private long count;

    Log(String task, InstantSource clock) {
      this.task = task;
      this.clock = clock;
      this.last = clock.millis();
    }

    @Override
    public synchronized void step(String line) {
      count++;
      long now = clock.millis();
      if (now - last >= LOG_EVERY.toMillis()) {
        last = now;
        LOG.info("{}: {} items, {}", task, count, line);
      }
    }

    @Override
    public void close() {}
  }
}
