package dev.lede.extract;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the element that holds the article: the one whose subtree has the largest summed block
 * weight, where prose counts for itself and boilerplate against. It is the tree form of a
 * maximum-sum segment: a sibling container of prose joins when it adds more than the share bar or
 * teaser list between them costs, so bodies split across sections come out whole, while a sidebar
 * of links is left out. Readability scores paragraph parents and grandparents and then merges close
 * siblings; summing over every ancestor does both in one pass.
 *
 * <p>Weights: a GOOD block counts its non-link length, a NEAR_GOOD block half of it, a SHORT block
 * a little less than nothing (its links half), a BAD block minus half its length. A block under an
 * element with a strong boilerplate hint (comments, share, related, ads, navigation…) counts minus
 * its length. That hint is ignored, as a guard against a wrapper whose class merely mentions a
 * sidebar, when the element holds more than half of the page's prose; except comment sections,
 * which can outweigh the article, unless they also hold the page's headline.
 *
 * <p>Cost: one walk up the ancestors of each block, twice (the parser caps depth at 512 and the
 * splitter caps blocks), with identity maps.
 */
final class ContentLocator {
  /** The chosen container and which hinted elements count as boilerplate. */
  record Located(Element container, double weight, Map<Element, Boolean> validHints) {
    /** The innermost valid hint above a block other than CONTENT, or NONE. */
    Hint innerHint(TextBlock b) {
      return ContentLocator.innerHint(b, validHints);
    }
  }

  /** Prose counts in full for its owner and the two levels above it, then decays per level. */
  static final int FULL_LEVELS = 2;

  static final double DECAY = 0.85;

  /** Weak hints (byline, meta, credit) only describe small elements, not whole articles. */
  static final int MAX_WEAK_HINT_LENGTH = 500;

  private ContentLocator() {}

  static Located locate(List<TextBlock> blocks, Element body, @Nullable Element headline) {
    Map<Element, double[]> prose = new IdentityHashMap<>(); // prose weight, total length
    double totalProse = 0;
    for (TextBlock b : blocks) {
      if (!b.isText()) {
        continue;
      }
      double g = proseWeight(b);
      totalProse += g;
      for (Element e = b.owner; e != null && e != body; e = e.parent()) {
        double[] v = prose.computeIfAbsent(e, k -> new double[2]);
        v[0] += g;
        v[1] += b.length;
      }
    }
    Map<Element, Boolean> valid = new IdentityHashMap<>();
    for (TextBlock b : blocks) {
      for (HintChain h = b.hints; h != null; h = h.outer()) {
        if (h.hint() != Hint.CONTENT && !valid.containsKey(h.element())) {
          valid.put(h.element(), isValid(h, prose, totalProse, headline, body));
        }
      }
    }
    Map<Element, double[]> weights = new IdentityHashMap<>();
    Element stop = body.parent();
    for (TextBlock b : blocks) {
      double w = weight(b, underBoilerplate(b, valid, null), innerHint(b, valid));
      if (w == 0) {
        continue;
      }
      double v = w;
      int level = 0;
      for (Element e = b.owner; e != null && e != stop; e = e.parent(), level++) {
        if (v > 0 && level > FULL_LEVELS) {
          v *= DECAY;
        }
        weights.computeIfAbsent(e, k -> new double[1])[0] += v;
      }
    }
    Element best = body;
    double bestWeight = weights.containsKey(body) ? weights.get(body)[0] : 0;
    for (Map.Entry<Element, double[]> en : weights.entrySet()) {
      double w = en.getValue()[0];
      if (w > bestWeight || (w == bestWeight && w > 0 && isHigher(en.getKey(), best))) {
        bestWeight = w;
        best = en.getKey();
      }
    }
    if (bestWeight <= 0) {
      best = body; // no prose anywhere: keep what is not boilerplate
    }
    return new Located(best, bestWeight, valid);
  }

  /**
   * Tie-break for equal weights, so the choice does not depend on map order: the shallower element
   * (it adds only weightless blocks, such as images), then the earlier in the document.
   */
  private static boolean isHigher(Element a, Element b) {
    int da = depth(a);
    int db = depth(b);
    if (da != db) {
      return da < db;
    }
    return a.siblingIndex() < b.siblingIndex();
  }

  private static int depth(Element e) {
    int d = 0;
    for (Element p = e.parent(); p != null; p = p.parent()) {
      d++;
    }
    return d;
  }

  private static boolean isValid(
      HintChain h,
      Map<Element, double[]> prose,
      double totalProse,
      @Nullable Element headline,
      Element body) {
    Element e = h.element();
    if (e == body || e.normalName().equals("html")) {
      return false;
    }
    double[] p = prose.get(e);
    if (!h.hint().strong()) {
      return p == null || p[1] <= MAX_WEAK_HINT_LENGTH;
    }
    double share = p == null || totalProse == 0 ? 0 : p[0] / totalProse;
    if (share <= 0.5) {
      return true;
    }
    boolean holdsHeadline = headline != null && BlockSplitter.isAncestor(e, headline);
    return h.hint() == Hint.COMMENTS && !holdsHeadline;
  }

  /**
   * True when some ancestor of {@code b} below {@code container} (exclusive; null for none) is
   * boilerplate by a valid strong hint.
   */
  static boolean underBoilerplate(
      TextBlock b, Map<Element, Boolean> valid, @Nullable Element container) {
    for (HintChain h = b.hints; h != null; h = h.outer()) {
      if (h.element() == container) {
        return false;
      }
      if (h.hint().strong() && valid.getOrDefault(h.element(), Boolean.FALSE)) {
        if (container == null || BlockSplitter.isAncestor(container, h.element())) {
          return true;
        }
      }
    }
    return false;
  }

  private static double proseWeight(TextBlock b) {
    if (!b.isText() || b.kind == TextBlock.Kind.CAPTION) {
      return 0;
    }
    return switch (b.label) {
      case GOOD -> b.length - b.linkLength;
      case NEAR_GOOD -> 0.5 * (b.length - b.linkLength);
      default -> 0;
    };
  }

  static Hint innerHint(TextBlock b, Map<Element, Boolean> valid) {
    for (HintChain h = b.hints; h != null; h = h.outer()) {
      if (h.hint() != Hint.CONTENT && valid.getOrDefault(h.element(), Boolean.FALSE)) {
        return h.hint();
      }
    }
    return Hint.NONE;
  }

  static double weight(TextBlock b, boolean boilerplate, Hint inner) {
    if (!b.isText() || b.kind == TextBlock.Kind.CAPTION) {
      return 0;
    }
    if (boilerplate) {
      return 0; // removed by selection wherever the container ends up
    }
    double w =
        switch (b.label) {
          case GOOD -> b.length - b.linkLength;
          case NEAR_GOOD -> 0.5 * (b.length - b.linkLength);
          case SHORT -> b.kind == TextBlock.Kind.HEADING ? 0 : -0.5 * b.linkLength - 1;
          case BAD -> -0.25 * b.length - 5;
        };
    if (w > 0 && (inner == Hint.WEAK || inner == Hint.BYLINE || inner == Hint.CREDIT)) {
      w *= 0.5;
    }
    return w;
  }
}
