package dev.lede.web;

import java.time.Instant;

/**
 * The channel-level facts of an outgoing feed.
 *
 * @param title e.g. "Lede — Science"
 * @param homeUrl the HTML page this feed follows
 * @param feedUrl this feed's own URL (its self link)
 * @param updated when the newest entry changed (or now for an empty feed)
 */
public record FeedMeta(
    String title,
    String homeUrl,
    String feedUrl,
    String description,
    String language,
    Instant updated) {}
