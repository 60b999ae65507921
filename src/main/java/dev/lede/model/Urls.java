package dev.lede.model;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URL normalisation for article identity: two addresses of one article normalise to the same
 * string. Lower-cases scheme and host (IDN hosts become punycode), drops default ports, the
 * fragment, empty queries and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and
 * their kin), removes dot segments, upper-cases percent-escapes and decodes escaped unreserved
 * characters. Parameter order is kept: it can matter to the server.
 */
public final class Urls {
  private static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "twclid",
          "igshid",
          "mc_cid",
          "mc_eid",
          "_ga",
          "_gl",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "oly_anon_id",
          "oly_enc_id",
          "vero_id",
          "wickedid",
          "ncid",
          "cmpid",
          "s_cid",
          "spm",
          "at_medium",
          "at_campaign",
          "guccounter",
          "guce_referrer",
          "guce_referrer_sig",
          "ocid",
          "sr_share",
          "smid",
          "share");

  private Urls() {}

  /**
   * The normalised form of an absolute http(s) URL.
   *
   * @throws IllegalArgumentException when the text is not an absolute http or https URL
   */
  public static String normalize(String url) {
    URI u = parse(url);
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    String host = u.getHost();
    int port = u.getPort();
    String userInfo = u.getRawUserInfo();
    if (host == null && u.getRawAuthority() != null) {
      // java.net.URI leaves non-ASCII (IDN) hosts as a registry authority: split it ourselves.
      String auth = u.getRawAuthority();
      int at = auth.lastIndexOf('@');
      if (at >= 0) {
        userInfo = auth.substring(0, at);
        auth = auth.substring(at + 1);
      }
      int colon = auth.lastIndexOf(':');
      if (colon >= 0 && auth.indexOf(']') < colon) {
        try {
          port = Integer.parseInt(auth.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad port in URL: " + url, e);
        }
        auth = auth.substring(0, colon);
      }
      host = auth;
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    try {
      host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad host in URL: " + url, e);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    String path = u.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    path = normalizeEscapes(removeDotSegments(path));
    String query = filterQuery(u.getRawQuery());
    StringBuilder sb = new StringBuilder(url.length());
    sb.append(scheme).append("://");
    if (userInfo != null) {
      sb.append(userInfo).append('@');
    }
    sb.append(host);
    if (port != -1) {
      sb.append(':').append(port);
    }
    sb.append(path);
    if (!query.isEmpty()) {
      sb.append('?').append(query);
    }
    return sb.toString();
  }

  /** True when the text is an absolute http(s) URL that {@link #normalize} accepts. */
  public static boolean isHttpUrl(String url) {
    try {
      normalize(url);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static URI parse(String url) {
    String s = url.strip();
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      // Browsers accept spaces and some unescaped characters; escape the common ones and retry.
      try {
        u = new URI(s.replace(" ", "%20").replace("|", "%7C").replace("\"", "%22"));
      } catch (URISyntaxException e2) {
        throw new IllegalArgumentException("not a URL: " + url, e2);
      }
    }
    String scheme = u.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || u.isOpaque()) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }
    return u;
  }

  private static String filterQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = (eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name)) {
        continue;
      }
      kept.add(normalizeEscapes(part));
    }
    return String.join("&", kept);
  }

  private static String removeDotSegments(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    List<String> out = new ArrayList<>();
    String[] segs = path.split("/", -1);
    for (int i = 1; i < segs.length; i++) {
      String s = segs[i];
      if (s.equals(".")) {
        if (i == segs.length - 1) {
          out.add("");
        }
      } else if (s.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        if (i == segs.length - 1) {
          out.add("");
        }
      } else {
        out.add(s);
      }
    }
    return "/" + String.join("/", out);
  }

  /** Upper-case hex in escapes; decode escapes of unreserved characters (RFC 3986 §6.2.2). */
  private static String normalizeEscapes(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (isUnreserved(v)) {
          sb.append((char) v);
        } else {
          sb.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
