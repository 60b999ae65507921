package dev.lede.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes outgoing feeds: RSS 2.0, Atom 1.0 (RFC 4287) and JSON Feed 1.1. Text goes through a
 * streaming XML writer or Jackson, so every value is escaped; entries carry plain text only.
 */
final class Feeds {
  static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
  static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
  static final String JSON_FEED_TYPE = "application/feed+json; charset=utf-8";

  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Feeds() {}

  static String rss(FeedMeta meta, List<FeedEntry> entries) {
    return xml(
        w -> {
          w.writeStartElement("rss");
          w.writeAttribute("version", "2.0");
          w.writeNamespace("atom", ATOM_NS);
          w.writeNamespace("dc", DC_NS);
          w.writeStartElement("channel");
          element(w, "title", meta.title());
          element(w, "link", meta.homeUrl());
          element(
              w, "description", meta.description().isEmpty() ? meta.title() : meta.description());
          if (!meta.language().isEmpty()) {
            element(w, "language", meta.language());
          }
          element(w, "lastBuildDate", rfc822(meta.updated()));
          element(w, "generator", "Lede");
          w.writeEmptyElement("atom", "link", ATOM_NS);
          w.writeAttribute("href", meta.feedUrl());
          w.writeAttribute("rel", "self");
          w.writeAttribute("type", "application/rss+xml");
          for (FeedEntry e : entries) {
            w.writeStartElement("item");
            element(w, "title", e.title());
            element(w, "link", e.url());
            w.writeStartElement("guid");
            w.writeAttribute("isPermaLink", e.id().equals(e.url()) ? "true" : "false");
            w.writeCharacters(XmlText.clean(e.id()));
            w.writeEndElement();
            if (e.published() != null) {
              element(w, "pubDate", rfc822(e.published()));
            }
            element(w, "description", e.summary());
            for (String a : e.authors()) {
              w.writeStartElement("dc", "creator", DC_NS);
              w.writeCharacters(XmlText.clean(a));
              w.writeEndElement();
            }
            for (String t : e.tags()) {
              element(w, "category", t);
            }
            w.writeEndElement();
          }
          w.writeEndElement();
          w.writeEndElement();
        });
  }

  static String atom(FeedMeta meta, List<FeedEntry> entries) {
    return xml(
        w -> {
          w.writeStartElement("feed");
          w.writeDefaultNamespace(ATOM_NS);
          if (!meta.language().isEmpty()) {
            w.writeAttribute("xml:lang", meta.language());
          }
          element(w, "id", meta.feedUrl());
          element(w, "title", meta.title());
          if (!meta.description().isEmpty()) {
            element(w, "subtitle", meta.description());
          }
          element(w, "updated", meta.updated().toString());
          link(w, "self", meta.feedUrl(), "application/atom+xml");
          link(w, "alternate", meta.homeUrl(), "text/html");
          w.writeStartElement("generator");
          w.writeCharacters("Lede");
          w.writeEndElement();
          for (FeedEntry e : entries) {
            w.writeStartElement("entry");
            element(w, "id", e.id());
            element(w, "title", e.title());
            link(w, "alternate", e.url(), "text/html");
            Instant updated = e.lastChange() == null ? meta.updated() : e.lastChange();
            element(w, "updated", updated.toString());
            if (e.published() != null) {
              element(w, "published", e.published().toString());
            }
            // RFC 4287 §4.1.1: an entry needs an author unless the feed has one.
            List<String> authors = e.authors().isEmpty() ? List.of(meta.title()) : e.authors();
            for (String a : authors) {
              w.writeStartElement("author");
              element(w, "name", a);
              w.writeEndElement();
            }
            for (String t : e.tags()) {
              w.writeEmptyElement("category");
              w.writeAttribute("term", XmlText.clean(t));
            }
            w.writeStartElement("summary");
            w.writeAttribute("type", "text");
            w.writeCharacters(XmlText.clean(e.summary()));
            w.writeEndElement();
            if (!e.contentText().isEmpty()) {
              w.writeStartElement("content");
              w.writeAttribute("type", "text");
              w.writeCharacters(XmlText.clean(e.contentText()));
              w.writeEndElement();
            }
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  static String jsonFeed(FeedMeta meta, List<FeedEntry> entries) {
    ObjectNode o = JSON.createObjectNode();
    o.put("version", "https://jsonfeed.org/version/1.1");
    o.put("title", meta.title());
    o.put("home_page_url", meta.homeUrl());
    o.put("feed_url", meta.feedUrl());
    if (!meta.description().isEmpty()) {
      o.put("description", meta.description());
    }
    if (!meta.language().isEmpty()) {
      o.put("language", meta.language());
    }
    ArrayNode items = o.putArray("items");
    for (FeedEntry e : entries) {
      ObjectNode i = items.addObject();
      i.put("id", e.id());
      i.put("url", e.url());
      i.put("title", e.title());
      i.put("summary", e.summary());
      // JSON Feed 1.1: each item must have content_html or content_text.
      i.put("content_text", e.contentText().isEmpty() ? e.summary() : e.contentText());
      if (e.published() != null) {
        i.put("date_published", e.published().toString());
      }
      if (e.updated() != null) {
        i.put("date_modified", e.updated().toString());
      }
      if (!e.authors().isEmpty()) {
        ArrayNode as = i.putArray("authors");
        e.authors().forEach(a -> as.addObject().put("name", a));
      }
      if (!e.tags().isEmpty()) {
        ArrayNode ts = i.putArray("tags");
        e.tags().forEach(ts::add);
      }
      if (e.imageUrl() != null) {
        i.put("image", e.imageUrl());
      }
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static String rfc822(Instant i) {
    // RFC 1123 has four-digit years; a folder written before the store refused other years may
    // still hold one, which must not take the feed down
    Instant t = i.isAfter(LATEST) ? LATEST : i.isBefore(EARLIEST) ? EARLIEST : i;
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
  }

  private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  interface XmlBody {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  static String xml(XmlBody body) {
    StringWriter sw = new StringWriter();
    try {
      XMLStreamWriter w = XML.createXMLStreamWriter(sw);
      w.writeStartDocument("UTF-8", "1.0");
      body.write(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
    }
    return sw.toString();
  }

  static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(XmlText.clean(text));
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String href, String type)
      throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("href", href);
    w.writeAttribute("type", type);
  }
}
