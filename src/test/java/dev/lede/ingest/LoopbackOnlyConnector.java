package dev.lede.ingest;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.ClientConnector;

/**
 * A socket connector for tests: records every address Jetty asks it to connect to, and refuses (and
 * records as a violation) any that is not loopback, so no test ever opens a connection to a private
 * or public address. Tests assert {@link #violations} is empty.
 */
final class LoopbackOnlyConnector extends ClientConnector {
  final List<SocketAddress> attempted = new CopyOnWriteArrayList<>();
  final List<SocketAddress> violations = new CopyOnWriteArrayList<>();

  @Override
  public void connect(SocketAddress address, Map<String, Object> context) {
    attempted.add(address);
    if (address instanceof InetSocketAddress isa
        && isa.getAddress() != null
        && isa.getAddress().isLoopbackAddress()) {
      super.connect(address, context);
      return;
    }
    violations.add(address);
    connectFailed(
        null, address, new ConnectException("test connector refuses " + address), context);
  }
}
