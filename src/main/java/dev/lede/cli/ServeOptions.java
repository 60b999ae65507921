package dev.lede.cli;

import dev.lede.web.SiteConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The site's settings for {@code lede serve} and {@code lede demo}: defaults, then a properties
 * file ({@code --config FILE}, else {@code DIR/lede.properties} when present), then environment
 * variables ({@code LEDE_BASE_URL}, …), then flags — each later one wins. Everything is validated
 * before the store is opened, with a message naming the setting and where it came from.
 *
 * <p>Keys (file / environment): {@code base-url} / {@code LEDE_BASE_URL}, {@code site-name} /
 * {@code LEDE_SITE_NAME}, {@code logo-url} / {@code LEDE_LOGO_URL}, {@code time-zone} / {@code
 * LEDE_TIME_ZONE}, {@code trust-proxy} / {@code LEDE_TRUST_PROXY}, {@code api-token-hashes} /
 * {@code LEDE_API_TOKEN_HASHES} and {@code operator-token-hashes} / {@code
 * LEDE_OPERATOR_TOKEN_HASHES} (comma-separated SHA-256 hex digests: tokens are never stored in
 * clear), {@code headline-cookie} / {@code LEDE_HEADLINE_COOKIE}, {@code host} / {@code LEDE_HOST},
 * {@code port} / {@code LEDE_PORT}.
 */
final class ServeOptions {
  static final String CONFIG_FILE = "lede.properties";
  static final Set<String> KEYS =
      Set.of(
          "base-url",
          "site-name",
          "logo-url",
          "time-zone",
          "trust-proxy",
          "api-token-hashes",
          "operator-token-hashes",
          "embeddings",
          "headline-cookie",
          "host",
          "port");

  @Option(
      names = "--host",
      paramLabel = "H",
      description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
  @Nullable String host;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8080).")
  @Nullable Integer port;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Public base URL for canonical URLs, feeds and sitemaps (default http://HOST:PORT).")
  @Nullable String baseUrl;

  @Option(names = "--site-name", paramLabel = "NAME", description = "Site name (default Lede).")
  @Nullable String siteName;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (default DIR/" + CONFIG_FILE + " when it exists).")
  @Nullable Path config;

  @Option(
      names = "--embeddings",
      description =
          "Rank related stories with sentence embeddings too (bge-small, in process, about 17 ms"
              + " of CPU per arriving article; setting embeddings, default off).")
  @Nullable Boolean embeddings;

  /**
   * Resolved settings: where to listen, the site's configuration, and whether related lists use
   * sentence embeddings.
   */
  record Settings(String host, int port, SiteConfig site, boolean embeddings) {
    Settings(String host, int port, SiteConfig site) {
      this(host, port, site, false);
    }
  }

  Settings resolve(Path dataDir) {
    return resolve(dataDir, System.getenv());
  }

  Settings resolve(Path dataDir, Map<String, String> env) {
    Map<String, String> values = new java.util.HashMap<>();
    Map<String, String> origin = new java.util.HashMap<>();
    Path file = config != null ? config : dataDir.resolve(CONFIG_FILE);
    if (config != null && !Files.isRegularFile(config)) {
      throw new IllegalArgumentException("the settings file " + config + " does not exist");
    }
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
      for (String k : p.stringPropertyNames()) {
        if (!KEYS.contains(k)) {
          throw new IllegalArgumentException(
              file + ": unknown setting '" + k + "' (known: " + String.join(", ", sorted()) + ")");
        }
        values.put(k, p.getProperty(k).strip());
        origin.put(k, file.toString());
      }
    }
    for (String k : KEYS) {
      String v = env.get("LEDE_" + k.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (v != null && !v.isBlank()) {
        values.put(k, v.strip());
        origin.put(k, "environment variable LEDE_" + k.toUpperCase(Locale.ROOT).replace('-', '_'));
      }
    }
    flag(values, origin, "host", host);
    flag(values, origin, "port", port == null ? null : port.toString());
    flag(values, origin, "base-url", baseUrl);
    flag(values, origin, "site-name", siteName);
    flag(values, origin, "embeddings", embeddings == null ? null : embeddings.toString());

    String h = values.getOrDefault("host", "127.0.0.1");
    if (h.isBlank() || !h.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
      throw new IllegalArgumentException(where(origin, "host") + ": not a host name: " + h);
    }
    int p;
    try {
      p = Integer.parseInt(values.getOrDefault("port", "8080"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where(origin, "port") + ": the port must be a number, was " + values.get("port"), e);
    }
    if (p < 0 || p > 65_535) {
      throw new IllegalArgumentException(
          where(origin, "port") + ": the port must be 0..65535, was " + p);
    }
    String shownHost = h.equals("0.0.0.0") || h.equals("::") ? "127.0.0.1" : h;
    String base = values.getOrDefault("base-url", "http://" + shownHost + ":" + p);
    ZoneId zone;
    try {
      zone = ZoneId.of(values.getOrDefault("time-zone", "UTC"));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          where(origin, "time-zone")
              + ": unknown time zone '"
              + values.get("time-zone")
              + "' (use a name such as Europe/Berlin or UTC)",
          e);
    }
    try {
      SiteConfig site =
          new SiteConfig(
              base,
              bool(values, origin, "trust-proxy", false),
              values.getOrDefault("site-name", "Lede"),
              values.get("logo-url"),
              zone,
              list(values.get("api-token-hashes")),
              list(values.get("operator-token-hashes")),
              bool(values, origin, "headline-cookie", true));
      return new Settings(h, p, site, bool(values, origin, "embeddings", false));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid settings: " + e.getMessage(), e);
    }
  }

  private static void flag(
      Map<String, String> values, Map<String, String> origin, String key, @Nullable String v) {
    if (v != null) {
      values.put(key, v.strip());
      origin.put(key, "--" + key);
    }
  }

  private static String where(Map<String, String> origin, String key) {
    return origin.getOrDefault(key, "default") + " (" + key + ")";
  }

  private static boolean bool(
      Map<String, String> values, Map<String, String> origin, String key, boolean dflt) {
    String v = values.get(key);
    if (v == null) {
      return dflt;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default ->
          throw new IllegalArgumentException(
              where(origin, key) + ": expected true or false, was " + v);
    };
  }

  private static List<String> list(@Nullable String v) {
    if (v == null || v.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static List<String> sorted() {
    String[] a = KEYS.toArray(new String[0]);
    Arrays.sort(a);
    return List.of(a);
  }
}
