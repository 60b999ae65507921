package dev.lede.web;

import dev.lede.model.Source;
import dev.lede.web.view.Layout;
import dev.lede.web.view.OpsView;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's pages, signed in with the operator token: the token (checked against its
 * configured SHA-256 digest) opens a server-side session whose random id travels in an HttpOnly,
 * SameSite=Strict cookie. State-changing requests also require a same-origin {@code Origin} or
 * {@code Referer} when the browser sends one.
 */
final class OpsRoutes {
  static final String COOKIE = "lede_ops";
  private static final Duration SESSION = Duration.ofHours(8);
  private final SiteServices services;
  private final Views views;
  private final Renderer renderer;
  private final InstantSource clock;
  private final ConcurrentHashMap<String, Long> sessions = new ConcurrentHashMap<>();

  OpsRoutes(SiteServices services, Views views, Renderer renderer, InstantSource clock) {
    this.services = services;
    this.views = views;
    this.renderer = renderer;
    this.clock = clock;
  }

  boolean signedIn(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id == null) {
      return false;
    }
    Long expires = sessions.get(id);
    return expires != null && expires > clock.millis();
  }

  void requireOperator(Context ctx) {
    if (!signedIn(ctx)) {
      throw new ApiRoutes.Unauthorized("sign in with the operator token first");
    }
    if (!ctx.method().name().equals("GET")) {
      sameOrigin(ctx);
    }
  }

  private void sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      String ref = ctx.header("Referer");
      origin = ref;
    }
    if (origin == null || origin.equals("null")) {
      return; // non-browser clients; the SameSite=Strict cookie already blocks cross-site forms
    }
    String host = ctx.host();
    if (host == null
        || !(origin.startsWith("http://" + host)
            || origin.startsWith("https://" + host)
            || origin.startsWith(views.config().baseUrl()))) {
      throw new ApiRoutes.Forbidden("cross-origin request refused");
    }
  }

  void page(Context ctx) {
    page(ctx, Site.param(ctx, "msg", 200));
  }

  private void page(Context ctx, String message) {
    boolean in = signedIn(ctx);
    List<OpsView.Row> rows = new ArrayList<>();
    if (in) {
      for (var s : services.sourceStatuses(30)) {
        Source src = s.source();
        rows.add(
            new OpsView.Row(
                src.id(),
                src.name().isEmpty() ? src.id() : src.name(),
                src.kind().name().toLowerCase(Locale.ROOT),
                src.location(),
                src.rights().name(),
                src.paused(),
                s.lastFetch() == null ? "never" : views.label(s.lastFetch()),
                src.paused() ? "paused" : s.lastStatus(),
                s.lastError(),
                Sparkline.svg(
                    s.articlesPerDay(),
                    120,
                    24,
                    "Articles per day, last " + s.articlesPerDay().size() + " days")));
      }
    }
    Layout layout =
        views.layout(
            "Operations", "", "/ops", "", List.of(), "", List.of(), "", false, "noindex, nofollow");
    ctx.header("Cache-Control", "private, no-store");
    Site.html(ctx, renderer.render("ops.jte", new OpsView(layout, rows, message, in)));
  }

  void login(Context ctx) {
    String token = Site.form(ctx, "token", 200);
    if (!Tokens.matches(token, views.config().operatorTokenHashes())) {
      ctx.status(401);
      page(
          ctx,
          views.config().operatorTokenHashes().isEmpty()
              ? "No operator token is configured."
              : "That token is not valid.");
      return;
    }
    String id = Tokens.newToken();
    sessions.values().removeIf(e -> e < clock.millis());
    sessions.put(id, clock.millis() + SESSION.toMillis());
    Cookie c = new Cookie(COOKIE, id);
    c.setHttpOnly(true);
    c.setSameSite(SameSite.STRICT);
    c.setPath("/");
    c.setMaxAge((int) SESSION.toSeconds());
    c.setSecure(views.config().baseUrl().startsWith("https:"));
    ctx.cookie(c);
    ctx.redirect("/ops", HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id != null) {
      sessions.remove(id);
    }
    ctx.removeCookie(COOKIE, "/");
    ctx.redirect("/ops", HttpStatus.SEE_OTHER);
  }

  void addSource(Context ctx) {
    requireOperator(ctx);
    Source.Kind kind;
    Source.RightsPolicy rights;
    try {
      kind = Source.Kind.valueOf(Site.form(ctx, "kind", 20));
      rights = Source.RightsPolicy.valueOf(Site.form(ctx, "rights", 20));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("unknown kind or rights policy");
    }
    String location = Site.form(ctx, "location", 2000);
    if (!dev.lede.model.Urls.isHttpUrl(location)) {
      throw new BadRequest("the source location must be an http(s) URL");
    }
    Source s = services.addSource(kind, location, Site.form(ctx, "name", 200), rights);
    done(ctx, "Added source " + s.id() + ".");
  }

  void pause(Context ctx) {
    requireOperator(ctx);
    boolean paused = Boolean.parseBoolean(Site.form(ctx, "paused", 10));
    services.pauseSource(ctx.pathParam("id"), paused);
    done(ctx, (paused ? "Paused " : "Resumed ") + ctx.pathParam("id") + ".");
  }

  void remove(Context ctx) {
    requireOperator(ctx);
    services.removeSource(ctx.pathParam("id"));
    done(ctx, "Removed " + ctx.pathParam("id") + ".");
  }

  void rights(Context ctx) {
    requireOperator(ctx);
    try {
      services.setRights(
          ctx.pathParam("id"), Source.RightsPolicy.valueOf(Site.form(ctx, "rights", 20)));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("unknown rights policy");
    }
    done(ctx, "Rights policy of " + ctx.pathParam("id") + " changed.");
  }

  void article(Context ctx) {
    requireOperator(ctx);
    String id = Site.form(ctx, "id", 200);
    String action = Site.form(ctx, "action", 20);
    boolean ok =
        switch (action) {
          case "hide" -> services.hide(id, true);
          case "show" -> services.hide(id, false);
          case "delete" -> services.delete(id);
          default -> throw new BadRequest("unknown action " + action);
        };
    done(ctx, ok ? "Article " + id + ": " + action + " done." : "No article " + id + ".");
  }

  private static void done(Context ctx, String message) {
    ctx.redirect("/ops?msg=" + Views.enc(message), HttpStatus.SEE_OTHER);
  }
}
