package dev.lede.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client —
 * no WebDriver, no downloads. Started with the flags this machine needs (no sandbox as root, no
 * background networking: the machine's network is closed) and a fresh profile; it only ever loads
 * the loopback pages a test gives it. Skips where no Chromium is installed, fails under {@code
 * CI=true}.
 */
public final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final Path profile;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Page> pages = new ArrayList<>();

  private Chromium(Process process, Path profile, int port) {
    this.process = process;
    this.profile = profile;
    this.port = port;
  }

  /** The Chromium binary, or a skip (a failure under CI) when none is installed. */
  public static Path binary() {
    String env = System.getenv("CHROMIUM");
    for (String c :
        List.of(
            env == null ? "" : env,
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome")) {
      if (!c.isEmpty() && Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    String msg = "no Chromium found (install Debian's chromium; .ci/run does)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(msg + "; CI=true, so this is a failure, not a skip");
    }
    Assumptions.abort(msg);
    throw new IllegalStateException(msg);
  }

  public static Chromium launch() throws IOException, InterruptedException {
    Path bin = binary();
    Path profile = Files.createTempDirectory("lede-chromium-");
    List<String> cmd =
        List.of(
            bin.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            "about:blank");
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.isRegularFile(portFile)
        || Files.readString(portFile, StandardCharsets.UTF_8).isBlank()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException(
            "Chromium did not start; its log: "
                + Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8));
      }
      Thread.sleep(50);
    }
    int port =
        Integer.parseInt(Files.readAllLines(portFile, StandardCharsets.UTF_8).get(0).strip());
    return new Chromium(p, profile, port);
  }

  /** A new tab with the given viewport (mobile emulates a phone: touch, device scale 2). */
  public Page newPage(int width, int height, boolean mobile) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String ws = JSON.readTree(r.body()).path("webSocketDebuggerUrl").asText();
    Page page = new Page(http, ws);
    pages.add(page);
    page.send("Page.enable", Map.of());
    page.send("Runtime.enable", Map.of());
    page.send(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            width,
            "height",
            height,
            "deviceScaleFactor",
            mobile ? 2 : 1,
            "mobile",
            mobile));
    return page;
  }

  @Override
  public void close() throws IOException {
    for (Page p : pages) {
      p.close();
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteProfile();
  }

  /**
   * Best effort: Chromium's helper processes may still add or remove files in the profile for a
   * moment after the browser exits, so a walk can meet a vanished file; retry, then leave it.
   */
  private void deleteProfile() {
    for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException e) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** One tab. */
  public static final class Page implements WebSocket.Listener {
    private final WebSocket ws;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    Page(HttpClient http, String url) throws Exception {
      this.ws =
          http.newWebSocketBuilder().buildAsync(URI.create(url), this).get(10, TimeUnit.SECONDS);
    }

    /** Sends a DevTools command and waits for its result. */
    public JsonNode send(String method, Map<String, ?> params) throws Exception {
      int id = ids.incrementAndGet();
      ObjectNode msg = JSON.createObjectNode();
      msg.put("id", id);
      msg.put("method", method);
      msg.set("params", JSON.valueToTree(params));
      CompletableFuture<JsonNode> f = new CompletableFuture<>();
      pending.put(id, f);
      ws.sendText(msg.toString(), true).get(10, TimeUnit.SECONDS);
      JsonNode res = f.get(30, TimeUnit.SECONDS);
      if (res.has("error")) {
        throw new IllegalStateException(method + " failed: " + res.path("error"));
      }
      return res.path("result");
    }

    /** Loads a URL and waits for its load event. */
    public void navigate(String url) throws Exception {
      events.clear();
      send("Page.navigate", Map.of("url", url));
      waitForLoad();
    }

    /** Waits until the current navigation has fired its load event. */
    public void waitForLoad() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!events.contains("Page.loadEventFired")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("page did not load in 20 s");
        }
        Thread.sleep(20);
      }
      events.clear();
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
    public JsonNode eval(String expression) throws Exception {
      JsonNode r =
          send(
              "Runtime.evaluate",
              Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
      if (r.has("exceptionDetails")) {
        throw new IllegalStateException("script failed: " + r.path("exceptionDetails"));
      }
      return r.path("result").path("value");
    }

    /** Clicks the first element matching a CSS selector and waits for the resulting page load. */
    public void clickAndWait(String selector) throws Exception {
      events.clear();
      JsonNode ok =
          eval(
              "(() => { const e = document.querySelector("
                  + JSON.writeValueAsString(selector)
                  + "); if (!e) return false; e.click(); return true; })()");
      if (!ok.asBoolean()) {
        throw new IllegalStateException("nothing matches " + selector);
      }
      waitForLoad();
    }

    /** A full-page PNG screenshot. */
    public void screenshot(Path file) throws Exception {
      JsonNode r =
          send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode(r.path("data").asText()));
    }

    /** Starts recording the URLs the page requests (for the no-third-party check). */
    public void recordRequests() throws Exception {
      requests.clear();
      send("Network.enable", Map.of());
    }

    /** URLs requested since {@link #recordRequests}. */
    public List<String> requests() {
      return List.copyOf(requests);
    }

    void close() {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode n = JSON.readTree(text);
          if (n.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(n.path("id").asInt());
            if (f != null) {
              f.complete(n);
            }
          } else if (n.has("method")) {
            String m = n.path("method").asText();
            events.add(m);
            if (m.equals("Network.requestWillBeSent")) {
              requests.add(n.path("params").path("request").path("url").asText());
            }
          }
        } catch (IOException e) {
          // a malformed frame from the browser: ignore it, the waiting call will time out
          events.add("malformed:" + e.getMessage());
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
