package dev.lede.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Fetching as a good citizen: for every hop of a request (redirects are followed here, at most the
 * configured number, loops refused) robots.txt is consulted, the host's politeness queue is
 * entered, and the connection goes through the address guard. Transient failures (connect errors,
 * timeouts, 429, 5xx) are retried with exponential back-off (base × 2^attempt) or after the
 * server's Retry-After, as long as the wait fits the run's patience ({@code maxRetryWait}); a
 * longer wait defers the host and fails the URL for this run.
 */
final class PoliteFetcher {
  private final HttpFetcher http;
  private final HostGate gate;
  private final RobotsCache robots;
  private final IngestOptions options;
  private final InstantSource clock;

  /** Redirect following, shared with {@link RobotsCache} (which must not consult itself). */
  @FunctionalInterface
  interface Hops {
    FetchResult follow(
        URI url, ContentKind kind, Validators validators, long truncateAt, boolean checkRobots)
        throws FetchException;
  }

  PoliteFetcher(
      HttpFetcher http,
      HostGate gate,
      IngestOptions options,
      InstantSource clock,
      Consumer<dev.lede.model.FetchRecord> robotsLog) {
    this.http = http;
    this.gate = gate;
    this.options = options;
    this.clock = clock;
    this.robots = new RobotsCache(this::follow, clock, options.robotsTtl(), robotsLog);
  }

  /** Fetches a URL for a purpose, politely; conditional when validators are given. */
  FetchResult fetch(URI url, ContentKind kind, Validators validators) throws FetchException {
    return follow(url, kind, validators, 0, true);
  }

  /** Decodes a body that is a gzip file, under the fetch limits. */
  byte[] gunzip(byte[] gz, String what) throws FetchException {
    return http.gunzip(gz, what);
  }

  FetchResult follow(
      URI url, ContentKind kind, Validators validators, long truncateAt, boolean checkRobots)
      throws FetchException {
    long start = clock.millis();
    URI current = checkUrl(url, null);
    Set<String> seen = new HashSet<>();
    seen.add(current.toString());
    int redirects = 0;
    while (true) {
      Duration crawlDelay = null;
      if (checkRobots) {
        RobotsCache.Rules rules = robots.rulesFor(current);
        if (!rules.allows(current)) {
          throw new FetchException(
              FetchException.Kind.ROBOTS_DENIED,
              "robots.txt of "
                  + RobotsCache.origin(current)
                  + " disallows "
                  + current
                  + (rules.note().startsWith("robots.txt unreachable")
                      ? " (" + rules.note() + ")"
                      : ""));
        }
        crawlDelay = rules.crawlDelay();
      }
      HttpFetcher.Hop hop = attempt(current, kind, validators, truncateAt, crawlDelay);
      switch (hop) {
        case HttpFetcher.Hop.Done done -> {
          return done.result().after(redirects, clock.millis() - start);
        }
        case HttpFetcher.Hop.Redirect r -> {
          URI next = checkUrl(r.location(), current);
          if (!seen.add(next.toString())) {
            throw new FetchException(
                FetchException.Kind.REDIRECT_LOOP,
                "redirect loop at " + next + " (from " + url + ")");
          }
          if (++redirects > options.maxRedirects()) {
            throw new FetchException(
                FetchException.Kind.TOO_MANY_REDIRECTS,
                "more than " + options.maxRedirects() + " redirects from " + url);
          }
          current = next;
        }
      }
    }
  }

  /** One hop, with retries for transient failures. */
  private HttpFetcher.Hop attempt(
      URI url,
      ContentKind kind,
      Validators validators,
      long truncateAt,
      @Nullable Duration crawlDelay)
      throws FetchException {
    String host = url.getHost();
    for (int attempt = 1; ; attempt++) {
      try (HostGate.Permit permit = gate.acquire(host, crawlDelay, options.maxRetryWait())) {
        return http.fetchOnce(url, kind, validators, truncateAt);
      } catch (FetchException e) {
        Duration wait = e.retryAfter() != null ? e.retryAfter() : backoff(attempt);
        if (e.retryAfter() != null || e.retryable()) {
          gate.deferUntil(host, clock.instant().plus(wait));
        }
        if (!e.retryable() || attempt >= options.maxAttempts()) {
          throw e;
        }
        if (wait.compareTo(options.maxRetryWait()) > 0) {
          throw new FetchException(
              FetchException.Kind.DEFERRED,
              e.getMessage() + "; not retried in this run (wait " + wait.toSeconds() + " s)",
              e.status(),
              wait,
              e);
        }
        // the next acquire waits out the deferral
      }
    }
  }

  private Duration backoff(int attempt) {
    return options.backoffBase().multipliedBy(1L << Math.min(attempt - 1, 10));
  }

  private static URI checkUrl(URI url, @Nullable URI from) throws FetchException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          FetchException.Kind.BAD_URL,
          (from == null
                  ? "not an http(s) URL: "
                  : "redirect from " + from + " to a non-http(s) URL: ")
              + url);
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new FetchException(FetchException.Kind.BAD_URL, "URL without a host: " + url);
    }
    if (url.getRawUserInfo() != null) {
      throw new FetchException(FetchException.Kind.BAD_URL, "URL with credentials refused: " + url);
    }
    return url;
  }
}
