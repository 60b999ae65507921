package dev.lede.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's {@code <meta>} tags as a lookup by lower-cased key: {@code name}, each token of a
 * space-separated {@code property} ("og:title twitter:title"), {@code itemprop} and {@code
 * http-equiv} all become keys. The first non-empty value of a key wins for single values; {@link
 * #all} keeps every value (article:tag, article:author). Only {@code <meta>} elements are read, at
 * most 2,000 of them.
 */
final class MetaTags {
  private static final int MAX_META = 2_000;
  private final Map<String, List<String>> values = new HashMap<>();

  MetaTags(Document doc) {
    int n = 0;
    for (Element m : doc.getElementsByTag("meta")) {
      if (n++ >= MAX_META) {
        break;
      }
      String content = m.hasAttr("content") ? m.attr("content") : m.attr("value");
      content = Texts.normalize(content);
      if (content.isEmpty()) {
        continue;
      }
      for (String attr : new String[] {"name", "property", "itemprop", "http-equiv"}) {
        String keys = m.attr(attr);
        if (keys.isEmpty()) {
          continue;
        }
        for (String k : keys.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
          if (!k.isEmpty()) {
            values.computeIfAbsent(k, x -> new ArrayList<>(1)).add(content);
          }
        }
      }
    }
  }

  /** The first value among the keys, tried in order; empty when none is present. */
  String first(String... keys) {
    for (String k : keys) {
      List<String> v = values.get(k);
      if (v != null && !v.isEmpty()) {
        return v.get(0);
      }
    }
    return "";
  }

  /** Every value of one key, in document order. */
  List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }
}
