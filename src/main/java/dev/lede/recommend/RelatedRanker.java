package dev.lede.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns candidates into a "You May Also Like" list: filtered, re-scored, diversified, filled.
 *
 * <p><b>Filter.</b> Never the article itself, never a copy of it (same duplicate group), never its
 * own story (the page's "More on this story" block shows those), nothing under the relevance floor
 * ({@link Settings#minRelative} of the best candidate).
 *
 * <p><b>Score.</b> Relevance is normalised by the best candidate's. Freshness multiplies it by at
 * most {@code 1 + freshnessWeight}, decaying with the age gap between the candidate and the article
 * (half-life {@link Settings#freshnessHalfLife}), so it only reorders candidates of similar
 * relevance: with the default weight 0.15 a candidate needs at least 87% of another's relevance to
 * pass it, and freshness never removes a candidate. When either date is unknown there is no
 * adjustment at all (first-seen time is not a publication date). Engagement adds at most {@link
 * Settings#engagementWeight} the same way.
 *
 * <p><b>Diversify.</b> Maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): each pick
 * maximises λ·score − (1−λ)·max similarity to the items already picked, where similarity is the
 * Jaccard overlap of the candidates' term sets. λ = 0.5: relevance and novelty weigh the same (two
 * reports of one event that the story clustering kept apart overlap heavily, and the penalty must
 * be able to push the second one below a different event; 0.7 left 2.1 points more ECB+ lists with
 * two items of one event at the same share of lists with the topic's other event). Hard constraints
 * on top: one item per story, one per duplicate group, at most {@link Settings#perSourceCap} per
 * source.
 *
 * <p><b>Story support.</b> A candidate's relevance is multiplied by 1 + {@link
 * Settings#storySupport} × the summed relevance of up to {@value #SUPPORT_REPORTS} other reports of
 * its story among the candidates (one per duplicate group: copies are one report). A story several
 * of whose reports resemble the article is a related story in its own right; a single article that
 * happens to share words with it is more often a lookalike. The support multiplies, so a report's
 * own relevance bounds what it can gain: the report listed is its story's best, so the others are
 * at most at its level r and it reaches at most r × (1 + 4r) — a story whose best report has a
 * quarter of the best candidate's relevance scores at most half of it, at a third about four
 * fifths. Stories are the keys the caller gives: in {@code Related} those of the same-event
 * collapse, so the reports of two clustering stories it joined vouch for each other (keying by the
 * clustering's own stories measured the same, within 0.4 points). The support also weighs against
 * the diversity penalty, which was tuned for scores up to about 1.3 (normalising the scores before
 * it moved the figures by under 0.4 points as well). On ECB+ it lifts the topic's other event into
 * more lists (docs/benchmarks.md, "Story support"). Only one report of a story is ever listed; the
 * others only vouch for it.
 *
 * <p><b>Fill.</b> When fewer than k good candidates remain, the list is filled with the freshest
 * top stories of the article's section, labelled as such, under the same constraints — the block is
 * never empty while the site has other articles.
 */
public final class RelatedRanker {

  /** Tunable parameters, validated once. */
  public record Settings(
      int k,
      double minRelative,
      double freshnessWeight,
      Duration freshnessHalfLife,
      double engagementWeight,
      double lambda,
      int perSourceCap,
      double storySupport) {
    public Settings {
      if (k < 1 || k > 50) {
        throw new IllegalArgumentException("k must be 1..50, was " + k);
      }
      if (minRelative < 0 || minRelative >= 1) {
        throw new IllegalArgumentException("minRelative must be in [0, 1), was " + minRelative);
      }
      if (freshnessWeight < 0 || freshnessWeight > 1) {
        throw new IllegalArgumentException(
            "freshnessWeight must be in [0, 1], was " + freshnessWeight);
      }
      if (lambda <= 0 || lambda > 1) {
        throw new IllegalArgumentException("lambda must be in (0, 1], was " + lambda);
      }
      if (perSourceCap < 1) {
        throw new IllegalArgumentException("perSourceCap must be at least 1, was " + perSourceCap);
      }
      if (!(storySupport >= 0 && storySupport <= 2)) {
        throw new IllegalArgumentException("storySupport must be in [0, 2], was " + storySupport);
      }
    }

    public static Settings defaults() {
      return new Settings(8, 0.2, 0.15, Duration.ofDays(7), 0.1, 0.5, 3, STORY_SUPPORT);
    }

    public Settings withLambda(double newLambda) {
      return new Settings(
          k,
          minRelative,
          freshnessWeight,
          freshnessHalfLife,
          engagementWeight,
          newLambda,
          perSourceCap,
          storySupport);
    }

    public Settings withK(int newK) {
      return new Settings(
          newK,
          minRelative,
          freshnessWeight,
          freshnessHalfLife,
          engagementWeight,
          lambda,
          perSourceCap,
          storySupport);
    }

    public Settings withPerSourceCap(int newCap) {
      return new Settings(
          k,
          minRelative,
          freshnessWeight,
          freshnessHalfLife,
          engagementWeight,
          lambda,
          newCap,
          storySupport);
    }

    public Settings withStorySupport(double weight) {
      return new Settings(
          k,
          minRelative,
          freshnessWeight,
          freshnessHalfLife,
          engagementWeight,
          lambda,
          perSourceCap,
          weight);
    }
  }

  /**
   * The default weight of story support, chosen on the dev copies (0.5–2 within 0.7 points of one
   * another): held-out ECB+ lists with the topic's other event 77.3% → 79.3% (order 6: 72.9% →
   * 74.6%), Wikinews items sharing a name 54.5% → 54.2%.
   */
  static final double STORY_SUPPORT = 1.0;

  /** Other reports of a candidate's story that count for its support, at most. */
  static final int SUPPORT_REPORTS = 4;

  /** The article the list is for. */
  public record Subject(
      String id,
      @Nullable String storyId,
      String duplicateGroup,
      String section,
      @Nullable Instant published) {}

  /**
   * One chosen item, with why it was chosen.
   *
   * @param score what the list was ranked by: relevance × (1 + support) × (1 + freshness) × (1 +
   *     engagement)
   * @param support the story-support multiplier minus one ({@link Settings#storySupport} × the
   *     summed relevance of other reports of its story)
   */
  public record Pick(
      Candidate candidate,
      double score,
      double relevance,
      double freshness,
      double engagement,
      String reason,
      boolean fallback,
      double support) {
    public Pick(
        Candidate candidate,
        double score,
        double relevance,
        double freshness,
        double engagement,
        String reason,
        boolean fallback) {
      this(candidate, score, relevance, freshness, engagement, reason, fallback, 0);
    }
  }

  private final Settings settings;

  public RelatedRanker(Settings settings) {
    this.settings = settings;
  }

  /**
   * Ranks candidates for the subject; {@code fallback} are the freshest top stories of the
   * subject's section (or of the site), used only to fill.
   */
  public List<Pick> rank(Subject subject, List<Candidate> candidates, List<Candidate> fallback) {
    return rank(subject, candidates, fallback, c -> TermHashes.of(c.terms()));
  }

  /**
   * {@link #rank(Subject, List, List)} with each candidate's term set as sorted hashes given (a
   * caller that keeps them saves hashing the strings again).
   */
  List<Pick> rank(
      Subject subject,
      List<Candidate> candidates,
      List<Candidate> fallback,
      Function<Candidate, TermHashes> termHashes) {
    return rank(subject, candidates, fallback, termHashes, null);
  }

  /**
   * The redundancy rule: a candidate whose term set overlaps an item already picked at least {@code
   * ratio} times as much as it overlaps the article's, and at least {@code floor}, is not picked
   * (nor in the pass that lifts the source cap: the labelled fill comes first). Two reports of one
   * event the story clustering kept apart resemble each other much more than either resembles the
   * article. The test is relative, so it needs no threshold tuned to a corpus's article length;
   * with a ratio below 1 (the default is 0.8) it also leaves out a candidate that resembles a
   * listed item nearly as much as it resembles the article — on Wikinews that removes the second
   * item of a running series, and sometimes a fitting item (docs/benchmarks.md, "Two of one
   * event"). Against an item published within {@code nearSeconds} of the candidate, or when either
   * date is unknown, the floor is {@code nearFloor} (lower): reports of one event appear within
   * days of each other and two of them often share only two or three names and headline words,
   * while a series running for weeks shares as many without being one event.
   *
   * @param subjectTerms the article's term set, as the candidates' are given
   */
  record Redundancy(
      TermHashes subjectTerms,
      double ratio,
      double floor,
      double nearFloor,
      long nearSeconds,
      @Nullable Function<String, float @Nullable []> vectors,
      float @Nullable [] subjectVector,
      double embeddingMargin) {
    Redundancy(
        TermHashes subjectTerms, double ratio, double floor, double nearFloor, long nearSeconds) {
      this(subjectTerms, ratio, floor, nearFloor, nearSeconds, null, null, 0);
    }

    Redundancy(TermHashes subjectTerms, double ratio, double floor) {
      this(subjectTerms, ratio, floor, floor, 0);
    }

    boolean redundant(double maxSim, double nearSim, double subjectSim) {
      return maxSim >= floor && maxSim >= ratio * subjectSim
          || nearSim >= nearFloor && nearSim >= ratio * subjectSim;
    }

    boolean redundant(Scored s) {
      return redundant(s.maxSim, s.nearSim, s.subjectSim)
          || embeddingMargin > 0 && s.embeddingExcess >= embeddingMargin;
    }

    /**
     * By sentence embeddings, how much closer a candidate is to a listed item than either of the
     * two is to the article (0 without vectors): two reports of one event sit closer to each other
     * than to a report of a related event.
     */
    double embeddingExcess(Scored candidate, Scored listed) {
      if (candidate.vector == null || listed.vector == null) {
        return 0;
      }
      double c = dev.lede.index.Embedder.cosine(candidate.vector, listed.vector);
      return c - Math.max(candidate.subjectCos, listed.subjectCos);
    }

    /**
     * The overlap of a candidate with a listed item that counts for the near floor, else 0: the two
     * may be reports of one event by their dates (either unknown: they may), and they overlap at
     * least as much as the listed item overlaps the article — two items closer to each other than
     * to the article. A listed item of the article's own event that the story clustering kept apart
     * overlaps the article more than the related event's reports, and does not drive them out.
     */
    double nearSim(Scored candidate, Scored listed, double sim) {
      Instant a = candidate.c.published();
      Instant b = listed.c.published();
      boolean near =
          a == null
              || b == null
              || Math.abs(a.getEpochSecond() - b.getEpochSecond()) <= nearSeconds;
      return near && sim >= listed.subjectSim ? sim : 0;
    }
  }

  /** {@link #rank(Subject, List, List, Function)} with the redundancy rule (null: off). */
  List<Pick> rank(
      Subject subject,
      List<Candidate> candidates,
      List<Candidate> fallback,
      Function<Candidate, TermHashes> termHashes,
      @Nullable Redundancy redundancy) {
    double best = 0;
    for (Candidate c : candidates) {
      if (eligible(subject, c)) {
        best = Math.max(best, c.relevance());
      }
    }
    List<Scored> pool = new ArrayList<>();
    Map<String, Double> support = best > 0 ? support(subject, candidates, best) : Map.of();
    if (best > 0) {
      for (Candidate c : candidates) {
        if (!eligible(subject, c)) {
          continue;
        }
        double rel = c.relevance() / best;
        if (rel < settings.minRelative()) {
          continue;
        }
        double fresh = freshness(subject.published(), c.published());
        double eng = settings.engagementWeight() * Math.max(-1, Math.min(1, c.engagement()));
        double sup = support.getOrDefault(c.id(), 0.0);
        Scored sc =
            new Scored(
                c, rel * (1 + sup) * (1 + fresh) * (1 + eng), rel, fresh, eng, termHashes.apply(c));
        sc.support = sup;
        if (redundancy != null) {
          sc.subjectSim = redundancy.subjectTerms().jaccard(sc.terms);
          if (redundancy.vectors() != null && redundancy.subjectVector() != null) {
            sc.vector = redundancy.vectors().apply(c.id());
            if (sc.vector != null && sc.vector.length == redundancy.subjectVector().length) {
              sc.subjectCos = dev.lede.index.Embedder.cosine(sc.vector, redundancy.subjectVector());
            } else {
              sc.vector = null;
            }
          }
        }
        pool.add(sc);
      }
    }
    pool.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.c.id()));
    List<Pick> picks = new ArrayList<>();
    Constraints cons = new Constraints(subject);
    // Each candidate's largest similarity to the picks so far, brought up to date with the last
    // pick
    // only: one Jaccard per candidate and round (over sorted term hashes, a merge of two arrays).
    Scored last = null;
    // Candidates left out as a second report of a listed item's event: the fill must not bring
    // them back under a "fresh" label.
    Set<String> redundant = new HashSet<>();
    while (picks.size() < settings.k() && !pool.isEmpty()) {
      Scored next = null;
      double nextValue = Double.NEGATIVE_INFINITY;
      for (Scored s : pool) {
        if (last != null) {
          meet(s, last, redundancy);
        }
        if (redundancy != null && redundancy.redundant(s)) {
          redundant.add(s.c.id());
          continue;
        }
        if (!cons.allows(s.c)) {
          continue;
        }
        double v = settings.lambda() * s.score - (1 - settings.lambda()) * s.maxSim;
        if (v > nextValue) {
          nextValue = v;
          next = s;
        }
      }
      if (next == null) {
        break;
      }
      last = next;
      pool.remove(next);
      cons.take(next.c);
      picks.add(
          new Pick(
              next.c,
              next.score,
              next.rel,
              next.fresh,
              next.eng,
              reason(next.c),
              false,
              next.support));
    }
    if (picks.size() < settings.k() && redundancy != null && last != null) {
      for (Scored s : pool) { // the last pick has not been compared with the rest yet
        meet(s, last, redundancy);
        if (redundancy.redundant(s)) {
          redundant.add(s.c.id());
        }
      }
    }
    if (picks.size() < settings.k()) {
      fill(subject, freshestFirst(fallback), cons, picks, redundant);
    }
    if (picks.size() < settings.k()) {
      // The source cap diversifies publishers; where too few publishers cover the topic it would
      // only leave the block short, so it yields: relevant items first, then the fill.
      cons.capOff = true;
      List<Scored> taken = new ArrayList<>();
      for (Scored sc : pool) {
        if (picks.size() >= settings.k()) {
          break;
        }
        if (redundancy != null) {
          for (Scored t : taken) {
            meet(sc, t, redundancy);
          }
        }
        if (redundancy != null && redundancy.redundant(sc)) {
          redundant.add(sc.c.id());
        } else if (cons.allows(sc.c)) {
          cons.take(sc.c);
          taken.add(sc);
          picks.add(
              new Pick(sc.c, sc.score, sc.rel, sc.fresh, sc.eng, reason(sc.c), false, sc.support));
        }
      }
      fill(subject, freshestFirst(fallback), cons, picks, redundant);
    }
    if (picks.size() < settings.k() && !redundant.isEmpty()) {
      // Only where nothing else is left (a small site): a full block over one without them.
      fill(subject, freshestFirst(fallback), cons, picks, Set.of());
    }
    return List.copyOf(picks);
  }

  /**
   * Each eligible candidate's story support (absent: none): {@link Settings#storySupport} times the
   * summed relevance (relative to {@code best}, floored as the pool is) of the best {@value
   * #SUPPORT_REPORTS} other reports of its story, one per duplicate group other than its own.
   */
  private Map<String, Double> support(Subject subject, List<Candidate> candidates, double best) {
    if (settings.storySupport() == 0) {
      return Map.of();
    }
    // story -> duplicate group -> the group's best relevance
    Map<String, Map<String, Double>> byStory = new HashMap<>();
    for (Candidate c : candidates) {
      double rel = c.relevance() / best;
      if (c.storyId() != null && eligible(subject, c) && rel >= settings.minRelative()) {
        byStory
            .computeIfAbsent(c.storyId(), x -> new HashMap<>())
            .merge(c.duplicateGroup(), rel, Math::max);
      }
    }
    Map<String, Double> out = new HashMap<>();
    double[] top = new double[SUPPORT_REPORTS];
    for (Candidate c : candidates) {
      Map<String, Double> groups = c.storyId() == null ? null : byStory.get(c.storyId());
      if (groups == null || groups.size() < 2) {
        continue;
      }
      java.util.Arrays.fill(top, 0);
      for (Map.Entry<String, Double> g : groups.entrySet()) {
        if (g.getKey().equals(c.duplicateGroup())) {
          continue;
        }
        double v = g.getValue(); // kept among the largest few, in descending order
        for (int i = 0; i < top.length; i++) {
          if (v > top[i]) {
            double t = top[i];
            top[i] = v;
            v = t;
          }
        }
      }
      double sum = 0;
      for (double t : top) {
        sum += t;
      }
      if (sum > 0) {
        out.put(c.id(), settings.storySupport() * sum);
      }
    }
    return out;
  }

  private static List<Candidate> freshestFirst(List<Candidate> fallback) {
    List<Candidate> fill = new ArrayList<>(fallback);
    fill.sort(
        Comparator.comparing((Candidate c) -> c.published() == null ? Instant.MIN : c.published())
            .reversed());
    return fill;
  }

  /**
   * Tops the block up with the labelled fill, freshest first, under the constraints, leaving out
   * the candidates the redundancy rule left out ({@code redundant}, by id): a breaking event's
   * second report is often among the section's freshest articles, and would come back as "fresh".
   */
  private void fill(
      Subject subject,
      List<Candidate> fill,
      Constraints cons,
      List<Pick> picks,
      Set<String> redundant) {
    for (Candidate c : fill) {
      if (picks.size() >= settings.k()) {
        break;
      }
      if (!eligible(subject, c) || !cons.allows(c) || redundant.contains(c.id())) {
        continue;
      }
      cons.take(c);
      String label =
          c.section().isEmpty() || !c.section().equalsIgnoreCase(subject.section())
              ? "top story, fresh"
              : "same section, fresh";
      picks.add(new Pick(c, 0, 0, 0, 0, label, true));
    }
  }

  private static boolean eligible(Subject s, Candidate c) {
    if (c.id().equals(s.id())) {
      return false;
    }
    if (c.duplicateGroup().equals(s.duplicateGroup())
        || c.duplicateGroup().equals(s.id())
        || c.id().equals(s.duplicateGroup())) {
      return false;
    }
    return s.storyId() == null || !s.storyId().equals(c.storyId());
  }

  /** In [0, freshnessWeight]: 1 at no age gap, halving every half-life. */
  double freshness(@Nullable Instant subject, @Nullable Instant candidate) {
    if (subject == null || candidate == null || settings.freshnessWeight() == 0) {
      return 0;
    }
    double gapDays = Math.abs(Duration.between(subject, candidate).toMinutes()) / 1440.0;
    double halfLifeDays = Math.max(1e-6, settings.freshnessHalfLife().toMinutes() / 1440.0);
    return settings.freshnessWeight() * Math.pow(0.5, gapDays / halfLifeDays);
  }

  private static String reason(Candidate c) {
    if (!c.shared().isEmpty()) {
      return "shared: " + String.join(", ", c.shared().subList(0, Math.min(3, c.shared().size())));
    }
    return "similar topic";
  }

  /** A candidate in the pool with its scores and its largest similarity to the picks so far. */
  /** A candidate meets a listed item: its similarities to the list brought up to date. */
  private static void meet(Scored s, Scored listed, @Nullable Redundancy redundancy) {
    double sim = s.terms.jaccard(listed.terms);
    s.maxSim = Math.max(s.maxSim, sim);
    if (redundancy != null) {
      s.nearSim = Math.max(s.nearSim, redundancy.nearSim(s, listed, sim));
      s.embeddingExcess = Math.max(s.embeddingExcess, redundancy.embeddingExcess(s, listed));
    }
  }

  private static final class Scored {
    final Candidate c;
    final double score;
    final double rel;
    final double fresh;
    final double eng;
    final TermHashes terms;
    double support;
    double maxSim;
    double nearSim;
    double subjectSim;
    float @Nullable [] vector;
    double subjectCos;
    double embeddingExcess;

    Scored(Candidate c, double score, double rel, double fresh, double eng, TermHashes terms) {
      this.c = c;
      this.score = score;
      this.rel = rel;
      this.fresh = fresh;
      this.eng = eng;
      this.terms = terms;
    }

    double score() {
      return score;
    }
  }

  /** One per story, one per duplicate group, a cap per source. */
  private final class Constraints {
    private final Set<String> stories = new HashSet<>();
    private final Set<String> groups = new HashSet<>();
    private final Map<String, Integer> perSource = new HashMap<>();
    boolean capOff;

    Constraints(Subject s) {
      groups.add(s.duplicateGroup());
      if (s.storyId() != null) {
        stories.add(s.storyId());
      }
    }

    boolean allows(Candidate c) {
      if (c.storyId() != null && stories.contains(c.storyId())) {
        return false;
      }
      if (groups.contains(c.duplicateGroup()) || groups.contains(c.id())) {
        return false;
      }
      return capOff
          || perSource.getOrDefault(c.sourceId().toLowerCase(Locale.ROOT), 0)
              < settings.perSourceCap();
    }

    void take(Candidate c) {
      if (c.storyId() != null) {
        stories.add(c.storyId());
      }
      groups.add(c.duplicateGroup());
      groups.add(c.id());
      perSource.merge(c.sourceId().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
  }
}
