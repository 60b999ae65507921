package dev.lede.dedup;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * English function words (and the fragments the tokenizer leaves after apostrophes), left out of
 * SimHash features and story vectors: they say nothing about which text or which event this is.
 * Kept as hashes so the hot path does not build strings.
 */
final class Stopwords {
  private static final String WORDS =
      "a about above after again against all also am an and any are aren as at be because been"
          + " before being below between both but by can cannot could couldn d did didn do does"
          + " doesn doing don down during each few for from further had hadn has hasn have haven"
          + " having he her here hers herself him himself his how i if in into is isn it its itself"
          + " just ll m me might more most must mustn my myself no nor not now o of off on once only"
          + " or other our ours ourselves out over own re s same shan she should shouldn so some"
          + " such t than that the their theirs them themselves then there these they this those"
          + " through to too under until up ve very was wasn we were weren what when where which"
          + " while who whom why will with won would wouldn y you your yours yourself yourselves"
          + " said says say told according would one two new since last year years"
          + " mr mrs ms dr per via yet however though although may many much";
  private static final long[] HASHES;
  private static final Set<String> SET = new HashSet<>();

  static {
    String[] words = WORDS.split(" ");
    long[] h = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      h[i] = Hashing.lower(words[i], 0, words[i].length());
      SET.add(words[i]);
    }
    Arrays.sort(h);
    HASHES = h;
  }

  private Stopwords() {}

  static boolean isStopHash(long lowerHash) {
    return Arrays.binarySearch(HASHES, lowerHash) >= 0;
  }

  static boolean isStop(String lower) {
    return SET.contains(lower);
  }
}
