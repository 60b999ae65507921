package dev.lede.web.view;

/**
 * Something a reader can follow (a section, tag, source or story) with its three feed formats.
 *
 * @param kind section, tag, source or story
 * @param key the followed value (section name, tag, source id, story id)
 */
public record FollowLink(
    String label,
    String kind,
    String key,
    String pageHref,
    String rssHref,
    String atomHref,
    String jsonHref) {}
