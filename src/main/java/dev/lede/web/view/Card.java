package dev.lede.web.view;

import org.jspecify.annotations.Nullable;

/**
 * A teaser as the site shows it: headline, alternative headline where one exists, an excerpt cut
 * with an ellipsis, source and date, an optional thumbnail, and why it is shown.
 *
 * @param href where a click goes (through the click-counting redirect for teaser lists)
 * @param label a visible label such as "Same section, fresh" for fallback items, or empty
 * @param reason the explanation shown on demand ("shared: North Korea, Kursk")
 */
public record Card(
    String id,
    String href,
    String headline,
    String altHeadline,
    String excerpt,
    @Nullable String publishedIso,
    String publishedLabel,
    String sourceName,
    @Nullable String thumbSrc,
    String thumbAlt,
    String label,
    String reason) {}
