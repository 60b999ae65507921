package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lede.model.Article;
import dev.lede.model.Block;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM writer against a fake OpenAI-compatible endpoint on loopback. */
class LlmWriterTest {
  static final Article ARTICLE =
      Article.builder()
          .id("a")
          .title("Zebra stripes may dazzle horse flies, say scientists")
          .blocks(List.of(new Block.Paragraph("Scientists say zebra stripes may confuse flies.")))
          .build();

  /** What the fake server does for one request. */
  record Reply(int status, String body, long delayMillis) {}

  HttpServer server;
  final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> auth = new CopyOnWriteArrayList<>();
  final List<Duration> slept = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(Thread.ofPlatform().name("fake-llm-", 0).factory()));
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
    Reply r = replies.poll();
    if (r == null) {
      r = new Reply(500, "no reply queued", 0);
    }
    if (r.delayMillis() > 0) {
      try {
        Thread.sleep(r.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
    try {
      ex.sendResponseHeaders(r.status(), b.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(b);
      }
    } catch (IOException ignored) {
      // the client gave up (timeout test): nothing to answer
    }
  }

  static String ok(String content, int tokens) {
    return "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(content)
        + "}}],\"usage\":{\"total_tokens\":"
        + tokens
        + "}}";
  }

  LlmWriter writer(Duration timeout, int retries, int maxCalls, long maxTokens) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return new LlmWriter(
        new LlmWriter.Config(
            base,
            "test-model",
            "secret",
            timeout,
            retries,
            Duration.ofMillis(100),
            maxCalls,
            maxTokens,
            3),
        slept::add);
  }

  @Test
  void propose_parsesOneHeadlinePerLineAndSendsModelAndKey() {
    replies.add(
        new Reply(
            200,
            ok(
                "1. Zebra stripes may confuse flies\n- \"Stripes may dazzle flies\"\n\nWhy zebras have stripes",
                42),
            0));
    try (LlmWriter w = writer(Duration.ofSeconds(5), 0, 10, 1000)) {
      assertThat(w.propose(ARTICLE))
          .containsExactly(
              "Zebra stripes may confuse flies",
              "Stripes may dazzle flies",
              "Why zebras have stripes");
      assertThat(w.tokens()).isEqualTo(42);
    }
    assertThat(requests.get(0))
        .contains("\"model\":\"test-model\"")
        .contains("Zebra stripes may dazzle");
    assertThat(auth.get(0)).isEqualTo("Bearer secret");
  }

  @Test
  void propose_retriesServerErrorsWithBackoff() {
    replies.add(new Reply(500, "oops", 0));
    replies.add(new Reply(503, "busy", 0));
    replies.add(new Reply(200, ok("Stripes may confuse flies", 10), 0));
    try (LlmWriter w = writer(Duration.ofSeconds(5), 2, 10, 1000)) {
      assertThat(w.propose(ARTICLE)).containsExactly("Stripes may confuse flies");
      assertThat(w.calls()).isEqualTo(3);
    }
    assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void propose_timesOutAndGivesUpAfterRetries() {
    replies.add(new Reply(200, ok("late", 1), 1500));
    replies.add(new Reply(200, ok("late", 1), 1500));
    try (LlmWriter w = writer(Duration.ofMillis(300), 1, 10, 1000)) {
      assertThatThrownBy(() -> w.propose(ARTICLE))
          .isInstanceOf(HeadlineWriterException.class)
          .hasMessageContaining("timed out after 300 ms (attempt 2/2)");
    }
  }

  @Test
  void propose_failsClearlyOnGarbageJson() {
    replies.add(new Reply(200, "<html>not json</html>", 0));
    try (LlmWriter w = writer(Duration.ofSeconds(5), 2, 10, 1000)) {
      assertThatThrownBy(() -> w.propose(ARTICLE))
          .isInstanceOf(HeadlineWriterException.class)
          .hasMessageContaining("not JSON");
      assertThat(w.calls()).isEqualTo(1);
    }
  }

  @Test
  void propose_doesNotRetryClientErrors() {
    replies.add(new Reply(401, "{\"error\":\"bad key\"}", 0));
    try (LlmWriter w = writer(Duration.ofSeconds(5), 2, 10, 1000)) {
      assertThatThrownBy(() -> w.propose(ARTICLE)).hasMessageContaining("401");
      assertThat(w.calls()).isEqualTo(1);
    }
  }

  @Test
  void propose_stopsWhenTheBudgetIsSpent() {
    replies.add(new Reply(200, ok("One", 60), 0));
    replies.add(new Reply(200, ok("Two", 60), 0));
    try (LlmWriter w = writer(Duration.ofSeconds(5), 0, 10, 100)) {
      assertThat(w.propose(ARTICLE)).containsExactly("One");
      assertThat(w.propose(ARTICLE)).containsExactly("Two");
      assertThatThrownBy(() -> w.propose(ARTICLE))
          .isInstanceOfSatisfying(
              HeadlineWriterException.class, e -> assertThat(e.budgetSpent()).isTrue());
      assertThat(requests).hasSize(2);
    }
    try (LlmWriter w = writer(Duration.ofSeconds(5), 3, 1, 1000)) {
      replies.add(new Reply(500, "x", 0));
      assertThatThrownBy(() -> w.propose(ARTICLE))
          .isInstanceOfSatisfying(
              HeadlineWriterException.class, e -> assertThat(e.budgetSpent()).isTrue());
    }
  }
}
