package dev.lede.recommend;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Cuts a teaser excerpt from an article's lead (or description) at about a target length.
 *
 * <p>Rules, in order: the excerpt is whole words only (never cut mid-word); when the text fits, it
 * is returned as it is; otherwise it ends at a sentence end within the window if there is one (no
 * ellipsis needed), else at the last word boundary before the target, trimmed of dangling
 * punctuation and of short function words ("the", "of"), and closed with "…". A quotation opened
 * inside the excerpt but not closed is either cut before the quotation starts (when that leaves
 * enough text) or closed after the ellipsis so that the teaser never shows half a quote mark.
 */
public final class Excerpts {
  /** The default target length of a teaser excerpt, in characters. */
  public static final int DEFAULT_TARGET = 140;

  private static final String ELLIPSIS = "…";
  private static final java.util.Set<String> DANGLING =
      java.util.Set.of(
          "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with", "by",
          "from", "as", "that", "which", "who", "its", "his", "her", "their", "our", "is", "was",
          "are", "were", "be", "has", "had", "have", "said", "says", "into", "than", "mr", "mrs",
          "ms", "dr");

  private Excerpts() {}

  /** Characters of the lead read at most to cut a teaser from (a huge paragraph costs no more). */
  private static final int SOURCE_CHARS = 2_000;

  /**
   * An article's teaser excerpt, the same in the site, the JSON API, the feeds and the related
   * lists: the description when the publisher wrote one, else the first paragraph of more than 40
   * characters (a dateline such as "Friday, May 31, 2019" is no lead), else the first paragraph;
   * cut by {@link #excerpt(String)}. Empty when the article has none of them.
   */
  public static String teaser(dev.lede.model.Article a) {
    String lead = a.description();
    if (lead.isBlank()) {
      String first = "";
      for (dev.lede.model.Block b : a.blocks()) {
        if (b instanceof dev.lede.model.Block.Paragraph p && !p.text().isBlank()) {
          if (first.isEmpty()) {
            first = p.text();
          }
          if (p.text().strip().length() > 40) {
            lead = p.text();
            break;
          }
        }
      }
      if (lead.isBlank()) {
        lead = first;
      }
    }
    if (lead.length() > SOURCE_CHARS) {
      lead = lead.substring(0, SOURCE_CHARS);
    }
    return lead.isBlank() ? "" : excerpt(lead);
  }

  /** An excerpt of about {@link #DEFAULT_TARGET} characters. */
  public static String excerpt(String text) {
    return excerpt(text, DEFAULT_TARGET);
  }

  /** An excerpt of at most about {@code target} characters (plus the ellipsis). */
  public static String excerpt(String text, int target) {
    if (target < 20) {
      throw new IllegalArgumentException("target must be at least 20 characters, was " + target);
    }
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.length() <= target) {
      return t;
    }
    // A sentence end in the last third of the window reads better than an ellipsis.
    int sentenceEnd = lastSentenceEnd(t, target);
    if (sentenceEnd >= target * 2 / 3) {
      return balanceQuotes(t.substring(0, sentenceEnd).strip(), false);
    }
    int cut = lastWordBoundary(t, target);
    if (cut <= 0) {
      // One enormous token (a URL, a run of characters without spaces): cut at a code point.
      int end = t.offsetByCodePoints(0, t.codePointCount(0, target) - 1);
      return t.substring(0, end) + ELLIPSIS;
    }
    String s = t.substring(0, cut).strip();
    s = trimDangling(s);
    return balanceQuotes(s, true);
  }

  private static int lastSentenceEnd(String t, int limit) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(t);
    int best = -1;
    for (int end = it.next(); end != BreakIterator.DONE && end <= limit + 1; end = it.next()) {
      best = end;
    }
    if (best > limit) {
      best = -1;
    }
    return best;
  }

  private static int lastWordBoundary(String t, int limit) {
    // Prefer the last space at or before the limit: the word before it is whole.
    int i = t.lastIndexOf(' ', limit);
    return Math.max(i, 0);
  }

  private static String trimDangling(String s) {
    String out = s;
    for (int guard = 0; guard < 4; guard++) {
      out = out.replaceAll("[\\s,;:\\-–—(\\[/]+$", "");
      int sp = out.lastIndexOf(' ');
      if (sp <= 0) {
        break;
      }
      String last = out.substring(sp + 1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
      if (DANGLING.contains(last) && sp > out.length() / 2) {
        out = out.substring(0, sp);
      } else {
        break;
      }
    }
    return out.replaceAll("[\\s,;:\\-–—(\\[/]+$", "");
  }

  /**
   * Handles a quotation left open by the cut: when the quote opened late, cut before it; else close
   * it after the ellipsis.
   */
  private static String balanceQuotes(String s, boolean addEllipsis) {
    int open = openQuoteIndex(s);
    if (open < 0) {
      return addEllipsis ? s + ELLIPSIS : s;
    }
    if (open >= 60) {
      String before = trimDangling(s.substring(0, open).strip());
      if (before.length() >= 40) {
        return before + ELLIPSIS;
      }
    }
    char opener = s.charAt(open);
    String closer = opener == '“' ? "”" : opener == '‘' ? "’" : String.valueOf(opener);
    return s + ELLIPSIS + closer;
  }

  /** Index of a quotation mark opened but not closed in s, or -1. */
  private static int openQuoteIndex(String s) {
    int curlyOpen = -1;
    int straightOpen = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '“') {
        curlyOpen = i;
      } else if (c == '”') {
        curlyOpen = -1;
      } else if (c == '"') {
        straightOpen = straightOpen < 0 ? i : -1;
      }
    }
    if (curlyOpen >= 0 && straightOpen >= 0) {
      return Math.min(curlyOpen, straightOpen);
    }
    return Math.max(curlyOpen, straightOpen);
  }
}
