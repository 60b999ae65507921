package dev.lede.ingest;

import java.time.Duration;
import java.util.Locale;

/**
 * What an ingest or poll run did.
 *
 * @param sources sources attempted
 * @param sourcesRead sources whose main document (feed, sitemap, page, file or folder) could be
 *     read, a 304 Not Modified included
 * @param fetched documents fetched over HTTP or read from disk (robots.txt not counted)
 * @param notModified conditional requests answered 304
 * @param created articles stored for the first time
 * @param updated articles stored as a new version
 * @param unchanged articles identical to the stored version
 * @param skipped items not fetched again because an earlier poll already ingested them
 * @param failed items and sources that failed (each recorded in the fetch log with its reason)
 * @param elapsed wall time of the run
 */
public record IngestReport(
    int sources,
    int sourcesRead,
    long fetched,
    long notModified,
    long created,
    long updated,
    long unchanged,
    long skipped,
    long failed,
    Duration elapsed) {

  /**
   * The CLI's exit code: 0 when the run went through, even if some items failed; 1 only when
   * sources were given and none could be read at all.
   */
  public int exitCode() {
    return sources > 0 && sourcesRead == 0 ? 1 : 0;
  }

  /** One line for stderr: "fetched 12, new 10, updated 1, unchanged 0, failed 1 (…)". */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "fetched %d, new %d, updated %d, unchanged %d, failed %d"
            + " (sources %d, read %d; not modified %d, skipped %d; %.1f s)",
        fetched,
        created,
        updated,
        unchanged,
        failed,
        sources,
        sourcesRead,
        notModified,
        skipped,
        elapsed.toMillis() / 1000.0);
  }
}
