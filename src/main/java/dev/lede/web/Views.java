package dev.lede.web;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.recommend.Excerpts;
import dev.lede.web.SiteServices.PageArticle;
import dev.lede.web.view.Card;
import dev.lede.web.view.FollowLink;
import dev.lede.web.view.Layout;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Builds the view models the templates read: layout frames, teaser cards, follow links. */
final class Views {
  static final String WIKINEWS = "Wikinews";
  private final SiteConfig config;
  private final SiteServices services;
  private final DateTimeFormatter dateFormat;
  private final String assetVersion;

  Views(SiteConfig config, SiteServices services, String assetVersion) {
    this.config = config;
    this.services = services;
    this.assetVersion = assetVersion;
    this.dateFormat =
        DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH)
            .withZone(config.zone());
  }

  SiteConfig config() {
    return config;
  }

  /** A page frame with the standard navigation. */
  Layout layout(
      String title,
      String description,
      String path,
      String canonical,
      List<Layout.AltLink> feeds,
      String jsonLd,
      List<Layout.MetaTag> meta,
      String query,
      boolean wikinews,
      String robots) {
    List<Layout.NavItem> nav = new ArrayList<>();
    for (String s : services.sections()) {
      if (nav.size() >= 9) {
        break;
      }
      nav.add(new Layout.NavItem(s, sectionHref(s)));
    }
    String fullTitle =
        title.isEmpty() || title.equals(config.siteName())
            ? config.siteName()
            : title + " — " + config.siteName();
    return new Layout(
        config.siteName(),
        config.logoUrl(),
        "en",
        fullTitle,
        description,
        canonical,
        robots,
        feeds,
        jsonLd,
        meta,
        nav,
        path,
        query,
        wikinews,
        assetVersion);
  }

  String label(@Nullable Instant t) {
    return t == null ? "" : dateFormat.format(t);
  }

  static @Nullable String iso(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }

  /** A plain (untracked) teaser card. */
  Card card(PageArticle p, String label, String reason) {
    return card(p, label, reason, null, -1);
  }

  /** A teaser card; with {@code from} set, clicks go through the counting redirect. */
  Card card(PageArticle p, String label, String reason, @Nullable String from, int slot) {
    Article a = p.article();
    String direct = articleHref(p.id());
    String href = direct;
    String variant = p.variant().isEmpty() ? null : p.variant();
    if (from != null) {
      href =
          "/r/"
              + enc(p.id())
              + "?from="
              + enc(from)
              + "&slot="
              + slot
              + (variant == null ? "" : "&v=" + enc(variant));
    }
    Block.Image img = firstLocalImage(a);
    String thumb = null;
    String alt = "";
    if (img != null) {
      thumb = services.imageKey(img.src()).map(k -> "/img/" + k + "-thumb.jpg").orElse(null);
      alt = img.alt().isEmpty() ? img.caption() : img.alt();
    }
    return new Card(
        p.id(),
        href,
        from == null ? null : direct,
        from,
        from == null ? null : slot,
        variant,
        a.title(),
        p.altHeadline(),
        excerpt(a),
        iso(a.published()),
        label(a.published()),
        sourceName(p),
        thumb,
        alt,
        label,
        reason);
  }

  /** The teaser excerpt, the same as the related lists' ({@link Excerpts#teaser}). */
  static String excerpt(Article a) {
    return Excerpts.teaser(a);
  }

  Block.@Nullable Image firstLocalImage(Article a) {
    for (Block b : a.blocks()) {
      if (b instanceof Block.Image img
          && !img.src().isEmpty()
          && services.imageKey(img.src()).isPresent()) {
        return img;
      }
    }
    return null;
  }

  static String sourceName(PageArticle p) {
    if (p.source() != null && !p.source().name().isEmpty()) {
      return p.source().name();
    }
    return p.article().siteName();
  }

  static boolean isWikinews(PageArticle p) {
    return WIKINEWS.equalsIgnoreCase(p.article().siteName())
        || p.article().url().startsWith("https://en.wikinews.org/");
  }

  List<FollowLink> followFor(PageArticle p) {
    List<FollowLink> out = new ArrayList<>();
    Article a = p.article();
    if (!a.section().isEmpty()) {
      out.add(follow("section", a.section(), a.section()));
    }
    if (p.source() != null) {
      out.add(
          follow(
              "source",
              p.source().id(),
              p.source().name().isEmpty() ? p.source().id() : p.source().name()));
    }
    if (p.storyId() != null) {
      out.add(follow("story", p.storyId(), "this story"));
    }
    for (String t : a.tags()) {
      if (out.size() >= 5) {
        break;
      }
      out.add(follow("tag", t, t));
    }
    return out;
  }

  static FollowLink follow(String kind, String key, String label) {
    String page = pageHref(kind, key);
    return new FollowLink(
        label, kind, key, page, page + "/feed.rss", page + "/feed.atom", page + "/feed.json");
  }

  static String pageHref(String kind, String key) {
    return switch (kind) {
      case "section" -> sectionHref(key);
      case "tag" -> "/tag/" + enc(key);
      case "source" -> "/source/" + enc(key);
      case "story" -> "/story/" + enc(key);
      default -> throw new IllegalArgumentException("unknown follow kind " + kind);
    };
  }

  static String sectionHref(String section) {
    return "/section/" + enc(section);
  }

  static String articleHref(String id) {
    return "/a/" + enc(id);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
