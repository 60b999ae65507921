package dev.lede.extract;

import dev.lede.model.Teaser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads a "You May Also Like" block into {@link Teaser}s, but only when it is clearly one: linked
 * headlines under a section title that names related content ("You may also like", "Related", "More
 * from …", "Recommended", "Read next", "Most read"…), or inside an element whose class says so.
 * Each teaser takes its headline from the link text, an alternative headline from the link's {@code
 * title} (or an image's alt) when that differs, the excerpt that follows in the same item (as
 * {@link TeaserDetector} pairs them), and the link's absolute http(s) URL. A link back to the
 * article itself, and anything inside the body, is skipped. Teasers never enter the body: the
 * selection step has already left these blocks out.
 */
final class RelatedTeasers {
  static final int MAX_TEASERS = 24;
  private static final int TITLE_REACH = 4;
  private static final Pattern RELATED_TITLE =
      Pattern.compile(
          "(?iu)^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|related(?: \\w+){0,2}"
              + "|more (?:from|on|in|about|stories|news|articles|to read|like this)\\b.*"
              + "|recommended(?: for you| stories| reading| articles)?|read (?:next|more|also)"
              + "|also (?:read|on|see)\\b.*|see also|most (?:read|popular|viewed|shared)\\b.*"
              + "|(?:top|popular|trending) (?:stories|news|articles|now)|what to read next"
              + "|don'?t miss|further reading|in other news|latest (?:news|stories))\\W*$");

  private RelatedTeasers() {}

  static List<Teaser> find(
      List<TextBlock> blocks, List<TeaserDetector.Unit> units, ImageResolver urls, String self) {
    Map<TextBlock, TextBlock> excerpts = new IdentityHashMap<>();
    String site = host(self);
    for (TeaserDetector.Unit u : units) {
      if (u.excerpt() != null) {
        excerpts.put(u.headline(), u.excerpt());
      }
    }
    List<Teaser> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    TextBlock title = null;
    for (TextBlock b : blocks) {
      if (out.size() >= MAX_TEASERS) {
        break;
      }
      if (!b.isText() || b.keep) {
        continue;
      }
      if (isSectionTitle(b)) {
        title = b;
        continue;
      }
      if (b.kind == TextBlock.Kind.HEADING && b.linkDensity() < 0.5) {
        title = null; // another section begins
        continue;
      }
      if (!isHeadline(b) || inAd(b) || !(inRelatedElement(b) || underTitle(b, title))) {
        continue;
      }
      Element link = b.owner.normalName().equals("a") ? b.owner : b.owner.selectFirst("a[href]");
      if (link == null) {
        link = enclosingLink(b.owner);
      }
      if (link == null) {
        continue;
      }
      String url = urls.absolute(link.attr("href"));
      if (url.isEmpty() || url.equals(self) || !sameSite(url, site) || !seen.add(url)) {
        continue;
      }
      String headline = Texts.cap(b.text.replace('\n', ' '), 300);
      String alt = Texts.normalize(link.attr("title"));
      if (alt.isEmpty()) {
        Element img = link.selectFirst("img[alt]");
        alt = img == null ? "" : Texts.normalize(img.attr("alt"));
      }
      if (MetadataReader.key(alt).equals(MetadataReader.key(headline))) {
        alt = "";
      }
      TextBlock ex = excerpts.get(b);
      out.add(
          new Teaser(
              headline, Texts.cap(alt, 300), ex == null ? "" : Texts.cap(ex.text, 600), url));
    }
    return out;
  }

  /** The host of a URL without "www.", or empty. */
  static String host(String url) {
    try {
      String h = java.net.URI.create(url.strip()).getHost();
      return h == null ? "" : h.toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * Related teasers point into the same site; sponsored ones elsewhere. Unknown site: any but the
   * ad networks'. The URL is an absolute http(s) one already ({@link ImageResolver#absolute}).
   */
  private static boolean sameSite(String url, String site) {
    if (site.isEmpty()) {
      return !url.matches("(?i).*(taboola|outbrain|doubleclick|zergnet).*");
    }
    String h = host(url);
    return !h.isEmpty() && (h.equals(site) || h.endsWith("." + site) || site.endsWith("." + h));
  }

  private static boolean inAd(TextBlock b) {
    for (HintChain h = b.hints; h != null; h = h.outer()) {
      if (h.hint() == Hint.AD) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSectionTitle(TextBlock b) {
    return b.length <= 60 && b.linkDensity() < 0.5 && RELATED_TITLE.matcher(b.text).matches();
  }

  private static boolean isHeadline(TextBlock b) {
    return b.length >= 15 && b.length <= 300 && b.linkDensity() >= 0.8;
  }

  private static boolean inRelatedElement(TextBlock b) {
    for (HintChain h = b.hints; h != null; h = h.outer()) {
      if (h.hint() == Hint.RELATED) {
        return true;
      }
    }
    return false;
  }

  /** True when the section title shares a close ancestor with the headline. */
  private static boolean underTitle(TextBlock b, @Nullable TextBlock title) {
    if (title == null || b.index - title.index > 200) {
      return false;
    }
    Element e = title.owner;
    for (int i = 0; e != null && i < TITLE_REACH; i++, e = e.parent()) {
      String tag = e.normalName();
      if (tag.equals("body") || tag.equals("html")) {
        return false;
      }
      if (BlockSplitter.isAncestor(e, b.owner)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Element enclosingLink(Element e) {
    int hops = 0;
    for (Element a = e; a != null && hops < 4; a = a.parent(), hops++) {
      if (a.normalName().equals("a") && a.hasAttr("href")) {
        return a;
      }
    }
    return null;
  }
}
