package dev.lede.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the article a new one copies, if any: loose candidates from four kinds of lookup postings
 * in {@link DedupState}, then {@link Verifier} on each, best score wins.
 *
 * <ul>
 *   <li>table {@value #EXACT}: the exact hash of the normalised body;
 *   <li>tables {@value #SIMHASH}–{@code 10}: SimHash permuted tables ({@link PermutedTables}),
 *       everything within 3 bits — light edits;
 *   <li>tables {@value #BAND}+: MinHash LSH bands ({@link MinHash}) — heavier edits;
 *   <li>table {@value #SENTENCE}: the article's {@code sentenceSamples} sentences with the smallest
 *       hashes (a bottom-k sample, Broder's min-wise idea at sentence grain); a new article probes
 *       with all its sentences, so a copy that kept a part of a long text (low Jaccard, high
 *       containment) still meets it: with half the sentences kept and 6 samples it is missed with
 *       probability 0.5^6 ≈ 1.6%, and the bands usually catch that rest.
 * </ul>
 *
 * About 37 postings per article (1 + 10 + 20 + 6 with the defaults), 8–16 bytes each depending on
 * the store. Postings are read oldest first and at most {@code postingLimit} per key: a key shared
 * by more articles is a common phrase, or one story's many copies of which the oldest suffice.
 */
final class DuplicateFinder {
  static final int EXACT = 0;
  static final int SIMHASH = 1;
  static final int BAND = 16;
  static final int SENTENCE = 100;
  private static final int MAX_SENTENCE_PROBES = 256;

  /** A verified match. */
  record Match(long article, Verifier.Verdict verdict) {}

  private final DedupState state;
  private final DedupConfig.Duplicates cfg;
  private final Verifier verifier;

  DuplicateFinder(DedupState state, DedupConfig.Duplicates cfg) {
    this.state = state;
    this.cfg = cfg;
    this.verifier = new Verifier(cfg.threshold(), cfg.minLengthRatio());
  }

  /** The best verified match of {@code s} among the indexed articles, or null. */
  @Nullable Match find(Sketch s) {
    if (s.exact() == 0) {
      return null;
    }
    Map<Long, Integer> hits = new HashMap<>();
    probe(EXACT, (int) (s.exact() >>> 32), 100, hits);
    if (s.nearEligible()) {
      for (int t = 0; t < PermutedTables.TABLES; t++) {
        probe(SIMHASH + t, PermutedTables.key(s.simhash(), t), 3, hits);
      }
      for (int b = 0; b < cfg.bands(); b++) {
        probe(BAND + b, MinHash.bandKey(s.minhash(), b, cfg.rows()), 1, hits);
      }
      int[] sentences = s.sentences();
      for (int i = 0; i < Math.min(sentences.length, MAX_SENTENCE_PROBES); i++) {
        probe(SENTENCE, sentences[i], 1, hits);
      }
    }
    List<Long> candidates = new ArrayList<>(hits.keySet());
    candidates.sort(
        (x, y) -> hits.get(x).equals(hits.get(y)) ? Long.compare(x, y) : hits.get(y) - hits.get(x));
    Match best = null;
    for (int i = 0; i < Math.min(candidates.size(), cfg.maxCandidates()); i++) {
      long c = candidates.get(i);
      byte[] bytes = state.sketch(c);
      if (bytes == null) {
        continue;
      }
      Verifier.Verdict v = verifier.verify(s, Sketch.decode(bytes));
      if (v.duplicate() && (best == null || v.score() > best.verdict().score())) {
        best = new Match(c, v);
      }
    }
    return best;
  }

  /** Files an article's postings. */
  void index(long article, Sketch s) {
    if (s.exact() == 0) {
      return;
    }
    state.addPosting(EXACT, (int) (s.exact() >>> 32), article);
    if (!s.nearEligible()) {
      return;
    }
    for (int t = 0; t < PermutedTables.TABLES; t++) {
      state.addPosting(SIMHASH + t, PermutedTables.key(s.simhash(), t), article);
    }
    for (int b = 0; b < cfg.bands(); b++) {
      state.addPosting(BAND + b, MinHash.bandKey(s.minhash(), b, cfg.rows()), article);
    }
    for (int h : sample(s.sentences(), cfg.sentenceSamples())) {
      state.addPosting(SENTENCE, h, article);
    }
  }

  /** The {@code k} smallest distinct values (unsigned). */
  static int[] sample(int[] values, int k) {
    long[] u = new long[values.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = Integer.toUnsignedLong(values[i]);
    }
    Arrays.sort(u);
    int[] out = new int[Math.min(k, u.length)];
    int n = 0;
    for (int i = 0; i < u.length && n < out.length; i++) {
      if (i == 0 || u[i] != u[i - 1]) {
        out[n++] = (int) u[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private void probe(int table, int key, int weight, Map<Long, Integer> hits) {
    state.postings(table, key, cfg.postingLimit(), a -> hits.merge(a, weight, Integer::sum));
  }
}
