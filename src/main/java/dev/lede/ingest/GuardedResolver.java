package dev.lede.ingest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Jetty's name resolution, replaced: resolves a host once, drops every address the {@link
 * AddressPolicy} refuses and hands Jetty only the vetted ones, so the connection goes to an address
 * that was checked (no second lookup that DNS rebinding could answer differently). Jetty keeps the
 * host name for the Host header and TLS SNI. Every new connection, redirect hops included, passes
 * through here.
 */
final class GuardedResolver implements SocketAddressResolver {
  private final HostResolver resolver;
  private final AddressPolicy policy;

  GuardedResolver(HostResolver resolver, AddressPolicy policy) {
    this.resolver = resolver;
    this.policy = policy;
  }

  @Override
  public void resolve(
      String host,
      int port,
      Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    try {
      promise.succeeded(vet(host, port));
    } catch (UnknownHostException | BlockedAddressException | RuntimeException e) {
      promise.failed(e);
    }
  }

  /** The allowed socket addresses of a host; throws when there are none. */
  List<InetSocketAddress> vet(String host, int port)
      throws UnknownHostException, BlockedAddressException {
    InetAddress lit = AddressPolicy.literal(host);
    List<InetAddress> all = lit != null ? List.of(lit) : resolver.resolve(host);
    if (all.isEmpty()) {
      throw new UnknownHostException("no address for host " + host);
    }
    List<InetSocketAddress> ok = new ArrayList<>(all.size());
    String firstRefusal = null;
    InetAddress firstRefused = null;
    for (InetAddress a : all) {
      String why = policy.refusal(a);
      if (why == null) {
        ok.add(new InetSocketAddress(a, port));
      } else if (firstRefusal == null) {
        firstRefusal = why;
        firstRefused = a;
      }
    }
    if (ok.isEmpty()) {
      throw new BlockedAddressException(
          "host "
              + host
              + " resolves to "
              + (firstRefused == null ? "?" : firstRefused.getHostAddress())
              + ", "
              + firstRefusal);
    }
    return ok;
  }
}
