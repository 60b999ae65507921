package dev.lede.web;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Source;
import dev.lede.web.SiteServices.PageArticle;
import dev.lede.web.SiteServices.RelatedItem;
import dev.lede.web.view.ArticleView;
import dev.lede.web.view.Card;
import dev.lede.web.view.Layout;
import dev.lede.web.view.ShareLink;
import dev.lede.web.view.SourceRef;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The article page: the story, Share and Follow, More on this story, You May Also Like. */
final class ArticleRoute {
  static final int RELATED = 8;
  private final SiteServices services;
  private final Views views;
  private final Renderer renderer;
  private final PageCache<Rendered> cache;
  private final Events events;

  ArticleRoute(
      SiteServices services,
      Views views,
      Renderer renderer,
      PageCache<Rendered> cache,
      Events events) {
    this.services = services;
    this.views = views;
    this.renderer = renderer;
    this.cache = cache;
    this.events = events;
  }

  void handle(Context ctx) {
    String id = ctx.pathParam("id");
    Rendered r = render(id);
    events.impressions(ctx, id, r.relatedIds(), r.variants(), r.testing());
    // The ETag is computed once per render, not hashed from the body on every request.
    ctx.header("ETag", r.etag());
    Site.html(ctx, r.body());
  }

  /**
   * The rendered page, its ETag and the teasers it shows (for impression counting); {@code testing}
   * when one of them is in a headline test (only then does a visitor get a cookie).
   */
  record Rendered(
      byte[] body, String etag, List<String> relatedIds, List<String> variants, boolean testing) {
    static Rendered of(byte[] body, List<String> relatedIds, List<String> variants) {
      boolean testing = variants.stream().anyMatch(v -> !v.isEmpty());
      return new Rendered(body, Site.etag(body), relatedIds, variants, testing);
    }
  }

  Rendered render(String id) {
    return cache.get(
        "a|" + id,
        () -> {
          PageArticle p = services.article(id).orElseThrow(() -> new NotFound("article " + id));
          List<RelatedItem> related = services.related(id, RELATED);
          List<String> ids = new ArrayList<>();
          List<String> vs = new ArrayList<>();
          for (RelatedItem r : related) {
            ids.add(r.article().id());
            vs.add(r.article().variant());
          }
          return Rendered.of(
              renderer.render("article.jte", view(p, related)), List.copyOf(ids), List.copyOf(vs));
        });
  }

  ArticleView view(PageArticle p, List<RelatedItem> related) {
    Article a = p.article();
    SiteConfig cfg = views.config();
    String pageUrl = cfg.url(Views.articleHref(p.id()));
    Source src = p.source();
    boolean excerptOnly = src != null && src.rights() == Source.RightsPolicy.EXCERPT;
    String original = !a.canonicalUrl().isEmpty() ? a.canonicalUrl() : a.url();
    // Canonical: the publisher for excerpt-only sources, the original for copies, else this page.
    String canonical = pageUrl;
    if (excerptOnly && !original.isEmpty()) {
      canonical = original;
    } else if (p.duplicateOf() != null) {
      canonical = cfg.url(Views.articleHref(p.duplicateOf()));
    }
    Block.Image lead = null;
    List<Block> body = new ArrayList<>();
    for (Block b : a.blocks()) {
      if (b instanceof Block.Image img) {
        var key =
            img.src().isEmpty() ? java.util.Optional.<String>empty() : services.imageKey(img.src());
        if (key.isEmpty()) {
          continue; // no local copy: no image (and no orphaned caption)
        }
        Block.Image local =
            new Block.Image(
                "/img/" + key.get() + "-article.jpg", img.alt(), img.caption(), img.credit());
        if (lead == null) {
          lead = local;
        } else {
          body.add(local);
        }
      } else {
        body.add(b);
      }
    }
    List<Card> cards = new ArrayList<>();
    for (int i = 0; i < related.size(); i++) {
      RelatedItem r = related.get(i);
      cards.add(
          views.card(
              r.article(), r.fallback() ? capitalise(r.reason()) : "", r.reason(), p.id(), i));
    }
    List<Card> story = new ArrayList<>();
    for (PageArticle s : services.moreOnStory(p.id(), 5)) {
      story.add(views.card(s, "", ""));
    }
    List<SourceRef> copies = new ArrayList<>();
    for (PageArticle c : services.copies(p.id())) {
      String name = Views.sourceName(c);
      String url =
          c.article().canonicalUrl().isEmpty() ? c.article().url() : c.article().canonicalUrl();
      copies.add(
          new SourceRef(
              name.isEmpty() ? "another publisher" : name,
              Views.articleHref(c.id()),
              url.isEmpty() ? Views.articleHref(c.id()) : url));
    }
    boolean wikinews = Views.isWikinews(p);
    List<ShareLink> share = new ArrayList<>();
    for (ShareLinks.Link l : ShareLinks.forArticle(pageUrl, a.title())) {
      share.add(new ShareLink(l.network(), l.label(), l.href()));
    }
    List<String> images = new ArrayList<>();
    if (lead != null) {
      images.add(cfg.url(lead.src()));
    }
    String jsonLd =
        JsonLd.newsArticle(
            a,
            pageUrl,
            a.title(),
            images,
            a.published(),
            a.modified(),
            cfg.siteName(),
            cfg.logoUrl(),
            a.section());
    String description = Views.excerpt(a);
    List<Layout.MetaTag> meta = new ArrayList<>();
    meta.add(new Layout.MetaTag("property", "og:type", "article"));
    meta.add(new Layout.MetaTag("property", "og:title", a.title()));
    meta.add(new Layout.MetaTag("property", "og:url", canonical));
    meta.add(new Layout.MetaTag("property", "og:site_name", cfg.siteName()));
    if (!description.isEmpty()) {
      meta.add(new Layout.MetaTag("property", "og:description", description));
    }
    if (!images.isEmpty()) {
      meta.add(new Layout.MetaTag("property", "og:image", images.get(0)));
    }
    if (a.published() != null) {
      meta.add(new Layout.MetaTag("property", "article:published_time", a.published().toString()));
    }
    if (a.modified() != null) {
      meta.add(new Layout.MetaTag("property", "article:modified_time", a.modified().toString()));
    }
    if (!a.section().isEmpty()) {
      meta.add(new Layout.MetaTag("property", "article:section", a.section()));
    }
    for (String t : a.tags()) {
      meta.add(new Layout.MetaTag("property", "article:tag", t));
    }
    meta.add(
        new Layout.MetaTag(
            "name", "twitter:card", images.isEmpty() ? "summary" : "summary_large_image"));
    meta.add(new Layout.MetaTag("name", "twitter:title", a.title()));
    if (!description.isEmpty()) {
      meta.add(new Layout.MetaTag("name", "twitter:description", description));
    }
    List<Layout.AltLink> feeds = new ArrayList<>();
    for (var f : views.followFor(p)) {
      if (f.kind().equals("section") || f.kind().equals("story")) {
        feeds.add(new Layout.AltLink("application/rss+xml", f.label() + " (RSS)", f.rssHref()));
        feeds.add(new Layout.AltLink("application/atom+xml", f.label() + " (Atom)", f.atomHref()));
        feeds.add(
            new Layout.AltLink("application/feed+json", f.label() + " (JSON Feed)", f.jsonHref()));
      }
    }
    Layout layout =
        views.layout(
            a.title(),
            description,
            Views.articleHref(p.id()),
            canonical,
            feeds,
            jsonLd,
            meta,
            "",
            wikinews,
            "");
    SourceRef source =
        src == null
            ? null
            : new SourceRef(
                src.name().isEmpty() ? src.id() : src.name(),
                "/source/" + Views.enc(src.id()),
                src.location());
    if (source == null && !a.siteName().isEmpty()) {
      source = new SourceRef(a.siteName(), original.isEmpty() ? "/" : original, original);
    }
    return new ArticleView(
        layout,
        p.id(),
        a.title(),
        a.bylines(),
        Views.iso(a.published()),
        views.label(a.published()),
        a.modified() == null || a.modified().equals(a.published()) ? null : a.modified().toString(),
        views.label(a.modified()),
        a.section(),
        a.section().isEmpty() ? null : Views.sectionHref(a.section()),
        a.tags(),
        source,
        lead,
        body,
        wikinews ? withoutLicenceLine(a.attribution()) : a.attribution(),
        excerptOnly,
        description,
        original.isEmpty() ? pageUrl : original,
        wikinews
            ? (publicDomain(a) ? "From Wikinews, public domain" : "From Wikinews, CC BY 2.5")
            : "",
        wikinews && !publicDomain(a) ? "https://creativecommons.org/licenses/by/2.5/" : "",
        cards,
        story,
        p.storyId() == null ? null : "/story/" + Views.enc(p.storyId()),
        copies,
        share,
        pageUrl,
        views.followFor(p));
  }

  /** Wikinews articles before 25 September 2005 are in the public domain; the corpus says so. */
  private static boolean publicDomain(Article a) {
    return a.attribution().stream()
        .anyMatch(l -> l.startsWith("From Wikinews") && l.contains("public domain"));
  }

  /** The corpus's plain licence line is replaced by the linked credit. */
  private static List<String> withoutLicenceLine(List<String> lines) {
    return lines.stream().filter(l -> !l.startsWith("From Wikinews")).toList();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
