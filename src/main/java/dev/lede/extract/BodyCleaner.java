package dev.lede.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Final pass over the kept blocks, for what survives content selection because it sits inside the
 * article container: the headline repeated at the top of the body, bylines and datelines around it,
 * interface lines ("Advertisement", "Share this article", "Read more", "Sign up for our
 * newsletter"), copyright and "Filed under" trailers, and wire attribution lines, which move to the
 * article's attribution (detected by {@link Attribution}). Line patterns only apply to short
 * blocks, so a paragraph that merely mentions advertising stays.
 */
final class BodyCleaner {
  private static final int SHORT = 100;
  private static final Pattern UI_LINE =
      Pattern.compile(
          "(?iu)^(?:advertisements?|advertising|anzeige|publicité|publicidad|sponsored(?: content)?"
              + "|story continues below(?: advertisement)?|continue reading(?: below| the main story)?"
              + "|article continues below.*|scroll (?:down )?to continue.*|skip (?:to|past) .*"
              + "|read more:?|read more .{0,60}|more:?|see also:?|related:?|related (?:articles?|stories|content|links|coverage|topics)?:?"
              + "|share(?: this)?(?: article| story| post| page)?:?|share (?:on|via) .{0,40}"
              + "|tweet|email|print|comments?|\\d+ comments?|leave a (?:comment|reply)|"
              + "(?:sign up|subscribe)(?: now| today| here)?(?: (?:for|to) .{0,80})?|"
              + "follow (?:us|me)(?: on .{0,60})?|like us on facebook.*|click here.{0,80}"
              + "|image (?:\\d+ )?of \\d+|photo(?:s)?:.{0,60}|\\(?(?:getty images|ap photo|reuters)\\)?"
              + "|back to top|top of page|loading\\.*|please wait.*|watch:?|listen:?"
              + "|(?:updated|published|posted|last updated|first published)(?: on| at)?:? .{0,60}"
              + "|filed (?:under|in):? .*|tags?:.*|topics?:.*|categor(?:y|ies):.*"
              + "|(?:©|\\(c\\)|copyright\\b).*|all rights reserved.*"
              + "|this (?:material|article) may not be (?:published|reproduced).*)$");
  private static final Pattern BYLINE_LINE =
      Pattern.compile(
          "(?iu)^(?:by|von|par|por|posted by|written by|words by|story by)\\s+[\\p{L}.'’\\- ,&]{2,80}"
              + "(?:[|,•·—–-]\\s*.{0,60})?$");

  private BodyCleaner() {}

  /** Drops junk from {@code kept} in place; returns the attribution lines found. */
  static List<String> clean(List<TextBlock> kept, PageMeta meta) {
    List<String> attribution = new ArrayList<>();
    String titleKey = MetadataReader.key(meta.title());
    int firstProse = -1;
    for (int i = 0; i < kept.size(); i++) {
      TextBlock b = kept.get(i);
      if (b.label == TextBlock.Label.GOOD && b.kind == TextBlock.Kind.PARAGRAPH) {
        firstProse = i;
        break;
      }
    }
    for (int i = 0; i < kept.size(); i++) {
      TextBlock b = kept.get(i);
      if (!b.isText()) {
        continue;
      }
      boolean lead = firstProse < 0 || i < firstProse;
      if (lead && isTitleRepeat(b, titleKey)) {
        b.keep = false;
      } else if (b.length <= SHORT
          && b.kind != TextBlock.Kind.PRE
          && UI_LINE.matcher(b.text).matches()) {
        b.keep = false;
      } else if (b.length <= SHORT * 2
          && (lead || i >= kept.size() - 3)
          && isBylineOrDate(b, meta)) {
        b.keep = false;
      } else if (b.kind != TextBlock.Kind.HEADING && Attribution.isAttribution(b.text)) {
        attribution.add(b.text);
        b.keep = false;
      }
    }
    dropRepeats(kept);
    return attribution;
  }

  private static boolean isTitleRepeat(TextBlock b, String titleKey) {
    if (titleKey.isEmpty() || b.length > 400) {
      return false;
    }
    String k = MetadataReader.key(b.text);
    return !k.isEmpty()
        && (k.equals(titleKey)
            || (k.length() > 20 && titleKey.startsWith(k))
            || (titleKey.length() > 20
                && k.startsWith(titleKey)
                && k.length() - titleKey.length() < 30));
  }

  private static boolean isBylineOrDate(TextBlock b, PageMeta meta) {
    String t = b.text;
    if (BYLINE_LINE.matcher(t).matches()) {
      return true;
    }
    if (b.words <= 12
        && Dates.parse(t) != null
        && b.punctuation <= 4
        && !t.toLowerCase(Locale.ROOT).matches(".*\\b(?:said|says|will|was|is)\\b.*")) {
      return true;
    }
    if (!meta.bylines().isEmpty() && b.words <= 10) {
      String lower = t.toLowerCase(Locale.ROOT);
      for (String name : meta.bylines()) {
        if (lower.contains(name.toLowerCase(Locale.ROOT))
            && b.words <= name.split(" ").length + 6) {
          return true;
        }
      }
    }
    return false;
  }

  /** The same short line twice in a row (a label in a print and a screen copy): keep the first. */
  private static void dropRepeats(List<TextBlock> kept) {
    String prev = null;
    for (TextBlock b : kept) {
      if (!b.keep || !b.isText()) {
        continue;
      }
      if (b.length <= 80 && b.text.equals(prev)) {
        b.keep = false;
      }
      prev = b.text;
    }
  }
}
