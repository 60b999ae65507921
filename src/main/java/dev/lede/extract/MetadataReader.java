package dev.lede.extract;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads a page's metadata, structured data first: JSON-LD, then OpenGraph and the other meta
 * vocabularies (Dublin Core, Parse.ly, Sailthru, article:*), then what the page shows ({@code <time
 * datetime>}, visible bylines, the h1, the document title), and only last a date in the URL.
 * newspaper's and newspaper4k's trackers show the cost of the opposite order (body dates beating
 * the publisher's own {@code datePublished}).
 */
final class MetadataReader {
  private static final Pattern URL_DATE =
      Pattern.compile("/((?:19|20)\\d\\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|-|$)");
  private static final Pattern URLISH = Pattern.compile("(?i)^(?:https?:)?//.*|^www\\..*");

  private MetadataReader() {}

  static PageMeta read(Document doc, @Nullable URI url, ImageResolver urls) {
    MetaTags meta = new MetaTags(doc);
    JsonLd.Info ld = JsonLd.read(doc);
    String siteName =
        first(meta.first("og:site_name", "application-name", "al:ios:app_name"), ld.publisher());
    String title = title(doc, meta, ld, siteName);
    Element headline = headline(doc, title);
    List<String> bylines = bylines(doc, meta, ld, siteName);
    Instant published = published(doc, meta, ld, url);
    Instant modified =
        Dates.parse(
            first(
                ld.modified(),
                meta.first(
                    "article:modified_time",
                    "og:updated_time",
                    "datemodified",
                    "dcterms.modified",
                    "last-modified",
                    "article:modified",
                    "modified")));
    // only an http(s) URL can be the article's address; a javascript: one falls to og:url & co.
    String canonical = urls.absolute(doc.select("link[rel~=(?i)^canonical$][href]").attr("href"));
    if (canonical.isEmpty()) {
      canonical =
          urls.absolute(first(meta.first("og:url", "twitter:url", "parsely-link"), ld.url()));
    }
    String description =
        first(
            meta.first(
                "description",
                "og:description",
                "twitter:description",
                "dc.description",
                "dcterms.description",
                "sailthru.description"),
            ld.description());
    String section =
        first(
            ld.section(),
            meta.first(
                "article:section",
                "parsely-section",
                "section",
                "sailthru.section",
                "category",
                "dc.subject"));
    return new PageMeta(
        title,
        canonical,
        bylines,
        published,
        modified,
        language(doc, meta, ld),
        siteName,
        section,
        Texts.cap(description, 2000),
        tags(meta, ld),
        headline);
  }

  private static String title(Document doc, MetaTags meta, JsonLd.Info ld, String siteName) {
    String t =
        first(
            ld.headline(),
            meta.first(
                "dc.title",
                "dcterm:title",
                "dcterms.title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
                "sailthru.title"));
    if (!t.isEmpty()) {
      return Titles.withoutSiteName(t, siteName);
    }
    String docTitle = Texts.normalize(doc.title());
    if (!docTitle.isEmpty()) {
      String cleaned = Titles.withoutSiteName(docTitle, siteName);
      return cleaned.equals(docTitle) ? Titles.fromDocumentTitle(docTitle) : cleaned;
    }
    Element h1 = doc.selectFirst("h1");
    return h1 == null ? "" : Texts.cap(Texts.normalize(h1.text()), 500);
  }

  /** The h1 (or failing that h2) that shows the title, or the only h1. */
  private static @Nullable Element headline(Document doc, String title) {
    String key = key(title);
    List<Element> h1s = doc.getElementsByTag("h1");
    for (Element h : h1s) {
      String k = key(h.text());
      if (!k.isEmpty()
          && !key.isEmpty()
          && (k.equals(key)
              || key.contains(k) && k.length() > 15
              || k.contains(key) && key.length() > 15)) {
        return h;
      }
    }
    return h1s.size() == 1 ? h1s.get(0) : null;
  }

  static String key(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static List<String> bylines(Document doc, MetaTags meta, JsonLd.Info ld, String site) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : ld.authors()) {
      out.addAll(Bylines.people(a, site));
    }
    if (out.isEmpty()) {
      for (String key :
          new String[] {
            "dc.creator",
            "dcterm:creator",
            "dcterms.creator",
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "byl",
            "citation_author",
            "og:article:author",
            "article:author_name"
          }) {
        for (String v : meta.all(key)) {
          if (!URLISH.matcher(v).matches()) {
            out.addAll(Bylines.people(v, site));
          }
        }
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    if (out.isEmpty()) {
      out.addAll(VisibleMeta.bylines(doc, site));
    }
    return new ArrayList<>(out);
  }

  private static @Nullable Instant published(
      Document doc, MetaTags meta, JsonLd.Info ld, @Nullable URI url) {
    Instant i = Dates.parse(ld.published());
    if (i != null) {
      return i;
    }
    i =
        Dates.parse(
            meta.first(
                "article:published_time",
                "og:article:published_time",
                "article:published",
                "datepublished",
                "parsely-pub-date",
                "sailthru.date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "published_time",
                "published-date",
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dcterms.date",
                "dcterms.created",
                "dc.date.created",
                "citation_publication_date",
                "citation_date",
                "date",
                "og:published_time",
                "article.published",
                "originalpublicationdate",
                "displaydate",
                "datecreated",
                "timestamp"));
    if (i != null) {
      return i;
    }
    i = VisibleMeta.published(doc);
    if (i != null) {
      return i;
    }
    if (url != null && url.getPath() != null) {
      Matcher m = URL_DATE.matcher(url.getPath());
      if (m.find()) {
        return Dates.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
      }
    }
    return null;
  }

  private static String language(Document doc, MetaTags meta, JsonLd.Info ld) {
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang").strip();
    if (lang.isEmpty() && html != null) {
      lang = html.attr("xml:lang").strip();
    }
    if (lang.isEmpty()) {
      lang =
          first(
              meta.first("content-language", "language", "dc.language", "og:locale"),
              ld.language());
    }
    lang = lang.replace('_', '-');
    int comma = lang.indexOf(',');
    if (comma > 0) {
      lang = lang.substring(0, comma);
    }
    return lang.matches("(?i)[a-z]{2,3}(?:-[a-z0-9]{2,8})*") ? lang : "";
  }

  private static List<String> tags(MetaTags meta, JsonLd.Info ld) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : meta.all("article:tag")) {
      out.add(t);
    }
    if (out.isEmpty()) {
      out.addAll(ld.keywords());
    }
    if (out.isEmpty()) {
      for (String key :
          new String[] {"news_keywords", "keywords", "parsely-tags", "sailthru.tags"}) {
        for (String part : meta.first(key).split("[,;]")) {
          String t = Texts.normalize(part);
          if (!t.isEmpty() && t.length() <= 80) {
            out.add(t);
          }
        }
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    List<String> list = new ArrayList<>(out);
    return list.size() > 50 ? list.subList(0, 50) : list;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}
