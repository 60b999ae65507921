package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostGateTest {

  @Test
  void minimumDelay_betweenRequestsToOneHost() throws Exception {
    FakeTime t = new FakeTime();
    HostGate g = new HostGate(t, t, Duration.ofSeconds(1), Duration.ofSeconds(30));
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try (HostGate.Permit p = g.acquire("news.example", null, Duration.ofMinutes(1))) {
        starts.add(t.instant());
        t.advance(Duration.ofMillis(200)); // the request itself
      }
    }
    assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofMillis(1200));
    assertThat(Duration.between(starts.get(1), starts.get(2))).isEqualTo(Duration.ofMillis(1200));
  }

  @Test
  void otherHosts_doNotWait() throws Exception {
    FakeTime t = new FakeTime();
    HostGate g = new HostGate(t, t, Duration.ofSeconds(1), Duration.ofSeconds(30));
    g.acquire("a.example", null, Duration.ofMinutes(1)).close();
    g.acquire("b.example", null, Duration.ofMinutes(1)).close();
    g.acquire("B.EXAMPLE", null, Duration.ofMinutes(1)).close(); // same host, other case
    assertThat(t.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void crawlDelay_longerThanMinimum_isUsed_andCapped() {
    FakeTime t = new FakeTime();
    HostGate g = new HostGate(t, t, Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(g.pauseFor(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
    assertThat(g.pauseFor(Duration.ofMillis(100))).isEqualTo(Duration.ofSeconds(1));
    assertThat(g.pauseFor(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
    assertThat(g.pauseFor(null)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void deferredHost_beyondPatience_failsFast() {
    FakeTime t = new FakeTime();
    HostGate g = new HostGate(t, t, Duration.ofSeconds(1), Duration.ofSeconds(30));
    g.deferUntil("slow.example", t.instant().plus(Duration.ofHours(2)));
    assertThatThrownBy(() -> g.acquire("slow.example", null, Duration.ofMinutes(1)))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("deferred");
    assertThat(t.sleeps).isEmpty();
  }

  @Test
  void oneRequestAtATimePerHost_underConcurrentFetches() throws Exception {
    try (TestServer server = TestServer.start();
        TestKit kit = new TestKit()) {
      // Counted around the handler's work, not around the whole exchange: the client may have the
      // whole response (and start its next request) before the server thread returns from send.
      AtomicInteger busy = new AtomicInteger();
      AtomicInteger maxBusy = new AtomicInteger();
      server.on(
          "/slow",
          ex -> {
            maxBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
            try {
              Thread.sleep(100);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              busy.decrementAndGet();
            }
            TestServer.send(ex, 200, "text/html", "<p>x</p>".getBytes(StandardCharsets.UTF_8));
          });
      PoliteFetcher f = kit.fetcher(TestKit.options().build());
      ExecutorService pool =
          Executors.newFixedThreadPool(4, Thread.ofPlatform().name("gate-test-", 0).factory());
      try {
        List<Future<FetchResult>> fs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          fs.add(
              pool.submit(() -> f.fetch(server.url("/slow"), ContentKind.PAGE, Validators.NONE)));
        }
        for (Future<FetchResult> fr : fs) {
          assertThat(fr.get().status()).isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(maxBusy.get()).isEqualTo(1);
      // five pauses of the 1 s minimum between six requests (plus robots.txt's)
      assertThat(kit.time.sleeps)
          .hasSizeGreaterThanOrEqualTo(5)
          .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }
  }
}
