package dev.lede.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides which IP addresses ingest may connect to: the SSRF guard.
 *
 * <p>Blocked by default (RFC 6890 special-purpose registries): IPv4 0/8 ("this network"), 10/8,
 * 100.64/10 (CGNAT), 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.0.2/24, 192.168/16, 198.18/15,
 * 198.51.100/24, 203.0.113/24, 224/4 (multicast), 240/4 and the broadcast address; IPv6 ::, ::1,
 * fc00::/7 (unique local), fe80::/10 (link-local), fec0::/10 (old site-local), ff00::/8
 * (multicast), 2001:db8::/32 (documentation), 2001::/32 (Teredo, which tunnels to arbitrary IPv4),
 * 100::/64 (discard). IPv6 forms that embed an IPv4 address (IPv4-mapped ::ffff:0:0/96,
 * IPv4-compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the embedded address.
 *
 * <p>With {@code allowPrivate} (the operator's choice, and what tests use for their loopback
 * servers) loopback, private, link-local, CGNAT and documentation ranges are allowed; multicast,
 * broadcast and the unspecified address stay blocked because no web server lives there.
 */
final class AddressPolicy {
  private final boolean allowPrivate;
  private final Set<InetAddress> trusted;

  AddressPolicy(boolean allowPrivate) {
    this(allowPrivate, Set.of());
  }

  /**
   * @param trusted addresses allowed even when {@code allowPrivate} is off (tests trust their own
   *     loopback server this way while checking that every other private address is refused)
   */
  AddressPolicy(boolean allowPrivate, Set<InetAddress> trusted) {
    this.allowPrivate = allowPrivate;
    this.trusted = Set.copyOf(trusted);
  }

  boolean allowPrivate() {
    return allowPrivate;
  }

  /** Why the address is refused, or null when it may be used. */
  @Nullable String refusal(InetAddress address) {
    if (trusted.contains(address)) {
      return null;
    }
    Category c = categorize(address);
    return switch (c) {
      case PUBLIC -> null;
      case PRIVATE -> allowPrivate ? null : c.label + " (allowed only with --allow-private)";
      case NEVER -> c.label;
    };
  }

  /** The address classes the guard knows. */
  enum Category {
    PUBLIC("public"),
    PRIVATE("a loopback, private, link-local or reserved address"),
    NEVER("an unspecified, multicast or broadcast address");

    final String label;

    Category(String label) {
      this.label = label;
    }
  }

  static Category categorize(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return categorizeV4(b);
    }
    if (address instanceof Inet6Address) {
      return categorizeV6(b);
    }
    return Category.NEVER;
  }

  private static Category categorizeV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    if (a0 == 0) {
      return Category.NEVER; // 0.0.0.0/8: "this host on this network"; connects to localhost
    }
    if (a0 >= 224) {
      return Category.NEVER; // multicast 224/4, reserved 240/4, broadcast
    }
    boolean priv =
        a0 == 10
            || a0 == 127
            || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10 CGNAT
            || (a0 == 169 && a1 == 254)
            || (a0 == 172 && (a1 & 0xf0) == 16)
            || (a0 == 192 && a1 == 168)
            || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
            || (a0 == 198 && (a1 & 0xfe) == 18) // 198.18/15 benchmarking
            || (a0 == 198 && a1 == 51 && a2 == 100)
            || (a0 == 203 && a1 == 0 && a2 == 113);
    return priv ? Category.PRIVATE : Category.PUBLIC;
  }

  private static Category categorizeV6(byte[] b) {
    byte[] embedded = embeddedV4(b);
    if (embedded != null) {
      return categorizeV4(embedded);
    }
    int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (allZero(b, 0, 16)) {
      return Category.NEVER; // ::
    }
    if (allZero(b, 0, 15) && b[15] == 1) {
      return Category.PRIVATE; // ::1
    }
    if ((b[0] & 0xff) == 0xff) {
      return Category.NEVER; // ff00::/8 multicast
    }
    boolean priv =
        (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
            || (w0 & 0xffc0) == 0xfe80 // fe80::/10 link-local
            || (w0 & 0xffc0) == 0xfec0 // fec0::/10 deprecated site-local
            || (w0 == 0x2001 && w1 == 0x0db8) // documentation
            || (w0 == 0x2001 && w1 == 0x0000) // Teredo
            || (w0 == 0x0100 && allZero(b, 2, 8)); // 100::/64 discard
    return priv ? Category.PRIVATE : Category.PUBLIC;
  }

  /** The IPv4 address embedded in a mapped, compatible, NAT64 or 6to4 IPv6 address. */
  private static byte @Nullable [] embeddedV4(byte[] b) {
    boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 15); // not :: or ::1
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && allZero(b, 4, 12);
    if (mapped || compatible || nat64) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 2002::/16 6to4: 2002:AABB:CCDD::
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** An IPv4 dotted quad or an IPv6 literal (with or without brackets), parsed without DNS. */
  static @Nullable InetAddress literal(String host) {
    String h = host;
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    try {
      if (h.indexOf(':') >= 0) {
        if (!h.matches("[0-9A-Fa-f:.]+(%[\\w.-]+)?")) {
          return null;
        }
        return InetAddress.getByName(h); // an IPv6 literal is parsed, never looked up
      }
      if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        String[] parts = h.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
          int v = Integer.parseInt(parts[i]);
          if (v > 255) {
            return null;
          }
          b[i] = (byte) v;
        }
        return InetAddress.getByAddress(b);
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }
}
