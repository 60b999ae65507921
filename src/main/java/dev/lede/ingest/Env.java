package dev.lede.ingest;

import java.net.InetAddress;
import java.time.InstantSource;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.io.ClientConnector;

/**
 * What ingest takes from its surroundings, injectable for tests: the clock, waiting, name
 * resolution and the socket connector (tests put one there that refuses any non-loopback
 * connection), and addresses to trust despite the private-address guard (a test's own loopback
 * server, so that the guard can be tested on every other address).
 */
record Env(
    InstantSource clock,
    Sleeper sleeper,
    HostResolver resolver,
    Supplier<ClientConnector> connector,
    Set<InetAddress> trusted) {

  static Env system() {
    return new Env(
        InstantSource.system(),
        Sleeper.system(),
        HostResolver.system(),
        ClientConnector::new,
        Set.of());
  }
}
