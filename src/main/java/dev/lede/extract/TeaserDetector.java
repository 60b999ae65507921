package dev.lede.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds teaser units: a linked headline followed, within the same small element, by a short excerpt
 * — the shape of "You may also like", "More stories" and stream modules, which carry prose-like
 * excerpts that fool length and function-word tests (Readability's and jusText's classic false
 * positives). A unit counts only when the shape repeats under a common ancestor at most three
 * levels above it, so a lone "Read more: …" link followed by article prose is left alone. Matching
 * excerpts are labelled BAD; the units are kept for {@link RelatedTeasers}.
 */
final class TeaserDetector {
  /** A linked headline and the excerpt that follows it. */
  record Unit(TextBlock headline, @Nullable TextBlock excerpt, Element item) {}

  private static final int MAX_EXCERPT = 600;
  private static final int MAX_ITEM_DEPTH = 4;

  private TeaserDetector() {}

  static List<Unit> find(List<TextBlock> blocks) {
    List<Unit> candidates = new ArrayList<>();
    TextBlock prev = null;
    for (TextBlock b : blocks) {
      if (!b.isText() || b.kind == TextBlock.Kind.CAPTION) {
        continue;
      }
      if (prev != null && isHeadline(prev) && isExcerpt(b)) {
        Element item = commonAncestor(prev.owner, b.owner);
        if (item != null && dedicated(blocks, prev, b, item)) {
          candidates.add(new Unit(prev, b, item));
        }
      }
      prev = b;
    }
    // A unit counts when another unit of the same shape (tags and classes of headline and
    // excerpt) sits under a common ancestor: a module of repeated teasers.
    Map<Element, Map<String, Integer>> counts = new IdentityHashMap<>();
    for (Unit u : candidates) {
      for (Element k : keys(u.item())) {
        counts.computeIfAbsent(k, x -> new HashMap<>()).merge(shape(u), 1, Integer::sum);
      }
    }
    List<Unit> out = new ArrayList<>();
    for (Unit u : candidates) {
      for (Element k : keys(u.item())) {
        if (counts.get(k).getOrDefault(shape(u), 0) >= 2) {
          out.add(u);
          break;
        }
      }
    }
    return out;
  }

  /** Labels the excerpts of repeated teaser units BAD. */
  static void demote(List<Unit> units) {
    for (Unit u : units) {
      if (u.excerpt() != null) {
        u.excerpt().label = TextBlock.Label.BAD;
      }
    }
  }

  /**
   * True when the item wraps this unit alone: no other prose around the headline and excerpt inside
   * it. A listicle's linked subheading followed by its paragraph, inside the article body, is not a
   * teaser.
   */
  private static boolean dedicated(
      List<TextBlock> blocks, TextBlock headline, TextBlock excerpt, Element item) {
    int from = Math.max(0, headline.index - 3);
    int to = Math.min(blocks.size() - 1, excerpt.index + 3);
    for (int i = from; i <= to; i++) {
      TextBlock o = blocks.get(i);
      if (o == headline || o == excerpt || !o.isText()) {
        continue;
      }
      boolean prose = o.label == TextBlock.Label.GOOD || o.label == TextBlock.Label.NEAR_GOOD;
      if (prose && BlockSplitter.isAncestor(item, o.owner)) {
        return false;
      }
    }
    return true;
  }

  private static String shape(Unit u) {
    TextBlock e = u.excerpt();
    return signature(u.headline().owner) + "|" + (e == null ? "" : signature(e.owner));
  }

  private static String signature(Element e) {
    return e.normalName() + "." + e.className();
  }

  private static boolean isHeadline(TextBlock b) {
    return b.length >= 20
        && b.linkDensity() >= 0.8
        && b.length <= 300
        && (b.kind == TextBlock.Kind.HEADING || !b.owner.normalName().equals("p"));
  }

  private static boolean isExcerpt(TextBlock b) {
    return (b.label == TextBlock.Label.GOOD
            || b.label == TextBlock.Label.NEAR_GOOD
            || b.label == TextBlock.Label.SHORT)
        && b.length >= 20
        && b.length <= MAX_EXCERPT
        && b.linkDensity() < 0.5;
  }

  /** The lowest common ancestor, if it is at most a few levels above the excerpt's owner. */
  private static @Nullable Element commonAncestor(Element a, Element b) {
    Element e = b;
    for (int i = 0; e != null && i <= MAX_ITEM_DEPTH; i++, e = e.parent()) {
      if (BlockSplitter.isAncestor(e, a)) {
        return e.normalName().equals("body") ? null : e;
      }
    }
    return null;
  }

  /** The item's ancestors up to three levels: where repeated items meet. */
  private static List<Element> keys(Element item) {
    List<Element> k = new ArrayList<>(3);
    Element p = item.parent();
    for (int i = 0; i < 3 && p != null && !p.normalName().equals("body"); i++, p = p.parent()) {
      k.add(p);
    }
    return k;
  }

  /** For tests and the related-teaser reader: units grouped by the element holding them. */
  static Map<Element, List<Unit>> byContainer(List<Unit> units) {
    Map<Element, List<Unit>> out = new HashMap<>();
    for (Unit u : units) {
      Element p = u.item().parent();
      if (p != null) {
        out.computeIfAbsent(p, x -> new ArrayList<>()).add(u);
      }
    }
    return out;
  }
}
