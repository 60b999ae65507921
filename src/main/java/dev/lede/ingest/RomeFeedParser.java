package dev.lede.ingest;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * RSS 0.90–2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 through ROME. The text is decoded by {@link XmlText}
 * and vetted by {@link XmlSafety} first; ROME then runs with DOCTYPEs refused, external entities
 * off and its "healer" on (HTML entities such as e-acute, common in old feeds, become character
 * references). Extension namespaces (iTunes, Media RSS, Dublin Core, ...) are ignored unless ROME
 * maps them (dc:creator becomes the author, dc:date the date).
 */
final class RomeFeedParser implements FeedParser {

  @Override
  public Feed parse(byte[] body, @Nullable String charset, URI base) throws BadContentException {
    String xml = XmlSafety.clean(XmlText.decode(body, charset));
    SyndFeed f;
    try {
      f = romeInput().build(new StringReader(xml));
    } catch (FeedException e) {
      throw new BadContentException("not a well-formed feed: " + oneLine(e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new BadContentException("not an RSS or Atom feed: " + oneLine(e.getMessage()), e);
    }
    URI feedBase = base;
    String link = absolute(feedBase, f.getLink());
    List<Item> items = new ArrayList<>();
    for (SyndEntry e : f.getEntries()) {
      items.add(item(e, feedBase));
    }
    return new Feed(
        f.getFeedType() == null ? "" : f.getFeedType(),
        HtmlText.plain(f.getTitle()),
        link,
        language(f.getLanguage()),
        items);
  }

  /** ROME as we configure it: DOCTYPEs refused (with external entities off), healer on. */
  static SyndFeedInput romeInput() {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(true);
    return input;
  }

  private static Item item(SyndEntry e, URI base) {
    String link = absolute(base, entryLink(e));
    String guid = e.getUri() == null ? "" : e.getUri().strip();
    if (link.isEmpty() && guid.matches("(?i)https?://\\S+")) {
      link = guid; // RSS guid isPermaLink
    }
    String summary = e.getDescription() == null ? "" : nz(e.getDescription().getValue());
    StringBuilder content = new StringBuilder();
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank()) {
        if (!content.isEmpty()) {
          content.append('\n');
        }
        content.append(isText(c.getType()) ? escapeAsHtml(c.getValue()) : c.getValue());
      }
    }
    if (e.getDescription() != null && isText(e.getDescription().getType())) {
      summary = escapeAsHtml(summary);
    }
    String title =
        e.getTitleEx() != null && isText(e.getTitleEx().getType())
            ? HtmlText.collapse(nz(e.getTitle()))
            : HtmlText.plain(e.getTitle());
    return new Item(
        guid,
        link,
        title,
        instant(e.getPublishedDate()),
        instant(e.getUpdatedDate()),
        authors(e),
        categories(e),
        summary,
        content.toString(),
        "",
        image(e, base),
        "");
  }

  private static String entryLink(SyndEntry e) {
    for (SyndLink l : e.getLinks()) {
      String rel = l.getRel();
      if ((rel == null || rel.equals("alternate")) && l.getHref() != null) {
        return l.getHref();
      }
    }
    return nz(e.getLink());
  }

  private static List<String> authors(SyndEntry e) {
    Set<String> out = new LinkedHashSet<>();
    for (SyndPerson p : e.getAuthors()) {
      String n = Bylines.clean(p.getName() != null ? p.getName() : nz(p.getEmail()));
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    if (out.isEmpty() && e.getAuthor() != null) {
      String n = Bylines.clean(e.getAuthor());
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> categories(SyndEntry e) {
    Set<String> out = new LinkedHashSet<>();
    for (SyndCategory c : e.getCategories()) {
      String n = HtmlText.plain(c.getName());
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    // ROME 2 no longer folds Dublin Core subjects (RSS 1.0's categories) into getCategories()
    if (e.getModule(DCModule.URI) instanceof DCModule dc) {
      for (DCSubject s : dc.getSubjects()) {
        String n = HtmlText.plain(s.getValue());
        if (!n.isEmpty()) {
          out.add(n);
        }
      }
    }
    return List.copyOf(out);
  }

  private static String image(SyndEntry e, URI base) {
    for (SyndEnclosure enc : e.getEnclosures()) {
      String type = enc.getType() == null ? "" : enc.getType().toLowerCase(Locale.ROOT);
      if (type.startsWith("image/") && enc.getUrl() != null) {
        return absolute(base, enc.getUrl());
      }
    }
    return "";
  }

  private static boolean isText(@Nullable String type) {
    return type != null && (type.equalsIgnoreCase("text") || type.equalsIgnoreCase("text/plain"));
  }

  private static String escapeAsHtml(String text) {
    return org.jsoup.nodes.Entities.escape(text).replace("\n\n", "<br><br>");
  }

  static String absolute(URI base, @Nullable String href) {
    if (href == null || href.isBlank()) {
      return "";
    }
    try {
      URI u = base.resolve(URI.create(href.strip().replace(" ", "%20")));
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return scheme.equals("http") || scheme.equals("https") ? u.toString() : "";
    } catch (IllegalArgumentException ex) {
      return "";
    }
  }

  private static @Nullable Instant instant(@Nullable Date d) {
    return d == null ? null : d.toInstant();
  }

  static String language(@Nullable String lang) {
    if (lang == null) {
      return "";
    }
    String l = lang.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    return l.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*") ? l : "";
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  static String oneLine(@Nullable String s) {
    if (s == null) {
      return "unknown error";
    }
    String t = HtmlText.collapse(s);
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }
}
