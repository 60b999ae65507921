package dev.lede.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The site's settings, validated once when built.
 *
 * @param baseUrl the public base URL, used in canonical URLs, feeds and sitemaps (no trailing
 *     slash), e.g. {@code https://news.example}
 * @param trustProxyHeaders honour X-Forwarded-Proto/Host (only behind a proxy you control)
 * @param siteName shown in the header, titles, feeds and the JSON-LD publisher
 * @param logoUrl absolute URL of the publisher logo, or null
 * @param zone the display time zone for dates on pages
 * @param apiTokenHashes SHA-256 hex digests of bearer tokens allowed to write through the API
 *     (empty: writes disabled)
 * @param operatorTokenHashes digests of tokens that sign an operator in (empty: no operator pages)
 * @param headlineTestCookie whether the visitor-id cookie for headline tests may be set
 */
public record SiteConfig(
    String baseUrl,
    boolean trustProxyHeaders,
    String siteName,
    @Nullable String logoUrl,
    ZoneId zone,
    List<String> apiTokenHashes,
    List<String> operatorTokenHashes,
    boolean headlineTestCookie) {

  public SiteConfig {
    baseUrl = validateBaseUrl(baseUrl);
    if (siteName.isBlank()) {
      throw new IllegalArgumentException("site name must not be blank");
    }
    if (logoUrl != null && logoUrl.isBlank()) {
      logoUrl = null;
    }
    if (logoUrl != null) {
      validateAbsolute("logo URL", logoUrl);
    }
    apiTokenHashes = validateHashes("API token", apiTokenHashes);
    operatorTokenHashes = validateHashes("operator token", operatorTokenHashes);
  }

  /** Defaults for a local demo on the given port. */
  public static SiteConfig local(String host, int port) {
    return new SiteConfig(
        "http://" + host + ":" + port,
        false,
        "Lede",
        null,
        ZoneId.of("UTC"),
        List.of(),
        List.of(),
        true);
  }

  public SiteConfig withBaseUrl(String url) {
    return new SiteConfig(
        url,
        trustProxyHeaders,
        siteName,
        logoUrl,
        zone,
        apiTokenHashes,
        operatorTokenHashes,
        headlineTestCookie);
  }

  /** An absolute URL for a path on this site. */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }

  private static String validateBaseUrl(String url) {
    validateAbsolute("base URL", url);
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    URI parsed = URI.create(u);
    if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
      throw new IllegalArgumentException("base URL must not have a query or fragment: " + url);
    }
    return u;
  }

  private static void validateAbsolute(String what, String url) {
    URI u;
    try {
      u = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not a URL: " + url, e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException(what + " must be an absolute http(s) URL, was: " + url);
    }
  }

  private static List<String> validateHashes(String what, List<String> hashes) {
    for (String h : hashes) {
      if (!h.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            what
                + " hashes must be 64 lower-case hex characters (SHA-256); use `lede token new`"
                + " to make a token and its hash");
      }
    }
    return List.copyOf(hashes);
  }
}
