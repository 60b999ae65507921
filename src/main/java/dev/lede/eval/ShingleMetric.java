package dev.lede.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Scrapinghub article-extraction-benchmark metric, exactly as the foundation issue defines it.
 *
 * <p>Tokens are the Unicode {@code \w+} runs of a text; a text becomes the multiset of its 4-token
 * shingles (a text of 1–3 tokens gives one shorter shingle, an empty text none). Per page: tp = Σ
 * min(gold, pred), fp = Σ excess of pred, fn = Σ excess of gold, each divided by tp+fp+fn (the
 * normalisation cancels in precision and recall but is kept to match the reference). Precision is 1
 * when fp = fn = 0, 0 when tp = fp = 0, else tp/(tp+fp); recall likewise with fn.
 */
public final class ShingleMetric {
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  private ShingleMetric() {}

  /** Precision and recall of one page; NaN where the metric leaves a value undefined. */
  public record PageScore(double precision, double recall) {}

  /** Scores predicted text against gold text. */
  public static PageScore score(String gold, String pred) {
    Map<String, Integer> g = shingles(gold);
    Map<String, Integer> p = shingles(pred);
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Map.Entry<String, Integer> e : p.entrySet()) {
      int gc = g.getOrDefault(e.getKey(), 0);
      tp += Math.min(gc, e.getValue());
      fp += Math.max(0, e.getValue() - gc);
    }
    for (Map.Entry<String, Integer> e : g.entrySet()) {
      int pc = p.getOrDefault(e.getKey(), 0);
      fn += Math.max(0, e.getValue() - pc);
    }
    double total = tp + fp + fn;
    double ntp = total == 0 ? 0 : tp / total;
    double nfp = total == 0 ? 0 : fp / total;
    double nfn = total == 0 ? 0 : fn / total;
    return new PageScore(ratio(ntp, nfp, fp == 0 && fn == 0), ratio(ntp, nfn, fp == 0 && fn == 0));
  }

  private static double ratio(double tp, double other, boolean perfect) {
    if (perfect) {
      return 1.0;
    }
    if (tp == 0 && other == 0) {
      return 0.0;
    }
    double denom = tp + other;
    return denom == 0 ? Double.NaN : tp / denom;
  }

  /** The multiset of 4-token shingles of a text. */
  static Map<String, Integer> shingles(String text) {
    java.util.List<String> tokens = new java.util.ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<String, Integer> out = new HashMap<>();
    if (tokens.isEmpty()) {
      return out;
    }
    if (tokens.size() < N) {
      out.put(String.join(" ", tokens), 1);
      return out;
    }
    for (int i = 0; i + N <= tokens.size(); i++) {
      out.merge(String.join(" ", tokens.subList(i, i + N)), 1, Integer::sum);
    }
    return out;
  }
}
