package dev.lede.web;

import dev.lede.model.Source;
import dev.lede.web.SiteServices.SearchPage;
import dev.lede.web.SiteServices.SearchResult;
import dev.lede.web.view.Layout;
import dev.lede.web.view.Pager;
import dev.lede.web.view.SearchView;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The search page: highlights, filters (section, source, date) and pagination. */
final class SearchRoute {
  static final int PAGE_SIZE = 20;
  private final SiteServices services;
  private final Views views;
  private final Renderer renderer;

  SearchRoute(SiteServices services, Views views, Renderer renderer) {
    this.services = services;
    this.views = views;
    this.renderer = renderer;
  }

  void handle(Context ctx) {
    String q = Site.param(ctx, "q", 500);
    String section = Site.param(ctx, "section", 200);
    String source = Site.param(ctx, "source", 200);
    String sinceText = Site.param(ctx, "since", 20);
    int page = Site.page(ctx);
    String error = "";
    LocalDate since = null;
    if (!sinceText.isEmpty()) {
      try {
        since = LocalDate.parse(sinceText);
      } catch (DateTimeParseException e) {
        error = "“" + sinceText + "” is not a date (use YYYY-MM-DD).";
      }
    }
    List<SearchView.Hit> hits = new ArrayList<>();
    boolean hasMore = false;
    boolean wikinews = false;
    if (!q.isBlank() && error.isEmpty()) {
      try {
        SearchPage res = services.search(q, section, source, since, page, PAGE_SIZE);
        for (SearchResult r : res.results()) {
          hits.add(new SearchView.Hit(views.card(r.article(), "", ""), r.snippetHtml()));
          wikinews |= Views.isWikinews(r.article());
        }
        hasMore = res.hasMore();
      } catch (IllegalArgumentException e) {
        error = "That search could not be understood: " + e.getMessage();
      }
    }
    String base =
        "/search?q="
            + Views.enc(q)
            + (section.isEmpty() ? "" : "&section=" + Views.enc(section))
            + (source.isEmpty() ? "" : "&source=" + Views.enc(source))
            + (sinceText.isEmpty() ? "" : "&since=" + Views.enc(sinceText));
    Pager pager =
        new Pager(
            page > 1 ? base + "&page=" + (page - 1) : null,
            hasMore ? base + "&page=" + (page + 1) : null,
            page);
    List<SearchView.Option> sources = new ArrayList<>();
    for (Source s : services.sources()) {
      sources.add(new SearchView.Option(s.id(), s.name().isEmpty() ? s.id() : s.name()));
    }
    Layout layout =
        views.layout(
            q.isBlank() ? "Search" : "Search: " + q,
            "",
            "/search",
            "",
            List.of(),
            "",
            List.of(),
            q,
            wikinews,
            "noindex, follow");
    ctx.status(error.isEmpty() ? 200 : 400);
    Site.html(
        ctx,
        renderer.render(
            "search.jte",
            new SearchView(
                layout,
                q,
                section,
                source,
                sinceText,
                hits,
                pager,
                services.sections(),
                sources,
                error)));
  }
}
