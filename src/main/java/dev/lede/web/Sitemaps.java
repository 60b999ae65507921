package dev.lede.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes sitemaps (sitemaps.org 0.9): a urlset of article URLs, a sitemap index when there are more
 * than {@link #MAX_URLS} articles, and a Google News sitemap (articles of the last 48 hours, with
 * {@code news:publication}, {@code news:publication_date} and {@code news:title}).
 */
final class Sitemaps {
  /** The protocol's limit of URLs per sitemap file. */
  static final int MAX_URLS = 50_000;

  static final String TYPE = "application/xml; charset=utf-8";
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

  /** One URL with its last change. */
  record Url(String loc, @Nullable Instant lastmod) {}

  /** One article for the news sitemap. */
  record NewsUrl(String loc, String title, Instant published, String language) {}

  private Sitemaps() {}

  static String urlset(List<Url> urls) {
    if (urls.size() > MAX_URLS) {
      throw new IllegalArgumentException(
          "a sitemap holds at most " + MAX_URLS + " URLs, got " + urls.size());
    }
    return Feeds.xml(
        w -> {
          w.writeStartElement("urlset");
          w.writeDefaultNamespace(NS);
          for (Url u : urls) {
            w.writeStartElement("url");
            Feeds.element(w, "loc", u.loc());
            if (u.lastmod() != null) {
              Feeds.element(w, "lastmod", u.lastmod().toString());
            }
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  static String index(List<Url> sitemaps) {
    return Feeds.xml(
        w -> {
          w.writeStartElement("sitemapindex");
          w.writeDefaultNamespace(NS);
          for (Url u : sitemaps) {
            w.writeStartElement("sitemap");
            Feeds.element(w, "loc", u.loc());
            if (u.lastmod() != null) {
              Feeds.element(w, "lastmod", u.lastmod().toString());
            }
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  static String news(String publicationName, List<NewsUrl> urls) {
    return Feeds.xml(
        w -> {
          w.writeStartElement("urlset");
          w.writeDefaultNamespace(NS);
          w.writeNamespace("news", NEWS_NS);
          for (NewsUrl u : urls) {
            w.writeStartElement("url");
            Feeds.element(w, "loc", u.loc());
            w.writeStartElement("news", "news", NEWS_NS);
            w.writeStartElement("news", "publication", NEWS_NS);
            w.writeStartElement("news", "name", NEWS_NS);
            w.writeCharacters(XmlText.clean(publicationName));
            w.writeEndElement();
            w.writeStartElement("news", "language", NEWS_NS);
            w.writeCharacters(u.language().isEmpty() ? "en" : u.language());
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("news", "publication_date", NEWS_NS);
            w.writeCharacters(u.published().toString());
            w.writeEndElement();
            w.writeStartElement("news", "title", NEWS_NS);
            w.writeCharacters(XmlText.clean(u.title()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }
}
