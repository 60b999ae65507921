package dev.lede.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Reads an element's tag, class, id, role and itemprop into a {@link Hint}. Class names and ids are
 * split into word tokens (on punctuation and camelCase: "relatedArticles" → related, articles) and
 * matched against stems of boilerplate vocabulary, the way Readability's "unlikely candidate"
 * expressions and trafilatura's pruning lists work, but per token so that "address" is not an ad
 * and "shadow" not a header.
 *
 * <p>Each class name is judged on its own: a strong boilerplate stem wins within a name
 * ("comment-content" is a comment), a weak one only when the name has no content stem
 * ("article-header" stays neutral). Across names the strongest negative wins, unless some name is
 * clearly the article body ("article-body", "entry-content"), which then wins. One instance per
 * extraction: it caches results by attribute string (pages repeat the same class lists thousands of
 * times) and is not thread-safe.
 */
final class ClassHints {
  /** Whole tokens, "token:HINT". */
  private static final Map<String, Hint> EXACT =
      table(
          "respond:COMMENTS replies:COMMENTS reply:COMMENTS discussion:COMMENTS follow:SHARE"
              + " sociable:SHARE sharing:SHARE sharebar:SHARE readmore:RELATED also:RELATED"
              + " upnext:RELATED teasers:RELATED recommendations:RELATED most:RELATED"
              + " optin:NEWSLETTER cta:NEWSLETTER membership:NEWSLETTER register:NEWSLETTER"
              + " login:NEWSLETTER ad:AD ads:AD dfp:AD gpt:AD banner:AD commercial:AD"
              + " affiliate:AD adv:AD nav:NAV menu:NAV menubar:NAV pager:NAV pagination:NAV"
              + " toolbar:NAV topbar:NAV skip:NAV sitemap:NAV jump:NAV toc:NAV rail:SIDEBAR"
              + " aside:SIDEBAR widget:SIDEBAR widgets:SIDEBAR secondary:SIDEBAR overlay:POPUP"
              + " dialog:POPUP lightbox:POPUP toast:POPUP header:WEAK head:WEAK meta:WEAK"
              + " tags:WEAK tag:WEAK keywords:WEAK categories:WEAK info:WEAK tools:WEAK"
              + " utility:WEAK utilities:WEAK extra:WEAK label:WEAK badge:WEAK btn:WEAK"
              + " button:WEAK icon:WEAK logo:WEAK kicker:WEAK hidden:WEAK print:WEAK"
              + " source:WEAK topics:WEAK tabs:WEAK tab:WEAK date:BYLINE time:BYLINE"
              + " published:BYLINE posted:BYLINE writer:BYLINE contributor:BYLINE"
              + " credit:CREDIT credits:CREDIT photographer:CREDIT courtesy:CREDIT"
              + " shared:NONE shadow:NONE address:NONE adobe:NONE additional:NONE advice:NONE"
              + " advance:NONE");

  /** Token beginnings (of tokens of four letters or more), in order of precedence. */
  private static final Affix[] PREFIXES =
      affixes(
          "comment:COMMENTS disqus:COMMENTS livefyre:COMMENTS share:SHARE social:SHARE"
              + " addthis:SHARE sharethis:SHARE related:RELATED recommend:RELATED recirc:RELATED"
              + " outbrain:RELATED taboola:RELATED zergnet:RELATED trending:RELATED"
              + " popular:RELATED mostread:RELATED mostpopular:RELATED promo:RELATED"
              + " morestories:RELATED newsletter:NEWSLETTER subscri:NEWSLETTER signup:NEWSLETTER"
              + " paywall:NEWSLETTER cookie:COOKIE consent:COOKIE gdpr:COOKIE advert:AD"
              + " adsense:AD adsbygoogle:AD adslot:AD adunit:AD adcontainer:AD adwrap:AD"
              + " sponsor:AD doubleclick:AD navbar:NAV navigation:NAV breadcrumb:NAV paginat:NAV"
              + " masthead:NAV skiplink:NAV footer:FOOTER copyright:CREDIT sidebar:SIDEBAR"
              + " popup:POPUP modal:POPUP interstitial:POPUP caption:CAPTION cutline:CAPTION"
              + " legend:CAPTION slideshow:CAPTION carousel:CAPTION byline:BYLINE"
              + " dateline:BYLINE timestamp:BYLINE author:BYLINE");

  /** Token endings ("mainnav", "sitefooter"). */
  private static final Affix[] SUFFIXES =
      affixes(
          "nav:NAV menu:NAV footer:FOOTER sidebar:SIDEBAR comments:COMMENTS share:SHARE ads:AD"
              + " byline:BYLINE caption:CAPTION credit:CREDIT credits:CREDIT");

  /** Tokens that make a class name read as content ("article-body", "entry-content"). */
  private static final String[] CONTENT_STEMS =
      ("article content story entry post body main text prose blog hentry richtext markdown"
              + " cuerpo artikel texto testo inhalt")
          .split(" ");

  private final Map<String, Hint> cache = new HashMap<>();

  private record Affix(String stem, Hint hint) {}

  private static Affix[] affixes(String table) {
    String[] pairs = table.split(" ");
    Affix[] out = new Affix[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      int colon = pairs[i].indexOf(':');
      out[i] = new Affix(pairs[i].substring(0, colon), Hint.valueOf(pairs[i].substring(colon + 1)));
    }
    return out;
  }

  private static Map<String, Hint> table(String table) {
    Map<String, Hint> out = new HashMap<>();
    for (Affix a : affixes(table)) {
      out.put(a.stem(), a.hint());
    }
    return out;
  }

  /** The hint of one element, from its tag and attributes. */
  Hint of(Element e) {
    Hint byTag = byTag(e.normalName());
    String role = e.attr("role");
    if (!role.isEmpty()) {
      Hint r = byRole(role.toLowerCase(Locale.ROOT));
      if (r != Hint.NONE) {
        return r;
      }
    }
    String itemprop = e.attr("itemprop");
    if (!itemprop.isEmpty()) {
      String ip = itemprop.toLowerCase(Locale.ROOT);
      if (ip.contains("articlebody") || ip.equals("text") && !e.normalName().equals("span")) {
        return Hint.CONTENT;
      }
      if (ip.contains("comment")) {
        return Hint.COMMENTS;
      }
    }
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return byTag;
    }
    String key = cls + "#" + id;
    Hint h = cache.get(key);
    if (h == null) {
      h = judgeNames(cls, id);
      if (cache.size() < 10_000) {
        cache.put(key, h);
      }
    }
    if (h == Hint.NONE || (h == Hint.WEAK && byTag.strong())) {
      return byTag;
    }
    return h;
  }

  private static Hint byTag(String tag) {
    return switch (tag) {
      case "nav" -> Hint.NAV;
      case "footer" -> Hint.FOOTER;
      case "aside" -> Hint.SIDEBAR;
      case "header", "form" -> Hint.WEAK;
      case "figcaption" -> Hint.CAPTION;
      case "address" -> Hint.BYLINE;
      case "article", "main" -> Hint.CONTENT;
      default -> Hint.NONE;
    };
  }

  private static Hint byRole(String role) {
    return switch (role) {
      case "navigation", "menu", "menubar", "search", "toolbar", "tablist" -> Hint.NAV;
      case "contentinfo" -> Hint.FOOTER;
      case "complementary" -> Hint.SIDEBAR;
      case "dialog", "alertdialog", "alert" -> Hint.POPUP;
      case "banner" -> Hint.WEAK;
      case "main", "article" -> Hint.CONTENT;
      default -> Hint.NONE;
    };
  }

  private static Hint judgeNames(String cls, String id) {
    Hint worst = Hint.NONE;
    boolean body = false;
    for (String name : (cls + " " + id).split("\\s+")) {
      if (name.isEmpty()) {
        continue;
      }
      Hint h = judgeName(name);
      if (h == Hint.CONTENT && isBodyName(name)) {
        body = true;
      }
      worst = worse(worst, h);
    }
    return body && worst != Hint.CAPTION ? Hint.CONTENT : worst;
  }

  /** A name such as "article-body", "entry-content", "storytext": clearly the main text. */
  private static boolean isBodyName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    boolean what =
        n.contains("article") || n.contains("story") || n.contains("entry") || n.contains("post");
    boolean part = n.contains("body") || n.contains("content") || n.contains("text");
    return what && part;
  }

  private static Hint worse(Hint a, Hint b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(Hint h) {
    if (h.strong()) {
      return 5;
    }
    return switch (h) {
      case CAPTION -> 4;
      case CREDIT, BYLINE -> 3;
      case WEAK -> 2;
      case CONTENT -> 1;
      default -> 0;
    };
  }

  static Hint judgeName(String name) {
    Hint strong = Hint.NONE;
    Hint weak = Hint.NONE;
    boolean content = false;
    for (String t : tokens(name)) {
      Hint h = token(t);
      if (h.strong() || h == Hint.CAPTION) {
        if (rank(h) >= rank(strong)) {
          strong = h;
        }
      } else if (h != Hint.NONE) {
        weak = worse(weak, h);
      }
      if (!content) {
        for (String stem : CONTENT_STEMS) {
          if (t.startsWith(stem)) {
            content = true;
            break;
          }
        }
      }
    }
    if (strong != Hint.NONE) {
      return strong;
    }
    if (weak != Hint.NONE && !content) {
      return weak;
    }
    if (weak == Hint.CREDIT || weak == Hint.BYLINE) {
      return weak;
    }
    return content ? Hint.CONTENT : Hint.NONE;
  }

  private static Hint token(String t) {
    Hint h = EXACT.get(t);
    if (h != null) {
      return h;
    }
    if (t.length() < 4) {
      return Hint.NONE;
    }
    for (Affix p : PREFIXES) {
      if (t.startsWith(p.stem())) {
        return p.hint();
      }
    }
    for (Affix s : SUFFIXES) {
      if (t.endsWith(s.stem()) && t.length() > s.stem().length()) {
        return s.hint();
      }
    }
    return Hint.NONE;
  }

  /** Splits "relatedArticles__list-2" into related, articles, list. */
  static String[] tokens(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 8);
    char prev = ' ';
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetter(c)) {
        if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
          sb.append(' ');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(' ');
      }
      prev = c;
    }
    return sb.toString().trim().split(" +");
  }
}
