package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard end to end. Private addresses appear only as answers of the injected resolver; the
 * {@link LoopbackOnlyConnector} records every connection attempt and refuses any that is not
 * loopback, and {@link TestKit#close()} fails the test if one happened. The test's own loopback
 * server is reached as a named host ("news.test") through the resolver, trusted explicitly, so that
 * every other loopback or private address stays refused.
 */
class AddressGuardTest {
  private final TestServer server = TestServer.start();
  private final TestKit kit = new TestKit();
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @AfterEach
  void tearDown() throws Exception {
    kit.close(); // fails on any attempted non-loopback connection
    server.close();
  }

  private PoliteFetcher guarded() {
    kit.answer("news.test", "127.0.0.1");
    return kit.fetcher(TestKit.options().allowPrivate(false).build(), Set.of(LOOPBACK));
  }

  private String news(String path) {
    return "http://news.test:" + server.port() + path;
  }

  private static FetchException.Kind kindOf(Throwable t) {
    return ((FetchException) t).kind();
  }

  @Test
  void hostResolvingToPrivateAddress_refusedWithoutConnecting() {
    kit.answer("intranet.test", "10.0.0.5");
    PoliteFetcher f = guarded();
    assertThatThrownBy(
            () ->
                f.fetch(
                    java.net.URI.create("http://intranet.test/admin"),
                    ContentKind.PAGE,
                    Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS))
        .hasMessageContaining("10.0.0.5")
        .hasMessageContaining("--allow-private");
    assertThat(kit.connector.attempted).isEmpty();
  }

  @Test
  void hostWithMixedAnswers_connectsOnlyToVettedAddress() throws Exception {
    server.serve("/page", "text/html", "<p>ok</p>");
    PoliteFetcher f = guarded();
    kit.answer("news.test", "10.0.0.7", "169.254.169.254", "127.0.0.1");
    FetchResult r = f.fetch(java.net.URI.create(news("/page")), ContentKind.PAGE, Validators.NONE);
    assertThat(r.status()).isEqualTo(200);
    assertThat(kit.connector.attempted)
        .allSatisfy(a -> assertThat(((InetSocketAddress) a).getAddress()).isEqualTo(LOOPBACK));
  }

  @Test
  void hostHeader_keepsTheName() throws Exception {
    server.serve("/page", "text/html", "<p>ok</p>");
    guarded().fetch(java.net.URI.create(news("/page")), ContentKind.PAGE, Validators.NONE);
    assertThat(server.requestsTo("/page").get(0).header("Host"))
        .isEqualTo("news.test:" + server.port());
  }

  @Test
  void everyConnection_oneLookup_andAChangedAnswerIsVettedAgain() throws Exception {
    server.serve("/page", "text/html", "<p>ok</p>");
    PoliteFetcher f = guarded();
    f.fetch(java.net.URI.create(news("/page")), ContentKind.PAGE, Validators.NONE);
    assertThat(kit.lookups.get()).isEqualTo(kit.connector.attempted.size()).isPositive();
    // DNS now answers a private address (rebinding): a new connection must be refused; a pooled
    // connection to the vetted loopback address may still serve the request
    kit.answer("news.test", "10.9.9.9");
    try {
      f.fetch(java.net.URI.create(news("/page")), ContentKind.PAGE, Validators.NONE);
    } catch (FetchException e) {
      assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
    }
    assertThat(kit.connector.attempted)
        .allSatisfy(a -> assertThat(((InetSocketAddress) a).getAddress()).isEqualTo(LOOPBACK));
  }

  @Test
  void redirectToPrivateAddress_refused() {
    kit.answer("intranet.test", "192.168.0.10");
    server.redirect("/go", 302, "http://intranet.test/secret");
    PoliteFetcher f = guarded();
    assertThatThrownBy(
            () -> f.fetch(java.net.URI.create(news("/go")), ContentKind.PAGE, Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS))
        .hasMessageContaining("192.168.0.10");
    assertThat(kit.connector.attempted)
        .allSatisfy(a -> assertThat(((InetSocketAddress) a).getAddress()).isEqualTo(LOOPBACK));
  }

  @Test
  void redirectToPrivateLiterals_refused() {
    PoliteFetcher f = guarded();
    String[] targets = {
      "http://169.254.169.254/latest/meta-data/",
      "http://[::ffff:10.0.0.1]/",
      "http://127.0.0.2:" + server.port() + "/",
      "http://[::1]:" + server.port() + "/",
      "http://0.0.0.0:" + server.port() + "/"
    };
    for (int i = 0; i < targets.length; i++) {
      server.redirect("/r" + i, 302, targets[i]);
      int n = i;
      assertThatThrownBy(
              () -> f.fetch(java.net.URI.create(news("/r" + n)), ContentKind.PAGE, Validators.NONE))
          .as(targets[i])
          .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
    }
    assertThat(kit.connector.attempted)
        .allSatisfy(a -> assertThat(((InetSocketAddress) a).getAddress()).isEqualTo(LOOPBACK));
  }

  @Test
  void loopbackByName_refusedWithoutAllowPrivate() {
    kit.answer("localhost", "127.0.0.1");
    PoliteFetcher f = kit.fetcher(TestKit.options().allowPrivate(false).build());
    assertThatThrownBy(
            () ->
                f.fetch(
                    java.net.URI.create("http://localhost:" + server.port() + "/"),
                    ContentKind.PAGE,
                    Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
    assertThat(kit.connector.attempted).isEmpty();
    assertThat(server.requests).isEmpty();
  }

  @Test
  void robotsRequest_isGuardedToo() {
    kit.answer("cloud.test", "100.100.100.200");
    PoliteFetcher f = guarded();
    assertThatThrownBy(
            () ->
                f.fetch(
                    java.net.URI.create("http://cloud.test/feed"),
                    ContentKind.FEED,
                    Validators.NONE))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS))
        .hasMessageContaining("http://cloud.test/robots.txt")
        .hasMessageContaining("100.100.100.200");
    assertThat(kit.connector.attempted).isEmpty();
  }
}
