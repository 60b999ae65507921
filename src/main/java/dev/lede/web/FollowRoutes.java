package dev.lede.web;

import dev.lede.web.SiteServices.ListFilter;
import dev.lede.web.SiteServices.PageArticle;
import dev.lede.web.view.Card;
import dev.lede.web.view.FollowLink;
import dev.lede.web.view.FollowingView;
import dev.lede.web.view.Layout;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Following without an account: the reader's follows live in a first-party cookie ({@value
 * #COOKIE}: up to {@value #MAX} entries "kind:key"), set by plain forms so it works without
 * JavaScript. The Following page shows the merged latest articles and exports OPML.
 */
final class FollowRoutes {
  static final String COOKIE = "lede_follow";
  static final int MAX = 40;
  private static final Set<String> KINDS = Set.of("section", "tag", "source", "story");
  private final SiteServices services;
  private final Views views;
  private final Renderer renderer;

  FollowRoutes(SiteServices services, Views views, Renderer renderer) {
    this.services = services;
    this.views = views;
    this.renderer = renderer;
  }

  void page(Context ctx) {
    List<FollowLink> follows = read(ctx);
    List<PageArticle> merged = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (FollowLink f : follows) {
      for (PageArticle p : services.latest(filter(f), 1, 10).items()) {
        if (ids.add(p.id())) {
          merged.add(p);
        }
      }
    }
    merged.sort(
        Comparator.comparing(
                (PageArticle p) ->
                    p.article().published() == null ? p.firstSeen() : p.article().published())
            .reversed());
    List<Card> cards = new ArrayList<>();
    boolean wikinews = false;
    for (PageArticle p : merged.subList(0, Math.min(30, merged.size()))) {
      cards.add(views.card(p, "", ""));
      wikinews |= Views.isWikinews(p);
    }
    Layout layout =
        views.layout(
            "Following", "", "/following", "", List.of(), "", List.of(), "", wikinews, "noindex");
    ctx.header("Cache-Control", "private, no-store");
    Site.html(ctx, renderer.render("following.jte", new FollowingView(layout, follows, cards)));
  }

  void add(Context ctx) {
    String kind = Site.form(ctx, "kind", 20);
    String key = Site.form(ctx, "key", 200);
    String label = Site.form(ctx, "label", 200);
    if (!KINDS.contains(kind) || key.isBlank()) {
      throw new BadRequest("follow needs a kind (section, tag, source, story) and a key");
    }
    Set<String> entries = new LinkedHashSet<>(raw(ctx));
    entries.add(kind + ":" + key + (label.isBlank() || label.equals(key) ? "" : "|" + label));
    write(ctx, entries);
    ctx.redirect("/following", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void remove(Context ctx) {
    String kind = Site.form(ctx, "kind", 20);
    String key = Site.form(ctx, "key", 200);
    Set<String> entries = new LinkedHashSet<>(raw(ctx));
    entries.removeIf(e -> e.equals(kind + ":" + key) || e.startsWith(kind + ":" + key + "|"));
    write(ctx, entries);
    ctx.redirect("/following", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void opml(Context ctx) {
    SiteConfig cfg = views.config();
    String xml =
        Feeds.xml(
            w -> {
              w.writeStartElement("opml");
              w.writeAttribute("version", "2.0");
              w.writeStartElement("head");
              Feeds.element(w, "title", cfg.siteName() + " — Following");
              w.writeEndElement();
              w.writeStartElement("body");
              for (FollowLink f : read(ctx)) {
                w.writeEmptyElement("outline");
                w.writeAttribute("type", "rss");
                w.writeAttribute("text", XmlText.clean(f.label()));
                w.writeAttribute("title", XmlText.clean(f.label()));
                w.writeAttribute("xmlUrl", cfg.url(f.rssHref()));
                w.writeAttribute("htmlUrl", cfg.url(f.pageHref()));
              }
              w.writeEndElement();
              w.writeEndElement();
            });
    ctx.header("Cache-Control", "private, no-store");
    ctx.header("Content-Disposition", "attachment; filename=\"following.opml\"");
    ctx.contentType("text/x-opml; charset=utf-8").result(xml);
  }

  private static ListFilter filter(FollowLink f) {
    return switch (f.kind()) {
      case "section" -> new ListFilter(f.key(), "", "", "");
      case "tag" -> new ListFilter("", f.key(), "", "");
      case "source" -> new ListFilter("", "", f.key(), "");
      default -> new ListFilter("", "", "", f.key());
    };
  }

  static List<FollowLink> read(Context ctx) {
    List<FollowLink> out = new ArrayList<>();
    for (String e : raw(ctx)) {
      int colon = e.indexOf(':');
      String kind = e.substring(0, colon);
      String rest = e.substring(colon + 1);
      int bar = rest.indexOf('|');
      String key = bar < 0 ? rest : rest.substring(0, bar);
      String label = bar < 0 ? key : rest.substring(bar + 1);
      out.add(Views.follow(kind, key, label));
    }
    return out;
  }

  private static List<String> raw(Context ctx) {
    String c = ctx.cookie(COOKIE);
    List<String> out = new ArrayList<>();
    if (c == null || c.isBlank()) {
      return out;
    }
    for (String part : c.split("&")) {
      String e;
      try {
        e = URLDecoder.decode(part, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException bad) { // a broken %-escape: the entry is dropped
        continue;
      }
      int colon = e.indexOf(':');
      if (colon > 0
          && KINDS.contains(e.substring(0, colon))
          && colon + 1 < e.length()
          && out.size() < MAX) {
        out.add(e);
      }
    }
    return out;
  }

  private void write(Context ctx, Set<String> entries) {
    List<String> parts = new ArrayList<>();
    for (String e : entries) {
      if (parts.size() >= MAX) {
        break;
      }
      parts.add(Views.enc(e));
    }
    Cookie c = new Cookie(COOKIE, String.join("&", parts));
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSameSite(SameSite.LAX);
    c.setMaxAge(60 * 60 * 24 * 365 * 2);
    c.setSecure(views.config().baseUrl().startsWith("https:"));
    ctx.cookie(c);
  }
}
