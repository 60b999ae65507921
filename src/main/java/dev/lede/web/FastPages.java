package dev.lede.web;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The fast lane for cached article pages: a Jetty handler in front of Javalin's servlet context
 * that answers {@code GET} (and {@code HEAD}) {@code /a/{id}} from the page cache on Jetty's own
 * request and response, without the servlet layer, the session handler, Javalin's router and its
 * before/after handlers (what a response from memory costs through Javalin is most of what the page
 * costs once it is cached). Everything else, and every page not in the cache, goes on to Javalin,
 * whose route renders and caches it; both paths send the same headers and count the same
 * impressions.
 *
 * <p>Only plain ids take the fast lane: a path with percent-escapes, path parameters or more
 * segments goes to Javalin, which decodes and routes it as usual.
 */
final class FastPages extends Handler.Wrapper {
  private final ArticleRoute article;
  private final HttpTimers timers;

  FastPages(ArticleRoute article, HttpTimers timers) {
    this.article = article;
    this.timers = timers;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) {
      String path = request.getHttpURI().getPath();
      if (path != null
          && path.startsWith("/a/")
          && path.length() > 3
          && path.indexOf('/', 3) < 0
          && path.indexOf('%') < 0
          && path.indexOf(';') < 0) {
        long t0 = System.nanoTime();
        if (article.serveCached(path.substring(3), request, response, callback)) {
          timers.record(ArticleRoute.ROUTE, response.getStatus(), System.nanoTime() - t0);
          return true;
        }
      }
    }
    return super.handle(request, response, callback);
  }
}
