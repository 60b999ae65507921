package dev.lede.extract;

import dev.lede.extract.TextItem.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the main content of a dump that kept the whole page: which lines may become body blocks.
 *
 * <p>Design: a page saved whole (not just its article) has the article as one dense run of prose
 * lines, and navigation, headline lists, forms and footers as runs of short lines around it. As in
 * jusText (Pomikálek 2011) and boilerpipe (Kohlschütter et al. 2010), lines are "good" (prose: a
 * sentence of eight words or more, or thirty words) or "short"; a run of {@value #GAP} short lines
 * in a row separates clusters, and the first cluster with at least half the prose words of the
 * largest is the article (comments and sidebars come after it and can be longer). What lies between
 * the header and that cluster stays when it is not separated from it (a lead image, a subheading),
 * and so do lines after it that read like content when the article ends the dump (a caption, a
 * subheading over a list). Inside the article, a run of {@value #NAV_RUN} or more labels of one to
 * three words is navigation. Lines after a "related" heading are neutral: a teaser block does not
 * split the article. A dump without prose (a poem, a list) is kept whole. Article-shaped dumps,
 * like the seed page, are one cluster and lose nothing.
 */
final class TextRegion {
  /** Short lines in a row that separate two clusters of prose. */
  static final int GAP = 8;

  /** Labels in a row that are a navigation menu. */
  static final int NAV_RUN = 4;

  private TextRegion() {}

  /** A run of prose lines: first and last prose item, prose words, whether it ends the dump. */
  private record Cluster(int from, int to, long words, boolean open) {}

  /** The first prose line of the article's cluster in the whole dump, or -1 when there is none. */
  static int articleStart(List<TextItem> items) {
    Cluster c = article(items, 0, items.size());
    return c == null ? -1 : c.from();
  }

  /** For each item, whether it may become a body block (items before {@code start} never). */
  static boolean[] mainContent(List<TextItem> items, int start, int end) {
    boolean[] keep = new boolean[items.size()];
    Cluster best = article(items, start, end);
    if (best == null) {
      java.util.Arrays.fill(keep, start, end, true);
      return keep;
    }
    int bestFrom = best.from();
    int bestTo = best.to();
    boolean bestOpen = best.open();
    int first = shortTextBetween(items, start, bestFrom) < GAP ? start : bestFrom;
    int last = bestTo;
    while (last + 1 < end
        && !items.get(last + 1).is(Kind.MARKER)
        && (!items.get(last + 1).is(Kind.TEXT) || (bestOpen && contentish(items.get(last + 1))))) {
      last++; // a list, image, caption or subheading after the last paragraph
    }
    java.util.Arrays.fill(keep, first, last + 1, true);
    for (int i = first; i < bestFrom; i++) {
      TextItem it = items.get(i);
      if (it.is(Kind.TEXT) && !contentish(it) && !nextIsCredit(items, i)) {
        keep[i] = false; // "reader comments", a lone first name: widgets between byline and article
      }
    }
    dropNavigationRuns(items, keep, first, last + 1);
    return keep;
  }

  /**
   * The article's cluster between start and end: the first cluster of prose with at least half the
   * words of the largest (comments and sidebars come after the article and can be longer).
   */
  private static @Nullable Cluster article(List<TextItem> items, int start, int end) {
    List<Cluster> clusters = new ArrayList<>();
    int from = -1;
    int to = -1;
    long words = 0;
    int shortRun = 0;
    boolean inTeasers = false;
    for (int i = start; i < end; i++) {
      TextItem it = items.get(i);
      if (it.is(Kind.MARKER)) {
        inTeasers = true;
        continue;
      }
      if (!it.is(Kind.TEXT)) {
        continue;
      }
      if (TextShape.prose(it.text())) {
        inTeasers = false;
        from = from < 0 ? i : from;
        to = i;
        words += it.words();
        shortRun = 0;
      } else if (from >= 0 && !inTeasers && ++shortRun >= GAP) {
        clusters.add(new Cluster(from, to, words, false));
        from = -1;
        words = 0;
        shortRun = 0;
      }
    }
    if (from >= 0) {
      clusters.add(new Cluster(from, to, words, true));
    }
    long max = clusters.stream().mapToLong(Cluster::words).max().orElse(0);
    return clusters.stream().filter(c -> c.words() * 2 >= max).findFirst().orElse(null);
  }

  /**
   * A short line that can close an article (a caption, a subheading, a last short paragraph): four
   * words or more, starting like a sentence, not a "a | b" link row.
   */
  private static boolean contentish(TextItem it) {
    return it.words() >= 4 && TextShape.startsLikeTitle(it.text()) && !it.text().contains(" | ");
  }

  private static boolean nextIsCredit(List<TextItem> items, int i) {
    return i + 1 < items.size() && items.get(i + 1).is(Kind.CREDIT);
  }

  private static int shortTextBetween(List<TextItem> items, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (items.get(i).is(Kind.TEXT) && !TextShape.prose(items.get(i).text())) {
        n++;
      }
    }
    return n;
  }

  private static void dropNavigationRuns(List<TextItem> items, boolean[] keep, int from, int to) {
    int i = from;
    while (i < to) {
      int j = i;
      while (j < to && navLabel(items.get(j))) {
        j++;
      }
      if (j - i >= NAV_RUN) {
        java.util.Arrays.fill(keep, i, j, false);
      }
      i = Math.max(j, i + 1);
    }
  }

  private static boolean navLabel(TextItem it) {
    return (it.is(Kind.TEXT) || it.is(Kind.BOILER))
        && it.words() <= 3
        && it.text().length() <= 30
        && !TextShape.endsSentence(it.text());
  }
}
