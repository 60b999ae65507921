package dev.lede.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an ingest run, validated once when built. Defaults follow the polite-crawling
 * practice of Nutch/StormCrawler and RFC 9309: one request at a time per host, at least one second
 * between requests, Crawl-delay honoured up to 30 s, five redirects, 10 MB bodies.
 */
public final class IngestOptions {
  /** How progress is shown on stderr. */
  public enum ProgressMode {
    /** A progress bar when stderr is a terminal, periodic log lines otherwise. */
    AUTO,
    BAR,
    LOG,
    NONE
  }

  /** The product token matched against robots.txt groups (RFC 9309 §2.2.1). */
  public static final String ROBOTS_TOKEN = "lede";

  private final boolean allowPrivate;
  private final String userAgent;
  private final String contactUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration requestTimeout;
  private final int maxRedirects;
  private final long maxBodyBytes;
  private final int maxDecompressionRatio;
  private final Duration minHostDelay;
  private final Duration maxCrawlDelay;
  private final Duration robotsTtl;
  private final int maxAttempts;
  private final Duration backoffBase;
  private final Duration maxRetryWait;
  private final boolean fetchFullText;
  private final int sitemapMaxUrls;
  private final Duration pollMin;
  private final Duration pollMax;
  private final Duration pollInitial;
  private final Duration watchTick;
  private final int threads;
  private final ProgressMode progress;

  private IngestOptions(Builder b) {
    allowPrivate = b.allowPrivate;
    userAgent = b.userAgent;
    contactUrl = b.contactUrl;
    connectTimeout = b.connectTimeout;
    readTimeout = b.readTimeout;
    requestTimeout = b.requestTimeout;
    maxRedirects = b.maxRedirects;
    maxBodyBytes = b.maxBodyBytes;
    maxDecompressionRatio = b.maxDecompressionRatio;
    minHostDelay = b.minHostDelay;
    maxCrawlDelay = b.maxCrawlDelay;
    robotsTtl = b.robotsTtl;
    maxAttempts = b.maxAttempts;
    backoffBase = b.backoffBase;
    maxRetryWait = b.maxRetryWait;
    fetchFullText = b.fetchFullText;
    sitemapMaxUrls = b.sitemapMaxUrls;
    pollMin = b.pollMin;
    pollMax = b.pollMax;
    pollInitial = b.pollInitial;
    watchTick = b.watchTick;
    threads = b.threads;
    progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static IngestOptions defaults() {
    return builder().build();
  }

  /** Whether loopback, private, link-local and CGNAT addresses may be fetched. */
  public boolean allowPrivate() {
    return allowPrivate;
  }

  /**
   * The User-Agent header: the configured one, or {@code Lede/<version>} with the contact URL in
   * the conventional {@code (+URL)} comment.
   */
  public String userAgent() {
    if (!userAgent.isEmpty()) {
      return userAgent;
    }
    String v = IngestOptions.class.getPackage().getImplementationVersion();
    String product = "Lede/" + (v == null ? "dev" : v);
    return contactUrl.isEmpty()
        ? product + " (self-hosted news engine)"
        : product + " (self-hosted news engine; +" + contactUrl + ")";
  }

  public String contactUrl() {
    return contactUrl;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Longest silence while waiting for response bytes. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Longest time one request (one hop) may take in total. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  public int maxRedirects() {
    return maxRedirects;
  }

  /** Largest body accepted, counted both on the wire and after decompression. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Largest decompressed/compressed size ratio accepted beyond the first megabyte. */
  public int maxDecompressionRatio() {
    return maxDecompressionRatio;
  }

  public Duration minHostDelay() {
    return minHostDelay;
  }

  public Duration maxCrawlDelay() {
    return maxCrawlDelay;
  }

  public Duration robotsTtl() {
    return robotsTtl;
  }

  /** Attempts per request for transient failures (timeouts, 429, 5xx). */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration backoffBase() {
    return backoffBase;
  }

  /** The longest wait (back-off or Retry-After) spent inside one run before giving up on a URL. */
  public Duration maxRetryWait() {
    return maxRetryWait;
  }

  /** Default for one-off ingests: fetch the page of feed items that carry only a summary. */
  public boolean fetchFullText() {
    return fetchFullText;
  }

  public int sitemapMaxUrls() {
    return sitemapMaxUrls;
  }

  public Duration pollMin() {
    return pollMin;
  }

  public Duration pollMax() {
    return pollMax;
  }

  public Duration pollInitial() {
    return pollInitial;
  }

  /** How often {@code watch} looks for due sources. */
  public Duration watchTick() {
    return watchTick;
  }

  /** Sources processed in parallel (each host still gets one request at a time). */
  public int threads() {
    return threads;
  }

  public ProgressMode progress() {
    return progress;
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private boolean allowPrivate;
    private String userAgent = "";
    private String contactUrl = "";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(20);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private int maxRedirects = 5;
    private long maxBodyBytes = 10L * 1024 * 1024;
    private int maxDecompressionRatio = 100;
    private Duration minHostDelay = Duration.ofSeconds(1);
    private Duration maxCrawlDelay = Duration.ofSeconds(30);
    private Duration robotsTtl = Duration.ofHours(24);
    private int maxAttempts = 3;
    private Duration backoffBase = Duration.ofSeconds(2);
    private Duration maxRetryWait = Duration.ofSeconds(60);
    private boolean fetchFullText = true;
    private int sitemapMaxUrls = 1000;
    private Duration pollMin = Duration.ofMinutes(10);
    private Duration pollMax = Duration.ofHours(24);
    private Duration pollInitial = Duration.ofHours(1);
    private Duration watchTick = Duration.ofSeconds(30);
    private int threads = 4;
    private ProgressMode progress = ProgressMode.AUTO;

    private Builder() {}

    public Builder allowPrivate(boolean v) {
      allowPrivate = v;
      return this;
    }

    /** Replaces the whole User-Agent header (empty: the default with the contact URL). */
    public Builder userAgent(String v) {
      userAgent = Objects.requireNonNull(v, "userAgent").strip();
      return this;
    }

    public Builder contactUrl(String v) {
      contactUrl = Objects.requireNonNull(v, "contactUrl").strip();
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = v;
      return this;
    }

    public Builder readTimeout(Duration v) {
      readTimeout = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder maxRedirects(int v) {
      maxRedirects = v;
      return this;
    }

    public Builder maxBodyBytes(long v) {
      maxBodyBytes = v;
      return this;
    }

    public Builder maxDecompressionRatio(int v) {
      maxDecompressionRatio = v;
      return this;
    }

    public Builder minHostDelay(Duration v) {
      minHostDelay = v;
      return this;
    }

    public Builder maxCrawlDelay(Duration v) {
      maxCrawlDelay = v;
      return this;
    }

    public Builder robotsTtl(Duration v) {
      robotsTtl = v;
      return this;
    }

    public Builder maxAttempts(int v) {
      maxAttempts = v;
      return this;
    }

    public Builder backoffBase(Duration v) {
      backoffBase = v;
      return this;
    }

    public Builder maxRetryWait(Duration v) {
      maxRetryWait = v;
      return this;
    }

    public Builder fetchFullText(boolean v) {
      fetchFullText = v;
      return this;
    }

    public Builder sitemapMaxUrls(int v) {
      sitemapMaxUrls = v;
      return this;
    }

    public Builder pollMin(Duration v) {
      pollMin = v;
      return this;
    }

    public Builder pollMax(Duration v) {
      pollMax = v;
      return this;
    }

    public Builder pollInitial(Duration v) {
      pollInitial = v;
      return this;
    }

    public Builder watchTick(Duration v) {
      watchTick = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder progress(ProgressMode v) {
      progress = Objects.requireNonNull(v, "progress");
      return this;
    }

    public IngestOptions build() {
      positive(connectTimeout, "connect timeout");
      positive(readTimeout, "read timeout");
      positive(requestTimeout, "request timeout");
      positive(pollMin, "minimum poll interval");
      positive(watchTick, "watch tick");
      notNegative(minHostDelay, "minimum host delay");
      notNegative(maxCrawlDelay, "maximum crawl delay");
      notNegative(robotsTtl, "robots.txt cache time");
      notNegative(backoffBase, "back-off base");
      notNegative(maxRetryWait, "maximum retry wait");
      require(
          maxRedirects >= 0 && maxRedirects <= 20, "redirects must be 0..20, was %s", maxRedirects);
      require(
          maxBodyBytes >= 1024,
          "maximum body size must be at least 1024 bytes, was %s",
          maxBodyBytes);
      require(
          maxDecompressionRatio >= 2,
          "decompression ratio must be at least 2, was %s",
          maxDecompressionRatio);
      require(maxAttempts >= 1 && maxAttempts <= 10, "attempts must be 1..10, was %s", maxAttempts);
      require(sitemapMaxUrls >= 1, "sitemap URL cap must be positive, was %s", sitemapMaxUrls);
      require(threads >= 1 && threads <= 64, "threads must be 1..64, was %s", threads);
      require(
          pollMax.compareTo(pollMin) >= 0,
          "maximum poll interval %s is below the minimum",
          pollMax);
      require(
          pollInitial.compareTo(pollMin) >= 0 && pollInitial.compareTo(pollMax) <= 0,
          "initial poll interval %s is outside [minimum, maximum]",
          pollInitial);
      if (!contactUrl.isEmpty() && !contactUrl.matches("(?i)(https?://|mailto:)\\S+")) {
        throw new IllegalArgumentException(
            "contact URL must be an http(s) or mailto URL, was '" + contactUrl + "'");
      }
      if (userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("user agent must not contain control characters");
      }
      return new IngestOptions(this);
    }

    private static void positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      require(!d.isNegative() && !d.isZero(), "%s must be positive, was %s", what, d);
    }

    private static void notNegative(Duration d, String what) {
      Objects.requireNonNull(d, what);
      require(!d.isNegative(), "%s must not be negative, was %s", what, d);
    }

    /** Throws with the message, each {@code %s} replaced by the next argument, unless ok. */
    private static void require(boolean ok, String message, Object... args) {
      if (ok) {
        return;
      }
      StringBuilder sb = new StringBuilder();
      int from = 0;
      for (Object arg : args) {
        int at = message.indexOf("%s", from);
        if (at < 0) {
          break;
        }
        sb.append(message, from, at).append(arg);
        from = at + 2;
      }
      throw new IllegalArgumentException(sb.append(message.substring(from)).toString());
    }
  }
}
