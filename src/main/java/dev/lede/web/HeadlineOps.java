package dev.lede.web;

import dev.lede.web.view.HeadlineTestsView;
import dev.lede.web.view.Layout;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The editors' page of headline tests ({@code /ops/headlines}), behind the operator session of
 * {@link OpsRoutes}: each test with its arms' impressions, clicks, CTR, 95% credible interval (also
 * drawn as SVG), probability of being best and status; editors promote a variant (optionally as the
 * canonical title) or stop a test.
 */
final class HeadlineOps {
  private final SiteServices services;
  private final Views views;
  private final Renderer renderer;
  private final OpsRoutes ops;

  HeadlineOps(SiteServices services, Views views, Renderer renderer, OpsRoutes ops) {
    this.services = services;
    this.views = views;
    this.renderer = renderer;
    this.ops = ops;
  }

  void page(Context ctx) {
    if (!ops.signedIn(ctx)) {
      ctx.redirect(
          "/ops?msg=" + Views.enc("Sign in to see the headline tests."), HttpStatus.SEE_OTHER);
      return;
    }
    List<HeadlineTestsView.Test> tests = new ArrayList<>();
    for (SiteServices.HeadlineTestStatus t : services.headlineTests()) {
      List<HeadlineTestsView.Arm> arms = new ArrayList<>();
      for (SiteServices.HeadlineArm a : t.arms()) {
        arms.add(
            new HeadlineTestsView.Arm(
                a.variantId(),
                a.text(),
                String.format(Locale.ROOT, "%,d", a.impressions()),
                String.format(Locale.ROOT, "%,d", a.clicks()),
                String.format(Locale.ROOT, "%.2f%%", a.ctr() * 100),
                String.format(Locale.ROOT, "%.2f–%.2f%%", a.low() * 100, a.high() * 100),
                String.format(Locale.ROOT, "%.2f", a.probabilityBest()),
                a.variantId().equals(t.winner())));
      }
      tests.add(
          new HeadlineTestsView.Test(
              t.articleId(),
              Views.articleHref(t.articleId()),
              t.status(),
              t.winner() == null ? "" : t.winner(),
              t.canonical(),
              t.status().equals("RUNNING"),
              arms,
              t.chartSvg()));
    }
    Layout layout =
        views.layout(
            "Headline tests",
            "",
            "/ops/headlines",
            "",
            List.of(),
            "",
            List.of(),
            "",
            false,
            "noindex, nofollow");
    ctx.header("Cache-Control", "private, no-store");
    Site.html(
        ctx,
        renderer.render(
            "headlines.jte", new HeadlineTestsView(layout, tests, Site.param(ctx, "msg", 200))));
  }

  void promote(Context ctx) {
    ops.requireOperator(ctx);
    String id = ctx.pathParam("id");
    String variant = Site.form(ctx, "variant", 200);
    boolean canonical = Boolean.parseBoolean(Site.form(ctx, "canonical", 10));
    boolean ok = services.promoteHeadline(id, variant, canonical);
    done(
        ctx,
        ok
            ? "Promoted " + variant + " in " + id + (canonical ? " as the title." : " in teasers.")
            : "No variant " + variant + " in a test of " + id + ".");
  }

  void stop(Context ctx) {
    ops.requireOperator(ctx);
    String id = ctx.pathParam("id");
    boolean ok = services.stopHeadlineTest(id);
    done(ctx, ok ? "Stopped the test of " + id + "." : "No headline test for " + id + ".");
  }

  private static void done(Context ctx, String message) {
    ctx.redirect("/ops/headlines?msg=" + Views.enc(message), HttpStatus.SEE_OTHER);
  }
}
