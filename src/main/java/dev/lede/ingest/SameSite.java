package dev.lede.ingest;

import crawlercommons.domains.EffectiveTldFinder;
import dev.lede.model.Article;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether a page may name its canonical URL. The store keys an article on its canonical URL, so a
 * page that names another site's article as its canonical would replace that article. A fetched
 * page is trusted to speak only for its own site: the canonical URL's host must have the same
 * registrable domain as the host that finally answered (after redirects), by the public suffix list
 * crawler-commons ships with private suffixes included, so {@code news.bbc.co.uk} may name {@code
 * www.bbc.co.uk} but {@code alice.github.io} may not name {@code bob.github.io}. A host without a
 * registrable domain (an IP address, {@code localhost}, an unlisted suffix) must match exactly. An
 * untrusted canonical URL is dropped and the article keys on the fetched URL, which costs a
 * syndicated copy its merge with the original: a duplicate rather than an overwrite.
 */
final class SameSite {
  private SameSite() {}

  /** The article without its canonical URL unless that URL is on the fetched URL's site. */
  static Article trustedCanonical(Article a, URI fetched) {
    if (a.canonicalUrl().isEmpty() || sameSite(a.canonicalUrl(), fetched)) {
      return a;
    }
    return a.toBuilder().canonicalUrl("").build();
  }

  static boolean sameSite(String url, URI fetched) {
    String host = host(url);
    String own = fetched.getHost();
    if (host == null || own == null) {
      return false;
    }
    own = own.toLowerCase(Locale.ROOT);
    if (host.equals(own)) {
      return true;
    }
    String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
    return domain != null && domain.equals(EffectiveTldFinder.getAssignedDomain(own, true, false));
  }

  private static @Nullable String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null; // not a URL: nothing to trust
    }
  }
}
