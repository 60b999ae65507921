package dev.lede.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingest remembers about a source between polls, stored by the {@link SourceRegistry} as an
 * opaque JSON string: HTTP validators per URL (for conditional GET), the adaptive poll interval,
 * when to poll next, consecutive failures and the last error, and fingerprints of the items already
 * ingested (so that a poll does not fetch every article page of a feed again; at most {@value
 * #MAX_SEEN}, oldest dropped first), and the sitemaps a sitemap index listed when last read (so
 * that an index answering 304 still has each of its sitemaps polled, conditionally: a news site's
 * index rarely changes while its sitemaps do). Unknown fields are ignored, missing ones start empty
 * and a corrupt state starts afresh, so the format can grow.
 */
record SourceState(
    int version,
    Map<String, Validators> validators,
    long intervalSeconds,
    @Nullable Instant nextPollAt,
    @Nullable Instant lastPollAt,
    @Nullable Instant lastSuccessAt,
    int consecutiveFailures,
    String lastError,
    List<String> seen,
    List<String> sitemaps) {

  static final int MAX_SEEN = 5000;
  private static final Logger LOG = LoggerFactory.getLogger(SourceState.class);
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  SourceState {
    validators = validators == null ? Map.of() : Map.copyOf(validators);
    seen = seen == null ? List.of() : List.copyOf(seen);
    sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
    lastError = lastError == null ? "" : lastError;
  }

  static SourceState initial(Duration interval) {
    return new SourceState(
        1, Map.of(), interval.toSeconds(), null, null, null, 0, "", List.of(), List.of());
  }

  static SourceState fromJson(@Nullable String json, Duration initialInterval) {
    if (json == null || json.isBlank()) {
      return initial(initialInterval);
    }
    try {
      SourceState s = MAPPER.readValue(json, SourceState.class);
      return s.intervalSeconds <= 0 ? s.withInterval(initialInterval) : s;
    } catch (JsonProcessingException e) {
      LOG.warn("unreadable source state, starting afresh: {}", e.getOriginalMessage());
      return initial(initialInterval);
    }
  }

  String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise source state", e);
    }
  }

  Duration interval() {
    return Duration.ofSeconds(intervalSeconds);
  }

  Validators validatorsFor(String url) {
    Validators v = validators.get(url);
    return v == null ? Validators.NONE : v;
  }

  SourceState withValidators(String url, Validators v) {
    Map<String, Validators> m = new LinkedHashMap<>(validators);
    if (v.isEmpty()) {
      m.remove(url);
    } else {
      m.put(url, v);
    }
    return new SourceState(
        version,
        m,
        intervalSeconds,
        nextPollAt,
        lastPollAt,
        lastSuccessAt,
        consecutiveFailures,
        lastError,
        seen,
        sitemaps);
  }

  /**
   * With the sitemaps an index lists now; the validators of sitemaps it no longer lists are
   * forgotten, so the state stays as small as the index.
   */
  SourceState withSitemaps(List<String> urls) {
    Map<String, Validators> m = new LinkedHashMap<>(validators);
    for (String old : sitemaps) {
      if (!urls.contains(old)) {
        m.remove(old);
      }
    }
    return new SourceState(
        version,
        m,
        intervalSeconds,
        nextPollAt,
        lastPollAt,
        lastSuccessAt,
        consecutiveFailures,
        lastError,
        seen,
        urls);
  }

  SourceState withInterval(Duration d) {
    return new SourceState(
        version,
        validators,
        d.toSeconds(),
        nextPollAt,
        lastPollAt,
        lastSuccessAt,
        consecutiveFailures,
        lastError,
        seen,
        sitemaps);
  }

  /** After a successful poll: failures reset, next poll one interval on. */
  SourceState succeeded(Instant now, Duration interval) {
    return new SourceState(
        version,
        validators,
        interval.toSeconds(),
        now.plus(interval),
        now,
        now,
        0,
        "",
        seen,
        sitemaps);
  }

  /** After a failed poll: the next one backs off (see {@link PollInterval#backoff}). */
  SourceState failed(Instant now, String error, Instant next) {
    return new SourceState(
        version,
        validators,
        intervalSeconds,
        next,
        now,
        lastSuccessAt,
        consecutiveFailures + 1,
        error,
        seen,
        sitemaps);
  }

  /** For polling now regardless of the schedule. */
  SourceState dueAt(Instant t) {
    return new SourceState(
        version,
        validators,
        intervalSeconds,
        t,
        lastPollAt,
        lastSuccessAt,
        consecutiveFailures,
        lastError,
        seen,
        sitemaps);
  }

  boolean hasSeen(String fingerprint) {
    return seen.contains(fingerprint);
  }

  SourceState withSeen(Set<String> added) {
    if (added.isEmpty()) {
      return this;
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(seen);
    all.removeAll(added);
    all.addAll(added);
    List<String> list = new ArrayList<>(all);
    if (list.size() > MAX_SEEN) {
      list = list.subList(list.size() - MAX_SEEN, list.size());
    }
    return new SourceState(
        version,
        validators,
        intervalSeconds,
        nextPollAt,
        lastPollAt,
        lastSuccessAt,
        consecutiveFailures,
        lastError,
        list,
        sitemaps);
  }

  /** A short stable fingerprint of an item version (its key and its date). */
  static String fingerprint(String key, @Nullable Instant version) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest((key + "|" + version).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }
}
