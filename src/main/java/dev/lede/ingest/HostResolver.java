package dev.lede.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution, injectable so tests can answer with any address without touching DNS. */
@FunctionalInterface
interface HostResolver {
  /** All addresses of a host name (never an IP literal: those are parsed, not resolved). */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The system resolver (the JVM's cache and the OS's resolver). */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
