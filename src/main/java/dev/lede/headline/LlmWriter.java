package dev.lede.headline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.model.Article;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposes headlines with a language model behind any OpenAI-compatible chat endpoint ({@code POST
 * {base}/v1/chat/completions}: llama.cpp server, Ollama, vLLM, hosted APIs). Each call has a
 * timeout; timeouts, connection errors, 429 and 5xx answers are retried with exponential back-off;
 * other errors and unreadable answers fail at once. A budget caps calls and tokens per writer
 * instance (one run): when spent, {@link #propose} throws a {@link HeadlineWriterException} with
 * {@code budgetSpent()} set, without calling the endpoint. The model's proposals are candidates
 * only; the {@link FaithfulnessGuard} decides. Thread-safe; close it to free its threads.
 */
public final class LlmWriter implements HeadlineWriter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LlmWriter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Endpoint, model and limits.
   *
   * @param baseUrl the server, e.g. {@code http://127.0.0.1:8081} (with or without {@code /v1})
   * @param model the model name the server expects
   * @param apiKey bearer token, or null for servers without one
   * @param timeout per request
   * @param maxRetries retries after the first attempt
   * @param backoff first back-off; doubles on each retry
   * @param maxCalls most HTTP calls this writer makes (attempts included)
   * @param maxTokens most tokens (as reported by the server) this writer spends
   * @param variants headlines asked for per article
   */
  public record Config(
      URI baseUrl,
      String model,
      @Nullable String apiKey,
      Duration timeout,
      int maxRetries,
      Duration backoff,
      int maxCalls,
      long maxTokens,
      int variants) {
    public Config {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(backoff, "backoff");
      if (maxRetries < 0 || maxCalls < 1 || maxTokens < 1 || variants < 1) {
        throw new IllegalArgumentException(
            "retries >= 0, calls, tokens and variants >= 1 required");
      }
    }

    /** 20 s timeout, 2 retries from 500 ms, 200 calls and 200,000 tokens, 5 variants. */
    public static Config of(URI baseUrl, String model, @Nullable String apiKey) {
      return new Config(
          baseUrl,
          model,
          apiKey,
          Duration.ofSeconds(20),
          2,
          Duration.ofMillis(500),
          200,
          200_000,
          5);
    }
  }

  /** Waits between retries (injected so tests need not sleep). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Config config;
  private final Sleeper sleeper;
  private final ExecutorService executor;
  private final HttpClient http;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong tokens = new AtomicLong();

  public LlmWriter(Config config) {
    this(config, d -> Thread.sleep(d.toMillis()));
  }

  public LlmWriter(Config config, Sleeper sleeper) {
    this.config = Objects.requireNonNull(config, "config");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.executor =
        Executors.newCachedThreadPool(
            Thread.ofPlatform().name("lede-llm-", 0).daemon(true).factory());
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).executor(executor).build();
  }

  @Override
  public String name() {
    return "llm";
  }

  /** Calls made so far (attempts included). */
  public long calls() {
    return calls.get();
  }

  /** Tokens spent so far, as reported by the server. */
  public long tokens() {
    return tokens.get();
  }

  @Override
  public List<String> propose(Article article) {
    String body = request(article);
    URI uri = endpoint();
    HeadlineWriterException last = null;
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      if (attempt > 0) {
        sleep(config.backoff().multipliedBy(1L << (attempt - 1)));
      }
      spend();
      HttpRequest.Builder rb =
          HttpRequest.newBuilder(uri)
              .timeout(config.timeout())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (config.apiKey() != null && !config.apiKey().isBlank()) {
        rb.header("Authorization", "Bearer " + config.apiKey());
      }
      String where = " (attempt " + (attempt + 1) + "/" + (config.maxRetries() + 1) + ")";
      HttpResponse<String> resp;
      try {
        resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (HttpTimeoutException e) {
        last =
            new HeadlineWriterException(
                "model call to "
                    + uri
                    + " timed out after "
                    + config.timeout().toMillis()
                    + " ms"
                    + where,
                false,
                e);
        LOG.warn(last.getMessage());
        continue;
      } catch (IOException e) {
        last =
            new HeadlineWriterException("model call to " + uri + " failed: " + e + where, false, e);
        LOG.warn(last.getMessage());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HeadlineWriterException("interrupted while calling " + uri, false, e);
      }
      int status = resp.statusCode();
      if (status == 429 || status >= 500) {
        last =
            new HeadlineWriterException(
                "model server " + uri + " answered " + status + where, false);
        LOG.warn(last.getMessage());
        continue;
      }
      if (status != 200) {
        throw new HeadlineWriterException(
            "model server " + uri + " answered " + status + ": " + abbreviate(resp.body()), false);
      }
      return parse(resp.body());
    }
    throw Objects.requireNonNull(last);
  }

  private void spend() {
    if (calls.get() >= config.maxCalls() || tokens.get() >= config.maxTokens()) {
      throw new HeadlineWriterException(
          "model budget spent: "
              + calls.get()
              + "/"
              + config.maxCalls()
              + " calls, "
              + tokens.get()
              + "/"
              + config.maxTokens()
              + " tokens",
          true);
    }
    calls.incrementAndGet();
  }

  private void sleep(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HeadlineWriterException("interrupted during back-off", false, e);
    }
  }

  private URI endpoint() {
    String base = config.baseUrl().toString().replaceAll("/+$", "");
    return URI.create(
        base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
  }

  String request(Article a) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", config.model());
    root.put("temperature", 0.7);
    root.put("max_tokens", 60 * config.variants());
    ArrayNode messages = root.putArray("messages");
    messages
        .addObject()
        .put("role", "system")
        .put(
            "content",
            "You write alternative news headlines for teasers. Write "
                + config.variants()
                + " headlines, one per line, no numbering, no quotes around them, at most 90"
                + " characters each. Use only facts, numbers and names stated in the article. Do"
                + " not add superlatives, causes, consequences or sources the article does not"
                + " state. Keep hedges (may, could, plans to) and keep who said what.");
    String text = a.text();
    if (text.length() > 2500) {
      text = text.substring(0, 2500);
    }
    messages
        .addObject()
        .put("role", "user")
        .put("content", "Headline: " + a.title() + "\n\nArticle:\n" + text);
    return root.toString();
  }

  private List<String> parse(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new HeadlineWriterException("model answer is not JSON: " + abbreviate(body), false, e);
    }
    JsonNode content = root.path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new HeadlineWriterException(
          "model answer has no choices[0].message.content: " + abbreviate(body), false);
    }
    long used = root.path("usage").path("total_tokens").asLong(-1);
    tokens.addAndGet(used >= 0 ? used : content.asText().length() / 4 + 1);
    List<String> out = new ArrayList<>();
    for (String line : content.asText().split("\\R")) {
      String h =
          line.strip()
              .replaceFirst("^(?:\\d+[.)]|[-*\u2022])\\s*", "")
              .replaceFirst("^\"(.*)\"$", "$1")
              .strip();
      if (!h.isEmpty() && h.length() <= 200 && !out.contains(h) && out.size() < config.variants()) {
        out.add(h);
      }
    }
    return out;
  }

  private static String abbreviate(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  @Override
  public void close() {
    http.close();
    executor.shutdownNow();
  }
}
