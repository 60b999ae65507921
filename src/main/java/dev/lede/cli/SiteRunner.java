package dev.lede.cli;

import dev.lede.Lede;
import dev.lede.LedeIngestBackend;
import dev.lede.LedeRelated;
import dev.lede.LedeSite;
import dev.lede.ingest.Ingest;
import dev.lede.ingest.IngestOptions;
import dev.lede.recommend.Related;
import dev.lede.web.Site;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an open data folder until the process is told to stop (Ctrl-C, SIGTERM): prints the
 * address on stdout, then on shutdown stops accepting requests, lets those in flight finish, writes
 * queued teaser events and closes the store and index cleanly.
 */
final class SiteRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SiteRunner.class);

  private SiteRunner() {}

  /** Serves until shutdown without polling sources; takes ownership of {@code lede}. */
  static int serve(Lede lede, ServeOptions.Settings settings, PrintWriter out, PrintWriter err) {
    return serve(lede, settings, null, out, err);
  }

  /**
   * Background polling of the store's sources: every {@link IngestOptions#watchTick()} the sources
   * that are due (paused ones never) are read on the {@code lede-watch} thread into {@code lede}.
   * Closing the handle stops the polling (a poll in progress is interrupted) and waits for it.
   */
  static AutoCloseable startPolling(Lede lede, IngestOptions options) {
    LedeIngestBackend backend = new LedeIngestBackend(lede);
    Ingest ingest = new Ingest(backend, backend, options);
    Ingest.Watch watch = ingest.watch();
    return () -> {
      try {
        watch.close();
      } finally {
        ingest.close();
      }
    };
  }

  /**
   * Serves until shutdown; takes ownership of {@code lede}. With {@code polling} options the
   * store's sources are polled in the background until shutdown.
   */
  static int serve(
      Lede lede,
      ServeOptions.Settings settings,
      @Nullable IngestOptions polling,
      PrintWriter out,
      PrintWriter err) {
    Site site;
    LedeRelated related;
    try {
      related =
          LedeRelated.open(
              lede,
              Related.Settings.defaults(),
              InstantSource.system(),
              true,
              settings.embeddings());
    } catch (RuntimeException e) {
      lede.close();
      err.println("lede: the related-stories service did not start: " + e.getMessage());
      return 1;
    }
    LedeSite services = null;
    try {
      services = LedeSite.over(lede, InstantSource.system()).useRelated(related.related());
      site = Site.start(services, settings.site(), settings.host(), settings.port());
    } catch (RuntimeException e) {
      if (services != null) {
        services.close();
      }
      related.close();
      lede.close();
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      if (e.getCause() instanceof java.net.BindException || why.contains("bind")) {
        err.println(
            "lede: cannot listen on "
                + settings.host()
                + ":"
                + settings.port()
                + " (is something else using that port? pass --port N): "
                + why);
      } else {
        err.println("lede: the site did not start: " + why);
      }
      return 1;
    }
    LedeSite closing = services;
    AutoCloseable poller = polling == null ? null : startPolling(lede, polling);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("lede-shutdown")
                .unstarted(
                    () -> {
                      LOG.info("stopping: finishing requests in flight, then closing the store");
                      try {
                        if (poller != null) {
                          poller.close();
                        }
                      } catch (Exception e) {
                        LOG.warn("stopping the source polling failed: {}", e.toString());
                      }
                      try {
                        site.close();
                      } finally {
                        closing.close();
                        related.close();
                        lede.close();
                        stopped.countDown();
                      }
                    }));
    String host = settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host();
    out.println("http://" + host + ":" + site.port());
    out.flush();
    err.println(
        "lede: serving "
            + lede.dataDir()
            + " at http://"
            + host
            + ":"
            + site.port()
            + " (public base URL "
            + settings.site().baseUrl()
            + ")"
            + (polling == null ? "" : ", polling its sources in the background")
            + "; Ctrl-C stops.");
    err.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
