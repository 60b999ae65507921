package dev.lede.web;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.model.Source;
import dev.lede.web.SiteServices.ListFilter;
import dev.lede.web.SiteServices.PageArticle;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds out (RSS 2.0, Atom, JSON Feed 1.1) for the site and each section, tag, source and story;
 * sitemaps; robots.txt.
 */
final class FeedRoutes {
  static final int FEED_SIZE = 30;
  private final SiteServices services;
  private final Views views;
  private final PageCache<String> cache;
  private final InstantSource clock;

  FeedRoutes(SiteServices services, Views views, PageCache<String> cache, InstantSource clock) {
    this.services = services;
    this.views = views;
    this.cache = cache;
    this.clock = clock;
  }

  void siteFeed(Context ctx, String format) {
    feed(ctx, format, ListFilter.all(), "", views.config().siteName(), "The latest articles", "/");
  }

  void scopedFeed(Context ctx, String kind, String format) {
    String key = ctx.pathParam("key");
    ListFilter f;
    String title;
    switch (kind) {
      case "section" -> {
        f = new ListFilter(key, "", "", "");
        title = key;
        requireArticles(f, kind, key);
      }
      case "tag" -> {
        f = new ListFilter("", key, "", "");
        title = key;
        requireArticles(f, kind, key);
      }
      case "source" -> {
        Source s = services.source(key).orElseThrow(() -> new NotFound("source " + key));
        f = new ListFilter("", "", key, "");
        title = s.name().isEmpty() ? s.id() : s.name();
      }
      case "story" -> {
        var st = services.story(key).orElseThrow(() -> new NotFound("story " + key));
        f = new ListFilter("", "", "", key);
        title = st.headline();
      }
      default -> throw new NotFound("feed " + kind);
    }
    String path = Views.pageHref(kind, key);
    feed(
        ctx,
        format,
        f,
        path,
        views.config().siteName() + " — " + title,
        "Latest articles: " + title,
        path);
  }

  /** A section or tag exists only through its articles: without any, its feed is not found. */
  private void requireArticles(ListFilter f, String kind, String key) {
    if (services.latest(f, 1, 1).items().isEmpty()) {
      throw new NotFound(kind + " " + key);
    }
  }

  private void feed(
      Context ctx,
      String format,
      ListFilter filter,
      String path,
      String title,
      String description,
      String home) {
    String cacheKey = "feed|" + filter + "|" + format;
    String body =
        cache.get(
            cacheKey,
            () -> {
              List<FeedEntry> entries = new ArrayList<>();
              Instant newest = null;
              for (PageArticle p : services.latest(filter, 1, FEED_SIZE).items()) {
                FeedEntry e = entry(p);
                entries.add(e);
                Instant c = e.lastChange() == null ? p.firstSeen() : e.lastChange();
                newest = newest == null || c.isAfter(newest) ? c : newest;
              }
              SiteConfig cfg = views.config();
              FeedMeta meta =
                  new FeedMeta(
                      title,
                      cfg.url(home),
                      cfg.url(path + "/feed." + format),
                      description,
                      "en",
                      newest == null ? clock.instant() : newest);
              return switch (format) {
                case "rss" -> Feeds.rss(meta, entries);
                case "atom" -> Feeds.atom(meta, entries);
                case "json" -> Feeds.jsonFeed(meta, entries);
                default -> throw new NotFound("feed format " + format);
              };
            });
    String type =
        switch (format) {
          case "rss" -> Feeds.RSS_TYPE;
          case "atom" -> Feeds.ATOM_TYPE;
          default -> Feeds.JSON_FEED_TYPE;
        };
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType(type).result(body);
  }

  private FeedEntry entry(PageArticle p) {
    Article a = p.article();
    SiteConfig cfg = views.config();
    String url = cfg.url(Views.articleHref(p.id()));
    boolean full = p.source() == null || p.source().rights() == Source.RightsPolicy.FULL_TEXT;
    String image = null;
    for (Block b : a.blocks()) {
      if (b instanceof Block.Image img && !img.src().isEmpty()) {
        var k = services.imageKey(img.src());
        if (k.isPresent()) {
          image = cfg.url("/img/" + k.get() + "-article.jpg");
          break;
        }
      }
    }
    return new FeedEntry(
        url,
        services.canonicalTitle(p),
        url,
        Views.excerpt(a),
        full ? a.text() : "",
        a.published(),
        a.modified(),
        a.bylines(),
        a.tags(),
        image);
  }

  void sitemap(Context ctx) {
    SiteConfig cfg = views.config();
    String body =
        cache.get(
            "sitemap",
            () -> {
              long n = services.count();
              if (n <= Sitemaps.MAX_URLS) {
                return Sitemaps.urlset(urls(0));
              }
              List<Sitemaps.Url> parts = new ArrayList<>();
              for (int i = 0; (long) i * Sitemaps.MAX_URLS < n; i++) {
                parts.add(new Sitemaps.Url(cfg.url("/sitemap-" + (i + 1) + ".xml"), null));
              }
              return Sitemaps.index(parts);
            });
    ctx.header("Cache-Control", "public, max-age=600");
    ctx.contentType(Sitemaps.TYPE).result(body);
  }

  void sitemapPart(Context ctx) {
    int part;
    try {
      part = Integer.parseInt(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      throw new NotFound("sitemap " + ctx.pathParam("n"));
    }
    if (part < 1 || (long) (part - 1) * Sitemaps.MAX_URLS >= Math.max(1, services.count())) {
      throw new NotFound("sitemap " + part);
    }
    String body = cache.get("sitemap|" + part, () -> Sitemaps.urlset(urls(part - 1)));
    ctx.header("Cache-Control", "public, max-age=600");
    ctx.contentType(Sitemaps.TYPE).result(body);
  }

  private List<Sitemaps.Url> urls(int part) {
    List<Sitemaps.Url> out = new ArrayList<>();
    SiteConfig cfg = views.config();
    for (SiteServices.UrlEntry u : services.urls(part * Sitemaps.MAX_URLS, Sitemaps.MAX_URLS)) {
      out.add(new Sitemaps.Url(cfg.url(Views.articleHref(u.id())), u.lastChange()));
    }
    return out;
  }

  void newsSitemap(Context ctx) {
    SiteConfig cfg = views.config();
    String body =
        cache.get(
            "sitemap-news",
            () -> {
              List<Sitemaps.NewsUrl> urls = new ArrayList<>();
              for (PageArticle p :
                  services.since(clock.instant().minus(Duration.ofHours(48)), 1000)) {
                if (p.source() != null && p.source().rights() == Source.RightsPolicy.EXCERPT) {
                  continue; // the page's canonical URL is the publisher's
                }
                Instant pub =
                    p.article().published() == null ? p.firstSeen() : p.article().published();
                String lang = p.article().language().isEmpty() ? "en" : p.article().language();
                urls.add(
                    new Sitemaps.NewsUrl(
                        cfg.url(Views.articleHref(p.id())), services.canonicalTitle(p), pub, lang));
              }
              return Sitemaps.news(cfg.siteName(), urls);
            });
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType(Sitemaps.TYPE).result(body);
  }

  void robots(Context ctx) {
    SiteConfig cfg = views.config();
    String body =
        "User-agent: *\n"
            + "Disallow: /r/\nDisallow: /api/\nDisallow: /ops\nDisallow: /following\nDisallow: /search\n"
            + "Allow: /\n\n"
            + "Sitemap: "
            + cfg.url("/sitemap.xml")
            + "\n"
            + "Sitemap: "
            + cfg.url("/sitemap-news.xml")
            + "\n";
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType("text/plain; charset=utf-8").result(body);
  }

  void openSearch(Context ctx) {
    SiteConfig cfg = views.config();
    String xml =
        Feeds.xml(
            w -> {
              w.writeStartElement("OpenSearchDescription");
              w.writeDefaultNamespace("http://a9.com/-/spec/opensearch/1.1/");
              Feeds.element(w, "ShortName", cfg.siteName());
              Feeds.element(w, "Description", "Search " + cfg.siteName());
              Feeds.element(w, "InputEncoding", "UTF-8");
              w.writeEmptyElement("Url");
              w.writeAttribute("type", "text/html");
              w.writeAttribute("template", cfg.url("/search") + "?q={searchTerms}");
              w.writeEndElement();
            });
    ctx.contentType("application/opensearchdescription+xml; charset=utf-8").result(xml);
  }
}
