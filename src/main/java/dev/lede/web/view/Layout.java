package dev.lede.web.view;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every page's frame shows: site identity, head metadata (canonical URL, feeds, JSON-LD,
 * OpenGraph and Twitter tags), the section navigation and the footer credits.
 *
 * @param jsonLd serialised JSON-LD, already made safe for a script data block, or empty
 * @param wikinewsCredit whether the page shows Wikinews articles (footer licence credit)
 */
public record Layout(
    String siteName,
    @Nullable String logoUrl,
    String language,
    String title,
    String description,
    String canonicalUrl,
    String robots,
    List<AltLink> alternates,
    String jsonLd,
    List<MetaTag> meta,
    List<NavItem> sections,
    String currentPath,
    String query,
    boolean wikinewsCredit,
    String assetVersion) {
  public Layout {
    alternates = List.copyOf(alternates);
    meta = List.copyOf(meta);
    sections = List.copyOf(sections);
  }

  /** A {@code <link rel="alternate">} for a feed. */
  public record AltLink(String type, String title, String href) {}

  /** A {@code <meta property|name=... content=...>} tag. */
  public record MetaTag(String attribute, String key, String content) {}

  /** A navigation entry. */
  public record NavItem(String label, String href) {}
}
