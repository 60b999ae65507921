package dev.lede.web;

import dev.lede.model.Source;
import dev.lede.web.SiteServices.ArticlePage;
import dev.lede.web.SiteServices.ListFilter;
import dev.lede.web.SiteServices.PageArticle;
import dev.lede.web.view.Card;
import dev.lede.web.view.FollowLink;
import dev.lede.web.view.FrontView;
import dev.lede.web.view.Layout;
import dev.lede.web.view.ListView;
import dev.lede.web.view.Pager;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The front page and the paginated lists: latest, section, tag, source, story. */
final class ListRoutes {
  static final int PAGE_SIZE = 20;
  private final SiteServices services;
  private final Views views;
  private final Renderer renderer;
  private final PageCache<byte[]> cache;

  ListRoutes(SiteServices services, Views views, Renderer renderer, PageCache<byte[]> cache) {
    this.services = services;
    this.views = views;
    this.renderer = renderer;
    this.cache = cache;
  }

  void front(Context ctx) {
    Site.html(ctx, cache.get("front", this::renderFront));
  }

  private byte[] renderFront() {
    List<FrontView.TopStory> top = new ArrayList<>();
    boolean wikinews = false;
    for (SiteServices.TopStory t : services.topStories(10)) {
      Card lead = views.card(t.lead(), "", "");
      top.add(
          new FrontView.TopStory(lead, t.size(), "/story/" + Views.enc(t.storyId()), List.of()));
      wikinews |= Views.isWikinews(t.lead());
    }
    List<Card> latest = new ArrayList<>();
    for (PageArticle p : services.latest(ListFilter.all(), 1, 12).items()) {
      latest.add(views.card(p, "", ""));
      wikinews |= Views.isWikinews(p);
    }
    List<FrontView.SectionBlock> sections = new ArrayList<>();
    for (String s : services.sections()) {
      if (sections.size() >= 6) {
        break;
      }
      List<Card> cards = new ArrayList<>();
      for (PageArticle p : services.latest(new ListFilter(s, "", "", ""), 1, 4).items()) {
        cards.add(views.card(p, "", ""));
        wikinews |= Views.isWikinews(p);
      }
      if (!cards.isEmpty()) {
        sections.add(new FrontView.SectionBlock(s, Views.sectionHref(s), cards));
      }
    }
    SiteConfig cfg = views.config();
    Layout layout =
        views.layout(
            "",
            "The latest news, grouped into stories, from the sources "
                + cfg.siteName()
                + " follows.",
            "/",
            cfg.url("/"),
            feeds("", "All articles"),
            JsonLd.scriptSafe(website(cfg)),
            List.of(
                new Layout.MetaTag("property", "og:type", "website"),
                new Layout.MetaTag("property", "og:title", cfg.siteName()),
                new Layout.MetaTag("property", "og:url", cfg.url("/"))),
            "",
            wikinews,
            "");
    return renderer.render("front.jte", new FrontView(layout, top, latest, sections));
  }

  private static Object website(SiteConfig cfg) {
    var m = new java.util.LinkedHashMap<String, Object>();
    m.put("@context", "https://schema.org");
    m.put("@type", "WebSite");
    m.put("name", cfg.siteName());
    m.put("url", cfg.url("/"));
    m.put(
        "potentialAction",
        java.util.Map.of(
            "@type", "SearchAction",
            "target", cfg.url("/search") + "?q={search_term_string}",
            "query-input", "required name=search_term_string"));
    return m;
  }

  void latest(Context ctx) {
    list(
        ctx,
        "latest",
        ListFilter.all(),
        "",
        "Latest",
        "Every article, newest first.",
        List.of(),
        "/latest");
  }

  void section(Context ctx) {
    String s = ctx.pathParam("name");
    list(
        ctx,
        "section|" + s,
        new ListFilter(s, "", "", ""),
        "Section",
        s,
        "",
        List.of(Views.follow("section", s, s)),
        Views.sectionHref(s));
  }

  void tag(Context ctx) {
    String t = ctx.pathParam("tag");
    list(
        ctx,
        "tag|" + t,
        new ListFilter("", t, "", ""),
        "Tag",
        t,
        "",
        List.of(Views.follow("tag", t, t)),
        Views.pageHref("tag", t));
  }

  void source(Context ctx) {
    String id = ctx.pathParam("id");
    Source s = services.source(id).orElseThrow(() -> new NotFound("source " + id));
    String name = s.name().isEmpty() ? s.id() : s.name();
    list(
        ctx,
        "source|" + id,
        new ListFilter("", "", id, ""),
        "Source",
        name,
        s.location(),
        List.of(Views.follow("source", id, name)),
        Views.pageHref("source", id));
  }

  void story(Context ctx) {
    String id = ctx.pathParam("id");
    SiteServices.StoryInfo st = services.story(id).orElseThrow(() -> new NotFound("story " + id));
    String desc =
        st.size()
            + (st.size() == 1 ? " article" : " articles")
            + ", first seen "
            + views.label(st.firstSeen());
    list(
        ctx,
        "story|" + id,
        new ListFilter("", "", "", id),
        "Story",
        st.headline(),
        desc,
        List.of(Views.follow("story", id, "this story")),
        Views.pageHref("story", id));
  }

  private void list(
      Context ctx,
      String key,
      ListFilter filter,
      String kicker,
      String heading,
      String description,
      List<FollowLink> follow,
      String path) {
    int page = Site.page(ctx);
    byte[] body =
        cache.get(
            key + "|" + page,
            () -> {
              ArticlePage res = services.latest(filter, page, PAGE_SIZE);
              if (res.items().isEmpty() && page > 1) {
                throw new NotFound("page " + page + " of " + path);
              }
              if (res.items().isEmpty()
                  && (!filter.section().isEmpty() || !filter.tag().isEmpty())) {
                // a section or tag exists only through its articles: none, no such page (a 200
                // "nothing here" would be a soft 404 for crawlers)
                throw new NotFound(path);
              }
              List<Card> cards = new ArrayList<>();
              boolean wikinews = false;
              for (PageArticle p : res.items()) {
                cards.add(views.card(p, "", ""));
                wikinews |= Views.isWikinews(p);
              }
              Pager pager =
                  new Pager(
                      page > 1 ? path + (page == 2 ? "" : "?page=" + (page - 1)) : null,
                      res.hasMore() ? path + "?page=" + (page + 1) : null,
                      page);
              List<Layout.AltLink> feeds =
                  follow.isEmpty() ? feeds("", "All articles") : feeds(path, heading);
              String canonical = views.config().url(path + (page > 1 ? "?page=" + page : ""));
              Layout layout =
                  views.layout(
                      heading,
                      description,
                      path,
                      canonical,
                      feeds,
                      "",
                      List.of(),
                      "",
                      wikinews,
                      page > 1 ? "noindex, follow" : "");
              return renderer.render(
                  "list.jte",
                  new ListView(layout, kicker, heading, description, cards, pager, follow));
            });
    Site.html(ctx, body);
  }

  static List<Layout.AltLink> feeds(String path, String title) {
    return List.of(
        new Layout.AltLink("application/rss+xml", title + " (RSS)", path + "/feed.rss"),
        new Layout.AltLink("application/atom+xml", title + " (Atom)", path + "/feed.atom"),
        new Layout.AltLink("application/feed+json", title + " (JSON Feed)", path + "/feed.json"));
  }
}
