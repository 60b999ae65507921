package dev.lede.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.lede.model.FetchRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin (scheme, host, port), following RFC 9309: parsed with crawler-commons'
 * {@link SimpleRobotRulesParser} for the product token {@value IngestOptions#ROBOTS_TOKEN}; at most
 * 500 KiB read (the RFC's minimum a parser must handle; the rest is ignored); redirects followed
 * (up to the configured 5); 4xx ("unavailable") allows everything; 5xx, 429 and network failures
 * ("unreachable") disallow everything (a host refused by the address guard, unknown to DNS or
 * deferred by Retry-After fails with that reason instead); cached for the configured time, at most
 * 24 h, and unreachable answers for at most an hour so that a server that recovers is soon crawled
 * again.
 *
 * <p>The robots request itself goes through the host's politeness queue. Crawl-delay is read
 * uncapped (crawler-commons would otherwise disallow everything above its own maximum) and capped
 * by {@link HostGate}.
 */
final class RobotsCache {
  static final int MAX_BYTES = 500 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);
  private static final Duration UNREACHABLE_TTL = Duration.ofHours(1);

  /** The rules for one origin, and until when they hold. */
  record Rules(BaseRobotRules rules, @Nullable Duration crawlDelay, Instant expires, String note) {
    boolean allows(URI url) {
      return rules.isAllowed(url.toString());
    }
  }

  private final PoliteFetcher.Hops hops;
  private final InstantSource clock;
  private final Duration ttl;
  private final Consumer<FetchRecord> log;
  private final SimpleRobotRulesParser parser =
      new SimpleRobotRulesParser(Long.MAX_VALUE, SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
  private final ConcurrentHashMap<String, Rules> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  RobotsCache(
      PoliteFetcher.Hops hops, InstantSource clock, Duration ttl, Consumer<FetchRecord> log) {
    this.hops = hops;
    this.clock = clock;
    this.ttl = ttl.compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(24) : ttl;
    this.log = log;
  }

  /** The rules that apply to a URL, fetching robots.txt when not cached or expired. */
  Rules rulesFor(URI url) throws FetchException {
    String origin = origin(url);
    Rules r = cache.get(origin);
    if (r != null && r.expires().isAfter(clock.instant())) {
      return r;
    }
    Object lock = locks.computeIfAbsent(origin, k -> new Object());
    synchronized (lock) {
      r = cache.get(origin);
      if (r == null || !r.expires().isAfter(clock.instant())) {
        r = fetch(origin);
        cache.put(origin, r);
      }
      return r;
    }
  }

  private Rules fetch(String origin) throws FetchException {
    URI robotsUrl = URI.create(origin + "/robots.txt");
    Instant now = clock.instant();
    long start = clock.millis();
    FetchResult res;
    try {
      res = hops.follow(robotsUrl, ContentKind.ROBOTS, Validators.NONE, MAX_BYTES, false);
    } catch (FetchException e) {
      if (e.kind() == FetchException.Kind.INTERRUPTED
          || e.kind() == FetchException.Kind.BLOCKED_ADDRESS
          || e.kind() == FetchException.Kind.UNKNOWN_HOST
          || e.kind() == FetchException.Kind.DEFERRED) {
        throw e; // the host itself cannot (or may not yet) be asked: report that, not robots
      }
      log.accept(
          new FetchRecord(
              clock.instant(),
              null,
              robotsUrl.toString(),
              e.status(),
              FetchRecord.Outcome.FAILED,
              e.getMessage(),
              0,
              clock.millis() - start));
      int s = e.status();
      if (s >= 400 && s < 500 && s != 429) {
        return new Rules(parser.failedFetch(s), null, now.plus(ttl), "no robots.txt (" + s + ")");
      }
      LOG.info(
          "robots.txt of {} unreachable, disallowing the host for now: {}", origin, e.getMessage());
      Duration t = ttl.compareTo(UNREACHABLE_TTL) < 0 ? ttl : UNREACHABLE_TTL;
      return new Rules(
          new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
          null,
          now.plus(t),
          "robots.txt unreachable: " + e.getMessage());
    }
    log.accept(
        new FetchRecord(
            clock.instant(),
            null,
            robotsUrl.toString(),
            res.status(),
            FetchRecord.Outcome.FETCHED,
            "",
            res.wireBytes(),
            res.millis()));
    byte[] body = res.body();
    BaseRobotRules rules =
        parser.parseContent(
            robotsUrl.toString(),
            body,
            res.mediaType() == null ? "text/plain" : res.mediaType(),
            List.of(IngestOptions.ROBOTS_TOKEN));
    long cd = rules.getCrawlDelay();
    Duration crawlDelay =
        cd == BaseRobotRules.UNSET_CRAWL_DELAY || cd < 0 ? null : Duration.ofMillis(cd);
    return new Rules(rules, crawlDelay, now.plus(ttl), "robots.txt " + body.length + " bytes");
  }

  static String origin(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost().toLowerCase(Locale.ROOT);
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    int port = url.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
