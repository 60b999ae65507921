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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The article page: the story, Share and Follow, More on this story, You May Also Like.
 *
 * <p>Pages are cached for at most a second per (article, visitor bucket) with everything a response
 * needs computed once per render: the bytes, their gzip copy, both ETags and the header fields. A
 * page whose teasers are in no running headline test exists once (bucket 0) and is served to
 * everyone; one with a tested teaser is rendered per bucket ({@link Visitors}). A cached page is
 * served by {@link #serveCached} straight from Jetty, before the servlet layer; a miss (or an
 * expired page nobody is re-rendering) goes through the Javalin route, {@link #handle}, which
 * renders it. Each serve counts the page's teaser impressions with one enqueue.
 */
final class ArticleRoute {
  static final int RELATED = 8;
  static final String ROUTE = "/a/{id}";
  private static final PreEncodedHttpField HTML =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
  private static final PreEncodedHttpField GZIP =
      new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
  private static final PreEncodedHttpField VARY =
      new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
  private static final PreEncodedHttpField VARY_TESTING =
      new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding, Cookie");
  private final SiteServices services;
  private final Views views;
  private final Renderer renderer;
  private final List<PageCache<Rendered>> caches;
  private final Events events;
  private final Visitors visitors;

  ArticleRoute(
      SiteServices services,
      Views views,
      Renderer renderer,
      InstantSource clock,
      Events events,
      Visitors visitors) {
    this.services = services;
    this.views = views;
    this.renderer = renderer;
    List<PageCache<Rendered>> cs = new ArrayList<>();
    for (int b = 0; b < SiteServices.HEADLINE_BUCKETS; b++) {
      cs.add(new PageCache<>(clock, 1000, 20_000));
    }
    this.caches = List.copyOf(cs);
    this.events = events;
    this.visitors = visitors;
  }

  /** The Javalin route: renders on a miss (once per key), then serves like the fast path. */
  void handle(Context ctx) {
    String id = ctx.pathParam("id");
    Rendered base = render(id, 0);
    Visitors.Choice c = visitors.choose(base.testing(), ctx.cookie(Visitors.COOKIE));
    Rendered r = c.bucket() == 0 ? base : render(id, c.bucket());
    if (c.setCookie() != null) {
      ctx.res().addHeader("Set-Cookie", c.setCookie());
    }
    events.impressions(id, r.relatedIds(), r.variants(), c.visitor(), ctx.userAgent());
    boolean gz = acceptsGzip(ctx.header("Accept-Encoding"));
    ctx.header("Vary", (r.testing() ? VARY_TESTING : VARY).getValue());
    // Precomputed: Javalin does not compress a body that says it is compressed already.
    String etag = gz ? r.gzipEtag() : r.etag();
    ctx.header("ETag", etag);
    if (Site.etagMatches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304); // compared as the fast path does (weakly, over the list)
      return;
    }
    if (gz) {
      ctx.header("Content-Encoding", "gzip");
    }
    Site.html(ctx, gz ? r.gzip() : r.body());
  }

  /**
   * Serves {@code /a/{id}} from the cache straight on Jetty's request, or returns false (nothing
   * written) when the page must be rendered first. Per request: two cache look-ups, the cookie only
   * when the page has a tested teaser, one enqueue, and header fields made at render time.
   */
  boolean serveCached(String id, Request req, Response res, Callback cb) {
    Rendered base = caches.get(0).peek(id);
    if (base == null) {
      return false;
    }
    HttpFields in = req.getHeaders();
    String cookie = null;
    if ((base.testing() || in.contains(HttpHeader.COOKIE)) && visitors.cookieAllowed()) {
      for (HttpCookie k : Request.getCookies(req)) {
        if (k.getName().equals(Visitors.COOKIE)) {
          cookie = k.getValue();
        }
      }
    }
    Visitors.Choice c = visitors.choose(base.testing(), cookie);
    Rendered r = base;
    if (c.bucket() != 0) {
      r = caches.get(c.bucket()).peek(id);
      if (r == null) {
        return false;
      }
    }
    boolean gz = acceptsGzip(in.get(HttpHeader.ACCEPT_ENCODING));
    HttpFields.Mutable out = res.getHeaders();
    for (HttpField f : Site.SECURITY_FIELDS) {
      out.add(f);
    }
    out.add(r.testing() ? VARY_TESTING : VARY);
    if (c.setCookie() != null) {
      out.add(HttpHeader.SET_COOKIE, c.setCookie());
    }
    PreEncodedHttpField etag = gz ? r.gzipEtagField() : r.etagField();
    out.add(etag);
    events.impressions(
        id, r.relatedIds(), r.variants(), c.visitor(), in.get(HttpHeader.USER_AGENT));
    String inm = in.get(HttpHeader.IF_NONE_MATCH);
    if (Site.etagMatches(inm, etag.getValue())) {
      res.setStatus(HttpStatus.NOT_MODIFIED_304);
      res.write(true, null, cb);
      return true;
    }
    out.add(HTML);
    if (gz) {
      out.add(GZIP);
    }
    out.add(gz ? r.gzipLengthField() : r.lengthField());
    if (HttpMethod.HEAD.is(req.getMethod())) {
      res.write(true, null, cb);
    } else {
      res.write(true, ByteBuffer.wrap(gz ? r.gzip() : r.body()), cb);
    }
    return true;
  }

  /** Whether an Accept-Encoding value accepts gzip (and does not refuse it with q=0). */
  static boolean acceptsGzip(@Nullable String accept) {
    if (accept == null || !accept.contains("gzip")) {
      return false;
    }
    if (!accept.contains("q=")) {
      return true;
    }
    for (String part : accept.split(",")) {
      String[] p = part.split(";");
      if (!p[0].strip().equals("gzip")) {
        continue;
      }
      for (int i = 1; i < p.length; i++) {
        String q = p[i].strip();
        if (q.startsWith("q=")) {
          try {
            return Double.parseDouble(q.substring(2)) > 0;
          } catch (NumberFormatException e) {
            return false;
          }
        }
      }
      return true;
    }
    return false;
  }

  /**
   * A rendered page with what serving it needs, computed once: the bytes and their gzip copy, their
   * strong ETags and header fields, and the teasers it shows with their variants (for impression
   * counting; "" for the original or an untested teaser). {@code testing} when one of them is in a
   * running headline test: only then does the page differ per bucket and a visitor get a cookie.
   */
  record Rendered(
      byte[] body,
      byte[] gzip,
      String etag,
      String gzipEtag,
      List<String> relatedIds,
      List<String> variants,
      boolean testing,
      PreEncodedHttpField etagField,
      PreEncodedHttpField gzipEtagField,
      PreEncodedHttpField lengthField,
      PreEncodedHttpField gzipLengthField) {
    static Rendered of(
        byte[] body, List<String> relatedIds, List<String> variants, boolean testing) {
      byte[] gz = gzip(body);
      String etag = Site.etag(body);
      String gzipEtag = Site.etag(gz);
      return new Rendered(
          body,
          gz,
          etag,
          gzipEtag,
          relatedIds,
          variants,
          testing,
          new PreEncodedHttpField(HttpHeader.ETAG, etag),
          new PreEncodedHttpField(HttpHeader.ETAG, gzipEtag),
          new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length)),
          new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(gz.length)));
    }

    private static byte[] gzip(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
      try (GZIPOutputStream z = new GZIPOutputStream(out, 8192)) {
        z.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  /** The page for a bucket, from the cache or rendered now (one render per key at a time). */
  Rendered render(String id, int bucket) {
    return caches.get(bucket).get(id, () -> renderNow(id, bucket));
  }

  private Rendered renderNow(String id, int bucket) {
    PageArticle p = services.article(id).orElseThrow(() -> new NotFound("article " + id));
    List<RelatedItem> related = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> vs = new ArrayList<>();
    boolean testing = false;
    for (RelatedItem r : services.related(id, RELATED)) {
      PageArticle a = r.article();
      var tested = services.testedHeadline(a.id(), bucket);
      if (tested.isPresent()) {
        testing = true;
        a = a.withTeaserHeadline(tested.get().headline(), tested.get().variant());
        r = new RelatedItem(a, r.reason(), r.fallback());
      }
      related.add(r);
      ids.add(a.id());
      vs.add(a.variant());
    }
    return Rendered.of(
        renderer.render("article.jte", view(p, related)),
        List.copyOf(ids),
        List.copyOf(vs),
        testing);
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
