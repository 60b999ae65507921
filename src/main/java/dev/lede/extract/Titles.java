package dev.lede.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans a page title: drops the site's name where it is attached with a separator ("Headline |
 * Site", "Site - Headline", "Headline :: Site.com"), and, for the document {@code <title>} when the
 * site name is unknown, drops a short trailing or leading segment when the rest is clearly a
 * headline (three words or more), Readability's rule.
 */
final class Titles {
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[|\\-–—·•»:/\\\\]|::)\\s+");

  private Titles() {}

  /** Removes the site name and its separator from either end. */
  static String withoutSiteName(String title, String siteName) {
    String t = Texts.normalize(title);
    if (siteName.isBlank() || t.isEmpty()) {
      return t;
    }
    String site = key(siteName);
    String[] parts = SEPARATOR.split(t);
    if (parts.length < 2) {
      return t;
    }
    String last = parts[parts.length - 1];
    if (matchesSite(last, site)) {
      return t.substring(0, lastSeparatorStart(t)).strip();
    }
    String first = parts[0];
    if (matchesSite(first, site)) {
      var m = SEPARATOR.matcher(t);
      if (m.find()) {
        return t.substring(m.end()).strip();
      }
    }
    return t;
  }

  /** The heuristic for a bare document title: drop a short segment at either end. */
  static String fromDocumentTitle(String title) {
    String t = Texts.normalize(title);
    var m = SEPARATOR.matcher(t);
    int lastStart = -1;
    int lastEnd = -1;
    int firstStart = -1;
    int firstEnd = -1;
    while (m.find()) {
      if (firstStart < 0) {
        firstStart = m.start();
        firstEnd = m.end();
      }
      lastStart = m.start();
      lastEnd = m.end();
    }
    if (lastStart < 0) {
      return t;
    }
    String head = t.substring(0, lastStart).strip();
    String tail = t.substring(lastEnd).strip();
    if (words(tail) <= 4 && words(head) >= 3) {
      return head;
    }
    String lead = t.substring(0, firstStart).strip();
    String rest = t.substring(firstEnd).strip();
    if (words(lead) <= 3 && words(rest) >= 4) {
      return rest;
    }
    return t;
  }

  private static int lastSeparatorStart(String t) {
    var m = SEPARATOR.matcher(t);
    int start = t.length();
    while (m.find()) {
      start = m.start();
    }
    return start;
  }

  private static boolean matchesSite(String part, String site) {
    String p = key(part);
    if (p.isEmpty() || site.isEmpty()) {
      return false;
    }
    return p.equals(site)
        || p.equals(site + "com")
        || site.equals(p + "com")
        || (p.length() >= 4 && site.startsWith(p))
        || (site.length() >= 4 && p.startsWith(site) && p.length() - site.length() <= 6);
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "").replaceFirst("^the", "");
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }
}
