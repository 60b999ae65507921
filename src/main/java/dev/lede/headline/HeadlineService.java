package dev.lede.headline;

import dev.lede.model.Article;
import dev.lede.model.TeaserEvent;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headline stage's front: variants (added by editors or proposed by writers, always through the
 * {@link FaithfulnessGuard}), the per-article test and its bandit, sticky assignment of visitors,
 * counting of teaser events, promotion and reports. Backed by a {@link HeadlineStore} and an {@link
 * ArticleSource}; time and randomness are injected. Thread-safe (one lock: the service's work per
 * event is a few microseconds). {@link #close} releases the resources the composition root handed
 * over with {@link #closing} (the store's file, the data folder); a service over memory has none.
 */
public final class HeadlineService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeadlineService.class);

  /** The guard's verdict and, when accepted, the stored variant. */
  public record AddResult(
      FaithfulnessGuard.Verdict verdict, HeadlineTest.@Nullable Variant variant) {}

  /** The headline a teaser shows: its variant id, text and cache bucket (the arm, 0–3). */
  public record Assignment(String variantId, String headline, int bucket) {}

  private final HeadlineStore store;
  private final ArticleSource articles;
  private final FaithfulnessGuard guard;
  private final ThompsonBandit.Config config;
  private final InstantSource clock;
  private final RandomGenerator rng;
  private final EventGate gate;
  private final Map<String, ThompsonBandit> bandits = new HashMap<>();
  private final java.util.Deque<AutoCloseable> resources = new java.util.ArrayDeque<>();
  private long nextId;

  public HeadlineService(
      HeadlineStore store,
      ArticleSource articles,
      FaithfulnessGuard guard,
      ThompsonBandit.Config config,
      InstantSource clock,
      RandomGenerator rng) {
    this.store = Objects.requireNonNull(store, "store");
    this.articles = Objects.requireNonNull(articles, "articles");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rng = Objects.requireNonNull(rng, "rng");
    this.gate = EventGate.defaults(clock);
  }

  /**
   * Hands a resource to this service: {@link #close} closes it (resources close in reverse order).
   */
  public synchronized HeadlineService closing(AutoCloseable resource) {
    resources.push(Objects.requireNonNull(resource, "resource"));
    return this;
  }

  /** Closes the resources handed over with {@link #closing}, last first. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the headline service failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private Article article(String id) {
    return articles
        .article(id)
        .orElseThrow(() -> new NoSuchElementException("no article with id " + id));
  }

  /** Runs the guard alone. */
  public FaithfulnessGuard.Verdict check(String articleId, String variant) {
    return guard.check(article(articleId), variant);
  }

  /** Adds a variant if the guard accepts it; a test starts with the first variant. */
  public synchronized AddResult addVariant(String articleId, String text, String origin) {
    Article a = article(articleId);
    FaithfulnessGuard.Verdict v = guard.checkAll(a, List.of(text)).get(0);
    if (!v.accepted()) {
      return new AddResult(v, null);
    }
    HeadlineTest t = test(a);
    for (HeadlineTest.Variant existing : t.variants()) {
      if (existing.text().equals(text.strip())) {
        return new AddResult(v, existing);
      }
    }
    if (t.variants().size() + 1 >= ThompsonBandit.MAX_ARMS) {
      throw new IllegalStateException(
          "article "
              + articleId
              + " already has "
              + t.variants().size()
              + " variants; a test has at most "
              + (ThompsonBandit.MAX_ARMS - 1));
    }
    HeadlineTest.Variant nv =
        new HeadlineTest.Variant(newId(), text.strip(), origin, clock.instant());
    List<HeadlineTest.Variant> vs = new ArrayList<>(t.variants());
    vs.add(nv);
    store.save(t.with(vs, t.status(), t.winner(), t.canonical()));
    bandits.remove(articleId);
    return new AddResult(v, nv);
  }

  /** Proposes variants with a writer and adds those the guard accepts (while arms are free). */
  public List<AddResult> propose(String articleId, HeadlineWriter writer) {
    List<AddResult> out = new ArrayList<>();
    for (String s : writer.propose(article(articleId))) {
      try {
        out.add(addVariant(articleId, s, writer.name()));
      } catch (IllegalStateException full) {
        LOG.info("not adding more variants to {}: {}", articleId, full.getMessage());
        break;
      }
    }
    return out;
  }

  public List<HeadlineTest.Variant> variants(String articleId) {
    return store.test(articleId).map(HeadlineTest::variants).orElse(List.of());
  }

  public synchronized boolean removeVariant(String articleId, String variantId) {
    HeadlineTest t = store.test(articleId).orElse(null);
    if (t == null) {
      return false;
    }
    List<HeadlineTest.Variant> vs = new ArrayList<>(t.variants());
    if (!vs.removeIf(v -> v.id().equals(variantId))) {
      return false;
    }
    boolean wasWinner = variantId.equals(t.winner());
    store.save(
        t.with(
            vs,
            wasWinner ? HeadlineTest.Status.STOPPED : t.status(),
            wasWinner ? null : t.winner(),
            !wasWinner && t.canonical()));
    bandits.remove(articleId);
    return true;
  }

  /** The headline a teaser of the article shows to this visitor (null id: cookie off). */
  public synchronized Assignment assign(String articleId, @Nullable String visitorId) {
    return assignAt(
        articleId,
        visitorId == null
            ? VisitorAssignment.randomPosition(rng)
            : VisitorAssignment.position(visitorId, articleId));
  }

  /**
   * The headline a teaser of the article shows to the visitors of a bucket ({@link
   * VisitorAssignment#bucketPosition}): what the site renders and caches once per (page, bucket).
   */
  public synchronized Assignment assignBucket(String articleId, int bucket, int buckets) {
    return assignAt(articleId, VisitorAssignment.bucketPosition(bucket, buckets, articleId));
  }

  /** Whether the article's teasers are in a running test (their headline depends on the bucket). */
  public boolean testing(String articleId) {
    HeadlineTest t = store.test(articleId).orElse(null);
    return t != null && t.status() == HeadlineTest.Status.RUNNING && !t.variants().isEmpty();
  }

  /**
   * The headline an untested teaser shows: a promoted winner (also when not canonical), else the
   * canonical headline.
   */
  public String teaserHeadline(String articleId) {
    HeadlineTest t = store.test(articleId).orElse(null);
    if (t != null && t.status() == HeadlineTest.Status.PROMOTED && t.winner() != null) {
      for (HeadlineTest.Variant v : t.arms()) {
        if (v.id().equals(t.winner())) {
          return v.text();
        }
      }
    }
    return canonicalHeadline(articleId);
  }

  private Assignment assignAt(String articleId, double pos) {
    HeadlineTest t = store.test(articleId).orElse(null);
    if (t == null || t.variants().isEmpty() || t.status() == HeadlineTest.Status.STOPPED) {
      String title = t != null ? t.original() : article(articleId).title();
      return new Assignment(HeadlineTest.ORIGINAL, title, 0);
    }
    List<HeadlineTest.Variant> arms = t.arms();
    if (t.status() == HeadlineTest.Status.PROMOTED) {
      for (int i = 0; i < arms.size(); i++) {
        if (arms.get(i).id().equals(t.winner())) {
          return new Assignment(arms.get(i).id(), arms.get(i).text(), i);
        }
      }
    }
    int arm = bandit(t).choose(pos);
    return new Assignment(arms.get(arm).id(), arms.get(arm).text(), arm);
  }

  /** Counts a teaser event if the gate admits it; may end the test with a winner. */
  public synchronized EventGate.Decision record(TeaserEvent e, @Nullable String userAgent) {
    EventGate.Decision d = gate.admit(e, userAgent);
    if (d != EventGate.Decision.COUNTED) {
      return d;
    }
    HeadlineTest t = store.test(e.article()).orElse(null);
    String variant = e.variant() == null ? HeadlineTest.ORIGINAL : e.variant();
    if (t == null || t.status() != HeadlineTest.Status.RUNNING || t.variants().isEmpty()) {
      return d;
    }
    List<HeadlineTest.Variant> arms = t.arms();
    int arm = -1;
    for (int i = 0; i < arms.size(); i++) {
      if (arms.get(i).id().equals(variant)) {
        arm = i;
      }
    }
    if (arm < 0) {
      return d; // a removed variant's late event
    }
    boolean click = e.type() == TeaserEvent.Type.CLICK;
    if (click && e.visitor() != null && !gate.sawImpression(e)) {
      // A click from a known visitor counts toward the test only after that visitor's counted
      // impression of this teaser: else a beacon (or one per fresh visitor id) decides it. With the
      // visitor cookie switched off there is no visitor to tie a click to: it counts, as before.
      return EventGate.Decision.NO_IMPRESSION;
    }
    store.addCounts(e.article(), variant, click ? 0 : 1, click ? 1 : 0);
    ThompsonBandit b = bandit(t);
    b.observe(arm, click ? 0 : 1, click ? 1 : 0);
    if (b.winner().isPresent()) {
      String w = arms.get(b.winner().getAsInt()).id();
      store.save(t.with(t.variants(), HeadlineTest.Status.PROMOTED, w, false));
      LOG.info("headline test {} decided: variant {} wins", e.article(), w);
    }
    return d;
  }

  /** An editor's promotion; {@code canonical} also replaces the article's title and JSON-LD. */
  public synchronized HeadlineTest promote(String articleId, String variantId, boolean canonical) {
    HeadlineTest t =
        store
            .test(articleId)
            .orElseThrow(() -> new NoSuchElementException("no test for " + articleId));
    boolean known = t.arms().stream().anyMatch(v -> v.id().equals(variantId));
    if (!known) {
      throw new NoSuchElementException("no variant " + variantId + " in the test of " + articleId);
    }
    HeadlineTest p = t.with(t.variants(), HeadlineTest.Status.PROMOTED, variantId, canonical);
    store.save(p);
    return p;
  }

  public synchronized HeadlineTest stop(String articleId) {
    HeadlineTest t =
        store
            .test(articleId)
            .orElseThrow(() -> new NoSuchElementException("no test for " + articleId));
    HeadlineTest s = t.with(t.variants(), HeadlineTest.Status.STOPPED, null, false);
    store.save(s);
    return s;
  }

  /**
   * The headline for the canonical title, JSON-LD and feeds: the original unless an editor promoted
   * one.
   */
  public String canonicalHeadline(String articleId) {
    HeadlineTest t = store.test(articleId).orElse(null);
    if (t == null) {
      return article(articleId).title();
    }
    if (t.canonical() && t.winner() != null) {
      for (HeadlineTest.Variant v : t.arms()) {
        if (v.id().equals(t.winner())) {
          return v.text();
        }
      }
    }
    return t.original();
  }

  public List<TestReport> report() {
    List<TestReport> out = new ArrayList<>();
    for (HeadlineTest t : store.tests()) {
      out.add(report(t));
    }
    return out;
  }

  /** A report from stored counts; the probabilities are seeded by the article id (stable). */
  public TestReport report(HeadlineTest t) {
    Map<String, HeadlineStore.Counts> counts = store.counts(t.articleId());
    List<HeadlineTest.Variant> arms = t.arms();
    long[] imp = new long[arms.size()];
    long[] clk = new long[arms.size()];
    for (int i = 0; i < arms.size(); i++) {
      HeadlineStore.Counts c =
          counts.getOrDefault(arms.get(i).id(), new HeadlineStore.Counts(0, 0));
      imp[i] = c.impressions();
      clk[i] = Math.min(c.clicks(), c.impressions());
    }
    double[] pBest =
        ThompsonBandit.probabilityBest(
            imp, clk, 1, 10_000, new SplittableRandom(t.articleId().hashCode()));
    List<TestReport.Arm> out = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      double a = 1 + clk[i];
      double b = 1 + imp[i] - clk[i];
      out.add(
          new TestReport.Arm(
              arms.get(i).id(),
              arms.get(i).text(),
              imp[i],
              clk[i],
              imp[i] == 0 ? 0 : clk[i] / (double) imp[i],
              Beta.quantile(0.025, a, b),
              Beta.quantile(0.975, a, b),
              pBest[i]));
    }
    return new TestReport(t.articleId(), t.status(), t.winner(), t.canonical(), out);
  }

  private HeadlineTest test(Article a) {
    String id = Objects.requireNonNull(a.id(), "article id");
    return store
        .test(id)
        .orElseGet(
            () ->
                new HeadlineTest(
                    id,
                    a.title(),
                    List.of(),
                    HeadlineTest.Status.RUNNING,
                    null,
                    false,
                    clock.instant()));
  }

  private ThompsonBandit bandit(HeadlineTest t) {
    return bandits.computeIfAbsent(
        t.articleId(),
        id -> {
          List<HeadlineTest.Variant> arms = t.arms();
          ThompsonBandit b = new ThompsonBandit(arms.size(), config, clock, rng);
          Map<String, HeadlineStore.Counts> counts = store.counts(id);
          for (int i = 0; i < arms.size(); i++) {
            HeadlineStore.Counts c = counts.get(arms.get(i).id());
            if (c != null) {
              b.add(i, c.impressions(), Math.min(c.clicks(), c.impressions()));
            }
          }
          b.refresh();
          return b;
        });
  }

  private String newId() {
    byte[] b = new byte[6];
    rng.nextBytes(b);
    return "v" + (++nextId) + "-" + java.util.HexFormat.of().formatHex(b);
  }
}
