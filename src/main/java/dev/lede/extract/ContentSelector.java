package dev.lede.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Decides which blocks inside the located container are body: prose (GOOD, NEAR_GOOD) stays;
 * link-heavy blocks (BAD) and anything under a boilerplate-hinted element inside the container go;
 * SHORT blocks are kept in a clean container (one that is mostly prose, where a short line is a
 * subheading, a dateline of a quote or a one-line paragraph) and otherwise only between prose
 * neighbours, jusText's context rule. Headings stay when prose follows them before the next
 * heading. Lists are judged whole: a list of short links is navigation unless prose surrounds it (a
 * list of sources inside the article), a list of text is content.
 *
 * <p>Images stay when they are in the container, not under boilerplate and next to kept text or in
 * a figure. Captions are never body: the assembler attaches them to their image.
 */
final class ContentSelector {
  /** A container at least this much prose (by length) keeps its SHORT lines. */
  static final double CLEAN_CONTAINER = 0.55;

  private ContentSelector() {}

  static void select(List<TextBlock> blocks, ContentLocator.Located loc) {
    Element c = loc.container();
    List<TextBlock> inside = new ArrayList<>();
    double prose = 0;
    double total = 0;
    for (TextBlock b : blocks) {
      b.keep = false;
      if (!BlockSplitter.isAncestor(c, b.owner)) {
        continue;
      }
      if (ContentLocator.underBoilerplate(b, loc.validHints(), c)) {
        continue;
      }
      inside.add(b);
      if (b.isText() && b.kind != TextBlock.Kind.CAPTION) {
        total += b.length;
        if (b.label == TextBlock.Label.GOOD || b.label == TextBlock.Label.NEAR_GOOD) {
          prose += b.length;
        }
      }
    }
    boolean clean = total > 0 && prose / total >= CLEAN_CONTAINER || loc.weight() <= 0;
    for (int i = 0; i < inside.size(); i++) {
      TextBlock b = inside.get(i);
      if (!b.isText() || b.kind == TextBlock.Kind.CAPTION || b.kind == TextBlock.Kind.HEADING) {
        continue;
      }
      b.keep =
          switch (b.label) {
            case GOOD, NEAR_GOOD -> !isBylineLine(b, loc);
            case BAD -> false;
            case SHORT ->
                !isBylineLine(b, loc)
                    && b.linkDensity() <= 0.34
                    && (clean || proseAround(inside, i));
          };
    }
    selectLists(inside, loc);
    for (int i = 0; i < inside.size(); i++) {
      TextBlock b = inside.get(i);
      if (b.kind == TextBlock.Kind.HEADING) {
        b.keep = b.linkDensity() <= BlockClassifier.BAD_LINK_DENSITY && proseFollows(inside, i);
      }
    }
    for (int i = 0; i < inside.size(); i++) {
      TextBlock b = inside.get(i);
      if (b.kind == TextBlock.Kind.IMAGE) {
        b.keep = b.figure != null || keptNear(inside, i);
      }
    }
  }

  private static boolean isBylineLine(TextBlock b, ContentLocator.Located loc) {
    Hint h = loc.innerHint(b);
    return (h == Hint.BYLINE || h == Hint.CREDIT) && b.length < 200;
  }

  private static boolean proseAround(List<TextBlock> in, int i) {
    return isProse(neighbour(in, i, -1)) && isProse(neighbour(in, i, 1));
  }

  private static TextBlock neighbour(List<TextBlock> in, int i, int step) {
    for (int j = i + step; j >= 0 && j < in.size(); j += step) {
      TextBlock b = in.get(j);
      if (b.isText() && b.kind != TextBlock.Kind.CAPTION && b.label != TextBlock.Label.SHORT) {
        return b;
      }
    }
    return null;
  }

  private static boolean isProse(TextBlock b) {
    return b != null && (b.label == TextBlock.Label.GOOD || b.label == TextBlock.Label.NEAR_GOOD);
  }

  private static boolean proseFollows(List<TextBlock> in, int i) {
    for (int j = i + 1; j < in.size() && j <= i + 6; j++) {
      TextBlock b = in.get(j);
      if (b.kind == TextBlock.Kind.HEADING) {
        return false;
      }
      if (b.keep && b.isText() && b.kind != TextBlock.Kind.CAPTION) {
        return true;
      }
    }
    return false;
  }

  private static boolean keptNear(List<TextBlock> in, int i) {
    for (int j = i - 2; j <= i + 2; j++) {
      if (j != i && j >= 0 && j < in.size() && in.get(j).keep && in.get(j).isText()) {
        return true;
      }
    }
    return false;
  }

  /** Keeps or drops each list as a whole. */
  private static void selectLists(List<TextBlock> in, ContentLocator.Located loc) {
    Map<Element, int[]> stats = new IdentityHashMap<>(); // length, link length, first, last
    for (int i = 0; i < in.size(); i++) {
      TextBlock b = in.get(i);
      if (b.list == null || !b.isText() || b.kind == TextBlock.Kind.CAPTION) {
        continue;
      }
      int[] s = stats.computeIfAbsent(b.list, k -> new int[] {0, 0, -1, -1});
      s[0] += b.length;
      s[1] += b.linkLength;
      if (s[2] < 0) {
        s[2] = i;
      }
      s[3] = i;
    }
    for (Map.Entry<Element, int[]> en : stats.entrySet()) {
      int[] s = en.getValue();
      double ld = s[0] == 0 ? 0 : (double) s[1] / s[0];
      int items = 0;
      for (int i = s[2]; i <= s[3]; i++) {
        if (in.get(i).list == en.getKey()) {
          items++;
        }
      }
      boolean keep;
      if (ld <= BlockClassifier.BAD_LINK_DENSITY) {
        keep = true;
      } else {
        boolean before = isProse(neighbourOutside(in, s[2], -1, en.getKey()));
        boolean after = isProse(neighbourOutside(in, s[3], 1, en.getKey()));
        keep = before && after && (s[0] - s[1]) + s[1] / 2 >= 20 * items;
      }
      for (int i = s[2]; i <= s[3]; i++) {
        TextBlock b = in.get(i);
        if (b.list == en.getKey() && b.kind != TextBlock.Kind.HEADING) {
          b.keep = keep && !isBylineLine(b, loc) && b.length > 0;
        }
      }
    }
  }

  private static TextBlock neighbourOutside(List<TextBlock> in, int i, int step, Element list) {
    for (int j = i + step; j >= 0 && j < in.size(); j += step) {
      TextBlock b = in.get(j);
      if (b.list == list || !b.isText() || b.kind == TextBlock.Kind.CAPTION) {
        continue;
      }
      if (b.label != TextBlock.Label.SHORT) {
        return b;
      }
    }
    return null;
  }
}
