package dev.lede.web;

import dev.lede.web.view.ErrorView;
import dev.lede.web.view.Layout;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's front door: a Javalin server with the pages, feeds, sitemaps, JSON API, teaser events,
 * images and the operator's pages, all reading through {@link SiteServices}.
 *
 * <p>Every response carries security headers (a Content-Security-Policy without inline script,
 * {@code X-Content-Type-Options}, {@code Referrer-Policy}, {@code frame-ancestors 'none'}); typed
 * exceptions map to friendly HTML error pages or, under {@code /api/}, RFC 9457 problem JSON.
 * Rendered pages are cached for at most a second.
 */
public final class Site implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Site.class);
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** The security headers every response carries (made once, sent pre-encoded by the fast lane). */
  static final List<HttpField> SECURITY_FIELDS =
      List.of(
          new PreEncodedHttpField("Content-Security-Policy", CSP),
          new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
          new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"),
          new PreEncodedHttpField("X-Frame-Options", "DENY"),
          new PreEncodedHttpField("Permissions-Policy", "interest-cohort=(), browsing-topics=()"));

  private final Javalin app;
  private final Events events;
  private final PrometheusMeterRegistry metrics;

  private Site(Javalin app, Events events, PrometheusMeterRegistry metrics) {
    this.app = app;
    this.events = events;
    this.metrics = metrics;
  }

  /** Starts the site on host:port (port 0 picks a free one). */
  public static Site start(SiteServices services, SiteConfig config, String host, int port) {
    return start(services, config, host, port, InstantSource.system());
  }

  public static Site start(
      SiteServices services, SiteConfig config, String host, int port, InstantSource clock) {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    @SuppressWarnings("resource") // closed with the registry
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(metrics);
    services
        .gauges()
        .forEach(
            (name, figure) ->
                io.micrometer.core.instrument.Gauge.builder(
                        "lede." + name, figure, java.util.function.DoubleSupplier::getAsDouble)
                    // the registry holds only a weak reference by default: these suppliers have
                    // no other owner, and a collected one reads NaN
                    .strongReference(true)
                    .register(metrics));
    String assetVersion = Long.toString(System.currentTimeMillis() / 1000, 36);
    Views views = new Views(config, services, assetVersion);
    Renderer renderer = new Renderer();
    Events events = new Events(services, config, clock);
    PageCache<byte[]> pageCache = new PageCache<>(clock, 1000, 5_000);
    PageCache<String> feedCache = new PageCache<>(clock, 5000, 5_000);
    ArticleRoute article =
        new ArticleRoute(services, views, renderer, clock, events, new Visitors(config));
    ListRoutes lists = new ListRoutes(services, views, renderer, pageCache);
    SearchRoute search = new SearchRoute(services, views, renderer);
    FollowRoutes follow = new FollowRoutes(services, views, renderer);
    FeedRoutes feeds = new FeedRoutes(services, views, feedCache, clock);
    ApiRoutes api = new ApiRoutes(services, views, events);
    OpsRoutes ops = new OpsRoutes(services, views, renderer, clock);
    HeadlineOps headlineOps = new HeadlineOps(services, views, renderer, ops);
    ErrorPages errors = new ErrorPages(views, renderer);
    HttpTimers timers = new HttpTimers(metrics);

    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.http.generateEtags = false; // entityTag sets quoted ones
              cfg.http.maxRequestSize = 2_000_000;
              cfg.staticFiles.add(
                  s -> {
                    s.hostedPath = "/static";
                    s.directory = "/web/static";
                    s.location = Location.CLASSPATH;
                    s.headers =
                        java.util.Map.of("Cache-Control", "public, max-age=31536000, immutable");
                  });
              // A small pool: on 2 cores, 250 threads (Javalin's default) only add switching.
              // Cached article pages are written asynchronously by the fast lane and release
              // their thread at once; blocking work (renders, store reads) still has room.
              cfg.jetty.threadPool = threadPool();
              cfg.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(5000);
                    // Javalin puts its servlet context inside this wrapper.
                    server.setHandler(new FastPages(article, timers));
                  });
              var r = cfg.routes;
              r.before(
                  ctx -> {
                    ctx.attribute("lede.t0", System.nanoTime());
                    for (HttpField f : SECURITY_FIELDS) {
                      ctx.header(f.getName(), f.getValue());
                    }
                  });
              r.after(Site::entityTag);
              r.after(
                  ctx -> {
                    Long t0 = ctx.attribute("lede.t0");
                    if (t0 != null) {
                      var ep = ctx.endpoints().matchedHttpEndpoint();
                      timers.record(
                          ep == null ? "unmatched" : ep.path,
                          ctx.statusCode(),
                          System.nanoTime() - t0);
                    }
                  });
              r.get("/", lists::front);
              r.get("/latest", lists::latest);
              r.get("/section/{name}", lists::section);
              r.get("/tag/{tag}", lists::tag);
              r.get("/source/{id}", lists::source);
              r.get("/story/{id}", lists::story);
              r.get(ArticleRoute.ROUTE, article::handle);
              r.head(ArticleRoute.ROUTE, article::handle);
              r.get("/search", search::handle);
              r.get("/following", follow::page);
              r.post("/following", follow::add);
              r.post("/following/remove", follow::remove);
              r.get("/following.opml", follow::opml);
              for (String f : List.of("rss", "atom", "json")) {
                r.get("/feed." + f, ctx -> feeds.siteFeed(ctx, f));
                for (String kind : List.of("section", "tag", "source", "story")) {
                  r.get("/" + kind + "/{key}/feed." + f, ctx -> feeds.scopedFeed(ctx, kind, f));
                }
              }
              r.get("/sitemap.xml", feeds::sitemap);
              r.get(
                  "/sitemap-news.xml", feeds::newsSitemap); // before sitemap-{n}: first match wins
              r.get("/sitemap-{n}.xml", feeds::sitemapPart);
              r.get("/robots.txt", feeds::robots);
              r.get("/opensearch.xml", feeds::openSearch);
              r.get("/img/{file}", ctx -> image(ctx, services));
              r.get("/r/{id}", ctx -> redirect(ctx, services, events));
              r.get("/api/openapi.json", api::openApi);
              r.get("/api/articles", api::articles);
              r.get("/api/articles/{id}", api::article);
              r.post("/api/articles", api::submit);
              r.delete("/api/articles/{id}", api::delete);
              r.get("/api/articles/{id}/headlines", api::headlines);
              r.post("/api/articles/{id}/headlines", api::addHeadline);
              r.delete("/api/articles/{id}/headlines/{variant}", api::removeHeadline);
              r.get("/api/search", api::search);
              r.get("/api/related/{id}", api::related);
              r.get("/api/stories", api::stories);
              r.get("/api/stories/{id}", api::story);
              r.post("/api/events", api::event);
              r.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                          .result(metrics.scrape()));
              r.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
              r.get("/ops", ops::page);
              r.post("/ops/login", ops::login);
              r.post("/ops/logout", ops::logout);
              r.post("/ops/sources", ops::addSource);
              r.post("/ops/sources/{id}/pause", ops::pause);
              r.post("/ops/sources/{id}/remove", ops::remove);
              r.post("/ops/sources/{id}/rights", ops::rights);
              r.post("/ops/articles", ops::article);
              r.get("/ops/headlines", headlineOps::page);
              r.post("/ops/headlines/{id}/promote", headlineOps::promote);
              r.post("/ops/headlines/{id}/stop", headlineOps::stop);
              errors.register(r);
            });
    app.start(host, port);
    LOG.info("site listening on http://{}:{}", host, app.port());
    return new Site(app, events, metrics);
  }

  /**
   * Jetty's request threads: {@code 8 × cores} (at least 16, at most 200), plus Jetty's own
   * acceptor and selector threads; {@code lede.http.threads} overrides the maximum.
   */
  private static QueuedThreadPool threadPool() {
    int cores = Runtime.getRuntime().availableProcessors();
    int max = Math.clamp(8L * cores, 16, 200);
    String override = System.getProperty("lede.http.threads");
    if (override != null && !override.isBlank()) {
      max = Math.clamp(Integer.parseInt(override.strip()), 4, 1000);
    }
    QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max), 60_000);
    pool.setName("lede-http");
    return pool;
  }

  public int port() {
    return app.port();
  }

  /** Stops accepting requests, finishes those in flight, and writes queued events. */
  @Override
  public void close() {
    app.stop();
    events.close();
    metrics.close();
  }

  private static void image(Context ctx, SiteServices services) {
    String file = ctx.pathParam("file");
    boolean thumb = file.endsWith("-thumb.jpg");
    boolean article = file.endsWith("-article.jpg");
    if (!thumb && !article) {
      throw new NotFound("image " + file);
    }
    String key = file.substring(0, file.lastIndexOf('-'));
    Path p = services.image(key, thumb).orElseThrow(() -> new NotFound("image " + file));
    try {
      ctx.header("Cache-Control", "public, max-age=31536000, immutable");
      ctx.contentType("image/jpeg").result(Files.readAllBytes(p));
    } catch (java.io.IOException e) {
      throw new NotFound("image " + file);
    }
  }

  private static void redirect(Context ctx, SiteServices services, Events events) {
    String id = ctx.pathParam("id");
    if (services.article(id).isEmpty()) {
      throw new NotFound("article " + id);
    }
    String from = param(ctx, "from", 200);
    int slot = intParam(ctx, "slot", 0, 0, 100);
    String variant = param(ctx, "v", 40);
    if (!from.isEmpty()) {
      events.click(ctx, id, from, slot, variant);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(Views.articleHref(id), HttpStatus.FOUND);
  }

  // Small helpers shared by the routes.

  /** A strong ETag for a body (computed once per cached render). */
  static String etag(byte[] body) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(body);
    return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
  }

  /**
   * A quoted weak ETag on every successful GET answered from memory, and 304 Not Modified when the
   * request's {@code If-None-Match} names it: compared weakly over the header's list ({@code W/}
   * prefixes dropped, {@code *} matches), as RFC 9110 asks (Javalin's own tags are unquoted and
   * compared to the whole header, so a client sending the quoted form never got a 304). Weak, since
   * Javalin may send the same content compressed. Static files and article pages set their own
   * (strong, one per encoding).
   */
  static void entityTag(Context ctx) throws java.io.IOException {
    if (ctx.statusCode() != 200
        || ctx.res().getHeader("ETag") != null
        || ctx.method() != io.javalin.http.HandlerType.GET
        || !(ctx.resultInputStream() instanceof java.io.ByteArrayInputStream in)) {
      return;
    }
    byte[] body = in.readAllBytes();
    String tag = "W/" + etag(body);
    ctx.header("ETag", tag);
    if (etagMatches(ctx.header("If-None-Match"), tag)) {
      ctx.status(304);
      ctx.result(new byte[0]);
    } else {
      ctx.result(body);
    }
  }

  /** Whether an {@code If-None-Match} value names the tag (weak comparison; {@code *} matches). */
  static boolean etagMatches(@org.jspecify.annotations.Nullable String ifNoneMatch, String tag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
    for (String part : ifNoneMatch.split(",", 64)) {
      String p = part.strip();
      if (p.equals("*")) {
        return true;
      }
      if (p.startsWith("W/")) {
        p = p.substring(2);
      }
      if (p.equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  static void html(Context ctx, byte[] body) {
    ctx.contentType("text/html; charset=utf-8").result(body);
  }

  static String param(Context ctx, String name, int maxLength) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return "";
    }
    v = v.strip();
    if (v.length() > maxLength) {
      throw new BadRequest("parameter " + name + " is longer than " + maxLength + " characters");
    }
    return v;
  }

  static String form(Context ctx, String name, int maxLength) {
    String v = ctx.formParam(name);
    if (v == null) {
      return "";
    }
    v = v.strip();
    if (v.length() > maxLength) {
      throw new BadRequest("field " + name + " is longer than " + maxLength + " characters");
    }
    return v;
  }

  static int page(Context ctx) {
    return intParam(ctx, "page", 1, 1, 10_000);
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = param(ctx, name, 12);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new BadRequest(name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a number, was " + v);
    }
  }

  /** Maps exceptions to error pages or problem JSON. */
  static final class ErrorPages {
    private static final String RENDERED = "lede.error-rendered";
    private final Views views;
    private final Renderer renderer;

    ErrorPages(Views views, Renderer renderer) {
      this.views = views;
      this.renderer = renderer;
    }

    void register(io.javalin.config.RoutesConfig r) {
      r.exception(
          NotFound.class,
          (e, ctx) ->
              error(
                  ctx,
                  404,
                  "Page not found",
                  "We could not find "
                      + e.getMessage()
                      + ". It may have been moved or taken down."));
      r.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, "Bad request", e.getMessage()));
      r.exception(
          ApiRoutes.Unauthorized.class,
          (e, ctx) -> error(ctx, 401, "Sign-in required", e.getMessage()));
      r.exception(
          ApiRoutes.Forbidden.class, (e, ctx) -> error(ctx, 403, "Forbidden", e.getMessage()));
      r.exception(
          Exception.class,
          (e, ctx) -> {
            LOG.error("error serving {} {}", ctx.method(), ctx.path(), e);
            error(
                ctx,
                500,
                "Something went wrong",
                "The page could not be shown. The error has been logged; please try again in a moment.");
          });
      r.error(
          404,
          ctx -> {
            if (ctx.attribute(RENDERED) == null) { // an unmatched path: Javalin's text
              error(ctx, 404, "Page not found", "There is no page at this address.");
            }
          });
      r.error(
          405,
          ctx ->
              error(
                  ctx,
                  405,
                  "Method not allowed",
                  "This address does not accept " + ctx.method() + "."));
    }

    void error(Context ctx, int status, String title, String message) {
      ctx.attribute(RENDERED, Boolean.TRUE);
      if (ctx.path().startsWith("/api/")) {
        Problem.send(ctx, status, title, message);
        return;
      }
      ctx.status(status);
      try {
        Layout layout =
            views.layout(title, "", ctx.path(), "", List.of(), "", List.of(), "", false, "noindex");
        html(ctx, renderer.render("error.jte", new ErrorView(layout, status, title, message)));
      } catch (RuntimeException e) {
        ctx.contentType("text/plain; charset=utf-8").result(title + ": " + message);
      }
    }
  }
}
