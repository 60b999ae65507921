package dev.lede.web.view;

import org.jspecify.annotations.Nullable;

/**
 * A teaser as the site shows it: headline, alternative headline where one exists, an excerpt cut
 * with an ellipsis, source and date, an optional thumbnail, and why it is shown.
 *
 * @param href where a click goes (through the click-counting redirect for tracked teaser lists)
 * @param direct the article's own URL when {@code href} is the redirect (for the beacon script),
 *     else null
 * @param from the page the teaser list is on (tracked lists), else null
 * @param slot the teaser's position in its list (tracked lists), else null
 * @param variant the headline variant shown, else null
 * @param label a visible label such as "Same section, fresh" for fallback items, or empty
 * @param reason the explanation shown on demand ("shared: North Korea, Kursk")
 */
public record Card(
    String id,
    String href,
    @Nullable String direct,
    @Nullable String from,
    @Nullable Integer slot,
    @Nullable String variant,
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
