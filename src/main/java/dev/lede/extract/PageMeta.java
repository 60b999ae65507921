package dev.lede.extract;

import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The metadata read from a page, before the body is extracted.
 *
 * @param headline the element showing the headline (the h1 matching the title), if any
 */
record PageMeta(
    String title,
    String canonicalUrl,
    List<String> bylines,
    @Nullable Instant published,
    @Nullable Instant modified,
    String language,
    String siteName,
    String section,
    String description,
    List<String> tags,
    @Nullable Element headline) {}
