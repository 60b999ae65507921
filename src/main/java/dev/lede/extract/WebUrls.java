package dev.lede.extract;

import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one gate every URL an article carries (canonical URL, image source, teaser link) passes: an
 * address taken from the page is resolved against the page's base URI and kept only when the result
 * is an absolute http(s) URL with a host. Pages name {@code javascript:}, {@code data:}, {@code
 * vbscript:} and {@code about:} URLs in any letter case, and a reader that renders an article or
 * follows its links must never meet one; a relative address with no base to resolve it against
 * leads nowhere either.
 */
final class WebUrls {
  private static final Pattern SCHEME =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*", Pattern.DOTALL);
  private static final Pattern HTTP = Pattern.compile("(?i)^https?://[^/?#\\s]+.*", Pattern.DOTALL);

  private WebUrls() {}

  /** {@code href} made absolute against {@code base}; empty unless that is an http(s) URL. */
  static String resolve(@Nullable URI base, String href) {
    String s = href.strip();
    String abs;
    if (s.isEmpty()) {
      return ""; // not the page itself: no address at all
    } else if (s.startsWith("//")) {
      abs = (base != null && base.getScheme() != null ? base.getScheme() : "https") + ":" + s;
    } else if (SCHEME.matcher(s).matches()) {
      abs = s;
    } else if (base == null) {
      return "";
    } else {
      try {
        abs = base.resolve(s.replace(" ", "%20")).toString();
      } catch (IllegalArgumentException e) {
        return ""; // not a URL a browser could follow either
      }
    }
    return HTTP.matcher(abs).matches() ? abs : "";
  }
}
