package dev.lede.ingest;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sitemaps, sitemap indexes and Google News sitemaps (the {@code news:} extension: title,
 * publication date, language, publication name, keywords) through crawler-commons, lenient about
 * locations (news sites often list URLs on another host than the sitemap's) and about partially
 * broken files. Text sitemaps (one URL a line) are read too. The XML is vetted by {@link XmlSafety}
 * first; gzip files are decompressed by the caller under the fetch limits, since crawler-commons
 * would decompress without any.
 */
final class SitemapReader {

  /** One URL of a sitemap with what the sitemap says about it. */
  record Entry(
      URI url,
      @Nullable Instant lastModified,
      String newsTitle,
      @Nullable Instant newsPublished,
      String newsLanguage,
      String newsPublication,
      List<String> keywords) {

    /** The most specific date known: the news publication date, else lastmod. */
    @Nullable Instant date() {
      return newsPublished != null ? newsPublished : lastModified;
    }
  }

  /** A parsed sitemap: an index of other sitemaps, or a list of URLs. */
  record Parsed(boolean index, List<URI> sitemaps, List<Entry> entries) {}

  private SitemapReader() {}

  static Parsed parse(byte[] body, @Nullable String mediaType, @Nullable String charset, URI url)
      throws BadContentException {
    String text = XmlText.decode(body, charset);
    boolean xml = text.stripLeading().startsWith("<");
    byte[] clean;
    String type;
    if (xml) {
      clean = XmlSafety.clean(text).getBytes(StandardCharsets.UTF_8);
      type = "text/xml";
    } else {
      clean = text.getBytes(StandardCharsets.UTF_8);
      type = "text/plain";
    }
    SiteMapParser parser = new SiteMapParser(false, true);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    try {
      map = parser.parseSiteMap(type, clean, toUrl(url));
    } catch (UnknownFormatException | IOException | RuntimeException e) {
      throw new BadContentException("not a sitemap: " + RomeFeedParser.oneLine(e.getMessage()), e);
    }
    if (map instanceof SiteMapIndex index) {
      List<URI> children = new ArrayList<>();
      for (AbstractSiteMap child : index.getSitemaps()) {
        URI u = toUri(child.getUrl());
        if (u != null && isHttp(u)) {
          children.add(u);
        }
      }
      return new Parsed(true, children, List.of());
    }
    if (!(map instanceof SiteMap sm)) {
      throw new BadContentException("not a sitemap");
    }
    List<Entry> entries = new ArrayList<>();
    for (SiteMapURL su : sm.getSiteMapUrls()) {
      URI u = toUri(su.getUrl());
      if (u == null || !su.isValid() || !isHttp(u)) {
        continue; // file:, ftp: and the like are never fetched
      }
      entries.add(entry(u, su));
    }
    return new Parsed(false, List.of(), entries);
  }

  private static Entry entry(URI u, SiteMapURL su) {
    String title = "";
    Instant published = null;
    String lang = "";
    String publication = "";
    List<String> keywords = List.of();
    ExtensionMetadata[] news = su.getAttributesForExtension(Extension.NEWS);
    if (news != null) {
      for (ExtensionMetadata m : news) {
        if (m instanceof NewsAttributes n) {
          title = HtmlText.plain(n.getTitle());
          published =
              n.getPublicationDateTime() == null ? null : n.getPublicationDateTime().toInstant();
          lang = RomeFeedParser.language(n.getLanguage());
          publication = HtmlText.plain(n.getName());
          if (n.getKeywords() != null) {
            List<String> k = new ArrayList<>();
            for (String s : n.getKeywords()) {
              String p = HtmlText.plain(s);
              if (!p.isEmpty()) {
                k.add(p);
              }
            }
            keywords = List.copyOf(k);
          }
          break;
        }
      }
    }
    Date lm = su.getLastModified();
    return new Entry(
        u, lm == null ? null : lm.toInstant(), title, published, lang, publication, keywords);
  }

  private static boolean isHttp(URI u) {
    String s = u.getScheme();
    return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https"));
  }

  private static URL toUrl(URI u) throws BadContentException {
    try {
      return u.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new BadContentException("bad sitemap URL " + u, e);
    }
  }

  private static @Nullable URI toUri(@Nullable URL u) {
    if (u == null) {
      return null;
    }
    try {
      return u.toURI();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
