package dev.lede.cli;

import dev.lede.Lede;
import dev.lede.LedeRelated;
import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.InMemoryDedupState;
import dev.lede.eval.CopyGenerator;
import dev.lede.eval.EvalStream;
import dev.lede.eval.NewsCorpus;
import dev.lede.eval.PlainMoreLikeThis;
import dev.lede.index.Embedder;
import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.index.TermStats;
import dev.lede.model.Article;
import dev.lede.recommend.Entities;
import dev.lede.recommend.Related;
import dev.lede.recommend.RelatedData;
import dev.lede.recommend.RelatedList;
import dev.lede.recommend.RelatedListStore;
import dev.lede.store.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code lede eval related}: the related lists of Lede and of plain MoreLikeThis, side by side, on
 * the Wikinews and ECB+ articles with generated copies mixed in, all in one data folder.
 *
 * <p>Duplicates and stories come from {@link Dedup} run over the same stream in the order {@link
 * EvalStream} gives (the composition root will supply them the same way once dedup is wired into
 * {@link Lede}). Ground truth: a generated copy and its original are duplicates; the ECB+ event of
 * an article (a copy takes its original's) is its story; the ECB+ topic is the related story.
 */
final class RelatedEvaluation {
  static final int K = 8;

  /** Per-system figures on ECB+. */
  record EcbFigures(
      int lists,
      double duplicatesPerList,
      double listsWithDuplicate,
      double listsWithTwoOfOneEvent,
      double listsWithOtherEvent,
      double sameTopicShare,
      double ownEventShare,
      double fallbackShare,
      double meanLength) {}

  /** Per-system figures on Wikinews. */
  record WikinewsFigures(
      int lists,
      double sharingEntityShare,
      double sharingUncommonShare,
      double medianAgeGapDays,
      double distinctSourcesPerList,
      double distinctStoriesPerList,
      double duplicatesPerList,
      double fallbackShare,
      double meanLength) {}

  /** Latency percentiles in milliseconds. */
  record Latency(int articles, int samples, double p50, double p99) {}

  final List<NewsCorpus.Doc> real;
  final List<CopyGenerator.Copy> copies;
  final Map<String, Article> byId = new HashMap<>();
  final Map<String, String> eventOf = new HashMap<>();
  final Map<String, String> topicOf = new HashMap<>();
  final Map<String, String> copyRoot = new HashMap<>();
  final Map<String, String> sourceOf = new HashMap<>();
  final Map<String, @Nullable String> dupOf = new HashMap<>();
  final Map<String, String> storyOf = new HashMap<>();

  /** Each story's articles in stream order. */
  final Map<String, List<String>> membersOf = new HashMap<>();

  final List<ArticleRef> stream;

  RelatedEvaluation(Path data, long copySeed, long orderSeed) throws IOException {
    real = EvalStream.realArticles(data);
    List<Article> originals = new ArrayList<>();
    for (NewsCorpus.Doc d : real) {
      originals.add(d.article());
      byId.put(d.id(), d.article());
      if (!d.event().isEmpty()) {
        eventOf.put(d.id(), d.event());
        topicOf.put(d.id(), d.topic());
      }
      copyRoot.put(d.id(), d.id());
    }
    copies = new CopyGenerator(copySeed).generate(originals);
    for (CopyGenerator.Copy c : copies) {
      String id = c.article().id();
      byId.put(id, c.article());
      copyRoot.put(id, c.originalId());
      if (eventOf.containsKey(c.originalId())) {
        eventOf.put(id, eventOf.get(c.originalId()));
        topicOf.put(id, topicOf.get(c.originalId()));
      }
    }
    stream = EvalStream.withCopies(real, copies, orderSeed);
    Dedup dedup = new Dedup(new InMemoryDedupState(), DedupConfig.defaults());
    for (ArticleRef ref : stream) {
      dedup.assign(ref);
      sourceOf.put(ref.id(), ref.sourceId());
    }
    for (ArticleRef ref : stream) {
      dupOf.put(ref.id(), dedup.duplicateOf(ref.id()));
      String story = "s" + dedup.storyOf(ref.id());
      storyOf.put(ref.id(), story);
      membersOf.computeIfAbsent(story, k -> new ArrayList<>()).add(ref.id());
    }
  }

  /** Stores every article of the stream (in stream order). */
  void load(Lede lede) {
    List<Submission> batch = new ArrayList<>();
    for (ArticleRef ref : stream) {
      batch.add(new Submission(ref.article(), ref.sourceId()));
      if (batch.size() == 500) {
        lede.submitAll(batch);
        batch.clear();
      }
    }
    lede.submitAll(batch);
    lede.refresh();
  }

  /** Sentence embeddings of every article of the stream, when the run asked for them. */
  final Map<String, float[]> vectors = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Embeds every article of the stream (both cores), reading and writing the vectors from and to a
   * cache file when one is given (the vectors of one model over one stream never change).
   */
  void embed(Embedder embedder, @Nullable Path cache, java.io.PrintWriter err) throws IOException {
    if (cache != null && Files.isRegularFile(cache)) {
      try (var in =
          new java.io.DataInputStream(
              new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
        int n = in.readInt();
        int dims = in.readInt();
        for (int i = 0; i < n; i++) {
          String id = in.readUTF();
          float[] v = new float[dims];
          for (int j = 0; j < dims; j++) {
            v[j] = in.readFloat();
          }
          vectors.put(id, v);
        }
      }
      if (vectors.keySet().containsAll(byId.keySet())) {
        err.println("eval related: " + vectors.size() + " vectors read from " + cache);
        return;
      }
      vectors.clear();
    }
    long t0 = System.nanoTime();
    List<ArticleRef> refs = new ArrayList<>(stream);
    refs.parallelStream()
        .forEach(r -> vectors.put(r.id(), embedder.embed(Embedder.textOf(r.article()))));
    err.printf(
        java.util.Locale.ROOT,
        "eval related: %d articles embedded in %.1f s (%s)%n",
        refs.size(),
        (System.nanoTime() - t0) / 1e9,
        embedder.model());
    if (cache != null) {
      try (var out =
          new java.io.DataOutputStream(
              new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
        out.writeInt(vectors.size());
        out.writeInt(embedder.dimensions());
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
          out.writeUTF(e.getKey());
          for (float x : e.getValue()) {
            out.writeFloat(x);
          }
        }
      }
    }
  }

  /** {@link RelatedData} over Lede with this run's duplicates and stories. */
  RelatedData data(Lede lede) {
    RelatedData base = LedeRelated.dataOf(lede);
    return new WithDedup(base, dupOf, storyOf, membersOf, vectors);
  }

  List<String> ecbSubjects() {
    List<String> out = new ArrayList<>();
    for (NewsCorpus.Doc d : real) {
      if (d.corpus().equals("ecbplus")) {
        out.add(d.id());
      }
    }
    return out;
  }

  List<String> wikinewsSubjects() {
    List<String> out = new ArrayList<>();
    for (NewsCorpus.Doc d : real) {
      if (d.corpus().equals("wikinews")) {
        out.add(d.id());
      }
    }
    return out;
  }

  List<Article> allArticles() {
    List<Article> out = new ArrayList<>();
    for (ArticleRef r : stream) {
      out.add(r.article());
    }
    return out;
  }

  EcbFigures ecb(Map<String, List<String>> lists, Map<String, Integer> fallbacks) {
    int n = 0;
    long dups = 0;
    int withDup = 0;
    int twoOfOne = 0;
    int other = 0;
    long items = 0;
    long sameTopic = 0;
    long ownEvent = 0;
    long fill = 0;
    for (Map.Entry<String, List<String>> e : lists.entrySet()) {
      String s = e.getKey();
      List<String> l = e.getValue();
      n++;
      items += l.size();
      fill += fallbacks.getOrDefault(s, 0);
      Set<String> roots = new HashSet<>();
      roots.add(copyRoot.get(s));
      int d = 0;
      Set<String> events = new HashSet<>();
      boolean two = false;
      boolean hasOther = false;
      for (String i : l) {
        if (!roots.add(copyRoot.getOrDefault(i, i))) {
          d++;
        }
        String ev = eventOf.get(i);
        if (ev != null) {
          two |= !events.add(ev);
          if (ev.equals(eventOf.get(s))) {
            ownEvent++;
          } else if (topicOf.get(i).equals(topicOf.get(s))) {
            hasOther = true;
          }
          if (topicOf.get(i).equals(topicOf.get(s))) {
            sameTopic++;
          }
        }
      }
      dups += d;
      withDup += d > 0 ? 1 : 0;
      twoOfOne += two ? 1 : 0;
      other += hasOther ? 1 : 0;
    }
    return new EcbFigures(
        n,
        (double) dups / n,
        (double) withDup / n,
        (double) twoOfOne / n,
        (double) other / n,
        items == 0 ? 0 : (double) sameTopic / items,
        items == 0 ? 0 : (double) ownEvent / items,
        items == 0 ? 0 : (double) fill / items,
        (double) items / n);
  }

  WikinewsFigures wikinews(Map<String, List<String>> lists, Map<String, Integer> fallbacks) {
    long fill = 0;
    for (int f : fallbacks.values()) {
      fill += f;
    }
    int n = 0;
    long items = 0;
    long sharing = 0;
    long sharingUncommon = 0;
    Set<String> common = commonNames();
    List<Double> gaps = new ArrayList<>();
    double sources = 0;
    double stories = 0;
    long dups = 0;
    Map<String, Set<String>> names = new HashMap<>();
    for (Map.Entry<String, List<String>> e : lists.entrySet()) {
      String s = e.getKey();
      List<String> l = e.getValue();
      n++;
      items += l.size();
      Set<String> sNames = names.computeIfAbsent(s, this::nameKeys);
      Set<String> src = new HashSet<>();
      Set<String> st = new HashSet<>();
      Set<String> roots = new HashSet<>();
      roots.add(copyRoot.get(s));
      Instant sp = byId.get(s).published();
      for (String i : l) {
        Set<String> iNames = names.computeIfAbsent(i, this::nameKeys);
        if (iNames.stream().anyMatch(sNames::contains)) {
          sharing++;
        }
        if (iNames.stream().anyMatch(x -> sNames.contains(x) && !common.contains(x))) {
          sharingUncommon++;
        }
        Instant ip = byId.get(i).published();
        if (sp != null && ip != null) {
          gaps.add(Math.abs(Duration.between(sp, ip).toHours()) / 24.0);
        }
        src.add(sourceOf.getOrDefault(i, ""));
        st.add(storyOf.getOrDefault(i, i));
        if (!roots.add(copyRoot.getOrDefault(i, i))) {
          dups++;
        }
      }
      sources += src.size();
      stories += st.size();
    }
    double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = g.length == 0 ? Double.NaN : g[g.length / 2];
    return new WikinewsFigures(
        n,
        items == 0 ? 0 : (double) sharing / items,
        items == 0 ? 0 : (double) sharingUncommon / items,
        median,
        sources / n,
        stories / n,
        (double) dups / n,
        items == 0 ? 0 : (double) fill / items,
        (double) items / n);
  }

  private @Nullable Set<String> commonNames;

  /**
   * Names found in more than a tenth of all articles of the run (and in more than 20): "Wikinews",
   * "U.S." — sharing one of them says little (the threshold of {@code Related}'s commonShare).
   */
  private synchronized Set<String> commonNames() {
    if (commonNames == null) {
      Map<String, Integer> df = new HashMap<>();
      for (String id : byId.keySet()) {
        for (String k : nameKeys(id)) {
          df.merge(k, 1, Integer::sum);
        }
      }
      Set<String> out = new HashSet<>();
      double limit = Math.max(Related.Settings.COMMON_MIN_DOCS, 0.1 * byId.size());
      df.forEach(
          (k, n) -> {
            if (n > limit) {
              out.add(k);
            }
          });
      commonNames = out;
    }
    return commonNames;
  }

  private Set<String> nameKeys(String id) {
    Article a = byId.get(id);
    Set<String> out = new HashSet<>();
    for (Entities.Entity e : Entities.of(a.title(), a.text())) {
      if (!e.number()) {
        out.add(e.key());
      }
    }
    return out;
  }

  /** Lede's lists, with the time each took. */
  static Map<String, RelatedList> ours(
      Related related, List<String> subjects, List<Long> nanos, java.io.PrintWriter progress) {
    Map<String, RelatedList> out = new HashMap<>();
    long start = System.nanoTime();
    for (String s : subjects) {
      long t0 = System.nanoTime();
      out.put(s, related.compute(s, K));
      nanos.add(System.nanoTime() - t0);
      if (out.size() % 200 == 0) {
        progress.printf(
            java.util.Locale.ROOT,
            "eval related: %d/%d lists, %.1f s%n",
            out.size(),
            subjects.size(),
            (System.nanoTime() - start) / 1e9);
      }
    }
    return out;
  }

  static Map<String, List<String>> ids(Map<String, RelatedList> lists) {
    Map<String, List<String>> out = new HashMap<>();
    lists.forEach(
        (k, v) -> {
          List<String> l = new ArrayList<>();
          v.items().forEach(i -> l.add(i.id()));
          out.put(k, l);
        });
    return out;
  }

  static Map<String, Integer> fallbacks(Map<String, RelatedList> lists) {
    Map<String, Integer> out = new HashMap<>();
    lists.forEach(
        (k, v) -> out.put(k, (int) v.items().stream().filter(RelatedList.Item::fallback).count()));
    return out;
  }

  static Map<String, List<String>> baseline(PlainMoreLikeThis mlt, List<String> subjects) {
    Map<String, List<String>> out = new HashMap<>();
    for (String s : subjects) {
      out.put(s, mlt.related(s, K));
    }
    return out;
  }

  static Latency latency(int articles, List<Long> nanos) {
    long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (a.length == 0) {
      return new Latency(articles, 0, Double.NaN, Double.NaN);
    }
    return new Latency(
        articles,
        a.length,
        a[Math.min(a.length - 1, (int) Math.ceil(0.5 * a.length) - 1)] / 1e6,
        a[Math.min(a.length - 1, (int) Math.ceil(0.99 * a.length) - 1)] / 1e6);
  }

  /** Serving from the stored lists: stores every list, then times {@link Related#get}. */
  static Latency stored(
      Related related, RelatedListStore lists, Map<String, RelatedList> computed, int articles) {
    computed.values().forEach(lists::put);
    List<Long> nanos = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (String id : computed.keySet()) {
        long t0 = System.nanoTime();
        RelatedList l = related.get(id, K);
        long t = System.nanoTime() - t0;
        if (!l.stored()) {
          throw new IllegalStateException("list of " + id + " was not served from the store");
        }
        if (round > 0) {
          nanos.add(t);
        }
      }
    }
    return latency(articles, nanos);
  }

  /** {@link RelatedData} with duplicates and stories from this run's dedup. */
  static final class WithDedup implements RelatedData {
    private final RelatedData base;
    private final Map<String, @Nullable String> dupOf;
    private final Map<String, String> storyOf;
    private final Map<String, List<String>> membersOf;
    private final Map<String, float[]> vectors;

    WithDedup(
        RelatedData base,
        Map<String, @Nullable String> dupOf,
        Map<String, String> storyOf,
        Map<String, List<String>> membersOf,
        Map<String, float[]> vectors) {
      this.base = base;
      this.dupOf = dupOf;
      this.storyOf = storyOf;
      this.membersOf = membersOf;
      this.vectors = vectors;
    }

    @Override
    public float @Nullable [] embedding(String id) {
      return vectors.get(id);
    }

    /** Exact nearest neighbours: a scan of every vector (a few thousand here). */
    @Override
    public List<String> nearestByEmbedding(float[] vector, int n) {
      java.util.PriorityQueue<Map.Entry<String, Double>> top =
          new java.util.PriorityQueue<>(Map.Entry.comparingByValue());
      for (Map.Entry<String, float[]> e : vectors.entrySet()) {
        double c = Embedder.cosine(vector, e.getValue());
        if (top.size() < n) {
          top.add(Map.entry(e.getKey(), c));
        } else if (c > top.peek().getValue()) {
          top.poll();
          top.add(Map.entry(e.getKey(), c));
        }
      }
      List<String> out = new ArrayList<>(top.size());
      while (!top.isEmpty()) {
        out.add(top.poll().getKey());
      }
      java.util.Collections.reverse(out);
      return out;
    }

    @Override
    public Optional<Doc> article(String id) {
      return base.article(id);
    }

    @Override
    public boolean isVisible(String id) {
      return base.isVisible(id);
    }

    @Override
    public List<SearchHit> similar(RelatedQuery query) {
      return base.similar(query);
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
      return base.search(query);
    }

    @Override
    public TermStats termStats(Collection<String> terms) {
      return base.termStats(terms);
    }

    @Override
    public long count(SearchQuery query) {
      return base.count(query);
    }

    @Override
    public List<String> analyze(String text) {
      return base.analyze(text);
    }

    @Override
    public @Nullable String storyOf(String id) {
      return storyOf.get(id);
    }

    @Override
    public int storySize(String id) {
      String story = storyOf.get(id);
      return story == null ? 0 : membersOf.getOrDefault(story, List.of()).size();
    }

    @Override
    public List<String> storyMembers(String id, int limit) {
      String story = storyOf.get(id);
      List<String> all = story == null ? List.of() : membersOf.getOrDefault(story, List.of());
      List<String> out = new ArrayList<>();
      for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
        if (!all.get(i).equals(id)) {
          out.add(all.get(i));
        }
      }
      return out;
    }

    @Override
    public @Nullable String duplicateOf(String id) {
      return dupOf.get(id);
    }

    @Override
    public void refresh() {
      base.refresh();
    }
  }

  static Related related(RelatedData data, RelatedListStore lists, Related.Settings settings) {
    return new Related(data, lists, settings, InstantSource.system());
  }

  static String fmt(double[] xs) {
    return Arrays.toString(xs);
  }
}
