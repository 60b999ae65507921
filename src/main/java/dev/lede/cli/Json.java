package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.Lede;
import dev.lede.index.SearchHit;
import dev.lede.model.ArticleJson;

/** The JSON shapes the store and index commands print. */
final class Json {
  private Json() {}

  static ObjectNode object() {
    return ArticleJson.mapper().createObjectNode();
  }

  static ObjectNode stats(Lede.Stats s) {
    ObjectNode o = object();
    o.put("articles", s.articles());
    o.put("indexed", s.indexed());
    o.put("sources", s.sources());
    o.put("lastChange", s.lastChange());
    o.put("lastChangeAt", s.lastChangeAt() == null ? null : s.lastChangeAt().toString());
    o.put("hidden", s.hidden());
    o.put("versions", s.versions());
    o.put("fetches", s.fetches());
    o.put("indexCheckpoint", s.indexCheckpoint());
    o.put("storeBytes", s.storeBytes());
    o.put("indexBytes", s.indexBytes());
    o.put("indexSegments", s.indexSegments());
    return o;
  }

  static ObjectNode hit(SearchHit h) {
    ObjectNode o = object();
    o.put("id", h.id());
    o.put("title", h.title());
    o.put("url", h.url());
    o.put("published", h.published() == null ? null : h.published().toString());
    o.put("source", h.source());
    o.put("section", h.section());
    o.put("score", Math.round(h.score() * 10_000) / 10_000.0);
    o.put("snippet", h.snippet());
    o.put("siteName", h.siteName());
    h.tags().forEach(o.putArray("tags")::add);
    return o;
  }
}
