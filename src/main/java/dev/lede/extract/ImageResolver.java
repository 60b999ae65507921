package dev.lede.extract;

import java.net.URI;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds an image's real address. Pages that lazy-load keep the real one in {@code data-src}, {@code
 * data-lazy-src}, {@code data-original} or a {@code srcset}/{@code data-srcset} (largest candidate
 * wins), with a placeholder (a data: URI, a 1×1 "blank" or "spacer" GIF) in {@code src}; some put
 * the real {@code <img>} in a {@code <noscript>} next to it. Icons, tracking pixels and spacers
 * (declared 48 px or smaller) are not article images and are dropped. Addresses are made absolute
 * against the page's base URI; an image whose address is not http(s) is dropped.
 */
final class ImageResolver {
  record Found(String src, String alt) {}

  private static final String[] LAZY_ATTRS = {
    "data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src",
    "data-full-src", "data-image", "data-img-src", "data-echo", "original-src", "lazy-src"
  };

  private final @Nullable URI base;

  ImageResolver(@Nullable URI base) {
    this.base = base;
  }

  @Nullable Found resolve(Element img) {
    if (isTiny(img.attr("width")) || isTiny(img.attr("height"))) {
      return null;
    }
    String src = img.attr("src").strip();
    if (isPlaceholder(src)) {
      src = "";
    }
    for (String a : LAZY_ATTRS) {
      String v = img.attr(a).strip();
      if (!v.isEmpty() && !isPlaceholder(v)) {
        src = v;
        break;
      }
    }
    if (src.isEmpty()) {
      src = largestFromSrcset(img.attr("srcset"));
      if (src.isEmpty()) {
        src = largestFromSrcset(img.attr("data-srcset"));
      }
    }
    if (src.isEmpty()) {
      src = fromNoscript(img);
    }
    String url = absolute(src);
    if (url.isEmpty()) {
      return null;
    }
    String alt = Texts.normalize(img.attr("alt"));
    return new Found(url, Texts.cap(alt, 1000));
  }

  private static boolean isTiny(String dim) {
    if (dim.isEmpty()) {
      return false;
    }
    int n = 0;
    int i = 0;
    while (i < dim.length() && Character.isDigit(dim.charAt(i)) && i < 6) {
      n = n * 10 + (dim.charAt(i) - '0');
      i++;
    }
    return i > 0 && n <= 48;
  }

  static boolean isPlaceholder(String src) {
    if (src.isEmpty() || src.regionMatches(true, 0, "data:", 0, 5)) {
      return true;
    }
    String s = src.toLowerCase(Locale.ROOT);
    return s.contains("blank.gif")
        || s.contains("spacer.gif")
        || s.contains("pixel.gif")
        || s.contains("transparent.gif")
        || s.contains("placeholder")
        || s.contains("lazy-load")
        || s.contains("grey.gif")
        || s.endsWith("1x1.gif")
        || s.equals("#")
        || s.startsWith("about:");
  }

  /** The URL of the widest (or highest-density) candidate of a srcset. */
  static String largestFromSrcset(String srcset) {
    if (srcset.isBlank()) {
      return "";
    }
    String best = "";
    double bestSize = -1;
    for (String cand : srcset.split(",\\s+|,(?=\\S+\\s+\\d)")) {
      String[] parts = cand.strip().split("\\s+");
      if (parts.length == 0 || parts[0].isEmpty() || isPlaceholder(parts[0])) {
        continue;
      }
      double size = 1;
      if (parts.length > 1) {
        String d = parts[1].toLowerCase(Locale.ROOT);
        try {
          if (d.endsWith("w")) {
            size = Double.parseDouble(d.substring(0, d.length() - 1));
          } else if (d.endsWith("x")) {
            size = Double.parseDouble(d.substring(0, d.length() - 1)) * 1000;
          }
        } catch (NumberFormatException e) {
          size = 1;
        }
      }
      if (size > bestSize) {
        bestSize = size;
        best = parts[0];
      }
    }
    return best;
  }

  private static String fromNoscript(Element img) {
    Element sib = img.nextElementSibling();
    if (sib == null && img.parent() != null) {
      sib = img.parent().nextElementSibling();
    }
    if (sib != null && sib.normalName().equals("noscript")) {
      Element inner = sib.selectFirst("img[src]");
      if (inner != null && !isPlaceholder(inner.attr("src"))) {
        return inner.attr("src").strip();
      }
    }
    return "";
  }

  /**
   * The address made absolute against the page's base; empty unless http(s) (see {@link WebUrls}).
   */
  String absolute(String src) {
    return WebUrls.resolve(base, src);
  }
}
