package dev.lede.ingest;

import dev.lede.model.Source;
import dev.lede.model.Urls;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's front: reads sources and hands their articles to an {@link IngestSink}.
 *
 * <ul>
 *   <li>{@link #ingest(List)}: one-off ingest of URLs (a feed, sitemap or page, told apart by
 *       content) and local files or folders;
 *   <li>{@link #poll(String)}, {@link #pollAll()}, {@link #pollDue()}: registered sources, with
 *       conditional requests, adaptive intervals and back-off kept in the source's state;
 *   <li>{@link #watch()}: polls due sources in the background until closed.
 * </ul>
 *
 * Sources run on a small pool of named threads ({@link IngestOptions#threads()}); each host still
 * gets one request at a time. One bad source never stops the others: every failure is recorded in
 * the fetch log and counted in the {@link IngestReport}. Thread-safe; close it to stop the HTTP
 * client and the threads.
 */
public final class Ingest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  private final IngestSink sink;
  private final SourceRegistry registry;
  private final IngestOptions options;
  private final Env env;
  private final HttpFetcher http;
  private final SourceReader reader;
  private final SourcePoller poller;
  private final ExecutorService workers;

  /** An ingest front on the system clock, DNS and network. */
  public Ingest(IngestSink sink, SourceRegistry registry, IngestOptions options) {
    this(sink, registry, options, Env.system());
  }

  Ingest(IngestSink sink, SourceRegistry registry, IngestOptions options, Env env) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.options = Objects.requireNonNull(options, "options");
    this.env = env;
    if (options.contactUrl().isEmpty() && options.userAgent().startsWith("Lede/")) {
      LOG.info(
          "no contact URL in the User-Agent (--contact URL): publishers cannot reach the operator");
    }
    this.http =
        new HttpFetcher(
            options,
            env.resolver(),
            new AddressPolicy(options.allowPrivate(), env.trusted()),
            env.connector().get(),
            env.clock());
    HostGate gate =
        new HostGate(env.clock(), env.sleeper(), options.minHostDelay(), options.maxCrawlDelay());
    PoliteFetcher fetcher = new PoliteFetcher(http, gate, options, env.clock(), this::logQuietly);
    this.reader =
        new SourceReader(
            fetcher,
            new FeedIngester(fetcher, new Feeds()),
            new SitemapIngester(fetcher, options.sitemapMaxUrls()),
            new FileIngester(env.clock()));
    this.poller = new SourcePoller(registry, reader, options, env.clock());
    this.workers =
        Executors.newFixedThreadPool(
            options.threads(), Thread.ofPlatform().name("lede-ingest-", 0).daemon(true).factory());
  }

  /**
   * Ingests URLs and local paths once, without registering them.
   *
   * @param sources http(s) URLs of feeds, sitemaps or pages; files or folders
   */
  public IngestReport ingest(List<String> sources) {
    try (Run run = newRun("ingest", options.progress())) {
      List<Runnable> tasks = new ArrayList<>();
      for (String s : sources) {
        tasks.add(() -> ingestOne(s, run));
      }
      runAll(tasks);
      return run.report();
    }
  }

  /** Polls one registered source now, whatever its schedule. */
  public IngestReport poll(String sourceId) {
    return poll(List.of(sourceId));
  }

  /**
   * Polls the given registered sources now, whatever their schedule (paused ones too).
   *
   * @throws IllegalArgumentException when an id is unknown (before anything is polled)
   */
  public IngestReport poll(Collection<String> sourceIds) {
    List<Source> list = new ArrayList<>();
    for (String id : sourceIds) {
      list.add(
          registry
              .get(id)
              .orElseThrow(() -> new IllegalArgumentException("no source with id '" + id + "'")));
    }
    return pollSources(list, options.progress());
  }

  /** Polls every registered source that is not paused, now. */
  public IngestReport pollAll() {
    return pollSources(
        registry.list().stream().filter(s -> !s.paused()).toList(), options.progress());
  }

  /** Polls the sources that are due (not paused, next poll time reached). */
  public IngestReport pollDue() {
    return pollDue(options.progress());
  }

  private IngestReport pollDue(IngestOptions.ProgressMode mode) {
    Instant now = env.clock().instant();
    return pollSources(registry.list().stream().filter(s -> poller.due(s, now)).toList(), mode);
  }

  /**
   * Polls due sources in the background, every {@link IngestOptions#watchTick()}, until the
   * returned handle is closed.
   */
  public Watch watch() {
    List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    ThreadFactory named = Thread.ofPlatform().name("lede-watch").daemon(true).factory();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = named.newThread(r);
              threads.add(t);
              return t;
            });
    var unused =
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                IngestReport r = pollDue(IngestOptions.ProgressMode.NONE);
                if (r.sources() > 0) {
                  LOG.info("poll: {}", r.summary());
                }
              } catch (RuntimeException e) {
                LOG.error("watch: polling failed: {}", e.toString(), e);
              }
            },
            0,
            options.watchTick().toMillis(),
            TimeUnit.MILLISECONDS);
    return new Watch(scheduler, threads);
  }

  /** Background polling started by {@link #watch()}; closing it stops the polling cleanly. */
  public static final class Watch implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private final List<Thread> threads;

    private Watch(ScheduledExecutorService scheduler, List<Thread> threads) {
      this.scheduler = scheduler;
      this.threads = threads;
    }

    /** Blocks until closed (from another thread) or interrupted. */
    public void await() throws InterruptedException {
      while (!scheduler.awaitTermination(1, TimeUnit.HOURS)) {
        // keep waiting
      }
    }

    /** Stops polling: the current poll is interrupted and the thread ends. */
    @Override
    public void close() {
      scheduler.shutdownNow();
      try {
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("watch: the polling thread did not stop within 30 s");
        }
        for (Thread t : threads) {
          t.join(TimeUnit.SECONDS.toMillis(5)); // the pool's worker outlives its last task briefly
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The polling status ingest keeps for a registered source. */
  public SourceStatus status(String sourceId) {
    return SourceStatus.of(registry, sourceId);
  }

  /**
   * A new source for a location, not yet registered: the kind is detected by fetching the URL once
   * when not given (a path is a FILE source); the id is derived from the location when not given,
   * made unique against the registry; a feed's title is its name when none is given.
   *
   * @throws IllegalArgumentException when the location is neither an http(s) URL nor an existing
   *     path, the kind does not fit it, the id is taken, or the URL cannot be fetched to detect it
   */
  public Source newSource(
      String location,
      @Nullable String id,
      Source.@Nullable Kind kind,
      String name,
      Source.RightsPolicy rights,
      boolean fetchFullText) {
    String loc = location.strip();
    boolean url = loc.matches("(?i)https?://.*");
    if (url && !Urls.isHttpUrl(loc)) {
      throw new IllegalArgumentException("not a valid http(s) URL: " + loc);
    }
    if (!url) {
      Path p = SourceReader.toPath(loc);
      if (p == null || !Files.exists(p)) {
        throw new IllegalArgumentException("neither an http(s) URL nor an existing path: " + loc);
      }
      loc = p.toAbsolutePath().normalize().toString();
      if (kind != null && kind != Source.Kind.FILE) {
        throw new IllegalArgumentException("a local path can only be a FILE source");
      }
      kind = Source.Kind.FILE;
    } else if (kind == Source.Kind.FILE) {
      throw new IllegalArgumentException("a FILE source needs a local path, not a URL");
    }
    String detectedName = "";
    if (kind == null) {
      SourceReader.Probe probe = reader.probe(URI.create(loc));
      kind = probe.kind();
      detectedName = probe.name();
    }
    String sid = id == null || id.isBlank() ? uniqueId(SourceIds.suggest(loc)) : id.strip();
    if (!sid.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException(
          "source id must be letters, digits, '.', '_' or '-' (at most 100), was '" + sid + "'");
    }
    if (registry.get(sid).isPresent()) {
      throw new IllegalArgumentException("a source with id '" + sid + "' exists");
    }
    return new Source(
        sid,
        kind,
        loc,
        name.isBlank() ? detectedName : name.strip(),
        rights,
        fetchFullText,
        false,
        env.clock().instant());
  }

  private String uniqueId(String base) {
    String id = base;
    for (int i = 2; registry.get(id).isPresent(); i++) {
      id = base + "-" + i;
    }
    return id;
  }

  // ---------------------------------------------------------------------------------------------

  private void ingestOne(String s, Run run) {
    run.sourceStarted();
    String loc = s.strip();
    Job job =
        new Job(
            null, loc, options.fetchFullText(), SourceState.initial(options.pollInitial()), run);
    try {
      reader.readOnce(loc, job);
      run.sourceRead();
    } catch (SourceFailure e) {
      if (!e.interrupted()) {
        run.sourceFailed(null, loc, e.getMessage(), e.logged());
      }
    } catch (RuntimeException e) {
      LOG.error("unexpected error ingesting {}", loc, e);
      run.sourceFailed(null, loc, "unexpected error: " + e, false);
    }
  }

  private IngestReport pollSources(List<Source> sources, IngestOptions.ProgressMode mode) {
    try (Run run = newRun("poll", mode)) {
      List<Runnable> tasks = new ArrayList<>();
      for (Source s : sources) {
        tasks.add(() -> poller.poll(s, run));
      }
      runAll(tasks);
      return run.report();
    }
  }

  private void runAll(List<Runnable> tasks) {
    List<Future<?>> futures = new ArrayList<>(tasks.size());
    for (Runnable t : tasks) {
      futures.add(workers.submit(t));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
    } catch (ExecutionException | CancellationException e) {
      LOG.error("ingest task failed", e); // tasks catch their own errors; this is a bug
    }
  }

  private Run newRun(String task, IngestOptions.ProgressMode mode) {
    return new Run(sink, env.clock(), Progress.create(mode, task, env.clock()));
  }

  private void logQuietly(dev.lede.model.FetchRecord r) {
    try {
      sink.log(r);
    } catch (RuntimeException e) {
      LOG.warn("cannot write the fetch log: {}", e.getMessage());
    }
  }

  /** Stops the worker threads and the HTTP client. */
  @Override
  public void close() {
    workers.shutdownNow();
    try {
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("ingest threads did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.close();
  }
}
