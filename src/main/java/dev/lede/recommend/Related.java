package dev.lede.recommend;

import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.store.Change;
import dev.lede.store.ChangeListener;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "You May Also Like": the related list of an article, computed once and served by lookup.
 *
 * <p><b>Candidates.</b> Two index queries, merged: a MoreLikeThis-style query over title and body
 * (the article's most distinctive terms, capped at {@link Settings#maxQueryTerms}, so a huge body
 * costs no more than a short one), and a query for the article's heaviest named entities and its
 * tags (see {@link Entities}). Each candidate's raw relevance is {@code text + entityWeight ·
 * entities + tagWeight · tags + sectionWeight · sameSection}: text is its MoreLikeThis score over
 * the best one; entities the idf-weighted share of the article's top entities it mentions; tags the
 * share of the article's tags it carries. Entities count because words alone mislead exactly where
 * a reader cares (the next rehab story is about a different actress: the names differ, the words do
 * not), and they make the reason a reader can check ("shared: North Korea, Kursk").
 *
 * <p><b>Ranking.</b> {@link RelatedRanker}: never the article, its copies or its story; freshness
 * only reorders near-ties; MMR diversification; one item per story and per duplicate group, a cap
 * per source; labelled fill from the freshest articles of the section. As a safety net for articles
 * the dedup stage has not grouped yet, two candidates whose entity-and-headline sets overlap by
 * {@link Settings#nearCopyJaccard} or more are treated as copies of each other.
 *
 * <p><b>Stored lists and refresh.</b> Lists are stored ({@link RelatedListStore}) and served by
 * lookup. The {@link #listener()} keeps them honest from the store's change log: a new or changed
 * article is queued; a hidden or deleted one loses its list at once, and so does every list that
 * mentions it (they are queued for recomputation). The refresher computes the queued article's own
 * list and recomputes the lists of its {@link Settings#refreshPerArticle} nearest neighbours — the
 * bound on refresh work per new article (1 + that many list computations). A stored list is current
 * when no new article is queued that is younger than the list; otherwise {@link #get} computes on
 * demand, so a list is right straight after an ingest even before the refresher ran.
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
   * @param refreshPerArticle neighbour lists recomputed per new article
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
      int refreshPerArticle) {
    public Settings {
      Objects.requireNonNull(ranking, "ranking");
      if (textCandidates < 1 || entityCandidates < 0 || maxCandidates < 1) {
        throw new IllegalArgumentException("candidate counts must be positive");
      }
      if (maxQueryTerms < 1 || queryEntities < 0 || fallbackPool < 0 || refreshPerArticle < 0) {
        throw new IllegalArgumentException("query sizes must not be negative");
      }
    }

    public static Settings defaults() {
      return new Settings(
          RelatedRanker.Settings.defaults(), 50, 30, 60, 25, 8, 0.25, 0.1, 0.05, 0.8, 0.5, 40, 4);
    }

    public Settings withRanking(RelatedRanker.Settings r) {
      return new Settings(
          r,
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
          refreshPerArticle);
    }

    public Settings withSameEventOverlap(double v) {
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
          v,
          fallbackPool,
          refreshPerArticle);
    }

    public Settings withRefreshPerArticle(int n) {
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
          n);
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

  private static final int EXCERPT_SOURCE_CHARS = 2_000;
  private static final int CANDIDATE_TEXT_CHARS = 8_000;

  private final RelatedData data;
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
    this.data = Objects.requireNonNull(data, "data");
    this.lists = Objects.requireNonNull(lists, "lists");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxPendingNew.set(lists.maxPendingNewSeq());
    this.seen.set(maxPendingNew.get());
  }

  public Settings settings() {
    return settings;
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
    RelatedData.Doc doc =
        data.article(id).orElseThrow(() -> new NoSuchElementException("no visible article " + id));
    Article a = doc.article();
    String body = bodyText(a);
    Profile subjectProfile = profile(doc);
    List<Entities.Entity> entities = subjectProfile.entities();
    Map<String, Double> entityWeight = entityWeights(entities);
    String group = data.duplicateGroupOf(id);
    String story = data.storyOf(id);
    RelatedRanker.Subject subject =
        new RelatedRanker.Subject(id, story, group, a.section(), a.published());

    // Candidates: MoreLikeThis, then entities and tags.
    Map<String, Double> textScore = new LinkedHashMap<>();
    List<SearchHit> mlt =
        data.similar(
            RelatedQuery.forArticle(id, settings.textCandidates())
                .withMaxQueryTerms(settings.maxQueryTerms()));
    if (mlt.isEmpty() && !(a.title() + body).isBlank()) {
      String text = cap(a.title() + "\n\n" + body, Entities.MAX_CHARS);
      mlt =
          data.similar(
              RelatedQuery.forText(text, settings.textCandidates())
                  .withExclude(Set.of(id))
                  .withMaxQueryTerms(settings.maxQueryTerms()));
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
    String entityQuery = entityQuery(entities, entityWeight, a.tags());
    if (!entityQuery.isEmpty() && settings.entityCandidates() > 0) {
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

    // Score the candidates.
    Map<String, Profile> docs = new HashMap<>();
    Map<String, Part> parts = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    Set<String> subjectTags = lower(a.tags());
    double entityTotal = 0;
    for (double w : entityWeight.values()) {
      entityTotal += w;
    }
    Set<String> subjectTerms = subjectProfile.terms();
    List<Candidate> nearCopiesOfSubject = new ArrayList<>();
    Set<String> sameEventAsSubject = new HashSet<>();
    for (String cid : pool) {
      if (candidates.size() >= settings.maxCandidates()) {
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
      boolean sameSection = !a.section().isBlank() && a.section().equalsIgnoreCase(cp.section());
      double text = textScore.getOrDefault(cid, 0.0);
      if (text == 0 && tagShare == 0 && entityShare < ENTITY_ONLY_MIN) {
        continue; // found by one common name alone ("Kelly", "China"): not related enough
      }
      Part p =
          new Part(
              text,
              settings.entityWeight() * entityShare,
              settings.tagWeight() * tagShare,
              sameSection ? settings.sectionWeight() : 0);
      parts.put(cid, p);
      Set<String> cterms = cp.terms();
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
              cterms,
              shared,
              0);
      if (jaccard(subjectTerms, cterms) >= settings.nearCopyJaccard()) {
        nearCopiesOfSubject.add(c);
        continue;
      }
      if (sameEvent(subjectProfile, cp)) {
        sameEventAsSubject.add(cid);
        continue;
      }
      candidates.add(c);
    }
    candidates = collapseNearCopies(candidates);
    candidates = collapseSameEvent(candidates, docs);

    RelatedRanker ranker = new RelatedRanker(settings.ranking().withK(k));
    List<RelatedRanker.Pick> picks = ranker.rank(subject, candidates, List.of());
    if (picks.size() < k && settings.fallbackPool() > 0) {
      // Fill: the freshest of the section, else of the site (queried only when needed).
      List<Candidate> fallback = new ArrayList<>();
      Set<String> fillIds = new HashSet<>();
      if (!a.section().isBlank()) {
        addFallback(fallback, fillIds, SearchFilters.NONE.withSections(Set.of(a.section())), id);
      }
      if (fallback.size() < k * 2) {
        addFallback(fallback, fillIds, SearchFilters.NONE, id);
      }
      Set<String> excluded = new HashSet<>(sameEventAsSubject);
      for (Candidate c : nearCopiesOfSubject) {
        excluded.add(c.id());
      }
      fallback.removeIf(c -> excluded.contains(c.id()));
      picks = ranker.rank(subject, candidates, fallback);
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
                  pick.candidate().shared());
      items.add(item(pd, pick.candidate().storyId(), reason(pick, p), pick.fallback(), b));
    }
    return new RelatedList(id, items, clock.instant(), asOf, false);
  }

  private static String reason(RelatedRanker.Pick pick, Part p) {
    if (pick.fallback() || !pick.candidate().shared().isEmpty()) {
      return pick.reason();
    }
    return p.section > 0 && p.text < 0.05 ? "same section" : "similar words";
  }

  private void addFallback(
      List<Candidate> out, Set<String> seenIds, SearchFilters filters, String subjectId) {
    for (SearchHit h :
        data.search(
            new SearchQuery(
                "", filters, SearchQuery.Order.NEWEST, 0, settings.fallbackPool(), false))) {
      if (h.id().equals(subjectId) || !seenIds.add(h.id())) {
        continue;
      }
      out.add(
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
  }

  /**
   * Whether two articles report the same event although the story clustering kept them apart: they
   * share at least {@link Settings#sameEventOverlap} of the smaller set of their top names and
   * numbers (and at least three of them), and were published within three days of each other (when
   * both dates are known). Two events of one kind share words, rarely their names and figures.
   */
  private boolean sameEvent(Profile x, Profile y) {
    if (settings.sameEventOverlap() >= 1) {
      return false;
    }
    if (x.published() != null
        && y.published() != null
        && Math.abs(Duration.between(x.published(), y.published()).toHours()) > SAME_EVENT_HOURS) {
      return false; // reports of one event cluster in time; weeks apart is a new development
    }
    Set<String> a = x.signature();
    Set<String> b = y.signature();
    if (a.size() < 3 || b.size() < 3) {
      return false;
    }
    int common = 0;
    for (String t : a) {
      if (b.contains(t)) {
        common++;
      }
    }
    return common >= 3 && common >= settings.sameEventOverlap() * Math.min(a.size(), b.size());
  }

  /** Candidates reporting the same event join the story of the more relevant one. */
  private List<Candidate> collapseSameEvent(List<Candidate> in, Map<String, Profile> profiles) {
    List<Candidate> sorted = new ArrayList<>(in);
    sorted.sort((x, y) -> Double.compare(y.relevance(), x.relevance()));
    List<Candidate> out = new ArrayList<>(sorted.size());
    for (Candidate c : sorted) {
      Candidate keep = c;
      Profile pc = profiles.get(c.id());
      for (Candidate o : out) {
        Profile po = profiles.get(o.id());
        if (pc != null && po != null && sameEvent(pc, po)) {
          String story = o.storyId() != null ? o.storyId() : "~" + o.id();
          keep =
              new Candidate(
                  c.id(),
                  c.relevance(),
                  story,
                  c.duplicateGroup(),
                  c.sourceId(),
                  c.section(),
                  c.published(),
                  c.terms(),
                  c.shared(),
                  c.engagement());
          int i = out.indexOf(o);
          if (o.storyId() == null) {
            out.set(
                i,
                new Candidate(
                    o.id(),
                    o.relevance(),
                    story,
                    o.duplicateGroup(),
                    o.sourceId(),
                    o.section(),
                    o.published(),
                    o.terms(),
                    o.shared(),
                    o.engagement()));
          }
          break;
        }
      }
      out.add(keep);
    }
    return out;
  }

  /**
   * Candidates the dedup stage did not group but whose entity-and-headline sets nearly coincide
   * join the group of the more relevant one.
   */
  private List<Candidate> collapseNearCopies(List<Candidate> in) {
    List<Candidate> sorted = new ArrayList<>(in);
    sorted.sort((x, y) -> Double.compare(y.relevance(), x.relevance()));
    List<Candidate> out = new ArrayList<>(sorted.size());
    for (Candidate c : sorted) {
      Candidate keep = c;
      for (Candidate o : out) {
        if (!o.duplicateGroup().equals(c.duplicateGroup())
            && jaccard(o.terms(), c.terms()) >= settings.nearCopyJaccard()) {
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
    }
    return out;
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
      Set<String> terms,
      Set<String> signature) {}

  private static final int PROFILE_CACHE = 50_000;
  private static final int SIGNATURE = 12;
  private static final long SAME_EVENT_HOURS = 72;

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
    Optional<RelatedData.Doc> d = data.article(id);
    return d.isEmpty() ? null : profile(d.get());
  }

  private Profile profile(RelatedData.Doc d) {
    Article a = d.article();
    String url = !a.canonicalUrl().isEmpty() ? a.canonicalUrl() : a.url();
    RelatedList.Thumbnail thumb = null;
    for (Block.Image img : a.images()) {
      thumb = new RelatedList.Thumbnail(img.src(), img.alt());
      break;
    }
    List<Entities.Entity> entities = Entities.of(a.title(), cap(bodyText(a), CANDIDATE_TEXT_CHARS));
    entities = entities.subList(0, Math.min(40, entities.size()));
    Profile p =
        new Profile(
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
            List.copyOf(entities),
            Set.copyOf(Entities.keys(entities)),
            Set.copyOf(terms(entities, a.title())),
            Set.copyOf(Entities.keys(entities.subList(0, Math.min(SIGNATURE, entities.size())))));
    synchronized (profiles) {
      profiles.put(d.id(), p);
    }
    return p;
  }

  private void evict(String id) {
    synchronized (profiles) {
      profiles.remove(id);
    }
  }

  /** The teaser excerpt: the lead paragraph, else the description, else the body. */
  static String excerpt(Article a) {
    String lead = "";
    for (Block b : a.blocks()) {
      if (b instanceof Block.Paragraph p && !p.text().isBlank()) {
        lead = p.text();
        break;
      }
    }
    if (lead.isBlank()) {
      lead = a.description();
    }
    if (lead.isBlank()) {
      lead = cap(a.text(), EXCERPT_SOURCE_CHARS);
    }
    lead = cap(lead, EXCERPT_SOURCE_CHARS);
    return lead.isBlank() ? "" : Excerpts.excerpt(lead);
  }

  private static String bodyText(Article a) {
    String t = a.text();
    return t.isBlank() ? a.description() : t;
  }

  private static String cap(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /** Weights of the article's top entities: mentions (+2 in the title) times rarity. */
  private Map<String, Double> entityWeights(List<Entities.Entity> entities) {
    List<Entities.Entity> top = entities.subList(0, Math.min(12, entities.size()));
    Map<Entities.Entity, List<String>> tokens = new HashMap<>();
    Set<String> all = new HashSet<>();
    for (Entities.Entity e : top) {
      List<String> t = data.analyze(e.display());
      tokens.put(e, t);
      all.addAll(t);
    }
    Map<String, Double> idf = all.isEmpty() ? Map.of() : data.idf(all);
    Map<String, Double> out = new LinkedHashMap<>();
    for (Entities.Entity e : top) {
      double rarity = 0;
      for (String t : tokens.get(e)) {
        rarity = Math.max(rarity, idf.getOrDefault(t, 0.0));
      }
      if (rarity <= 0) {
        continue;
      }
      out.put(e.key(), Math.log1p(e.weight()) * rarity * (e.number() ? 0.5 : 1.0));
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

  private static Set<String> terms(List<Entities.Entity> entities, String title) {
    Set<String> out = new HashSet<>();
    for (Entities.Entity e : entities.subList(0, Math.min(15, entities.size()))) {
      out.add(e.key());
    }
    for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 3) {
        out.add(w);
      }
    }
    return out;
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

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int inter = 0;
    for (String t : a) {
      if (b.contains(t)) {
        inter++;
      }
    }
    return (double) inter / (a.size() + b.size() - inter);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private record Part(double text, double entities, double tags, double section) {
    static final Part NONE = new Part(0, 0, 0, 0);

    double raw() {
      return text + entities + tags + section;
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
    for (Change c : changes) {
      String id = c.articleId();
      evict(id);
      drop.add(id);
      for (String owner : lists.listsMentioning(id)) {
        if (!owner.equals(id)) {
          drop.add(owner);
          work.add(new RelatedListStore.Pending(owner, c.seq(), now, false));
        }
      }
      if (c.kind() == Change.Kind.UPSERT) {
        work.add(new RelatedListStore.Pending(id, c.seq(), now, true));
        maxNew = Math.max(maxNew, c.seq());
      } else {
        gone.add(new RelatedListStore.Pending(id, c.seq(), now, false));
      }
      seen.accumulateAndGet(c.seq(), Math::max);
    }
    lists.drop(drop);
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
