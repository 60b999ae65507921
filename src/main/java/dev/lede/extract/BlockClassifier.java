package dev.lede.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Labels each text block GOOD, NEAR_GOOD, SHORT or BAD from its own features, after jusText
 * (Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora", 2011) with thresholds
 * re-fitted on our development sets: link density separates navigation and teaser lists from prose;
 * length and function-word density separate sentences from labels. Blocks whose language has no
 * function words in {@link StopWords} (checked once per page: Chinese, Japanese, Greek…) are judged
 * on length and punctuation alone.
 *
 * <p>Lengths are weighted characters ({@link Texts#weightedLength}). GOOD needs 80 of them, at most
 * a quarter in links and, where measurable, a function-word share of 0.25 (prose in the languages
 * covered sits at 0.35–0.55; menus near 0). NEAR_GOOD relaxes each bound. BAD is link density above
 * one half. Everything else is SHORT, decided later by its neighbours and its container.
 */
final class BlockClassifier {
  static final int GOOD_LENGTH = 80;
  static final int NEAR_GOOD_LENGTH = 40;
  static final double GOOD_LINK_DENSITY = 0.25;
  static final double BAD_LINK_DENSITY = 0.5;
  static final double GOOD_STOP_DENSITY = 0.25;
  static final double NEAR_STOP_DENSITY = 0.15;

  private BlockClassifier() {}

  /** Labels the blocks; returns the teaser units found (for the related-teaser reader). */
  static List<TeaserDetector.Unit> classify(List<TextBlock> blocks) {
    boolean stopWordsApply = pageHasStopWords(blocks);
    for (TextBlock b : blocks) {
      b.label = label(b, stopWordsApply);
    }
    return demoteTeasers(blocks);
  }

  /**
   * Labels repeated teaser excerpts BAD, unless that leaves the page without prose: a page that is
   * nothing but teasers (a section front, a list of abstracts) keeps them as its content.
   */
  private static List<TeaserDetector.Unit> demoteTeasers(List<TextBlock> blocks) {
    List<TeaserDetector.Unit> units = TeaserDetector.find(blocks);
    if (units.isEmpty()) {
      return units;
    }
    int before = proseLength(blocks);
    List<TextBlock.Label> saved = new ArrayList<>(units.size());
    for (TeaserDetector.Unit u : units) {
      saved.add(u.excerpt() == null ? null : u.excerpt().label);
    }
    TeaserDetector.demote(units);
    int after = proseLength(blocks);
    if (after < 250 || after * 4 < before) {
      for (int i = 0; i < units.size(); i++) {
        TextBlock e = units.get(i).excerpt();
        if (e != null) {
          e.label = saved.get(i);
        }
      }
    }
    return units;
  }

  private static int proseLength(List<TextBlock> blocks) {
    int n = 0;
    for (TextBlock b : blocks) {
      if (b.label == TextBlock.Label.GOOD || b.label == TextBlock.Label.NEAR_GOOD) {
        n += b.length;
      }
    }
    return n;
  }

  static TextBlock.Label label(TextBlock b, boolean stopWordsApply) {
    if (!b.isText() || b.kind == TextBlock.Kind.CAPTION) {
      return TextBlock.Label.SHORT;
    }
    double ld = b.linkDensity();
    if (ld > BAD_LINK_DENSITY) {
      return TextBlock.Label.BAD;
    }
    boolean denseScript = b.words * 4 < b.length / 3;
    boolean checkStops = stopWordsApply && !denseScript && b.words >= 4;
    double sd = b.stopWordDensity();
    if (b.length >= GOOD_LENGTH && ld <= GOOD_LINK_DENSITY) {
      if (checkStops ? sd >= GOOD_STOP_DENSITY : b.punctuation > 0) {
        return TextBlock.Label.GOOD;
      }
      if (!checkStops || sd >= NEAR_STOP_DENSITY) {
        return TextBlock.Label.NEAR_GOOD;
      }
      // Long punctuated text is prose whatever its vocabulary (a language we have no list for).
      if (b.punctuation >= 2 && b.length >= 2 * GOOD_LENGTH) {
        return b.length >= 5 * GOOD_LENGTH ? TextBlock.Label.GOOD : TextBlock.Label.NEAR_GOOD;
      }
    }
    if (b.length >= NEAR_GOOD_LENGTH && ld <= BAD_LINK_DENSITY * 0.7) {
      if (checkStops ? sd >= NEAR_STOP_DENSITY : b.punctuation > 0) {
        return TextBlock.Label.NEAR_GOOD;
      }
    }
    return TextBlock.Label.SHORT;
  }

  /**
   * True when the page's text is in a language whose function words we know: at least a fifth of
   * the words of its longer blocks are function words (prose in a covered language: 0.35–0.55).
   */
  private static boolean pageHasStopWords(List<TextBlock> blocks) {
    long words = 0;
    long stops = 0;
    for (TextBlock b : blocks) {
      if (b.length >= NEAR_GOOD_LENGTH) {
        words += b.words;
        stops += b.stopWords;
      }
    }
    return words > 0 && stops * 5 >= words;
  }
}
