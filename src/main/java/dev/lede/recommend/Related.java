package dev.lede.recommend;

import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.store.Change;
import dev.lede.store.ChangeListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "You May Also Like": the related list of an article, computed once and served by lookup.
 *
 * <p><b>Candidates.</b> One MoreLikeThis-style index query over title and body, made from the
 * article's most distinctive terms (tf·idf, capped at {@link Settings#maxQueryTerms}, so a huge
 * body costs no more than a short one; the article's heaviest names count as title words). The
 * terms are chosen here, with document frequencies from a cache ({@link DocFreqs}), and handed to
 * the index as a short text, so the index looks up a few dozen terms rather than every distinct
 * word of the article (the largest cost of a fresh list before). A separate query for the heaviest
 * names and tags ({@link Settings#entityCandidates}) is off by default: on the evaluation it added
 * no quality and cost a query. Each candidate's raw relevance is {@code text + entityWeight ·
 * entities + tagWeight · tags + sectionWeight · sameSection}: text is its MoreLikeThis score over
 * the best one; entities the idf-weighted share of the article's top entities it mentions; tags the
 * share of the article's tags it carries. Entities count because words alone mislead exactly where
 * a reader cares (the next rehab story is about a different actress: the names differ, the words do
 * not), and they make the reason a reader can check ("shared: North Korea, Kursk"). A name or tag
 * found in a large share of the articles ({@link Settings#commonShare}: the site's own name,
 * "U.S.") is no reason and counts for nothing.
 *
 * <p><b>Profiles.</b> What ranking and the teaser need of a candidate (names, section, tags, date,
 * headline, excerpt) is its profile: kept in a bounded cache and stored with the lists ({@link
 * RelatedListStore#profiles}), so a candidate costs one row of a batched read, not an article read
 * and an entity scan. The fill (freshest of the section) is read once per change position. An
 * article's profile also keeps its query as a subject (chosen terms, name weights, uncommon tags:
 * {@link SubjectQuery}), so a list computed again (a neighbour arrived or changed) skips the
 * analysis and the document-frequency look-ups, until the index has grown by a tenth.
 *
 * <p><b>Ranking.</b> {@link RelatedRanker}: never the article, its copies or its story; freshness
 * only reorders near-ties; MMR diversification; one item per story and per duplicate group, a cap
 * per source; labelled fill from the freshest articles of the section. As a safety net for articles
 * the dedup stage has not grouped yet, two candidates whose entity-and-headline sets overlap by
 * {@link Settings#nearCopyJaccard} or more are treated as copies of each other; a candidate that
 * shares enough of its top names and numbers with the article, with an article of its story or with
 * a candidate so matched is the article's own event and left out; two candidates that share enough
 * of them count as one story (their stories joined); and a candidate that resembles an item already
 * listed more than it resembles the article is left out as a second report of that item's event
 * ({@link Settings#redundancy}).
 *
 * <p><b>Stored lists and refresh.</b> Lists are stored ({@link RelatedListStore}) and served by
 * lookup. The {@link #listener()} keeps them honest from the store's change log: a new or changed
 * article is queued; a hidden or deleted one loses its list at once, and so does every list that
 * mentions it (they are queued for recomputation). The refresher computes the queued article's own
 * list and recomputes the lists of its {@link Settings#refreshPerArticle} nearest neighbours and
 * the stored lists of as many of the latest other members of its story (a new member can make an
 * item of a member's list that member's own event) — the bound on refresh work per new article (1 +
 * twice that many list computations); before any list of a batch it makes the new articles'
 * profiles and queries ({@link #prepare}), so an arrived article's first list costs what a
 * recomputed one costs. A stored list is current when no new article is queued that is younger than
 * the list; otherwise {@link #get} computes on demand, so a list is right straight after an ingest
 * even before the refresher ran.
 */
public final class Related implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Related.class);

  /**
   * Parameters.
   *
   * @param ranking the ranker's settings (its {@code k} is the default list length)
   * @param textCandidates MoreLikeThis candidates read
   * @param entityCandidates entity/tag query candidates read
   * @param maxCandidates candidates scored at most (the union, best text score first)
   * @param maxQueryTerms distinctive terms in the MoreLikeThis query
   * @param queryEntities entities in the entity query
   * @param entityWeight weight of the shared-entity share in raw relevance
   * @param tagWeight weight of the shared-tag share
   * @param sectionWeight bonus for the same section
   * @param nearCopyJaccard overlap of entity-and-headline sets above which two articles count as
   *     copies when the dedup stage did not say so
   * @param sameEventOverlap share of the smaller set of top names and numbers two articles must
   *     share to count as reports of one event (1 turns the check off)
   * @param fallbackPool fresh articles of the section read for the fill
   * @param refreshPerArticle neighbour lists recomputed per new article, and as many stored lists
   *     of other members of its story
   * @param commonShare a name or tag found in more than this share of the articles (and in more
   *     than {@link #COMMON_MIN_DOCS} of them) is common: it is neither a reason nor a shared
   *     entity
   * @param redundancy a candidate whose term set overlaps an item already in the list at least this
   *     many times as much as it overlaps the article's (and at least {@code redundancyFloor}) is
   *     left out as a second report of that item's event (0 turns it off)
   * @param redundancyFloor the least overlap with a listed item that makes a candidate redundant
   * @param redundancyNearFloor the same floor for a listed item published within three days of the
   *     candidate (or either date unknown), the window of the same-event test: reports of one event
   *     come out within days of each other and may share only two or three of a couple of dozen
   *     names and headline words, while items of a running series weeks apart share as many and are
   *     not one event
   * @param embeddingWeight weight of the sentence-embedding part of relevance, when the service has
   *     an embedder or the data gives vectors (0 turns it off)
   * @param embeddingCandidates nearest neighbours by embedding added to the candidates, where the
   *     data can find them ({@link RelatedData#nearestByEmbedding})
   */
  public record Settings(
      RelatedRanker.Settings ranking,
      int textCandidates,
      int entityCandidates,
      int maxCandidates,
      int maxQueryTerms,
      int queryEntities,
      double entityWeight,
      double tagWeight,
      double sectionWeight,
      double nearCopyJaccard,
      double sameEventOverlap,
      int fallbackPool,
      int refreshPerArticle,
      double commonShare,
      double redundancy,
      double redundancyFloor,
      double redundancyNearFloor,
      double embeddingWeight,
      int embeddingCandidates) {
    /** Below this many articles carrying it, a name or tag is never common. */
    public static final int COMMON_MIN_DOCS = 20;

    public Settings {
      Objects.requireNonNull(ranking, "ranking");
      if (textCandidates < 1 || entityCandidates < 0 || maxCandidates < 1) {
        throw new IllegalArgumentException("candidate counts must be positive");
      }
      if (maxQueryTerms < 1 || queryEntities < 0 || fallbackPool < 0 || refreshPerArticle < 0) {
        throw new IllegalArgumentException("query sizes must not be negative");
      }
      if (commonShare <= 0 || commonShare > 1) {
        throw new IllegalArgumentException("commonShare must be in (0, 1], was " + commonShare);
      }
      if (redundancy < 0
          || redundancyFloor <= 0
          || redundancyFloor > 1
          || redundancyNearFloor <= 0
          || redundancyNearFloor > 1) {
        // a floor of 0 would make every candidate that shares nothing with a listed item and
        // nothing with the article "redundant"
        throw new IllegalArgumentException(
            "redundancy must not be negative and its floors in (0, 1]");
      }
      if (embeddingWeight < 0 || embeddingCandidates < 0) {
        throw new IllegalArgumentException("embedding weight and candidates must not be negative");
      }
    }

    public static Settings defaults() {
      return new Settings(
          RelatedRanker.Settings.defaults(),
          40,
          0,
          48,
          40,
          8,
          0.25,
          0.1,
          0.05,
          0.8,
          0.35,
          40,
          4,
          0.1,
          0.8,
          0.1,
          0.05,
          EMBEDDING_WEIGHT,
          EMBEDDING_CANDIDATES);
    }

    public Settings withEmbeddings(double weight, int candidates) {
      return with(
          c -> {
            c.embeddingWeight = weight;
            c.embeddingCandidates = candidates;
          });
    }

    public Settings withRanking(RelatedRanker.Settings r) {
      return with(c -> c.ranking = r);
    }

    public Settings withSameEventOverlap(double v) {
      return with(c -> c.sameEventOverlap = v);
    }

    public Settings withEntityCandidates(int n) {
      return with(c -> c.entityCandidates = n);
    }

    public Settings withMaxQueryTerms(int n) {
      return with(c -> c.maxQueryTerms = n);
    }

    public Settings withRedundancy(double r, double floor) {
      return with(
          c -> {
            c.redundancy = r;
            c.redundancyFloor = floor;
          });
    }

    public Settings withRedundancyNearFloor(double f) {
      return with(c -> c.redundancyNearFloor = f);
    }

    public Settings withTextCandidates(int n) {
      return with(c -> c.textCandidates = n);
    }

    public Settings withMaxCandidates(int n) {
      return with(c -> c.maxCandidates = n);
    }

    public Settings withRefreshPerArticle(int n) {
      return with(c -> c.refreshPerArticle = n);
    }

    /** A copy with some components changed (validated again by the constructor). */
    private Settings with(java.util.function.Consumer<Copy> change) {
      Copy c = new Copy(this);
      change.accept(c);
      return c.settings();
    }

    /** The components of a {@link Settings}, to change before making a new one. */
    private static final class Copy {
      RelatedRanker.Settings ranking;
      int textCandidates;
      int entityCandidates;
      int maxCandidates;
      int maxQueryTerms;
      int queryEntities;
      double entityWeight;
      double tagWeight;
      double sectionWeight;
      double nearCopyJaccard;
      double sameEventOverlap;
      int fallbackPool;
      int refreshPerArticle;
      double commonShare;
      double redundancy;
      double redundancyFloor;
      double redundancyNearFloor;
      double embeddingWeight;
      int embeddingCandidates;

      Copy(Settings s) {
        ranking = s.ranking;
        textCandidates = s.textCandidates;
        entityCandidates = s.entityCandidates;
        maxCandidates = s.maxCandidates;
        maxQueryTerms = s.maxQueryTerms;
        queryEntities = s.queryEntities;
        entityWeight = s.entityWeight;
        tagWeight = s.tagWeight;
        sectionWeight = s.sectionWeight;
        nearCopyJaccard = s.nearCopyJaccard;
        sameEventOverlap = s.sameEventOverlap;
        fallbackPool = s.fallbackPool;
        refreshPerArticle = s.refreshPerArticle;
        commonShare = s.commonShare;
        redundancy = s.redundancy;
        redundancyFloor = s.redundancyFloor;
        redundancyNearFloor = s.redundancyNearFloor;
        embeddingWeight = s.embeddingWeight;
        embeddingCandidates = s.embeddingCandidates;
      }

      Settings settings() {
        return new Settings(
            ranking,
            textCandidates,
            entityCandidates,
            maxCandidates,
            maxQueryTerms,
            queryEntities,
            entityWeight,
            tagWeight,
            sectionWeight,
            nearCopyJaccard,
            sameEventOverlap,
            fallbackPool,
            refreshPerArticle,
            commonShare,
            redundancy,
            redundancyFloor,
            redundancyNearFloor,
            embeddingWeight,
            embeddingCandidates);
      }
    }
  }

  /**
   * How the refresher is doing.
   *
   * @param processed queued articles processed
   * @param listsComputed lists computed by the refresher (own lists and neighbours)
   * @param pending entries still queued
   * @param lagP50Millis median time from queueing to done, over the last 1,000 entries
   * @param lagP99Millis 99th percentile of the same
   * @param lagMaxMillis the largest of the same
   */
  public record RefreshStats(
      long processed,
      long listsComputed,
      long pending,
      long lagP50Millis,
      long lagP99Millis,
      long lagMaxMillis) {}

  private static final int LAG_WINDOW = 1_000;

  /**
   * A candidate the MoreLikeThis query did not find needs this share of the article's entity weight
   * (or a shared tag) to stay.
   */
  private static final double ENTITY_ONLY_MIN = 0.25;

  /**
   * Default weight of the embedding part of relevance (used only when embeddings are on): as much
   * as the text score's. On the dev copies of `lede eval related --embeddings`, 0.5 and 1.5 moved
   * the other-event share by under a point either way (docs/benchmarks.md).
   */
  static final double EMBEDDING_WEIGHT = 1.0;

  /**
   * Default number of nearest neighbours by embedding added to the candidates: none. Re-scoring the
   * word query's candidates gave the whole gain on the evaluation (0 and 16 extra neighbours within
   * 0.4 points), so no vector index is needed; data that can answer nearest-neighbour queries
   * ({@link RelatedData#nearestByEmbedding}) may be asked for some.
   */
  static final int EMBEDDING_CANDIDATES = 0;

  /**
   * Vectors a list makes at most for candidates that have none (each is made once and kept): bounds
   * the first lists after embeddings are switched on for a site with articles from before.
   */
  static final int VECTORS_MADE_PER_LIST = 8;

  /**
   * A candidate whose cosine with a listed item exceeds the larger of the two items' cosines with
   * the article by this much is left out as a second report of that item's event (with embeddings
   * on). 0.05 took ECB+ lists with two items of one event from 19.0% to 16.3% (dev copies) for 7
   * points more labelled fill; 0.02 took them to 15.5% for 12 points.
   */
  static final double EMBEDDING_MARGIN = 0.05;

  /**
   * A cosine at or below this says nothing about relatedness (bge-small over news openings: two
   * unrelated articles meet around 0.4 to 0.5). 0.6 left a quarter of ECB+ lists' items to the
   * fill; 0.4 changed little against 0.5.
   */
  static final double EMBEDDING_BASE = 0.5;

  private static final int CANDIDATE_TEXT_CHARS = 8_000;

  private final RelatedData data;
  private final dev.lede.index.@Nullable Embedder embedder;
  private final DocFreqs docFreqs;
  private final RelatedListStore lists;
  private final Settings settings;
  private final InstantSource clock;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong maxPendingNew = new AtomicLong();
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong computedByRefresh = new AtomicLong();
  private final long[] lags = new long[LAG_WINDOW];
  private long lagCount;
  private @Nullable ScheduledExecutorService refresher;
  private volatile boolean stopping;
  private volatile long refreshedThrough;

  public Related(RelatedData data, RelatedListStore lists, Settings settings, InstantSource clock) {
    this(data, lists, settings, clock, null);
  }

  /**
   * A service that also ranks by sentence embeddings: each article's vector is made with its
   * profile when the article arrives (by the refresher, off the ingest path) or is first a subject,
   * and stored with the profile; a candidate's cosine with the article adds to its relevance, and a
   * candidate much closer to a listed item than to the article is left out as a second report of
   * that item's event.
   *
   * @param embedder the model, or null for words and names alone
   */
  public Related(
      RelatedData data,
      RelatedListStore lists,
      Settings settings,
      InstantSource clock,
      dev.lede.index.@Nullable Embedder embedder) {
    this.embedder = embedder;
    this.data = Objects.requireNonNull(data, "data");
    this.docFreqs = new DocFreqs(data);
    this.lists = Objects.requireNonNull(lists, "lists");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxPendingNew.set(lists.maxPendingNewSeq());
    this.seen.set(maxPendingNew.get());
  }

  public Settings settings() {
    return settings;
  }

  /** The key under which the stored lists record how they were ranked. */
  static final String RANKING_KEY = "ranking";

  /**
   * How this service ranks: by words and names, or with a model's embeddings too. Only what needs
   * every list computed again is recorded (vectors in or out); a change of weights between builds
   * reaches the stored lists as they are refreshed.
   */
  String ranking() {
    return embedder == null ? "words" : "words+" + embedder.model();
  }

  /**
   * Whether the stored lists were ranked as this service ranks (lists stored before the ranking was
   * recorded were ranked by words): a one-off reader with other settings (`lede related
   * --embeddings` on a folder served without them) computes its lists instead of serving stored
   * ones, and stores none.
   */
  public boolean storedListsRankedAlike() {
    String was = lists.meta(RANKING_KEY);
    return ranking().equals(was == null ? "words" : was);
  }

  /**
   * Records how the stored lists are ranked, and when that changed since they were stored
   * (embeddings switched on or off), queues every stored list for the refresher to compute again:
   * the old lists are served until then, so the switch costs no page a wait. Lists stored before
   * the ranking was recorded were ranked by words. Returns the number of lists queued.
   */
  public int recordRanking() {
    String now = ranking();
    String was = lists.meta(RANKING_KEY);
    int queued = 0;
    if (!now.equals(was == null ? "words" : was)) {
      long at = clock.millis();
      List<RelatedListStore.Pending> work = new ArrayList<>();
      for (String id : lists.listIds()) {
        work.add(new RelatedListStore.Pending(id, 0, at, false));
      }
      lists.enqueue(work);
      queued = work.size();
      LOG.info("related lists were ranked by {}, now by {}: {} queued", was, now, queued);
    }
    if (!now.equals(was)) {
      lists.putMeta(RANKING_KEY, now);
    }
    return queued;
  }

  // ---- serving

  /**
   * The first {@code k} related items of an article: the stored list when it is current and long
   * enough (a lookup), else computed now (and stored when {@code k} is at least the default).
   *
   * @throws NoSuchElementException when there is no visible article with this id
   */
  public RelatedList get(String id, int k) {
    Optional<RelatedList> s = current(id);
    // A stored list shorter than the default length is complete: the site had no more to offer.
    if (s.isPresent()
        && (s.get().items().size() >= k || s.get().items().size() < settings.ranking().k())) {
      return s.get().first(k).withStored(true);
    }
    int computeK = Math.max(k, settings.ranking().k());
    // Articles that arrived since the last refresh must be searchable to be candidates.
    long pendingNew = maxPendingNew.get();
    if (pendingNew > refreshedThrough) {
      data.refresh();
      refreshedThrough = pendingNew;
    }
    RelatedList fresh = compute(id, computeK);
    lists.put(fresh);
    return fresh.first(k);
  }

  /** The stored list when it is current. */
  public Optional<RelatedList> current(String id) {
    Optional<RelatedList> s = lists.get(id);
    if (s.isEmpty() || s.get().asOf() < maxPendingNew.get()) {
      return Optional.empty();
    }
    return s;
  }

  /**
   * Computes an article's list now, without storing it.
   *
   * @throws NoSuchElementException when there is no visible article with this id
   */
  public RelatedList compute(String id, int k) {
    long asOf = seen.get();
    long stamp = changeStamp(id); // before anything of the article is read
    // A list computed again finds its article's profile and query kept (cached or stored): the
    // article itself is then not read, only checked to be visible (the contract of this method).
    Profile subjectProfile = keptSubjectProfile(id);
    SubjectQuery sq = subjectProfile == null ? null : keptQuery(subjectProfile);
    if (sq != null) {
      if (!data.isVisible(id)) {
        throw new NoSuchElementException("no visible article " + id);
      }
    } else {
      RelatedData.Doc doc =
          data.article(id)
              .orElseThrow(() -> new NoSuchElementException("no visible article " + id));
      if (subjectProfile == null) {
        subjectProfile = profile(doc); // stored by makeQuery, with its query
      }
      subjectProfile = withVector(subjectProfile, doc.article());
      sq = makeQuery(subjectProfile, doc.article(), stamp);
    }
    if (embedder != null && subjectProfile.vector() == null && data.embedding(id) == null) {
      // A profile kept from before embeddings were on: the vector is made once and kept with it.
      Optional<RelatedData.Doc> doc = data.article(id);
      if (doc.isPresent()) {
        subjectProfile = withVector(subjectProfile, doc.get().article());
        keepMade(Map.of(id, subjectProfile), Map.of(id, stamp), true);
      }
    }
    // The profile's section and date are the article's (the date to the millisecond).
    String subjectSection = subjectProfile.section();
    List<Entities.Entity> entities = subjectProfile.entities();
    Map<String, Double> entityWeight = sq.entityWeights();
    String group = data.duplicateGroupOf(id);
    String story = data.storyOf(id);
    RelatedRanker.Subject subject =
        new RelatedRanker.Subject(id, story, group, subjectSection, subjectProfile.published());

    // Candidates: MoreLikeThis over the article's most distinctive terms, then entities and tags.
    Map<String, Double> textScore = new LinkedHashMap<>();
    List<SearchHit> mlt = List.of();
    // The article's own story is never listed: its other members, which its words find first, take
    // no place among the candidates read and scored (up to as many again as are read).
    int ownStoryPlaces =
        story == null
            ? 0
            : Math.min(Math.max(0, data.storySize(id) - 1), settings.textCandidates());
    LikeText like = sq.like();
    if (!like.body().isEmpty()) {
      Set<String> exclude = new HashSet<>();
      exclude.add(id);
      exclude.add(group);
      // Every chosen term in the body field, and the chosen terms of the headline and the heaviest
      // names in the headline field too: one clause per (term, field).
      int quota = settings.textCandidates() + ownStoryPlaces;
      mlt =
          data.similar(
              RelatedQuery.forText(like.body(), quota)
                  .withTitleText(like.title())
                  .withExclude(exclude)
                  .withMaxQueryTerms(2 * settings.maxQueryTerms())
                  .withHits(RelatedQuery.Hits.ID_AND_SCORE)
                  .withFloorHint(floorHint(id, sq)));
      keepFloorHint(id, sq, mlt, quota);
    }
    double bestText = 0;
    for (SearchHit h : mlt) {
      bestText = Math.max(bestText, h.score());
    }
    for (SearchHit h : mlt) {
      if (!h.id().equals(id)) {
        textScore.put(h.id(), bestText > 0 ? h.score() / bestText : 0);
      }
    }
    Set<String> pool = new LinkedHashSet<>(textScore.keySet());
    List<String> tagsThatRelate = sq.tags();
    // The separate entity-and-tag query, when on (made only then: escaping costs regex passes).
    String entityQuery =
        settings.entityCandidates() > 0 ? entityQuery(entities, entityWeight, tagsThatRelate) : "";
    if (!entityQuery.isEmpty()) {
      for (SearchHit h :
          data.search(
              new SearchQuery(
                  entityQuery,
                  SearchFilters.NONE,
                  SearchQuery.Order.RELEVANCE,
                  0,
                  settings.entityCandidates(),
                  false))) {
        if (!h.id().equals(id)) {
          pool.add(h.id());
        }
      }
    }

    // Sentence embeddings, when on: their nearest neighbours join the candidates, and every
    // candidate's cosine with the article adds to its relevance.
    Map<String, float[]> vectors = new HashMap<>();
    Set<String> imputed = new HashSet<>(); // scored with the average part: no vector yet
    Map<String, Double> embeddingScore =
        embeddingScores(id, subjectProfile, group, pool, vectors, imputed);
    int maxCandidates =
        settings.maxCandidates()
            + ownStoryPlaces
            + (embeddingScore.isEmpty() ? 0 : settings.embeddingCandidates());

    // Score the candidates.
    Map<String, Profile> docs = new HashMap<>();
    Map<String, Part> parts = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    Set<String> subjectTags = lower(tagsThatRelate);
    double entityTotal = 0;
    for (double w : entityWeight.values()) {
      entityTotal += w;
    }
    TermHashes subjectTerms = subjectProfile.termHashes();
    List<Candidate> nearCopiesOfSubject = new ArrayList<>();
    Set<String> sameEventAsSubject = new HashSet<>();
    List<String> ahead = new ArrayList<>(pool);
    prefetch(ahead.subList(0, Math.min(ahead.size(), maxCandidates + PREFETCH_SLACK)));
    for (String cid : pool) {
      if (candidates.size() >= maxCandidates) {
        break;
      }
      Profile cp = profile(cid);
      if (cp == null) {
        continue;
      }
      docs.put(cid, cp);
      Set<String> ceKeys = cp.entityKeys();
      List<String> shared = new ArrayList<>();
      double entityShare = 0;
      List<Entities.Entity> sharedNames = new ArrayList<>();
      for (Entities.Entity e : entities) {
        Double w = entityWeight.get(e.key());
        if (w != null && ceKeys.contains(e.key())) {
          entityShare += w;
          if (!e.number()) {
            sharedNames.add(e);
          }
        }
      }
      // The reason names the rarest, most mentioned shared names first.
      sharedNames.sort(
          (x, y) -> Double.compare(entityWeight.get(y.key()), entityWeight.get(x.key())));
      sharedNames.forEach(e -> shared.add(e.display()));
      entityShare = entityTotal > 0 ? entityShare / entityTotal : 0;
      double tagShare = 0;
      if (!subjectTags.isEmpty()) {
        int common = 0;
        for (String t : cp.tags()) {
          if (subjectTags.contains(t.toLowerCase(Locale.ROOT))) {
            common++;
            if (shared.size() < 6) {
              shared.add(t);
            }
          }
        }
        tagShare = (double) common / subjectTags.size();
      }
      boolean sameSection =
          !subjectSection.isBlank() && subjectSection.equalsIgnoreCase(cp.section());
      double text = textScore.getOrDefault(cid, 0.0);
      double embedding = embeddingScore.getOrDefault(cid, 0.0);
      if (text == 0
          && tagShare == 0
          && entityShare < ENTITY_ONLY_MIN
          && (embedding == 0 || imputed.contains(cid))) {
        continue; // found by one common name alone ("Kelly", "China"): not related enough
      }
      Part p =
          new Part(
              text,
              settings.entityWeight() * entityShare,
              settings.tagWeight() * tagShare,
              sameSection ? settings.sectionWeight() : 0,
              embedding);
      parts.put(cid, p);
      String cgroup = data.duplicateGroupOf(cid);
      Candidate c =
          new Candidate(
              cid,
              p.raw(),
              data.storyOf(cid),
              cgroup,
              cp.sourceKey(),
              cp.section(),
              cp.published(),
              Set.of(), // the ranker and the collapse compare the profile's term hashes
              shared,
              0);
      if (subjectTerms.jaccard(cp.termHashes()) >= settings.nearCopyJaccard()) {
        nearCopiesOfSubject.add(c);
        continue;
      }
      if (sameEvent(subjectProfile, cp)) {
        sameEventAsSubject.add(cid);
        continue;
      }
      candidates.add(c);
    }
    candidates = dropOwnEvent(candidates, docs, story, sameEventAsSubject);
    // The collapse below gives joined candidates one story key for ranking; items report the
    // story each article belongs to.
    Map<String, String> storyOfCandidate = new HashMap<>();
    for (Candidate c : candidates) {
      storyOfCandidate.put(c.id(), c.storyId());
    }
    candidates = collapseNearCopies(candidates, docs);
    candidates = collapseSameEvent(candidates, docs, story);

    RelatedRanker ranker = new RelatedRanker(settings.ranking().withK(k));
    // The ranker's diversity compares the candidates' term sets as the profiles' sorted hashes.
    java.util.function.Function<Candidate, TermHashes> hashes = c -> termHashes(c, docs);
    RelatedRanker.Redundancy redundancy =
        settings.redundancy() > 0
            ? new RelatedRanker.Redundancy(
                subjectTerms,
                settings.redundancy(),
                settings.redundancyFloor(),
                settings.redundancyNearFloor(),
                SAME_EVENT_HOURS * 3600,
                vectors.isEmpty() ? null : vectors::get,
                vectors.get(id),
                EMBEDDING_MARGIN)
            : null;
    List<RelatedRanker.Pick> picks =
        ranker.rank(subject, candidates, List.of(), hashes, redundancy);
    if (picks.size() < k && settings.fallbackPool() > 0) {
      // Fill: the freshest of the section, else of the site (queried only when needed).
      List<Candidate> fallback = new ArrayList<>();
      Set<String> fillIds = new HashSet<>();
      if (!subjectSection.isBlank()) {
        addFallback(fallback, fillIds, fill(subjectSection), id);
      }
      if (fallback.size() < k * 2) {
        addFallback(fallback, fillIds, fill(""), id);
      }
      Set<String> excluded = new HashSet<>(sameEventAsSubject);
      for (Candidate c : nearCopiesOfSubject) {
        excluded.add(c.id());
      }
      fallback.removeIf(c -> excluded.contains(c.id()));
      picks = ranker.rank(subject, candidates, fallback, hashes, redundancy);
    }
    List<RelatedList.Item> items = new ArrayList<>(picks.size());
    for (RelatedRanker.Pick pick : picks) {
      String pid = pick.candidate().id();
      Profile pd = docs.get(pid);
      if (pd == null) {
        pd = profile(pid);
        if (pd == null) {
          continue;
        }
      }
      Part p = parts.getOrDefault(pid, Part.NONE);
      RelatedList.Breakdown b =
          pick.fallback()
              ? RelatedList.Breakdown.NONE
              : new RelatedList.Breakdown(
                  round(pick.score()),
                  round(pick.relevance()),
                  round(p.text),
                  round(p.entities),
                  round(p.tags),
                  round(p.section),
                  round(pick.freshness()),
                  round(pick.engagement()),
                  pick.candidate().shared(),
                  round(p.embedding),
                  round(pick.support()));
      String itemStory =
          storyOfCandidate.containsKey(pid)
              ? storyOfCandidate.get(pid)
              : pick.candidate().storyId();
      items.add(item(pd, itemStory, reason(pick, p), pick.fallback(), b));
    }
    return new RelatedList(id, items, clock.instant(), asOf, false);
  }

  private static String reason(RelatedRanker.Pick pick, Part p) {
    if (pick.fallback() || !pick.candidate().shared().isEmpty()) {
      return pick.reason();
    }
    if (p.embedding > p.text && p.embedding > p.section) {
      return "similar subject"; // the sentence embeddings found it more than the words did
    }
    return p.section > 0 && p.text < 0.05 ? "same section" : "similar words";
  }

  private static void addFallback(
      List<Candidate> out, Set<String> seenIds, List<Candidate> fill, String subjectId) {
    for (Candidate c : fill) {
      if (!c.id().equals(subjectId) && seenIds.add(c.id())) {
        out.add(c);
      }
    }
  }

  /** The fill of a section ("" = the whole site) as of a change position, and when it was read. */
  private record Fill(long asOf, long readAtMillis, List<Candidate> items) {}

  private static final long FILL_MAX_AGE_MILLIS = 60_000;
  private static final int FILL_SECTIONS = 1_000;

  private final Map<String, Fill> fills = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The freshest articles of a section (or of the site), the same for every list until the next
   * change arrives (or for a minute at most): read once, not once per list.
   */
  private List<Candidate> fill(String section) {
    String key = section.strip().toLowerCase(Locale.ROOT);
    long asOf = seen.get();
    long now = clock.millis();
    Fill f = fills.get(key);
    if (f != null && f.asOf() == asOf && now - f.readAtMillis() < FILL_MAX_AGE_MILLIS) {
      return f.items();
    }
    SearchFilters filters =
        key.isEmpty() ? SearchFilters.NONE : SearchFilters.NONE.withSections(Set.of(section));
    List<Candidate> items = new ArrayList<>();
    for (SearchHit h :
        data.search(
            new SearchQuery(
                "", filters, SearchQuery.Order.NEWEST, 0, settings.fallbackPool(), false))) {
      items.add(
          new Candidate(
              h.id(),
              0,
              data.storyOf(h.id()),
              data.duplicateGroupOf(h.id()),
              h.source() == null ? h.siteName() : h.source(),
              h.section(),
              h.published(),
              Set.of(),
              List.of(),
              0));
    }
    if (fills.size() >= FILL_SECTIONS) {
      fills.clear();
    }
    List<Candidate> copy = List.copyOf(items);
    fills.put(key, new Fill(asOf, now, copy));
    return copy;
  }

  /**
   * Whether two articles report the same event although the story clustering kept them apart: they
   * share at least {@link Settings#sameEventOverlap} of the smaller set of their top names and
   * numbers (and at least three of them), and were published within three days of each other (when
   * both dates are known). Two events of one kind share words, rarely their names and figures. The
   * default share, 0.35 (was 0.5), halves two-of-one-event lists on ECB+ at the cost of about one
   * point of lists with the other event (`lede eval related --same-event X`, docs/benchmarks.md).
   */
  private boolean sameEvent(Profile x, Profile y) {
    if (settings.sameEventOverlap() >= 1) {
      return false;
    }
    if (x.published() != null
        && y.published() != null
        && Math.abs(x.published().getEpochSecond() - y.published().getEpochSecond())
            > SAME_EVENT_HOURS * 3600) { // the window of the redundancy rule's near floor too
      return false; // reports of one event cluster in time; weeks apart is a new development
    }
    TermHashes a = x.signature();
    TermHashes b = y.signature();
    if (a.size() < 3 || b.size() < 3) {
      return false;
    }
    int common = a.common(b);
    return common >= 3 && common >= settings.sameEventOverlap() * Math.min(a.size(), b.size());
  }

  /**
   * Leaves out the candidates that report the same event as an article already known to be the
   * article's own event: a member of its story, or a candidate the direct test matched with the
   * article ({@code sameAsSubject}, added to as candidates are left out). The story clustering
   * splits an event's reports into several stories and the direct test compares two articles only:
   * a third report that shares few names with the article may share enough with another report of
   * it (on ECB+ with generated copies, a third of the lists with two items of one event repeated
   * the article's own). One step, not transitive: the test is loose enough to fire between two
   * events of one kind, and a chain would carry it from one to the other.
   */
  private List<Candidate> dropOwnEvent(
      List<Candidate> in,
      Map<String, Profile> profiles,
      @Nullable String subjectStory,
      Set<String> sameAsSubject) {
    List<Profile> anchors = new ArrayList<>();
    for (String a : sameAsSubject) {
      Profile p = profiles.get(a);
      if (p != null) {
        anchors.add(p);
      }
    }
    for (Candidate c : in) {
      if (subjectStory != null && subjectStory.equals(c.storyId())) {
        Profile p = profiles.get(c.id());
        if (p != null) {
          anchors.add(p);
        }
      }
    }
    if (anchors.isEmpty()) {
      return in;
    }
    // A candidate sharing fewer than three names with all the anchors together matches none.
    List<TermHashes> signatures = new ArrayList<>(anchors.size());
    for (Profile a : anchors) {
      signatures.add(a.signature());
    }
    TermHashes any = TermHashes.union(signatures);
    List<Candidate> out = new ArrayList<>(in.size());
    List<String> dropped = new ArrayList<>();
    for (Candidate c : in) {
      Profile p = profiles.get(c.id());
      boolean own = false;
      if (p != null
          && (subjectStory == null || !subjectStory.equals(c.storyId()))
          && p.signature().common(any) >= 3) {
        for (Profile a : anchors) {
          if (sameEvent(a, p)) {
            own = true;
            break;
          }
        }
      }
      if (own) {
        dropped.add(c.id());
      } else {
        out.add(c);
      }
    }
    sameAsSubject.addAll(dropped);
    return out;
  }

  /**
   * Candidates reporting the same event join the story of the more relevant one. A candidate of the
   * article's own story is no anchor: the test is loose enough to fire between the two events of
   * one kind (two coaches fired by one club), and joining that story would drop the related event
   * with the article's own (on ECB+, a quarter of the lists without the other event of the topic
   * lost it this way). Whether a candidate is the article's own event was decided before, by {@link
   * #dropOwnEvent}: the direct test against the article, and one step from the members of its story
   * and the candidates so matched (one step only, for the same reason).
   */
  private List<Candidate> collapseSameEvent(
      List<Candidate> in, Map<String, Profile> profiles, @Nullable String subjectStory) {
    List<Candidate> sorted = new ArrayList<>(in);
    sorted.sort((x, y) -> Double.compare(y.relevance(), x.relevance()));
    // Stories joined as one (union-find over story keys; a candidate without a story is its own):
    // every member of a joined story counts as that story, so the ranker's one-per-story rule
    // keeps one of them all, not one per story the clustering made.
    Map<String, String> parent = new HashMap<>();
    // The keys made once (a candidate without a story is keyed by its id: a string made per call).
    String[] keys = new String[sorted.size()];
    for (int j = 0; j < keys.length; j++) {
      keys[j] = storyKey(sorted.get(j));
    }
    for (int j = 0; j < sorted.size(); j++) {
      Candidate c = sorted.get(j);
      String ck = keys[j];
      Profile pc = profiles.get(c.id());
      if (pc == null || ck.equals(subjectStory)) {
        continue;
      }
      for (int i = 0; i < j; i++) {
        Candidate o = sorted.get(i);
        String ok = keys[i];
        if (ok.equals(subjectStory)) {
          continue;
        }
        Profile po = profiles.get(o.id());
        if (po != null && sameEvent(pc, po)) {
          String a = root(parent, ok);
          String b = root(parent, ck);
          if (!a.equals(b)) {
            parent.put(b, a);
          }
          break;
        }
      }
    }
    if (parent.isEmpty()) {
      return sorted;
    }
    List<Candidate> out = new ArrayList<>(sorted.size());
    for (int j = 0; j < sorted.size(); j++) {
      Candidate c = sorted.get(j);
      String k = keys[j];
      String r = root(parent, k);
      if (r.equals(k) && !parent.containsValue(k)) {
        out.add(c); // joined with nothing
        continue;
      }
      out.add(
          new Candidate(
              c.id(),
              c.relevance(),
              r,
              c.duplicateGroup(),
              c.sourceId(),
              c.section(),
              c.published(),
              c.terms(),
              c.shared(),
              c.engagement()));
    }
    return out;
  }

  private static String storyKey(Candidate c) {
    return c.storyId() != null ? c.storyId() : "~" + c.id();
  }

  private static String root(Map<String, String> parent, String k) {
    String r = k;
    for (String p = parent.get(r); p != null; p = parent.get(r)) {
      r = p;
    }
    return r;
  }

  /**
   * Candidates the dedup stage did not group but whose entity-and-headline sets nearly coincide
   * join the group of the more relevant one.
   */
  private List<Candidate> collapseNearCopies(List<Candidate> in, Map<String, Profile> profiles) {
    List<Candidate> sorted = new ArrayList<>(in);
    sorted.sort((x, y) -> Double.compare(y.relevance(), x.relevance()));
    List<Candidate> out = new ArrayList<>(sorted.size());
    // The term sets as sorted hashes, compared by a merge: up to a thousand pairs per list.
    List<TermHashes> outTerms = new ArrayList<>(sorted.size());
    for (Candidate c : sorted) {
      Candidate keep = c;
      TermHashes ct = termHashes(c, profiles);
      for (int i = 0; i < out.size(); i++) {
        Candidate o = out.get(i);
        if (!o.duplicateGroup().equals(c.duplicateGroup())
            && outTerms.get(i).jaccard(ct) >= settings.nearCopyJaccard()) {
          keep =
              new Candidate(
                  c.id(),
                  c.relevance(),
                  c.storyId(),
                  o.duplicateGroup(),
                  c.sourceId(),
                  c.section(),
                  c.published(),
                  c.terms(),
                  c.shared(),
                  c.engagement());
          break;
        }
      }
      out.add(keep);
      outTerms.add(ct);
    }
    return out;
  }

  /** A candidate's term set as hashes: its profile's, else made from its terms. */
  private static TermHashes termHashes(Candidate c, Map<String, Profile> profiles) {
    Profile p = profiles.get(c.id());
    return p != null ? p.termHashes() : TermHashes.of(c.terms());
  }

  private RelatedList.Item item(
      Profile d, @Nullable String story, String reason, boolean fallback, RelatedList.Breakdown b) {
    return new RelatedList.Item(
        d.id(),
        d.headline(),
        data.altHeadline(d.id()),
        d.excerpt(),
        d.url(),
        d.published(),
        d.sourceName(),
        story == null ? data.storyOf(d.id()) : story,
        reason,
        fallback,
        d.thumbnail(),
        b);
  }

  /**
   * What ranking and teasers need of an article, computed once and cached (the listener evicts
   * changed articles): its entities, its term set for diversity, and its teaser.
   */
  record Profile(
      String id,
      String headline,
      String excerpt,
      String url,
      String sourceKey,
      String sourceName,
      String section,
      List<String> tags,
      @Nullable Instant published,
      RelatedList.@Nullable Thumbnail thumbnail,
      List<Entities.Entity> entities,
      Set<String> entityKeys,
      TermHashes termHashes,
      TermHashes signature,
      byte @Nullable [] vector,
      @Nullable String query) {
    /** This profile with the encoded query of its article as a subject ({@link SubjectQuery}). */
    Profile withQuery(@Nullable String q) {
      return with(vector, q);
    }

    /** This profile with its article's sentence embedding ({@link Vectors#quantize}). */
    Profile withVector(byte @Nullable [] v) {
      return with(v, query);
    }

    /** This profile with its two kept extras (vector and query) replaced. */
    private Profile with(byte @Nullable [] v, @Nullable String q) {
      return new Profile(
          id,
          headline,
          excerpt,
          url,
          sourceKey,
          sourceName,
          section,
          tags,
          published,
          thumbnail,
          entities,
          entityKeys,
          termHashes,
          signature,
          v,
          q);
    }
  }

  private static final int PROFILE_CACHE = 50_000;

  /**
   * The last candidate's score the last time each article's list was computed, with the query it
   * came from (its document count), for the subjects of the most recent lists. A list computed
   * again (a neighbour arrived or changed) hands it to the candidate search as a floor hint ({@link
   * RelatedQuery#floorHint}): the search then starts from it instead of probing for a floor (the
   * probe is about a fifth of a fresh list's work at a million articles). The hits are the same
   * either way. A hint stored by a list computed just as its article changed may reach the next
   * query made: that costs a second search, never other hits. Nor does a hint kept while the
   * article's story was smaller, when the search now reads more candidates: a report that joined
   * the story usually scores above the old last hit, which then stands one place lower and still
   * reaches the hint.
   */
  private final Map<String, FloorHint> floorHints =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FloorHint> e) {
          return size() > FLOOR_HINTS;
        }
      };

  private static final int FLOOR_HINTS = 50_000;

  /**
   * The share of the last score handed on as the hint: the scores of one query drift a little as
   * the index grows (document frequencies, lengths), and a hint that no longer holds costs a second
   * search.
   */
  static final float FLOOR_HINT_MARGIN = 0.95f;

  private record FloorHint(long queryDocCount, float score) {}

  /** The floor hint for this article's query, or 0 when none is kept for this query. */
  private float floorHint(String id, SubjectQuery sq) {
    FloorHint h;
    synchronized (floorHints) {
      h = floorHints.get(id);
    }
    return h != null && h.queryDocCount() == sq.docCount() ? h.score() * FLOOR_HINT_MARGIN : 0f;
  }

  /** Keeps the last hit's score as the next hint when the search filled its quota. */
  private void keepFloorHint(String id, SubjectQuery sq, List<SearchHit> hits, int quota) {
    float last = Float.POSITIVE_INFINITY;
    for (SearchHit h : hits) {
      last = Math.min(last, h.score());
    }
    synchronized (floorHints) {
      if (hits.size() >= quota && last > 0f && Float.isFinite(last)) {
        floorHints.put(id, new FloorHint(sq.docCount(), last));
      } else {
        floorHints.remove(id);
      }
    }
  }

  /** Candidates beyond the maximum whose profiles are fetched with the rest (some drop out). */
  private static final int PREFETCH_SLACK = 8;

  private static final int SIGNATURE = 12;
  static final long SAME_EVENT_HOURS = 72;

  private final Map<String, Profile> profiles =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Profile> e) {
          return size() > PROFILE_CACHE;
        }
      };

  private @Nullable Profile profile(String id) {
    synchronized (profiles) {
      Profile p = profiles.get(id);
      if (p != null) {
        return p;
      }
    }
    prefetch(List.of(id));
    synchronized (profiles) {
      return profiles.get(id);
    }
  }

  /**
   * Brings the profiles of these articles into the cache: from memory, else from the stored
   * profiles (one read for all, no article read and no entity scan), else made from the articles
   * and stored for next time.
   */
  private void prefetch(List<String> ids) {
    List<String> missing = new ArrayList<>();
    synchronized (profiles) {
      for (String id : ids) {
        if (!profiles.containsKey(id)) {
          missing.add(id);
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<String, byte[]> stored = lists.profileBytes(missing);
    Map<String, Profile> made = new LinkedHashMap<>();
    Map<String, Long> stamps = new HashMap<>();
    for (String id : missing) {
      byte[] enc = stored.get(id);
      Profile p = enc == null ? null : ProfileCodec.decode(id, enc, false);
      if (p != null) {
        synchronized (profiles) {
          profiles.put(id, p);
        }
        continue;
      }
      stamps.put(id, changeStamp(id));
      Optional<RelatedData.Doc> d = data.article(id);
      if (d.isPresent()) {
        made.put(id, profile(d.get()));
      }
    }
    if (!made.isEmpty()) {
      keepMade(made, stamps, false); // profile() cached them already
    }
  }

  /**
   * The article's profile as a subject when one is kept: cached with its query, else stored (a row
   * read; a profile cached for a candidate keeps no query, the stored line may have one), else the
   * cached profile without a query; null when none is kept.
   */
  private @Nullable Profile keptSubjectProfile(String id) {
    Profile cached;
    synchronized (profiles) {
      cached = profiles.get(id);
    }
    if (cached != null && cached.query() != null) {
      return cached;
    }
    String enc = lists.profiles(List.of(id)).get(id);
    Profile stored = enc == null ? null : ProfileCodec.decode(id, enc, true);
    if (stored != null) {
      synchronized (profiles) {
        profiles.put(id, stored);
      }
      return stored;
    }
    return cached;
  }

  /**
   * The article's query as a subject kept with its profile, when it may be used again; else null.
   *
   * <p>What the article's query is made of as a subject: its chosen terms (the like text), the
   * weights of its names and its uncommon tags. Making it costs an analysis of the body, the
   * document frequency of every distinct word (most of them cache misses: rare words are what an
   * article is about) and of its names, and a count per tag: about a sixth of a fresh list. It
   * depends only on the article (a change drops the profile, and the query with it) and on document
   * frequencies, so it is kept with the profile and used again while the index has grown by less
   * than a tenth since it was made (the rule {@link DocFreqs} forgets by), with the same settings
   * and analyser. A list is recomputed whenever a neighbour arrives or changes: it is made once per
   * article and growth step, not once per list.
   */
  private @Nullable SubjectQuery keptQuery(Profile p) {
    String enc = p.query();
    if (enc == null) {
      return null;
    }
    SubjectQuery q = SubjectQuery.decode(enc);
    long n = docFreqs.currentDocCount();
    if (q != null
        && q.key() == queryKey()
        && n >= q.docCount()
        && n - q.docCount() <= q.docCount() / 10) {
      return q;
    }
    return null;
  }

  /**
   * Makes the article's query as a subject and keeps it with its profile (see {@link #keptQuery})
   * unless a change to the article overtook the read it was made from ({@code stamp}: its change
   * counter before the read; {@link #keepMade}).
   */
  private SubjectQuery makeQuery(Profile p, Article a, long stamp) {
    SubjectQuery q = newQuery(p, a);
    keepMade(Map.of(p.id(), p.withQuery(q.encode())), Map.of(p.id(), stamp), true);
    return q;
  }

  /** The article's query as a subject, made now (not kept). */
  private SubjectQuery newQuery(Profile p, Article a) {
    long n = docFreqs.currentDocCount();
    long key = queryKey();
    Map<String, Double> weights = entityWeights(p.entities());
    List<String> tags = uncommonTags(a.tags());
    LikeText like = likeText(a.title(), bodyText(a), heaviestNames(p.entities(), weights));
    return new SubjectQuery(n, key, like, weights, tags);
  }

  /**
   * Makes and keeps the profile and the query of these articles as subjects where none is kept yet
   * (or the kept query is too old: {@link #keptQuery}), in one read and one write of the stored
   * profiles: the work of a first list that does not depend on other articles' lists. The refresher
   * calls it for the new articles of each batch before it computes any list, so that the list of an
   * article that has arrived costs what a list computed again costs, and a neighbour's list meeting
   * the new article as a candidate finds its profile stored. Articles that are not visible are
   * skipped.
   *
   * @return the articles whose profile or query was made
   */
  public int prepare(java.util.Collection<String> ids) {
    List<String> todo = new ArrayList<>(new LinkedHashSet<>(ids));
    if (todo.isEmpty()) {
      return 0;
    }
    Map<String, Long> stamps = new HashMap<>();
    for (String id : todo) {
      stamps.put(id, changeStamp(id)); // before the stored profile is read
    }
    Map<String, String> stored = lists.profiles(todo);
    Map<String, Profile> made = new LinkedHashMap<>();
    for (String id : todo) {
      try {
        String enc = stored.get(id);
        Profile kept = enc == null ? null : ProfileCodec.decode(id, enc, true);
        if (kept != null
            && keptQuery(kept) != null
            && (embedder == null || kept.vector() != null)) {
          continue;
        }
        Optional<RelatedData.Doc> d = data.article(id);
        if (d.isEmpty()) {
          continue;
        }
        Profile p = withVector(kept != null ? kept : profile(d.get()), d.get().article());
        SubjectQuery q = keptQuery(p);
        made.put(id, p.withQuery(q != null ? p.query() : newQuery(p, d.get().article()).encode()));
      } catch (RuntimeException e) { // one article's failure does not lose the others' work
        LOG.warn("preparing the related profile of {} failed: {}", id, e.toString());
      }
    }
    if (!made.isEmpty()) {
      keepMade(made, stamps, true);
    }
    return made.size();
  }

  private static final String ANALYSER_PROBE = "Ministers' running U.S. talks on 2,500 Café-Owners";

  private volatile long queryKey;
  private volatile boolean queryKeyKnown;

  /** The settings and the analyser a stored query was made with, as one number. */
  private long queryKey() {
    if (!queryKeyKnown) {
      queryKey =
          Objects.hash(
              settings.maxQueryTerms(),
              settings.queryEntities(),
              settings.commonShare(),
              data.analyze(ANALYSER_PROBE));
      queryKeyKnown = true;
    }
    return queryKey;
  }

  /**
   * An article's query as a subject (see {@link #keptQuery}).
   *
   * @param docCount articles in the index when it was made
   * @param key {@link #queryKey} when it was made
   * @param like the chosen terms
   * @param entityWeights the weights of its top names, in their order
   * @param tags its uncommon tags
   */
  record SubjectQuery(
      long docCount,
      long key,
      LikeText like,
      Map<String, Double> entityWeights,
      List<String> tags) {
    private static final String VERSION = "q1";
    private static final char GS = '\u001d';
    private static final char RS = '\u001e';

    /**
     * One line (no U+001F, so it fits a profile field): version, count, key, like texts, names and
     * weights, tags, separated by U+001D; list elements by U+001E.
     */
    String encode() {
      StringBuilder sb = new StringBuilder(256);
      sb.append(VERSION).append(GS).append(docCount).append(GS).append(key).append(GS);
      sb.append(ProfileCodec.clean(like.body())).append(GS);
      sb.append(ProfileCodec.clean(like.title())).append(GS);
      boolean first = true;
      for (Map.Entry<String, Double> e : entityWeights.entrySet()) {
        if (!first) {
          sb.append(RS);
        }
        first = false;
        sb.append(ProfileCodec.clean(e.getKey())).append(RS).append(e.getValue());
      }
      sb.append(GS);
      for (int i = 0; i < tags.size(); i++) {
        if (i > 0) {
          sb.append(RS);
        }
        sb.append(ProfileCodec.clean(tags.get(i)));
      }
      return sb.toString();
    }

    /** The query of a line; null when unreadable or of another version. */
    static @Nullable SubjectQuery decode(String line) {
      List<String> f = ProfileCodec.parts(line, GS);
      if (f.size() != 7 || !f.get(0).equals(VERSION)) {
        return null;
      }
      try {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (!f.get(5).isEmpty()) {
          List<String> kv = ProfileCodec.parts(f.get(5), RS);
          if (kv.size() % 2 != 0) {
            return null;
          }
          for (int i = 0; i < kv.size(); i += 2) {
            weights.put(kv.get(i), Double.parseDouble(kv.get(i + 1)));
          }
        }
        List<String> tags = f.get(6).isEmpty() ? List.of() : ProfileCodec.parts(f.get(6), RS);
        return new SubjectQuery(
            Long.parseLong(f.get(1)),
            Long.parseLong(f.get(2)),
            new LikeText(f.get(3), f.get(4)),
            weights,
            tags);
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  private Profile profile(RelatedData.Doc d) {
    Article a = d.article();
    String url = !a.canonicalUrl().isEmpty() ? a.canonicalUrl() : a.url();
    RelatedList.Thumbnail thumb = null;
    for (Block.Image img : a.images()) {
      if (!img.src().isBlank()) { // a caption without a picture is no thumbnail
        thumb = new RelatedList.Thumbnail(img.src(), img.alt());
        break;
      }
    }
    List<Entities.Entity> entities = Entities.of(a.title(), cap(bodyText(a), CANDIDATE_TEXT_CHARS));
    entities = entities.subList(0, Math.min(40, entities.size()));
    Profile p =
        make(
            d.id(),
            a.title(),
            excerpt(a),
            url,
            sourceOf(d),
            !a.siteName().isBlank() ? a.siteName() : d.sourceId() == null ? "" : d.sourceId(),
            a.section(),
            a.tags(),
            a.published(),
            thumb,
            entities);
    synchronized (profiles) {
      profiles.put(d.id(), p);
    }
    return p;
  }

  /**
   * A profile as one line of text, stored with the lists: fields separated by U+001F, list elements
   * by U+001E, the parts of an entity by U+001D (these control characters are removed from the
   * values). Derived sets are rebuilt on reading. A line of another version reads as absent.
   */
  static final class ProfileCodec {
    private static final String VERSION = "p3";
    private static final String VERSION_2 = "p2";
    private static final String VERSION_1 = "p1";
    private static final char FS = '\u001f';
    private static final char RS = '\u001e';
    private static final char GS = '\u001d';
    private static final int FIELDS = 15;

    private ProfileCodec() {}

    static String encode(Profile p) {
      StringBuilder sb = new StringBuilder(512);
      sb.append(VERSION).append(FS);
      field(sb, p.headline());
      field(sb, p.excerpt());
      field(sb, p.url());
      field(sb, p.sourceKey());
      field(sb, p.sourceName());
      field(sb, p.section());
      for (int i = 0; i < p.tags().size(); i++) {
        if (i > 0) {
          sb.append(RS);
        }
        sb.append(clean(p.tags().get(i)));
      }
      sb.append(FS);
      sb.append(p.published() == null ? "" : Long.toString(p.published().toEpochMilli()));
      sb.append(FS);
      RelatedList.Thumbnail t = p.thumbnail();
      sb.append(t == null ? "0" : "1").append(FS);
      field(sb, t == null ? "" : t.src());
      field(sb, t == null ? "" : t.alt());
      for (int i = 0; i < p.entities().size(); i++) {
        Entities.Entity e = p.entities().get(i);
        if (i > 0) {
          sb.append(RS);
        }
        sb.append(clean(e.key()))
            .append(GS)
            .append(clean(e.display()))
            .append(GS)
            .append(e.number() ? '1' : '0')
            .append(GS)
            .append(e.weight());
      }
      sb.append(FS);
      byte[] v = p.vector();
      if (v != null) {
        sb.append(java.util.Base64.getEncoder().withoutPadding().encodeToString(v));
      }
      sb.append(FS);
      String q = p.query();
      if (q != null) {
        sb.append(q.replace(FS, ' '));
      }
      return sb.toString();
    }

    /** A profile without its query (as a candidate needs it). */
    static @Nullable Profile decode(String id, String line) {
      return decode(id, line, false);
    }

    /** The number of fields a line of this version has, or -1 for a version not read. */
    private static int fieldsOf(String version) {
      return switch (version) {
        case VERSION -> FIELDS;
        case VERSION_2 -> FIELDS - 1;
        case VERSION_1 -> FIELDS - 2;
        default -> -1;
      };
    }

    /**
     * A profile of a line of this version, of version 2 (no vector field) or of version 1 (no query
     * field either); null when unreadable.
     *
     * @param withQuery keep the article's query as a subject (else dropped: a candidate's profile
     *     needs none, and the cache holds tens of thousands)
     */
    static @Nullable Profile decode(String id, String line, boolean withQuery) {
      // Fields cut at the separators by index (no String.split: this runs for every candidate
      // profile read back, a few dozen per fresh list).
      int firstEnd = line.indexOf(FS);
      String version = firstEnd < 0 ? line : line.substring(0, firstEnd);
      int fields = fieldsOf(version);
      if (fields < 0) {
        return null;
      }
      boolean hasQuery = fields >= FIELDS - 1;
      String[] f = new String[FIELDS];
      int n = 0;
      int start = 0;
      while (true) {
        if (n == fields) {
          return null; // more fields than this version has
        }
        int end = line.indexOf(FS, start);
        if (end < 0) {
          // The last field; a candidate's profile does not copy the article's query.
          f[n] = hasQuery && n == fields - 1 && !withQuery ? "" : line.substring(start);
          n++;
          break;
        }
        f[n++] = line.substring(start, end);
        start = end + 1;
      }
      if (n != fields) {
        return null;
      }
      return fromFields(id, f, fields, withQuery);
    }

    /**
     * {@link #decode(String, String, boolean)} of a line given as its UTF-8 bytes: the fields are
     * cut at the separators' bytes (ASCII, never inside a character's bytes) and each decoded on
     * its own, so the line itself is never a string (a line with one character beyond Latin-1, as
     * the ellipsis of most excerpts, was decoded to two bytes a character, and every field copied
     * out of it again).
     */
    static @Nullable Profile decode(String id, byte[] line, boolean withQuery) {
      int firstEnd = indexOf(line, FS, 0);
      String version =
          new String(line, 0, firstEnd < 0 ? line.length : firstEnd, StandardCharsets.UTF_8);
      int fields = fieldsOf(version);
      if (fields < 0) {
        return null;
      }
      boolean hasQuery = fields >= FIELDS - 1;
      String[] f = new String[FIELDS];
      int n = 0;
      int start = 0;
      while (true) {
        if (n == fields) {
          return null; // more fields than this version has
        }
        int end = indexOf(line, FS, start);
        if (end < 0) {
          f[n] =
              hasQuery && n == fields - 1 && !withQuery
                  ? ""
                  : new String(line, start, line.length - start, StandardCharsets.UTF_8);
          n++;
          break;
        }
        f[n++] = new String(line, start, end - start, StandardCharsets.UTF_8);
        start = end + 1;
      }
      if (n != fields) {
        return null;
      }
      return fromFields(id, f, fields, withQuery);
    }

    private static int indexOf(byte[] b, char c, int from) {
      for (int i = from; i < b.length; i++) {
        if (b[i] == c) {
          return i;
        }
      }
      return -1;
    }

    /** The profile of a line's fields ({@code fields} of them, by its version). */
    private static @Nullable Profile fromFields(
        String id, String[] f, int fields, boolean withQuery) {
      boolean hasQuery = fields >= FIELDS - 1;
      String queryField = hasQuery ? f[fields - 1] : "";
      String vectorField = fields == FIELDS ? f[13] : "";
      try {
        List<String> tags = f[7].isEmpty() ? List.of() : parts(f[7], RS);
        Instant published = f[8].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(f[8]));
        RelatedList.Thumbnail thumb =
            f[9].equals("1") ? new RelatedList.Thumbnail(f[10], f[11]) : null;
        // The entities stay as their field's text until listed (see StoredEntities).
        StoredEntities entities = StoredEntities.read(f[12]);
        if (entities == null) {
          return null; // not four parts
        }
        long[] keyHashes = new long[entities.size()];
        for (int i = 0; i < keyHashes.length; i++) {
          keyHashes[i] = entities.keyHash(i);
        }
        Profile p =
            make(
                id,
                f[1],
                f[2],
                f[3],
                f[4],
                f[5],
                f[6],
                List.copyOf(tags),
                published,
                thumb,
                entities,
                entities.keys(),
                keyHashes);
        if (!vectorField.isEmpty()) {
          p = p.withVector(java.util.Base64.getDecoder().decode(vectorField));
        }
        return withQuery && !queryField.isEmpty() ? p.withQuery(queryField) : p;
      } catch (RuntimeException e) {
        return null; // unreadable: made again from the article
      }
    }

    /** The parts of a value between separators, empty parts kept (as {@code split(sep, -1)}). */
    static List<String> parts(String v, char sep) {
      List<String> out = new ArrayList<>();
      int start = 0;
      while (true) {
        int end = v.indexOf(sep, start);
        if (end < 0) {
          out.add(v.substring(start));
          return out;
        }
        out.add(v.substring(start, end));
        start = end + 1;
      }
    }

    private static void field(StringBuilder sb, String v) {
      sb.append(clean(v)).append(FS);
    }

    static String clean(String v) {
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        if (ch >= '\u001c' && ch <= '\u001f') {
          StringBuilder sb = new StringBuilder(v);
          for (int j = i; j < sb.length(); j++) {
            char c = sb.charAt(j);
            if (c >= '\u001c' && c <= '\u001f') {
              sb.setCharAt(j, ' ');
            }
          }
          return sb.toString();
        }
      }
      return v;
    }
  }

  static Profile make(
      String id,
      String headline,
      String excerpt,
      String url,
      String sourceKey,
      String sourceName,
      String section,
      List<String> tags,
      @Nullable Instant published,
      RelatedList.@Nullable Thumbnail thumb,
      List<Entities.Entity> entities) {
    List<String> keys = new ArrayList<>(entities.size());
    long[] keyHashes = new long[entities.size()];
    for (int i = 0; i < keyHashes.length; i++) {
      String k = entities.get(i).key();
      keys.add(k);
      keyHashes[i] = TermHashes.hash(k);
    }
    return make(
        id,
        headline,
        excerpt,
        url,
        sourceKey,
        sourceName,
        section,
        List.copyOf(tags),
        published,
        thumb,
        List.copyOf(entities),
        Set.copyOf(keys),
        keyHashes);
  }

  /**
   * A profile of these parts as they are kept ({@code tags} and {@code entities} unmodifiable, the
   * keys' set over the same keys) with the hashes of the entities' keys in their order: its term
   * set (the first 15 keys and the headline's longer words) and its signature (the first {@value
   * #SIGNATURE} keys) as sorted hashes. Nothing but these is kept: a candidate's profile is decoded
   * at first meeting, dozens per fresh list, and lives in the cache.
   */
  private static Profile make(
      String id,
      String headline,
      String excerpt,
      String url,
      String sourceKey,
      String sourceName,
      String section,
      List<String> tags,
      @Nullable Instant published,
      RelatedList.@Nullable Thumbnail thumb,
      List<Entities.Entity> entities,
      Set<String> entityKeys,
      long[] keyHashes) {
    return new Profile(
        id,
        headline,
        excerpt,
        url,
        sourceKey,
        sourceName,
        section,
        tags,
        published,
        thumb,
        entities,
        entityKeys,
        termHashes(keyHashes, headline),
        TermHashes.ofHashes(Arrays.copyOf(keyHashes, Math.min(SIGNATURE, keyHashes.length))),
        null,
        null);
  }

  private void evict(String id) {
    synchronized (profiles) {
      profiles.remove(id);
    }
    synchronized (floorHints) {
      floorHints.remove(id); // its query is made again: the hint was another query's
    }
  }

  /**
   * Change counters, striped by id: bumped for an article before a change to it drops its profile.
   * A profile made from an article read that such a change overtook (an edit or takedown arriving
   * between the read and the write) is not kept: {@link #keepMade} compares the counter at the read
   * with the counter at the write. Stripes make it bounded; two ids sharing one only cost a profile
   * made again later.
   */
  private final AtomicLongArray changeStamps = new AtomicLongArray(4096);

  private long changeStamp(String id) {
    return changeStamps.get(Math.floorMod(id.hashCode(), changeStamps.length()));
  }

  private void bumpChangeStamp(String id) {
    changeStamps.incrementAndGet(Math.floorMod(id.hashCode(), changeStamps.length()));
  }

  /**
   * Keeps profiles made from article reads, in the cache (when {@code cache}) and in the store,
   * except those of articles changed since their read ({@code stampAtRead}), which leave the cache.
   * A change that comes after the check drops its article's stored profile itself (the listener
   * bumps the counter before it drops), and one that comes between the check and the store write is
   * caught by a second check after the write, which removes what was written.
   */
  private void keepMade(Map<String, Profile> made, Map<String, Long> stampAtRead, boolean cache) {
    Map<String, String> encoded = new LinkedHashMap<>();
    synchronized (profiles) {
      for (Map.Entry<String, Profile> e : made.entrySet()) {
        if (changeStamp(e.getKey()) == stampAtRead.get(e.getKey())) {
          if (cache) {
            profiles.put(e.getKey(), e.getValue());
          }
          encoded.put(e.getKey(), ProfileCodec.encode(e.getValue()));
        } else {
          profiles.remove(e.getKey()); // made (and cached by profile()) from an overtaken read
        }
      }
    }
    if (encoded.isEmpty()) {
      return;
    }
    lists.putProfiles(encoded);
    List<String> overtaken = new ArrayList<>();
    for (String id : encoded.keySet()) {
      if (changeStamp(id) != stampAtRead.get(id)) {
        overtaken.add(id);
        evict(id);
      }
    }
    if (!overtaken.isEmpty()) {
      lists.dropProfiles(overtaken);
    }
  }

  /** The teaser excerpt, as the site and the API have it ({@link Excerpts#teaser}). */
  static String excerpt(Article a) {
    return Excerpts.teaser(a);
  }

  private static String bodyText(Article a) {
    String t = a.text();
    return t.isBlank() ? a.description() : t;
  }

  private static String cap(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /**
   * Weights of the article's top entities: mentions (+2 in the title) times rarity (the idf of its
   * rarest word). A common name (see {@link Settings#commonShare}: "U.S.", the site's own name)
   * gets no weight: it neither finds candidates nor counts as shared nor shows as a reason.
   */
  private Map<String, Double> entityWeights(List<Entities.Entity> entities) {
    List<Entities.Entity> top = entities.subList(0, Math.min(12, entities.size()));
    Map<Entities.Entity, List<String>> tokens = new HashMap<>();
    Set<String> all = new HashSet<>();
    for (Entities.Entity e : top) {
      List<String> t = data.analyze(e.display());
      tokens.put(e, t);
      all.addAll(t);
    }
    Map<String, Long> df = all.isEmpty() ? Map.of() : docFreqs.of(all);
    long n = docFreqs.docCount();
    Map<String, Double> out = new LinkedHashMap<>();
    for (Entities.Entity e : top) {
      long rarest = Long.MAX_VALUE;
      for (String t : tokens.get(e)) {
        rarest = Math.min(rarest, df.getOrDefault(t, 0L));
      }
      if (rarest == Long.MAX_VALUE || common(rarest, n)) {
        continue;
      }
      double rarity = DocFreqs.idf(rarest, n);
      if (rarity <= 0) {
        continue;
      }
      out.put(e.key(), Math.log1p(e.weight()) * rarity * (e.number() ? 0.5 : 1.0));
    }
    return out;
  }

  /** Whether something found in {@code df} of {@code n} articles is too common to relate. */
  private boolean common(long df, long n) {
    return df > Settings.COMMON_MIN_DOCS && df > settings.commonShare() * n;
  }

  /** The tags that are not common (a category on a large share of the site relates nothing). */
  private List<String> uncommonTags(List<String> tags) {
    if (tags.isEmpty()) {
      return tags;
    }
    long n = docFreqs.docCount();
    if (n == 0) {
      docFreqs.of(List.of());
      n = docFreqs.docCount();
    }
    List<String> out = new ArrayList<>();
    for (String t : tags) {
      if (!t.isBlank() && !common(docFreqs.tag(t), n)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Body words read for the MoreLikeThis terms at most (a huge body costs no more). */
  private static final int LIKE_CHARS = 20_000;

  /** How often a term may repeat in the query text (its term frequency, capped). */
  private static final int LIKE_MAX_TF = 8;

  /** The query texts: the chosen terms, and those of them that come from the headline or names. */
  record LikeText(String body, String title) {}

  /**
   * The article as a short text of its most distinctive terms, each repeated as often as it occurs
   * (capped; a title word counts twice): the same terms a MoreLikeThis query over the whole article
   * would pick (term frequency times idf), but the index then looks up the frequencies of a few
   * dozen terms instead of every distinct word of the article. The frequencies come from {@link
   * DocFreqs}; terms found in no other article are left out. The chosen terms of the headline and
   * of the heaviest names are also looked for in headlines; the others only in bodies (a body word
   * in another headline added a clause per term for little: half the query's clauses before).
   */
  private LikeText likeText(String title, String body, List<String> names) {
    Map<String, Integer> tf = new HashMap<>();
    Set<String> headline = new HashSet<>();
    for (String t : data.analyze(title)) {
      tf.merge(t, 2, Integer::sum);
      headline.add(t);
    }
    for (String name : names) {
      for (String t : data.analyze(name)) {
        tf.merge(t, 2, Integer::sum);
        headline.add(t);
      }
    }
    for (String t : data.analyze(cap(body, LIKE_CHARS))) {
      tf.merge(t, 1, Integer::sum);
    }
    if (tf.isEmpty()) {
      return new LikeText("", "");
    }
    Map<String, Long> df = docFreqs.of(tf.keySet());
    long n = docFreqs.docCount();
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      long d = df.getOrDefault(e.getKey(), 0L);
      if (d < 2) {
        continue; // found in no other article: it cannot find anything
      }
      scored.add(Map.entry(e.getKey(), Math.min(e.getValue(), LIKE_MAX_TF) * DocFreqs.idf(d, n)));
    }
    scored.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
    StringBuilder sb = new StringBuilder();
    StringBuilder tb = new StringBuilder();
    for (Map.Entry<String, Double> e :
        scored.subList(0, Math.min(settings.maxQueryTerms(), scored.size()))) {
      int reps = Math.min(tf.get(e.getKey()), LIKE_MAX_TF);
      boolean inHeadline = headline.contains(e.getKey());
      for (int i = 0; i < reps; i++) {
        sb.append(e.getKey()).append(' ');
        if (inHeadline) {
          tb.append(e.getKey()).append(' ');
        }
      }
    }
    return new LikeText(sb.toString().strip(), tb.toString().strip());
  }

  /** The heaviest uncommon names of the article ({@link Settings#queryEntities} at most). */
  private List<String> heaviestNames(List<Entities.Entity> entities, Map<String, Double> weights) {
    List<Entities.Entity> names = new ArrayList<>();
    for (Entities.Entity e : entities) {
      if (!e.number() && weights.containsKey(e.key())) {
        names.add(e);
      }
    }
    names.sort((x, y) -> Double.compare(weights.get(y.key()), weights.get(x.key())));
    List<String> out = new ArrayList<>();
    for (Entities.Entity e : names.subList(0, Math.min(settings.queryEntities(), names.size()))) {
      out.add(e.display());
    }
    return out;
  }

  /** {@code "North Korea" OR "Kursk" OR tag:"Asia"}: the heaviest names and the tags. */
  private String entityQuery(
      List<Entities.Entity> entities, Map<String, Double> weights, List<String> tags) {
    List<String> parts = new ArrayList<>();
    List<Entities.Entity> names = new ArrayList<>();
    for (Entities.Entity e : entities) {
      if (!e.number() && weights.containsKey(e.key())) {
        names.add(e);
      }
    }
    names.sort((x, y) -> Double.compare(weights.get(y.key()), weights.get(x.key())));
    for (Entities.Entity e : names.subList(0, Math.min(settings.queryEntities(), names.size()))) {
      String q = e.display().replaceAll("[\"()\\\\:*?]", " ").strip();
      if (!q.isEmpty()) {
        parts.add("\"" + q + "\"");
      }
    }
    for (String t : tags.subList(0, Math.min(5, tags.size()))) {
      String q = t.replaceAll("[\"()\\\\:*?]", " ").strip();
      if (!q.isEmpty()) {
        parts.add("tag:\"" + q + "\"");
      }
    }
    return String.join(" OR ", parts);
  }

  /**
   * The hashes of a profile's term set: the keys of its first 15 entities (their hashes given, in
   * order) and its title's words of more than three characters (runs of letters and digits,
   * lower-cased).
   */
  private static TermHashes termHashes(long[] keyHashes, String title) {
    int keys = Math.min(15, keyHashes.length);
    long[] h = new long[keys + title.length() / 5 + 1];
    System.arraycopy(keyHashes, 0, h, 0, keys);
    int n = keys;
    // A scan rather than a regular-expression split: this runs for every profile read; the words
    // are hashed where they stand, not cut out.
    String t = title.toLowerCase(Locale.ROOT);
    int start = -1;
    int i = 0;
    while (i <= t.length()) {
      boolean word = false;
      int width = 1;
      if (i < t.length()) {
        int cp = t.codePointAt(i);
        word = Character.isLetter(cp) || isNumber(cp);
        width = Character.charCount(cp);
      }
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (i - start > 3) {
          if (n == h.length) {
            h = Arrays.copyOf(h, 2 * n);
          }
          h[n++] = TermHashes.hash(t, start, i);
        }
        start = -1;
      }
      i += width;
    }
    return TermHashes.ofHashes(n == h.length ? h : Arrays.copyOf(h, n));
  }

  /** Whether a code point is in {@code \p{N}} (decimal digits, letter numbers, other numbers). */
  private static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static Set<String> lower(List<String> xs) {
    Set<String> out = new HashSet<>();
    for (String x : xs) {
      out.add(x.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static String sourceOf(RelatedData.Doc d) {
    if (d.sourceId() != null && !d.sourceId().isBlank()) {
      return d.sourceId();
    }
    return d.article().siteName();
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private record Part(double text, double entities, double tags, double section, double embedding) {
    static final Part NONE = new Part(0, 0, 0, 0, 0);

    double raw() {
      return text + entities + tags + section + embedding;
    }
  }

  /**
   * The embedding part of each candidate's relevance, with the article's nearest neighbours by
   * embedding added to the pool; empty when embeddings are off or the article has no vector. The
   * part is {@code embeddingWeight · (cos − base) / (best − base)}, floored at 0: like the text
   * score, relative to the best candidate, so it does not depend on how the model's cosines are
   * spread. Below the base (about where two unrelated news texts meet) a cosine says nothing.
   */
  private Map<String, Double> embeddingScores(
      String id,
      Profile subjectProfile,
      String group,
      Set<String> pool,
      Map<String, float[]> vectors,
      Set<String> imputed) {
    if (settings.embeddingWeight() <= 0) {
      return Map.of();
    }
    float[] v = vectorOf(id, subjectProfile);
    if (v == null) {
      return Map.of();
    }
    vectors.put(id, v);
    if (settings.embeddingCandidates() > 0) {
      for (String n : data.nearestByEmbedding(v, settings.embeddingCandidates() + 2)) {
        if (!n.equals(id) && !n.equals(group)) {
          pool.add(n);
        }
      }
    }
    if (data.embedding(id) == null) {
      List<String> ahead = new ArrayList<>(pool);
      prefetch(ahead.subList(0, Math.min(ahead.size(), settings.maxCandidates() + PREFETCH_SLACK)));
    }
    int toMake = embedder == null ? 0 : VECTORS_MADE_PER_LIST;
    Map<String, Double> cos = new HashMap<>();
    double best = EMBEDDING_BASE;
    for (String cid : pool) {
      float[] cv = vectorOf(cid, null);
      if (cv == null && toMake > 0) {
        toMake--;
        cv = makeVector(cid);
      }
      if (cv != null && cv.length == v.length) {
        vectors.put(cid, cv);
        double c = dev.lede.index.Embedder.cosine(v, cv);
        cos.put(cid, c);
        best = Math.max(best, c);
      }
    }
    if (best <= EMBEDDING_BASE) {
      return Map.of();
    }
    Map<String, Double> out = new HashMap<>();
    double sum = 0;
    for (Map.Entry<String, Double> e : cos.entrySet()) {
      double part = Math.max(0, (e.getValue() - EMBEDDING_BASE) / (best - EMBEDDING_BASE));
      out.put(e.getKey(), settings.embeddingWeight() * part);
      sum += settings.embeddingWeight() * part;
    }
    // A candidate without a vector yet (a profile kept from before embeddings were on) gets the
    // average part: neither favoured nor held back for what it lacks.
    double mean = out.isEmpty() ? 0 : sum / out.size();
    if (mean > 0) {
      for (String cid : pool) {
        if (!out.containsKey(cid)) {
          out.put(cid, mean);
          imputed.add(cid);
        }
      }
    }
    out.values().removeIf(x -> x == 0);
    return out;
  }

  /**
   * An article's vector: the data's own (the evaluation embeds every article first), else its
   * profile's; null when it has none.
   */
  private float @Nullable [] vectorOf(String id, @Nullable Profile p) {
    float[] v = data.embedding(id);
    if (v != null) {
      return v;
    }
    if (embedder == null) {
      return null; // vectors kept from a run with embeddings on are not used with them off
    }
    Profile q = p != null ? p : profileIfKnown(id);
    return q == null || q.vector() == null ? null : Vectors.dequantize(q.vector());
  }

  /**
   * Makes and keeps the vector of a candidate whose profile has none (its article arrived before
   * embeddings were on, or was met as a candidate before it was prepared); null when it is gone.
   */
  private float @Nullable [] makeVector(String id) {
    long stamp = changeStamp(id);
    Profile p = profile(id);
    Optional<RelatedData.Doc> d = p == null ? Optional.empty() : data.article(id);
    if (p == null || d.isEmpty()) {
      return null;
    }
    String enc = lists.profiles(List.of(id)).get(id);
    Profile kept = enc == null ? null : ProfileCodec.decode(id, enc, true);
    if (kept != null && kept.vector() != null) {
      return Vectors.dequantize(kept.vector()); // stored meanwhile: nothing to make
    }
    Profile made = withVector(kept != null ? kept : p, d.get().article());
    if (made.vector() == null) {
      return null; // the model failed (logged)
    }
    keepMade(Map.of(id, made), Map.of(id, stamp), false);
    synchronized (profiles) {
      // Cached as a candidate's profile, unless a change overtook the read (the listener bumps
      // the stamp before it evicts, so a later change still evicts this entry).
      if (changeStamp(id) == stamp) {
        profiles.put(id, made.query() == null ? made : made.withQuery(null));
      }
    }
    return Vectors.dequantize(made.vector());
  }

  private @Nullable Profile profileIfKnown(String id) {
    synchronized (profiles) {
      return profiles.get(id);
    }
  }

  /** The profile with its article's vector made, when embeddings are on and it has none. */
  private Profile withVector(Profile p, Article a) {
    if (embedder == null || p.vector() != null) {
      return p;
    }
    try {
      return p.withVector(Vectors.quantize(embedder.embed(dev.lede.index.Embedder.textOf(a))));
    } catch (RuntimeException e) {
      // The list goes on by words and names; the vector is tried again next time.
      LOG.warn("embedding {} failed: {}", p.id(), e.toString());
      return p;
    }
  }

  // ---- keeping stored lists in step

  /**
   * The change-log consumer to register with the composition root: quick (it only drops lists and
   * queues work), idempotent.
   */
  public ChangeListener listener() {
    return this::onChanges;
  }

  private void onChanges(List<Change> changes) {
    long now = clock.millis();
    List<String> drop = new ArrayList<>();
    List<RelatedListStore.Pending> work = new ArrayList<>();
    List<RelatedListStore.Pending> gone = new ArrayList<>();
    long maxNew = 0;
    List<String> changedIds = new ArrayList<>();
    for (Change c : changes) {
      String id = c.articleId();
      // An article that already has a list is not new: the dedup stage logs every article whose
      // story or duplicate group an arrival changed (a story merge touches all its members), and
      // those need their own list again, not the neighbour fan-out of a new article.
      boolean known = c.kind() == Change.Kind.UPSERT && lists.get(id).isPresent();
      bumpChangeStamp(id); // before the drop: a profile made from an older read is not kept
      evict(id);
      changedIds.add(id);
      drop.add(id);
      for (String owner : lists.listsMentioning(id)) {
        if (!owner.equals(id)) {
          drop.add(owner);
          work.add(new RelatedListStore.Pending(owner, c.seq(), now, false));
        }
      }
      if (c.kind() == Change.Kind.UPSERT) {
        work.add(new RelatedListStore.Pending(id, c.seq(), now, !known));
        if (!known) {
          maxNew = Math.max(maxNew, c.seq());
        }
      } else {
        gone.add(new RelatedListStore.Pending(id, c.seq(), now, false));
      }
      seen.accumulateAndGet(c.seq(), Math::max);
    }
    lists.drop(drop);
    lists.dropProfiles(changedIds);
    work.removeIf(p -> gone.stream().anyMatch(g -> g.id().equals(p.id())));
    lists.enqueue(work);
    lists.dequeue(gone);
    long m = maxNew;
    maxPendingNew.accumulateAndGet(m, Math::max);
  }

  /**
   * Processes up to {@code maxEntries} queued entries: each one's own list, and for a new article
   * the lists of its nearest neighbours (at most {@link Settings#refreshPerArticle}).
   *
   * @return lists computed
   */
  public int refreshSome(int maxEntries) {
    List<RelatedListStore.Pending> batch = lists.pending(maxEntries);
    if (batch.isEmpty()) {
      return 0;
    }
    boolean anyNew = false;
    for (RelatedListStore.Pending p : batch) {
      anyNew |= p.isNew();
    }
    if (anyNew) {
      data.refresh();
      // Profiles and queries of the new articles first: their own lists then cost what a list
      // computed again costs, and neighbours' lists find them as candidates with stored profiles.
      List<String> arrived = new ArrayList<>();
      for (RelatedListStore.Pending p : batch) {
        if (p.isNew()) {
          arrived.add(p.id());
        }
      }
      try {
        prepare(arrived);
      } catch (RuntimeException e) {
        LOG.warn(
            "preparing the profiles of {} new articles failed: {}", arrived.size(), e.toString());
      }
    }
    int computed = 0;
    Set<String> done = new HashSet<>();
    int k = settings.ranking().k();
    for (RelatedListStore.Pending p : batch) {
      try {
        if (data.article(p.id()).isEmpty()) {
          continue;
        }
        RelatedList own = compute(p.id(), k);
        lists.put(own);
        done.add(p.id());
        computed++;
        if (p.isNew()) {
          int n = 0;
          for (RelatedList.Item i : own.items()) {
            if (n >= settings.refreshPerArticle() || i.fallback()) {
              break;
            }
            n++;
            if (done.add(i.id()) && data.article(i.id()).isPresent()) {
              lists.put(compute(i.id(), k));
              computed++;
            }
          }
          // The new article's story: a member's stored list may hold a report of the member's
          // own event that only the new member's names tell as such (dropOwnEvent), and the
          // neighbours above never include them (a list leaves out its own story). The stored
          // lists of the story's latest members, as many as neighbours, are computed again.
          for (String m : data.storyMembers(p.id(), settings.refreshPerArticle())) {
            if (done.add(m) && lists.get(m).isPresent() && data.isVisible(m)) {
              lists.put(compute(m, k));
              computed++;
            }
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("refreshing the related list of {} failed: {}", p.id(), e.toString());
      }
    }
    lists.dequeue(batch);
    long now = clock.millis();
    synchronized (lags) {
      for (RelatedListStore.Pending p : batch) {
        lags[(int) (lagCount++ % LAG_WINDOW)] = Math.max(0, now - p.queuedAtMillis());
      }
    }
    processed.addAndGet(batch.size());
    computedByRefresh.addAndGet(computed);
    maxPendingNew.set(lists.maxPendingNewSeq());
    return computed;
  }

  /** Runs {@link #refreshSome} on a named background thread every {@code every}. */
  @SuppressWarnings("FutureReturnValueIgnored")
  public synchronized void startRefresher(Duration every, int batch) {
    if (refresher != null) {
      return;
    }
    ScheduledExecutorService s =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lede-related-refresh").daemon(true).factory());
    long ms = Math.max(1, every.toMillis());
    s.scheduleWithFixedDelay(
        () -> {
          try {
            while (!stopping && refreshSome(batch) > 0) {
              // keep going while there is work
            }
          } catch (RuntimeException e) {
            LOG.error("related refresh failed: {}", e.toString());
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
    refresher = s;
  }

  /** The refresher's counters and lag. */
  public RefreshStats refreshStats() {
    long[] copy;
    synchronized (lags) {
      int n = (int) Math.min(lagCount, LAG_WINDOW);
      copy = Arrays.copyOf(lags, n);
    }
    Arrays.sort(copy);
    return new RefreshStats(
        processed.get(),
        computedByRefresh.get(),
        lists.pendingCount(),
        percentile(copy, 0.5),
        percentile(copy, 0.99),
        copy.length == 0 ? 0 : copy[copy.length - 1]);
  }

  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Stops the refresher (queued work stays queued for the next run). */
  @Override
  public synchronized void close() {
    stopping = true;
    if (refresher != null) {
      refresher.shutdown();
      try {
        if (!refresher.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("the related refresher did not stop within 10 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      refresher = null;
    }
  }
}
