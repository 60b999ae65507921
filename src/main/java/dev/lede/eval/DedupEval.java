package dev.lede.eval;

import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.InMemoryDedupState;
import dev.lede.eval.CopyGenerator.Change;
import dev.lede.model.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code lede eval dedup}: content-farm copies ({@link CopyGenerator}) of the Wikinews and ECB+
 * articles mixed into the real articles, streamed through {@link Dedup} in a realistic order
 * ({@link EvalStream}), then scored on the final duplicate groups.
 *
 * <p>Truth: a copy and its original are duplicates. Real articles are not duplicates of each other
 * — except real reprints, which ECB+ does contain (one AP story on several sites): a pair of real
 * articles counts as a reprint when at least {@value #REPRINT_CONTAINMENT} of the shorter's word
 * 3-grams occur in the longer (a reference measure on the raw texts, independent of the detector).
 * Precision is reported both ways: "strict" counts every real-real link as false; the main figure
 * counts reprint links as true. Recall is over the generated copies only.
 */
public final class DedupEval {
  static final double REPRINT_CONTAINMENT = 0.8;
  private static final int SHOW = 12;

  private DedupEval() {}

  /** Figures of one run. */
  public record Result(
      long seed,
      int realArticles,
      int copies,
      double pairPrecision,
      double pairPrecisionStrict,
      double pairRecall,
      double articlePrecision,
      double articleRecall,
      int ecbArticles,
      int ecbFlagged,
      int ecbFlaggedNotReprint,
      int wikinewsFlagged,
      Map<String, double[]> recallByChange,
      Map<Integer, double[]> recallByChangeCount,
      double canonicalAccuracy,
      double microsPerArticle,
      List<String> misses,
      List<String> falseLinks) {
    public double ecbFlaggedShare() {
      return ecbArticles == 0 ? 0 : ecbFlagged / (double) ecbArticles;
    }

    public double ecbFlaggedNotReprintShare() {
      return ecbArticles == 0 ? 0 : ecbFlaggedNotReprint / (double) ecbArticles;
    }
  }

  /** Runs the evaluation on {@code shared/data} with copies made from {@code seed}. */
  public static Result run(Path data, long seed, DedupConfig config) throws IOException {
    return run(data, seed, config, null);
  }

  /**
   * Runs the evaluation; with {@code dump}, also writes one TSV line per copy (against its
   * original) and per pair of real articles of one ECB+ topic or both from Wikinews: the
   * verification measures, for studying the decision.
   */
  public static Result run(Path data, long seed, DedupConfig config, @Nullable Path dump)
      throws IOException {
    List<NewsCorpus.Doc> real = EvalStream.realArticles(data);
    List<Article> originals = new ArrayList<>();
    for (NewsCorpus.Doc d : real) {
      originals.add(d.article());
    }
    List<CopyGenerator.Copy> copies = new CopyGenerator(seed).generate(originals);
    List<ArticleRef> stream = EvalStream.withCopies(real, copies, seed);

    Dedup dedup = new Dedup(new InMemoryDedupState(), config);
    long t0 = System.nanoTime();
    for (ArticleRef ref : stream) {
      dedup.assign(ref);
    }
    double micros = (System.nanoTime() - t0) / 1000.0 / stream.size();

    Map<String, NewsCorpus.Doc> realById = new HashMap<>();
    for (NewsCorpus.Doc d : real) {
      realById.put(d.id(), d);
    }
    if (dump != null) {
      dump(dump, dedup, real, copies, new Reprints(realById));
    }
    Map<String, CopyGenerator.Copy> copyById = new HashMap<>();
    for (CopyGenerator.Copy c : copies) {
      copyById.put(c.article().id(), c);
    }
    // predicted groups: canonical -> members
    Map<String, List<String>> groups = new TreeMap<>();
    for (ArticleRef ref : stream) {
      String canon = dedup.duplicateOf(ref.id());
      groups
          .computeIfAbsent(canon == null ? ref.id() : canon, k -> new ArrayList<>())
          .add(ref.id());
    }
    Reprints reprints = new Reprints(realById);
    UnionFind truth = new UnionFind();
    UnionFind strict = new UnionFind();
    for (CopyGenerator.Copy c : copies) {
      truth.union(c.article().id(), c.originalId());
      strict.union(c.article().id(), c.originalId());
    }
    // real reprints among predicted links
    for (List<String> g : groups.values()) {
      for (int i = 0; i < g.size(); i++) {
        for (int j = i + 1; j < g.size(); j++) {
          String a = origin(g.get(i), copyById);
          String b = origin(g.get(j), copyById);
          if (!a.equals(b) && reprints.test(a, b)) {
            truth.union(a, b);
          }
        }
      }
    }
    long predicted = 0;
    long correct = 0;
    long correctStrict = 0;
    List<String> falseLinks = new ArrayList<>();
    for (List<String> g : groups.values()) {
      for (int i = 0; i < g.size(); i++) {
        for (int j = i + 1; j < g.size(); j++) {
          predicted++;
          boolean ok = truth.same(g.get(i), g.get(j));
          if (ok) {
            correct++;
          } else if (falseLinks.size() < SHOW) {
            falseLinks.add(g.get(i) + " ~ " + g.get(j) + " " + dedup.explain(g.get(i), g.get(j)));
          }
          if (strict.same(g.get(i), g.get(j))) {
            correctStrict++;
          }
        }
      }
    }
    // generated families: original + its copies
    Map<String, List<String>> families = new HashMap<>();
    for (CopyGenerator.Copy c : copies) {
      families
          .computeIfAbsent(c.originalId(), k -> new ArrayList<>(List.of(k)))
          .add(c.article().id());
    }
    Map<String, String> groupOf = new HashMap<>();
    for (Map.Entry<String, List<String>> e : groups.entrySet()) {
      for (String m : e.getValue()) {
        groupOf.put(m, e.getKey());
      }
    }
    long truePairs = 0;
    long found = 0;
    for (List<String> fam : families.values()) {
      for (int i = 0; i < fam.size(); i++) {
        for (int j = i + 1; j < fam.size(); j++) {
          truePairs++;
          if (groupOf.get(fam.get(i)).equals(groupOf.get(fam.get(j)))) {
            found++;
          }
        }
      }
    }
    // article level
    int flagged = 0;
    int flaggedRight = 0;
    for (ArticleRef ref : stream) {
      String canon = dedup.duplicateOf(ref.id());
      if (canon != null) {
        flagged++;
        if (truth.same(ref.id(), canon)) {
          flaggedRight++;
        }
      }
    }
    Map<String, double[]> byChange = new TreeMap<>();
    Map<Integer, double[]> byCount = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int copiesFound = 0;
    int canonicalChecked = 0;
    int canonicalRight = 0;
    for (CopyGenerator.Copy c : copies) {
      String id = c.article().id();
      boolean hit = groupOf.get(id).equals(groupOf.get(c.originalId()));
      copiesFound += hit ? 1 : 0;
      double[] cnt = byCount.computeIfAbsent(c.changes().size(), k -> new double[2]);
      cnt[0]++;
      cnt[1] += hit ? 1 : 0;
      if (c.changes().size() == 1) {
        Change ch = c.changes().iterator().next();
        double[] s = byChange.computeIfAbsent(ch.name(), k -> new double[2]);
        s[0]++;
        s[1] += hit ? 1 : 0;
      }
      if (!hit && misses.size() < SHOW) {
        misses.add(id + " " + c.changes() + " " + dedup.explain(id, c.originalId()));
      }
      if (hit && c.article().published() != null) {
        canonicalChecked++;
        if (dedup.duplicateOf(c.originalId()) == null) {
          canonicalRight++;
        }
      }
    }
    int ecb = 0;
    int ecbFlagged = 0;
    int ecbNotReprint = 0;
    int wnFlagged = 0;
    for (List<String> g : groups.values()) {
      List<String> realMembers = new ArrayList<>();
      for (String m : g) {
        if (realById.containsKey(m)) {
          realMembers.add(m);
        }
      }
      if (realMembers.size() < 2) {
        continue;
      }
      for (int i = 1; i < realMembers.size(); i++) {
        String m = realMembers.get(i);
        boolean isEcb = realById.get(m).corpus().equals("ecbplus");
        boolean reprint = false;
        for (int j = 0; j < i; j++) {
          reprint |= reprints.test(m, realMembers.get(j));
        }
        if (isEcb) {
          ecbFlagged++;
          ecbNotReprint += reprint ? 0 : 1;
        } else {
          wnFlagged++;
        }
      }
    }
    for (NewsCorpus.Doc d : real) {
      ecb += d.corpus().equals("ecbplus") ? 1 : 0;
    }
    return new Result(
        seed,
        real.size(),
        copies.size(),
        predicted == 0 ? 1 : correct / (double) predicted,
        predicted == 0 ? 1 : correctStrict / (double) predicted,
        truePairs == 0 ? 1 : found / (double) truePairs,
        flagged == 0 ? 1 : flaggedRight / (double) flagged,
        copies.isEmpty() ? 1 : copiesFound / (double) copies.size(),
        ecb,
        ecbFlagged,
        ecbNotReprint,
        wnFlagged,
        byChange,
        byCount,
        canonicalChecked == 0 ? 1 : canonicalRight / (double) canonicalChecked,
        micros,
        misses,
        falseLinks);
  }

  private static void dump(
      Path file,
      Dedup dedup,
      List<NewsCorpus.Doc> real,
      List<CopyGenerator.Copy> copies,
      Reprints reprints)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (CopyGenerator.Copy c : copies) {
      Map<String, Double> f = dedup.explain(c.article().id(), c.originalId());
      lines.add(
          "copy\t"
              + c.article().id()
              + "\t"
              + c.originalId()
              + "\t"
              + c.changes().size()
              + ":"
              + String.join("+", c.changes().stream().map(Enum::name).sorted().toList())
              + "\t"
              + f);
    }
    for (int i = 0; i < real.size(); i++) {
      for (int j = i + 1; j < real.size(); j++) {
        NewsCorpus.Doc a = real.get(i);
        NewsCorpus.Doc b = real.get(j);
        boolean sameTopic = a.corpus().equals("ecbplus") && a.topic().equals(b.topic());
        boolean wiki = a.corpus().startsWith("wikinews") && b.corpus().startsWith("wikinews");
        if (!sameTopic && !wiki) {
          continue;
        }
        Map<String, Double> f = dedup.explain(a.id(), b.id());
        if (f.isEmpty() || (wiki && f.get("containment") < 0.2)) {
          continue;
        }
        lines.add(
            "real\t"
                + a.id()
                + "\t"
                + b.id()
                + "\t"
                + (reprints.test(a.id(), b.id()) ? "reprint" : "different")
                + "\t"
                + f);
      }
    }
    java.nio.file.Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String origin(String id, Map<String, CopyGenerator.Copy> copyById) {
    CopyGenerator.Copy c = copyById.get(id);
    return c == null ? id : c.originalId();
  }

  /** The reference reprint test on the raw texts (cached word 3-gram sets). */
  static final class Reprints {
    private final Map<String, NewsCorpus.Doc> docs;
    private final Map<String, Set<String>> shingles = new HashMap<>();

    Reprints(Map<String, NewsCorpus.Doc> docs) {
      this.docs = docs;
    }

    boolean test(String a, String b) {
      if (!docs.containsKey(a) || !docs.containsKey(b)) {
        return false;
      }
      Set<String> x = shingles(a);
      Set<String> y = shingles(b);
      Set<String> small = x.size() <= y.size() ? x : y;
      Set<String> big = small == x ? y : x;
      if (small.size() < 30) {
        return false;
      }
      int in = 0;
      for (String s : small) {
        in += big.contains(s) ? 1 : 0;
      }
      return in >= REPRINT_CONTAINMENT * small.size();
    }

    private Set<String> shingles(String id) {
      return shingles.computeIfAbsent(
          id,
          k -> {
            String[] w =
                docs.get(k).article().text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
            List<String> words = new ArrayList<>();
            for (String x : w) {
              if (!x.isEmpty()) {
                words.add(x);
              }
            }
            Set<String> s = new HashSet<>();
            for (int i = 0; i + 2 < words.size(); i++) {
              s.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
            }
            return s;
          });
    }
  }

  private static final class UnionFind {
    private final Map<String, String> parent = new HashMap<>();

    String find(String x) {
      String p = parent.getOrDefault(x, x);
      if (p.equals(x)) {
        return x;
      }
      String r = find(p);
      parent.put(x, r);
      return r;
    }

    void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        parent.put(ra, rb);
      }
    }

    boolean same(String a, String b) {
      return find(a).equals(find(b));
    }
  }
}
