package dev.lede.ingest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * An HTTP server on 127.0.0.1 for ingest tests: routes by path, records every request, tracks how
 * many requests are in flight at once. Slow handlers wait on {@link #release}, which closing the
 * server opens, so no thread outlives a test.
 */
final class TestServer implements AutoCloseable {
  /** A request as the server saw it. */
  record Seen(String method, String path, String query, Headers headers) {
    String header(String name) {
      String v = headers.getFirst(name);
      return v == null ? "" : v;
    }
  }

  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  final List<Seen> requests = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService exec;

  private TestServer(HttpServer server, ExecutorService exec) {
    this.server = server;
    this.exec = exec;
  }

  static TestServer start() {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService exec =
          Executors.newFixedThreadPool(
              8, Thread.ofPlatform().name("test-http-", 0).daemon(true).factory());
      TestServer ts = new TestServer(s, exec);
      s.setExecutor(exec);
      s.createContext("/", ts::dispatch);
      s.start();
      return ts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void dispatch(HttpExchange ex) throws IOException {
    URI u = ex.getRequestURI();
    requests.add(
        new Seen(
            ex.getRequestMethod(),
            u.getPath(),
            u.getRawQuery() == null ? "" : u.getRawQuery(),
            ex.getRequestHeaders()));
    try {
      Handler h = routes.get(u.getPath());
      if (h == null) {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      } else {
        h.handle(ex);
      }
    } catch (IOException | RuntimeException e) {
      // the client went away (a refused body, a timeout): nothing to do
    } finally {
      ex.close();
    }
  }

  TestServer on(String path, Handler h) {
    routes.put(path, h);
    return this;
  }

  /** Serves fixed bytes with a status, a content type and extra headers (name, value, ...). */
  TestServer serve(String path, int status, String contentType, byte[] body, String... headers) {
    return on(
        path,
        ex -> {
          for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
          }
          send(ex, status, contentType, body);
        });
  }

  TestServer serve(String path, String contentType, String body, String... headers) {
    return serve(path, 200, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  TestServer redirect(String path, int status, String location) {
    return on(
        path,
        ex -> {
          ex.getResponseHeaders().add("Location", location);
          ex.sendResponseHeaders(status, -1);
        });
  }

  static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().add("Content-Type", contentType);
    }
    if (status == 304 || status == 204 || body.length == 0) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  /** A fixture from src/test/resources/ingest with @BASE@ replaced by this server's root. */
  String fixture(String name) {
    return fixtureText(name).replace("@BASE@", base());
  }

  static String fixtureText(String name) {
    try {
      return Files.readString(fixturePath(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] fixtureBytes(String name) {
    try {
      return Files.readAllBytes(fixturePath(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path fixturePath(String name) {
    try {
      return Path.of(TestServer.class.getResource("/ingest/" + name).toURI());
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture " + name, e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  String base() {
    return "http://127.0.0.1:" + port();
  }

  URI url(String path) {
    return URI.create(base() + path);
  }

  /** The requests for a path (robots.txt and others excluded). */
  List<Seen> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    exec.shutdownNow();
    try {
      exec.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
