package dev.lede.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.model.Article;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * schema.org NewsArticle JSON-LD for an article page: headline, image, datePublished, dateModified,
 * author, publisher with the configured site name and logo, mainEntityOfPage. The output is safe
 * inside a {@code <script type="application/ld+json">} block: {@code <}, {@code >} and {@code &}
 * are written as Unicode escapes, so no text can close the script element.
 */
final class JsonLd {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLd() {}

  static String newsArticle(
      Article a,
      String pageUrl,
      String headline,
      List<String> imageUrls,
      @Nullable Instant published,
      @Nullable Instant modified,
      String publisherName,
      @Nullable String logoUrl,
      String sectionName) {
    ObjectNode o = JSON.createObjectNode();
    o.put("@context", "https://schema.org");
    o.put("@type", "NewsArticle");
    ObjectNode main = o.putObject("mainEntityOfPage");
    main.put("@type", "WebPage");
    main.put("@id", pageUrl);
    o.put("url", pageUrl);
    // Google truncates headlines beyond 110 characters; keep the whole one, it is the truth.
    o.put("headline", headline);
    if (!a.description().isEmpty()) {
      o.put("description", a.description());
    }
    if (!imageUrls.isEmpty()) {
      ArrayNode imgs = o.putArray("image");
      imageUrls.forEach(imgs::add);
    }
    if (published != null) {
      o.put("datePublished", published.toString());
    }
    Instant mod = modified != null ? modified : published;
    if (mod != null) {
      o.put("dateModified", mod.toString());
    }
    if (!a.bylines().isEmpty()) {
      ArrayNode authors = o.putArray("author");
      for (String b : a.bylines()) {
        ObjectNode p = authors.addObject();
        p.put("@type", "Person");
        p.put("name", b);
      }
    } else if (!a.siteName().isEmpty()) {
      ObjectNode org = o.putObject("author");
      org.put("@type", "Organization");
      org.put("name", a.siteName());
    }
    ObjectNode pub = o.putObject("publisher");
    pub.put("@type", "Organization");
    pub.put("name", publisherName);
    if (logoUrl != null && !logoUrl.isEmpty()) {
      ObjectNode logo = pub.putObject("logo");
      logo.put("@type", "ImageObject");
      logo.put("url", logoUrl);
    }
    if (!sectionName.isEmpty()) {
      o.put("articleSection", sectionName);
    }
    if (!a.tags().isEmpty()) {
      o.put("keywords", String.join(", ", a.tags()));
    }
    if (!a.language().isEmpty()) {
      o.put("inLanguage", a.language());
    }
    if (!a.canonicalUrl().isEmpty() && !a.canonicalUrl().equals(pageUrl)) {
      o.put("isBasedOn", a.canonicalUrl());
    }
    return scriptSafe(o);
  }

  /** Serialises JSON so that it cannot end a script element or start a comment. */
  static String scriptSafe(Object node) {
    try {
      return JSON.writeValueAsString(node)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026")
          .replace("\u2028", "\\u2028")
          .replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
