package dev.lede.eval;

import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.InMemoryDedupState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code lede eval stories}: ECB+ event clustering by {@link Dedup}'s online story assignment. The
 * Wikinews articles and all ECB+ articles are streamed in {@link EvalStream}'s order; the stories
 * of the ECB+ articles are scored against their events (BCubed and pairwise P/R/F1), and the share
 * of ECB+ articles whose story also holds an article of the other event of their topic is counted
 * (two events of one kind — two rehab stories — merged into one story).
 *
 * <p>The baseline, run on the same articles in the same process: batch TF-IDF cosine (sublinear tf,
 * IDF over ECB+, a small stop list) with average-link agglomerative clustering, its threshold tuned
 * on ECB+ itself (so optimistic).
 */
public final class StoryEval {
  private StoryEval() {}

  /** Figures of one stream order. */
  public record Result(
      long orderSeed,
      ClusterMetrics.Scores scores,
      double mergedTopicShare,
      int ecbStories,
      double microsPerArticle) {}

  /** The baseline's best cut. */
  public record Baseline(double threshold, ClusterMetrics.Scores scores, double mergedTopicShare) {}

  /** Streams everything in the order of {@code orderSeed} and scores the ECB+ stories. */
  public static Result run(List<NewsCorpus.Doc> real, long orderSeed, DedupConfig config) {
    List<ArticleRef> stream = EvalStream.realOnly(real, orderSeed);
    Dedup dedup = new Dedup(new InMemoryDedupState(), config);
    long t0 = System.nanoTime();
    for (ArticleRef ref : stream) {
      dedup.assign(ref);
    }
    double micros = (System.nanoTime() - t0) / 1000.0 / stream.size();
    List<NewsCorpus.Doc> ecb = ecb(real);
    List<String> pred = new ArrayList<>();
    for (NewsCorpus.Doc d : ecb) {
      pred.add(Long.toString(dedup.storyOf(d.id())));
    }
    return new Result(
        orderSeed,
        ClusterMetrics.score(pred, gold(ecb)),
        mergedTopicShare(ecb, pred),
        new HashSet<>(pred).size(),
        micros);
  }

  static List<NewsCorpus.Doc> ecb(List<NewsCorpus.Doc> real) {
    List<NewsCorpus.Doc> out = new ArrayList<>();
    for (NewsCorpus.Doc d : real) {
      if (d.corpus().equals("ecbplus")) {
        out.add(d);
      }
    }
    return out;
  }

  private static List<String> gold(List<NewsCorpus.Doc> ecb) {
    List<String> gold = new ArrayList<>();
    for (NewsCorpus.Doc d : ecb) {
      gold.add(d.event());
    }
    return gold;
  }

  /** Share of articles whose predicted cluster also holds the other event of their topic. */
  static double mergedTopicShare(List<NewsCorpus.Doc> ecb, List<String> pred) {
    Map<String, Set<String>> events = new HashMap<>();
    for (int i = 0; i < ecb.size(); i++) {
      events.computeIfAbsent(pred.get(i), k -> new HashSet<>()).add(ecb.get(i).event());
    }
    int merged = 0;
    for (int i = 0; i < ecb.size(); i++) {
      NewsCorpus.Doc d = ecb.get(i);
      for (String e : events.get(pred.get(i))) {
        if (!e.equals(d.event()) && topicOf(e).equals(d.topic())) {
          merged++;
          break;
        }
      }
    }
    return merged / (double) ecb.size();
  }

  private static String topicOf(String event) {
    int u = event.indexOf('_');
    return u < 0 ? event : event.substring(0, u);
  }

  /** The TF-IDF average-link baseline, its threshold swept over 0.02..0.80 (best BCubed F1). */
  public static Baseline baseline(List<NewsCorpus.Doc> real) {
    List<NewsCorpus.Doc> ecb = ecb(real);
    int n = ecb.size();
    List<Map<String, Double>> vectors = tfidf(ecb);
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        sim[i][j] = sim[j][i] = dot(vectors.get(i), vectors.get(j));
      }
    }
    int[] cluster = new int[n];
    int[] size = new int[n];
    boolean[] alive = new boolean[n];
    for (int i = 0; i < n; i++) {
      cluster[i] = i;
      size[i] = 1;
      alive[i] = true;
    }
    List<String> gold = gold(ecb);
    Baseline best = null;
    for (int step = 80; step >= 2; step--) {
      double threshold = step / 100.0;
      while (true) {
        int bi = -1;
        int bj = -1;
        double bs = -1;
        for (int i = 0; i < n; i++) {
          if (!alive[i]) {
            continue;
          }
          for (int j = i + 1; j < n; j++) {
            if (alive[j] && sim[i][j] > bs) {
              bs = sim[i][j];
              bi = i;
              bj = j;
            }
          }
        }
        if (bi < 0 || bs < threshold) {
          break;
        }
        for (int k = 0; k < n; k++) {
          if (alive[k] && k != bi && k != bj) {
            double s = (size[bi] * sim[k][bi] + size[bj] * sim[k][bj]) / (size[bi] + size[bj]);
            sim[k][bi] = sim[bi][k] = s;
          }
        }
        size[bi] += size[bj];
        alive[bj] = false;
        for (int k = 0; k < n; k++) {
          if (cluster[k] == bj) {
            cluster[k] = bi;
          }
        }
      }
      List<String> pred = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        pred.add(Integer.toString(cluster[i]));
      }
      ClusterMetrics.Scores s = ClusterMetrics.score(pred, gold);
      if (best == null || s.bcubedF1() > best.scores().bcubedF1()) {
        best = new Baseline(threshold, s, mergedTopicShare(ecb, pred));
      }
    }
    return best;
  }

  private static final Set<String> STOP =
      Set.of(
          "the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with", "from",
          "is", "was", "are", "were", "be", "been", "has", "have", "had", "it", "its", "that",
          "this", "as", "he", "she", "they", "his", "her", "their", "said", "says", "will", "would",
          "not", "but", "after", "who", "which", "s");

  private static List<Map<String, Double>> tfidf(List<NewsCorpus.Doc> docs) {
    List<Map<String, Integer>> tfs = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    for (NewsCorpus.Doc d : docs) {
      Map<String, Integer> tf = new HashMap<>();
      String text = d.article().title() + "\n" + d.article().text();
      for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!w.isEmpty() && !STOP.contains(w)) {
          tf.merge(w, 1, Integer::sum);
        }
      }
      tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
      tfs.add(tf);
    }
    List<Map<String, Double>> out = new ArrayList<>();
    for (Map<String, Integer> tf : tfs) {
      Map<String, Double> v = new HashMap<>();
      double norm = 0;
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        double w =
            (1 + Math.log(e.getValue())) * Math.log(docs.size() / (double) df.get(e.getKey()));
        v.put(e.getKey(), w);
        norm += w * w;
      }
      double nn = Math.sqrt(norm);
      v.replaceAll((k, w) -> nn == 0 ? 0 : w / nn);
      out.add(v);
    }
    return out;
  }

  private static double dot(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> big = small == a ? b : a;
    double s = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double w = big.get(e.getKey());
      if (w != null) {
        s += e.getValue() * w;
      }
    }
    return s;
  }
}
