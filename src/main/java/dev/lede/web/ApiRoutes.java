package dev.lede.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.model.ArticleJson;
import dev.lede.model.Source;
import dev.lede.web.SiteServices.ListFilter;
import dev.lede.web.SiteServices.PageArticle;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The JSON API, documented by {@code /api/openapi.json}. Reads are open; writes ({@code POST
 * /api/articles}, {@code DELETE /api/articles/{id}}) need a bearer token whose SHA-256 digest is
 * configured (none configured: writes are disabled). Editors' headline variants ({@code
 * /api/articles/{id}/headlines}) need an operator token, read or write: they are how variants are
 * added while {@code lede serve} holds the data folder. Errors are RFC 9457 problem JSON.
 */
final class ApiRoutes {
  private static final ObjectMapper JSON = ArticleJson.mapper();
  private final SiteServices services;
  private final Views views;
  private final Events events;
  private final byte[] openApi;

  ApiRoutes(SiteServices services, Views views, Events events) {
    this.services = services;
    this.views = views;
    this.events = events;
    try (InputStream in = ApiRoutes.class.getResourceAsStream("/web/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document is missing from the build");
      }
      this.openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  void articles(Context ctx) {
    int page = Site.page(ctx);
    int size = Site.intParam(ctx, "pageSize", 20, 1, 100);
    ListFilter f =
        new ListFilter(
            Site.param(ctx, "section", 200),
            Site.param(ctx, "tag", 200),
            Site.param(ctx, "source", 200),
            Site.param(ctx, "story", 200));
    var res = services.latest(f, page, size);
    ObjectNode o = JSON.createObjectNode();
    ArrayNode items = o.putArray("items");
    for (PageArticle p : res.items()) {
      items.add(teaser(p, ""));
    }
    o.put("page", page);
    o.put("hasMore", res.hasMore());
    json(ctx, o);
  }

  void article(Context ctx) {
    String id = ctx.pathParam("id");
    PageArticle p = services.article(id).orElseThrow(() -> new NotFound("article " + id));
    ObjectNode o = ArticleJson.toTree(p.article());
    if (p.source() != null
        && p.source().rights() == Source.RightsPolicy.EXCERPT
        && !hasToken(ctx)) {
      // As on the page and in the feeds: an excerpt-only source's article is its excerpt and a
      // link to the publisher (an API client with the token still reads what is stored).
      o.put("text", Views.excerpt(p.article()));
      o.putArray("blocks");
      o.putArray("images");
      o.put("excerptOnly", true);
    }
    o.put("source", p.source() == null ? null : p.source().id());
    o.put("story", p.storyId());
    o.put("duplicateOf", p.duplicateOf());
    o.put("firstSeen", p.firstSeen().toString());
    o.put("page", views.config().url(Views.articleHref(id)));
    json(ctx, o);
  }

  void search(Context ctx) {
    String q = Site.param(ctx, "q", 500);
    if (q.isBlank()) {
      throw new BadRequest("the q parameter is required");
    }
    LocalDate since = null;
    String s = Site.param(ctx, "since", 20);
    if (!s.isEmpty()) {
      try {
        since = LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new BadRequest("since must be a date (YYYY-MM-DD), was " + s);
      }
    }
    int page = Site.page(ctx);
    SiteServices.SearchPage res;
    try {
      res =
          services.search(
              q, Site.param(ctx, "section", 200), Site.param(ctx, "source", 200), since, page, 20);
    } catch (IllegalArgumentException e) { // a query the parser rejects, e.g. published:2025-13-01
      throw new BadRequest("the query could not be understood: " + e.getMessage());
    }
    ObjectNode o = JSON.createObjectNode();
    ArrayNode items = o.putArray("items");
    for (var r : res.results()) {
      ObjectNode t = teaser(r.article(), "");
      t.put("snippet", r.snippetHtml());
      items.add(t);
    }
    o.put("total", res.total());
    o.put("page", page);
    o.put("hasMore", res.hasMore());
    json(ctx, o);
  }

  void related(Context ctx) {
    String id = ctx.pathParam("id");
    if (services.article(id).isEmpty()) {
      throw new NotFound("article " + id);
    }
    int k = Site.intParam(ctx, "k", 8, 1, 50);
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    ArrayNode items = o.putArray("related");
    for (var r : services.related(id, k)) {
      items.add(teaser(r.article(), r.reason()));
    }
    json(ctx, o);
  }

  void stories(Context ctx) {
    int limit = Site.intParam(ctx, "limit", 20, 1, 100);
    ArrayNode items = JSON.createArrayNode();
    for (var t : services.topStories(limit)) {
      ObjectNode s = items.addObject();
      s.put("id", t.storyId());
      s.put("headline", t.headline());
      s.put("size", t.size());
      s.set("lead", teaser(t.lead(), ""));
    }
    ObjectNode o = JSON.createObjectNode();
    o.set("items", items);
    json(ctx, o);
  }

  void story(Context ctx) {
    String id = ctx.pathParam("id");
    var st = services.story(id).orElseThrow(() -> new NotFound("story " + id));
    ObjectNode o = JSON.createObjectNode();
    o.put("id", st.id());
    o.put("headline", st.headline());
    o.put("size", st.size());
    o.put("firstSeen", st.firstSeen().toString());
    o.put("lastSeen", st.lastSeen().toString());
    ArrayNode arts = o.putArray("articles");
    for (PageArticle p : services.latest(new ListFilter("", "", "", id), 1, 100).items()) {
      arts.add(teaser(p, ""));
    }
    json(ctx, o);
  }

  void submit(Context ctx) {
    requireToken(ctx);
    String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    SiteServices.SubmitOutcome out;
    try {
      out = services.submitJson(body);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("status", out.status());
    o.put("id", out.id());
    if (!out.reason().isEmpty()) {
      o.put("reason", out.reason());
    }
    int status =
        switch (out.status()) {
          case "NEW" -> 201;
          case "REJECTED" -> 422;
          default -> 200;
        };
    if (status == 201 && out.id() != null) {
      ctx.header("Location", "/api/articles/" + Views.enc(out.id()));
    }
    ctx.status(status);
    json(ctx, o);
  }

  void delete(Context ctx) {
    requireToken(ctx);
    String id = ctx.pathParam("id");
    if (!services.delete(id)) {
      throw new NotFound("article " + id);
    }
    ctx.status(204);
  }

  void headlines(Context ctx) {
    requireOperator(ctx);
    String id = ctx.pathParam("id");
    List<SiteServices.HeadlineVariant> vs;
    try {
      vs = services.headlineVariants(id);
    } catch (NoSuchElementException e) {
      throw new NotFound("article " + id);
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("article", id);
    ArrayNode arr = o.putArray("variants");
    for (SiteServices.HeadlineVariant v : vs) {
      arr.add(variant(v));
    }
    ctx.header("Cache-Control", "private, no-store");
    json(ctx, o);
  }

  void addHeadline(Context ctx) {
    requireOperator(ctx);
    String id = ctx.pathParam("id");
    JsonNode n;
    try {
      n = JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new BadRequest("expected a JSON object {\"text\": \"the variant\"}");
    }
    String text = n == null ? "" : n.path("text").asText("").strip();
    if (text.isEmpty() || text.length() > 300) {
      throw new BadRequest(
          "expected a JSON object {\"text\": \"the variant\"} (1 to 300 characters)");
    }
    boolean known;
    SiteServices.AddedVariant added;
    try {
      known = services.headlineVariants(id).stream().anyMatch(v -> v.text().equals(text));
      added = services.addHeadlineVariant(id, text);
    } catch (NoSuchElementException e) {
      throw new NotFound("article " + id);
    } catch (IllegalStateException e) {
      Problem.send(ctx, 409, "Too many variants", e.getMessage());
      return;
    } catch (UnsupportedOperationException e) {
      throw new Forbidden(e.getMessage());
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("accepted", added.accepted());
    ArrayNode reasons = o.putArray("reasons");
    added.reasons().forEach(reasons::add);
    SiteServices.HeadlineVariant v = added.variant();
    if (v != null) {
      o.set("variant", variant(v));
    }
    ctx.status(!added.accepted() ? 422 : known ? 200 : 201);
    json(ctx, o);
  }

  void removeHeadline(Context ctx) {
    requireOperator(ctx);
    String id = ctx.pathParam("id");
    String variant = ctx.pathParam("variant");
    if (!services.removeHeadlineVariant(id, variant)) {
      throw new NotFound("variant " + variant + " of article " + id);
    }
    ctx.status(204);
  }

  private static ObjectNode variant(SiteServices.HeadlineVariant v) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", v.id());
    o.put("text", v.text());
    o.put("origin", v.origin());
    o.put("created", v.created().toString());
    return o;
  }

  /** Editors' API calls: a bearer token among the operator tokens (none configured: refused). */
  private void requireOperator(Context ctx) {
    SiteConfig cfg = views.config();
    if (cfg.operatorTokenHashes().isEmpty()) {
      throw new Forbidden("editing is disabled: no operator token is configured");
    }
    String auth = ctx.header("Authorization");
    String token =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).strip()
            : "";
    if (!Tokens.matches(token, cfg.operatorTokenHashes())) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"lede\"");
      throw new Unauthorized("a valid operator token is required");
    }
  }

  void event(Context ctx) {
    JsonNode n;
    try {
      n = JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new BadRequest("the event must be a JSON object");
    }
    if (n == null || !n.isObject()) {
      throw new BadRequest("the event must be a JSON object");
    }
    String type = n.path("type").asText("");
    String article = n.path("article").asText("");
    String from = n.path("from").asText("");
    int slot = n.path("slot").asInt(-1);
    if (!type.equals("click")
        || article.isEmpty()
        || article.length() > 200
        || from.length() > 200
        || slot < 0
        || slot > 100) {
      throw new BadRequest("expected {type: \"click\", article, from, slot (0..100), variant}");
    }
    String variant = n.path("variant").asText("");
    events.click(
        ctx, article, from, slot, variant.length() > 40 ? variant.substring(0, 40) : variant);
    ctx.status(202);
  }

  private boolean hasToken(Context ctx) {
    SiteConfig cfg = views.config();
    String auth = ctx.header("Authorization");
    return !cfg.apiTokenHashes().isEmpty()
        && auth != null
        && auth.regionMatches(true, 0, "Bearer ", 0, 7)
        && Tokens.matches(auth.substring(7).strip(), cfg.apiTokenHashes());
  }

  private void requireToken(Context ctx) {
    SiteConfig cfg = views.config();
    if (cfg.apiTokenHashes().isEmpty()) {
      throw new Forbidden("writes are disabled: no API token is configured");
    }
    String auth = ctx.header("Authorization");
    String token =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).strip()
            : "";
    if (!Tokens.matches(token, cfg.apiTokenHashes())) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"lede\"");
      throw new Unauthorized("a valid bearer token is required");
    }
  }

  ObjectNode teaser(PageArticle p, String reason) {
    ObjectNode t = JSON.createObjectNode();
    t.put("id", p.id());
    t.put("headline", p.article().title());
    t.put("altHeadline", p.altHeadline());
    t.put("excerpt", Views.excerpt(p.article()));
    t.put("url", views.config().url(Views.articleHref(p.id())));
    t.put("published", p.article().published() == null ? null : p.article().published().toString());
    t.put("source", p.source() == null ? p.article().siteName() : p.source().id());
    t.put("story", p.storyId());
    t.put("reason", reason);
    var img = views.firstLocalImage(p.article());
    if (img != null) {
      ObjectNode i = t.putObject("image");
      i.put(
          "src",
          views.config().url("/img/" + services.imageKey(img.src()).orElseThrow() + "-thumb.jpg"));
      i.put("alt", img.alt());
    }
    return t;
  }

  private static void json(Context ctx, JsonNode n) {
    ctx.contentType("application/json").result(n.toString());
  }

  /** 401. */
  static final class Unauthorized extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unauthorized(String m) {
      super(m);
    }
  }

  /** 403. */
  static final class Forbidden extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Forbidden(String m) {
      super(m);
    }
  }
}
