package dev.lede.cli;

import dev.lede.ingest.IngestOptions;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Fetching and politeness flags shared by the ingest commands (a picocli mixin). */
final class NetOptions {
  @Option(
      names = "--allow-private",
      description =
          "Allow requests to loopback, private, link-local and CGNAT addresses (blocked by"
              + " default: a feed or redirect could otherwise reach internal services).")
  boolean allowPrivate;

  @Option(
      names = "--user-agent",
      paramLabel = "UA",
      description = "Replace the User-Agent header (default: Lede/<version> with the contact URL).")
  String userAgent = "";

  @Option(
      names = "--contact",
      paramLabel = "URL",
      description = "Contact URL (or mailto:) put in the User-Agent so publishers can reach you.")
  String contact = "";

  @Option(
      names = "--delay",
      paramLabel = "DURATION",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description =
          "Minimum pause between two requests to one host (default: ${DEFAULT-VALUE});"
              + " a longer robots.txt Crawl-delay is honoured up to 30s.")
  Duration delay;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "20s",
      converter = DurationConverter.class,
      description = "Longest wait for response bytes (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--max-body",
      paramLabel = "MB",
      defaultValue = "10",
      description =
          "Largest response body in megabytes, also after decompression (default: ${DEFAULT-VALUE}).")
  int maxBodyMb;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Sources read in parallel; one request at a time per host (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--sitemap-limit",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Most URLs one sitemap may add per run, newest first (default: ${DEFAULT-VALUE}).")
  int sitemapLimit;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = ProgressConverter.class,
      description =
          "auto, bar, log or none: a progress bar on a terminal, log lines otherwise (default:"
              + " ${DEFAULT-VALUE}). Progress and the summary go to stderr.")
  IngestOptions.ProgressMode progress;

  /** The options these flags describe, with {@code fullText} as the full-text default. */
  IngestOptions toOptions(CommandLine cl, boolean fullText) {
    try {
      return IngestOptions.builder()
          .allowPrivate(allowPrivate)
          .userAgent(userAgent)
          .contactUrl(contact)
          .minHostDelay(delay)
          .readTimeout(timeout)
          .maxBodyBytes((long) maxBodyMb * 1024 * 1024)
          .threads(threads)
          .sitemapMaxUrls(sitemapLimit)
          .progress(progress)
          .fetchFullText(fullText)
          .build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage(), e);
    }
  }

  /** "1s", "500ms", "2m", "1h", or an ISO-8601 duration ("PT1S"). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      try {
        if (v.startsWith("pt") || v.startsWith("p")) {
          return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> throw new NumberFormatException(v);
        };
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration such as 500ms, 1s, 2m or 1h");
      }
    }
  }

  static final class ProgressConverter
      implements CommandLine.ITypeConverter<IngestOptions.ProgressMode> {
    @Override
    public IngestOptions.ProgressMode convert(String value) {
      try {
        return IngestOptions.ProgressMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not one of auto, bar, log, none");
      }
    }
  }
}
