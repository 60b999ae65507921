package dev.lede.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What ingest tests share: fake time, an in-memory sink and registry, a resolver answering from a
 * map (no DNS), the loopback-only connector, and builders for the fetch stack and the front.
 */
final class TestKit implements AutoCloseable {
  final FakeTime time = new FakeTime();
  final InMemorySink sink = new InMemorySink();
  final InMemoryRegistry registry = new InMemoryRegistry();
  final LoopbackOnlyConnector connector = new LoopbackOnlyConnector();
  final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
  final AtomicInteger lookups = new AtomicInteger();
  private AutoCloseable open;

  /** Options for tests: loopback allowed, short timeouts, no progress output. */
  static IngestOptions.Builder options() {
    return IngestOptions.builder()
        .allowPrivate(true)
        .connectTimeout(java.time.Duration.ofSeconds(10))
        .readTimeout(java.time.Duration.ofSeconds(15))
        .requestTimeout(java.time.Duration.ofSeconds(30))
        .contactUrl("https://lede.example/contact")
        .progress(IngestOptions.ProgressMode.NONE);
  }

  HostResolver resolver() {
    return host -> {
      lookups.incrementAndGet();
      List<InetAddress> a = dns.get(host);
      if (a == null) {
        throw new UnknownHostException(host + " (not in the test resolver)");
      }
      return a;
    };
  }

  void answer(String host, String... addresses) {
    try {
      InetAddress[] out = new InetAddress[addresses.length];
      for (int i = 0; i < addresses.length; i++) {
        out[i] = InetAddress.getByName(addresses[i]); // literals only: no lookup
      }
      dns.put(host, List.of(out));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  Ingest ingest(IngestOptions options) {
    return ingest(options, Set.of());
  }

  Ingest ingest(IngestOptions options, Set<InetAddress> trusted) {
    Ingest i =
        new Ingest(
            sink, registry, options, new Env(time, time, resolver(), () -> connector, trusted));
    open = i;
    return i;
  }

  /** The polite fetch stack alone. */
  PoliteFetcher fetcher(IngestOptions options, Set<InetAddress> trusted) {
    HttpFetcher http =
        new HttpFetcher(
            options,
            resolver(),
            new AddressPolicy(options.allowPrivate(), trusted),
            connector,
            time);
    open = http;
    HostGate gate = new HostGate(time, time, options.minHostDelay(), options.maxCrawlDelay());
    return new PoliteFetcher(http, gate, options, time, sink::log);
  }

  PoliteFetcher fetcher(IngestOptions options) {
    return fetcher(options, Set.of());
  }

  @Override
  public void close() throws Exception {
    if (open != null) {
      open.close();
    }
    if (!connector.violations.isEmpty()) {
      throw new AssertionError(
          "connections to non-loopback addresses were attempted: " + connector.violations);
    }
  }
}
