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

  /** The verifier's verdict on {@code s} against the indexed article {@code article}, or null. */
  Verifier.@Nullable Verdict verdict(Sketch s, long article) {
    byte[] bytes = state.sketch(article);
    return bytes == null ? null : verifier.verify(s, Sketch.decode(bytes));
  }

  /**
   * Every verified match of {@code s} among the indexed articles (at most {@code maxCandidates} are
   * verified), best score first; equal scores keep the candidates' order (more probe hits first,
   * then the smaller key), so the first match is the one a single best match would be.
   */
  List<Match> findAll(Sketch s) {
    if (s.exact() == 0) {
      return List.of();
    }
    int probes =
        1
            + (s.nearEligible()
                ? PermutedTables.TABLES
                    + cfg.bands()
                    + Math.min(s.sentences().length, MAX_SENTENCE_PROBES)
                : 0);
    int[] tables = new int[probes];
    int[] keys = new int[probes];
    int[] weights = new int[probes];
    int n = 0;
    tables[n] = EXACT;
    keys[n] = (int) (s.exact() >>> 32);
    weights[n++] = 100;
    if (s.nearEligible()) {
      for (int t = 0; t < PermutedTables.TABLES; t++) {
        tables[n] = SIMHASH + t;
        keys[n] = PermutedTables.key(s.simhash(), t);
        weights[n++] = 3;
      }
      for (int b = 0; b < cfg.bands(); b++) {
        tables[n] = BAND + b;
        keys[n] = MinHash.bandKey(s.minhash(), b, cfg.rows());
        weights[n++] = 1;
      }
      int[] sentences = s.sentences();
      for (int i = 0; i < Math.min(sentences.length, MAX_SENTENCE_PROBES); i++) {
        tables[n] = SENTENCE;
        keys[n] = sentences[i];
        weights[n++] = 1;
      }
    }
    // one batched lookup for all probes (one query in a store instead of dozens)
    Map<Long, Integer> hits = new HashMap<>();
    state.postings(
        tables, keys, n, cfg.postingLimit(), (i, a) -> hits.merge(a, weights[i], Integer::sum));
    List<Long> candidates = new ArrayList<>(hits.keySet());
    candidates.sort(
        (x, y) -> hits.get(x).equals(hits.get(y)) ? Long.compare(x, y) : hits.get(y) - hits.get(x));
    int m = Math.min(candidates.size(), cfg.maxCandidates());
    long[] wanted = new long[m];
    for (int i = 0; i < m; i++) {
      wanted[i] = candidates.get(i);
    }
    Map<Long, byte[]> sketches = new HashMap<>();
    state.sketches(wanted, m, sketches::put);
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      long c = wanted[i];
      byte[] bytes = sketches.get(c);
      if (bytes == null) {
        continue;
      }
      Verifier.Verdict v = verifier.verify(s, Sketch.decode(bytes));
      if (v.duplicate()) {
        matches.add(new Match(c, v));
      }
    }
    // best score first; among equal scores the candidate that came first (more probe hits, then
    // the smaller key), as the single best match was chosen before
    matches.sort((x, y) -> Double.compare(y.verdict().score(), x.verdict().score()));
    return matches;
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
}
