package dev.lede.index;

import java.util.Map;

/**
 * Document frequencies for TF-IDF computed elsewhere.
 *
 * @param docCount articles in the index
 * @param docFreq for each requested term (as produced by {@link SearchIndex#analyze}), the number
 *     of articles whose body contains it
 */
public record TermStats(long docCount, Map<String, Long> docFreq) {
  public TermStats {
    docFreq = Map.copyOf(docFreq);
  }

  /** Smoothed inverse document frequency, {@code ln(1 + (N - df + 0.5) / (df + 0.5))} (BM25's). */
  public double idf(String term) {
    long df = docFreq.getOrDefault(term, 0L);
    return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
  }
}
