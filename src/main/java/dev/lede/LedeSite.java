package dev.lede;

import dev.lede.headline.EventGate;
import dev.lede.headline.FaithfulnessGuard;
import dev.lede.headline.HeadlineChart;
import dev.lede.headline.HeadlineService;
import dev.lede.headline.HeadlineTest;
import dev.lede.headline.TestReport;
import dev.lede.headline.ThompsonBandit;
import dev.lede.headline.sqlite.SqliteHeadlineStore;
import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.index.SearchResults;
import dev.lede.ingest.JsonArticle;
import dev.lede.media.ImageStore;
import dev.lede.model.Article;
import dev.lede.model.FetchRecord;
import dev.lede.model.Source;
import dev.lede.model.TeaserEvent;
import dev.lede.recommend.Candidate;
import dev.lede.recommend.Related;
import dev.lede.recommend.RelatedList;
import dev.lede.recommend.RelatedRanker;
import dev.lede.store.StoredArticle;
import dev.lede.store.SubmitResult;
import dev.lede.web.SiteServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The site's view of Lede: {@link SiteServices} over one data folder's store and index, the story
 * reads of the dedup stage, the related-stories ranker, the headline tests and the local image
 * copies. Part of the composition root: the web package sees only the interface.
 *
 * <p>Lists ("latest", section, tag, source) are index queries ordered newest first; stories come
 * from {@link StoryReads}; sections, counts and sitemaps from the {@link SiteCatalogue}. Every list
 * leaves out hidden articles (the index holds only visible ones, and each item is re-read from the
 * store) and copies of an article already listed.
 *
 * <p>Top stories rank by {@code ln(1 + size) − ln 2 · age / 1 day}, the age being how long before
 * the site's freshest article the story's newest article was published (measured from the freshest
 * article rather than from now, so an archive such as the demo corpus still has a front page; by
 * publication rather than by when the story was last seen, so an archive or a backlog ingested in
 * one go is not ranked by size alone): a story twice the size of another stays ahead of it for
 * about a day. The candidates are the stories of the newest articles: those published within two
 * weeks of the freshest, and older ones until there are three per place (at most 400 articles
 * read).
 *
 * <p>Teaser events pass the headline service's {@link EventGate} (bots, duplicates, rate limits);
 * counted clicks and impressions feed the related ranker's engagement signal. Headline tests and
 * their counts live in the data folder's own {@code headlines.db} ({@link SqliteHeadlineStore}), so
 * they survive a restart; {@link #close} closes that file (the caller still closes the {@link
 * Lede}).
 */
public final class LedeSite implements SiteServices, AutoCloseable {
  private static final int CANDIDATES = 40;

  /** Newest articles read at most for the front page's stories. */
  private static final int TOP_SCAN = 400;

  /** Stories published this long before the freshest article compete for the front... */
  private static final Duration TOP_WINDOW = Duration.ofDays(14);

  /** ...and older ones until there are this many candidates per place. */
  private static final int TOP_CANDIDATES_PER_PLACE = 3;

  /** Key prefix of an article without a story, standing as a story of one. */
  private static final String SINGLE = "\u0000article:";

  private final Lede lede;
  private final InstantSource clock;
  private final StoryReads stories;
  private final ImageStore images;
  private final HeadlineService headlines;
  private final SqliteHeadlineStore headlineStore;
  private volatile boolean testsRunning;
  private volatile long testsRunningAt = Long.MIN_VALUE / 2;
  private final RelatedRanker.Settings rankerSettings;
  private final RelatedRanker ranker;
  private final SiteCatalogue catalogue;
  private final Map<String, long[]> engagement = new ConcurrentHashMap<>();
  private final AtomicLong countedClicks = new AtomicLong();
  private final AtomicLong countedImpressions = new AtomicLong();
  private volatile Map<String, Source> sourceCache = Map.of();
  private volatile long sourcesAt = Long.MIN_VALUE / 2;
  private volatile @Nullable Related relatedService;

  LedeSite(Lede lede, InstantSource clock, StoryReads stories) {
    this.lede = lede;
    this.clock = clock;
    this.stories = stories;
    this.images = new ImageStore(lede.dataDir().resolve("images"));
    this.headlineStore = SqliteHeadlineStore.open(lede.dataDir());
    this.headlines =
        new HeadlineService(
            headlineStore,
            id -> lede.article(id).filter(s -> !s.hidden()).map(StoredArticle::article),
            new FaithfulnessGuard(),
            ThompsonBandit.Config.defaults(),
            clock,
            new SplittableRandom());
    this.rankerSettings = RelatedRanker.Settings.defaults();
    this.ranker = new RelatedRanker(rankerSettings);
    this.catalogue = new SiteCatalogue(lede, clock);
    lede.registerListener("site", changes -> catalogue.changed());
  }

  /**
   * Serves "You May Also Like" from the related-stories service (stored lists kept current as
   * articles arrive) instead of ranking index candidates on each request.
   */
  public LedeSite useRelated(Related service) {
    this.relatedService = service;
    return this;
  }

  /**
   * The related-stories refresher's backlog and lag (from {@link Related#refreshStats}), when the
   * site serves from that service: lists waiting, lists computed since start, and the lag from an
   * article's arrival to its lists being current over the last thousand refreshed (p50, p99, in
   * seconds); and the candidate searches of lists computed again that started from their last floor
   * (held) or searched again without it (missed).
   */
  @Override
  public Map<String, java.util.function.DoubleSupplier> gauges() {
    if (relatedService == null) {
      return Map.of();
    }
    java.util.function.Function<
            java.util.function.ToDoubleFunction<Related.RefreshStats>,
            java.util.function.DoubleSupplier>
        of =
            f ->
                () -> {
                  Related r = relatedService;
                  try {
                    return r == null ? Double.NaN : f.applyAsDouble(r.refreshStats());
                  } catch (RuntimeException e) { // a store closing under a scrape: no figure
                    return Double.NaN;
                  }
                };
    return Map.of(
        "related.refresh.pending",
        of.apply(Related.RefreshStats::pending),
        "related.refresh.lists.computed",
        of.apply(Related.RefreshStats::listsComputed),
        "related.refresh.lag.p50.seconds",
        of.apply(st -> st.lagP50Millis() / 1000.0),
        "related.refresh.lag.p99.seconds",
        of.apply(st -> st.lagP99Millis() / 1000.0),
        "related.floor.hints.held",
        () -> dev.lede.index.lucene.LuceneSearchIndex.floorHintCounts()[0],
        "related.floor.hints.missed",
        () -> dev.lede.index.lucene.LuceneSearchIndex.floorHintCounts()[1]);
  }

  /** The site's services over an open data folder. */
  public static LedeSite over(Lede lede, InstantSource clock) {
    return new LedeSite(lede, clock, StoryReads.over(lede));
  }

  /** The headline tests behind the teasers (editors add variants through it). */
  public HeadlineService headlines() {
    return headlines;
  }

  /** Closes the headline store (not the data folder). */
  @Override
  public void close() {
    headlines.close();
    headlineStore.close();
  }

  /** Teaser events counted so far (after the gate), by type. */
  public long counted(TeaserEvent.Type type) {
    return type == TeaserEvent.Type.CLICK ? countedClicks.get() : countedImpressions.get();
  }

  // ---- articles

  @Override
  public Optional<PageArticle> article(String id) {
    return load(id, false);
  }

  /** A visible article; {@code teaser} applies the headline test's assignment to the title. */
  private Optional<PageArticle> load(String id, boolean teaser) {
    if (id.isEmpty() || id.length() > 200) {
      return Optional.empty();
    }
    Optional<StoredArticle> s = lede.article(id);
    if (s.isEmpty() || s.get().hidden()) {
      return Optional.empty();
    }
    StoredArticle st = s.get();
    Article a = st.article();
    // Teasers show a promoted winner; a running test's variants are applied per visitor bucket by
    // the page that tracks the teaser (testedHeadline), never drawn here.
    if (!headlineStore.test(id).map(HeadlineTest::variants).orElse(List.of()).isEmpty()) {
      a =
          a.toBuilder()
              .title(teaser ? headlines.teaserHeadline(id) : headlines.canonicalHeadline(id))
              .build();
    }
    return Optional.of(
        new PageArticle(
            a,
            st.sourceId() == null ? null : sourceById(st.sourceId()),
            st.firstSeen(),
            stories.storyOf(id),
            stories.duplicateOf(id),
            "",
            ""));
  }

  @Override
  public String canonicalTitle(PageArticle p) {
    if (headlineStore.test(p.id()).map(HeadlineTest::variants).orElse(List.of()).isEmpty()) {
      return p.article().title();
    }
    return headlines.canonicalHeadline(p.id());
  }

  private List<PageArticle> loadAll(List<String> ids) {
    List<PageArticle> out = new ArrayList<>(ids.size());
    Set<String> groups = new HashSet<>();
    for (String id : ids) {
      Optional<PageArticle> p = load(id, true);
      if (p.isEmpty()) {
        continue;
      }
      String original = p.get().duplicateOf();
      if (!groups.add(original == null ? id : original)) {
        continue; // its original or another copy is listed already
      }
      // A copy stands in its list for the original, which is shown instead where visible.
      out.add(original == null ? p.get() : load(original, true).orElse(p.get()));
    }
    return out;
  }

  @Override
  public ArticlePage latest(ListFilter filter, int page, int pageSize) {
    int offset = (Math.max(1, page) - 1) * pageSize;
    if (!filter.storyId().isEmpty()) {
      List<PageArticle> members = storyMembers(filter.storyId());
      int end = Math.min(members.size(), offset + pageSize);
      return new ArticlePage(
          offset >= members.size() ? List.of() : members.subList(offset, end),
          end < members.size());
    }
    SearchFilters f = SearchFilters.NONE;
    if (!filter.section().isEmpty()) {
      f = f.withSections(Set.of(filter.section()));
    }
    if (!filter.tag().isEmpty()) {
      f = f.withTags(Set.of(filter.tag()));
    }
    if (!filter.sourceId().isEmpty()) {
      f = f.withSources(Set.of(filter.sourceId()));
    }
    SearchResults r =
        lede.search(new SearchQuery("", f, SearchQuery.Order.NEWEST, offset, pageSize + 1, false));
    List<String> ids = new ArrayList<>();
    for (SearchHit h : r.hits()) {
      ids.add(h.id());
    }
    boolean more = ids.size() > pageSize;
    List<PageArticle> items = loadAll(more ? ids.subList(0, pageSize) : ids);
    return new ArticlePage(items, more);
  }

  private List<PageArticle> storyMembers(String storyId) {
    Optional<StoryReads.StoryRef> st = stories.story(storyId);
    List<String> ids = st.map(StoryReads.StoryRef::articles).orElse(List.of());
    if (st.isEmpty() && catalogue.entry(storyId) != null) {
      ids = List.of(storyId); // without story assignment, an article is a story of one
    }
    List<PageArticle> out = new ArrayList<>(loadAll(ids));
    out.sort(Comparator.comparing(LedeSite::when).reversed());
    return out;
  }

  private static Instant when(PageArticle p) {
    return p.article().published() == null ? p.firstSeen() : p.article().published();
  }

  @Override
  public long count() {
    return catalogue.get().newestFirst().size();
  }

  @Override
  public List<UrlEntry> urls(int offset, int limit) {
    List<SiteCatalogue.Entry> all = catalogue.get().newestFirst();
    List<UrlEntry> out = new ArrayList<>();
    for (int i = all.size() - 1 - offset; i >= 0 && i >= all.size() - offset - limit; i--) {
      SiteCatalogue.Entry e = all.get(i);
      Source src = e.sourceId().isEmpty() ? null : sourceByKeyword(e.sourceId());
      if (src != null && src.rights() == Source.RightsPolicy.EXCERPT) {
        continue; // its page's canonical URL is the publisher's: not ours to list
      }
      out.add(new UrlEntry(e.id(), e.when()));
    }
    return out;
  }

  @Override
  public List<PageArticle> since(Instant cutoff, int limit) {
    List<String> ids = new ArrayList<>();
    for (SiteCatalogue.Entry e : catalogue.get().newestFirst()) {
      if (e.when().isBefore(cutoff) || ids.size() >= limit) {
        break;
      }
      ids.add(e.id());
    }
    return loadAll(ids);
  }

  @Override
  public List<TopStory> topStories(int limit) {
    List<SiteCatalogue.Entry> all = catalogue.get().newestFirst();
    if (all.isEmpty() || limit <= 0) {
      return List.of();
    }
    // Candidates: the stories of the newest articles by publication (not by when they were
    // ingested: an archive loaded at once, or a feed's backlog, arrives in one minute), each with
    // its newest member's publication time.
    Instant freshest = all.get(0).when();
    Instant windowStart = freshest.minus(TOP_WINDOW);
    Map<String, Instant> newest = new LinkedHashMap<>();
    boolean anyStory = false;
    for (int i = 0; i < all.size() && i < TOP_SCAN; i++) {
      SiteCatalogue.Entry e = all.get(i);
      if (e.when().isBefore(windowStart) && newest.size() >= limit * TOP_CANDIDATES_PER_PLACE) {
        break;
      }
      String story = stories.storyOf(e.id());
      anyStory |= story != null;
      newest.putIfAbsent(story == null ? SINGLE + e.id() : story, e.when());
    }
    if (!anyStory) {
      // No story assignment: the freshest articles, one per section, stand as stories of one.
      List<TopStory> out = new ArrayList<>();
      Set<String> sections = new HashSet<>();
      for (SiteCatalogue.Entry e : all) {
        if (out.size() >= limit) {
          break;
        }
        if (!sections.add(e.section().toLowerCase(Locale.ROOT))) {
          continue;
        }
        load(e.id(), true).ifPresent(p -> out.add(new TopStory(p.id(), p.article().title(), 1, p)));
      }
      return out;
    }
    record Ranked(String id, String headline, List<String> articles, double score) {}
    List<Ranked> ranked = new ArrayList<>();
    for (Map.Entry<String, Instant> c : newest.entrySet()) {
      String id = c.getKey();
      List<String> articles;
      String headline;
      if (id.startsWith(SINGLE)) {
        articles = List.of(id.substring(SINGLE.length()));
        headline = "";
      } else {
        Optional<StoryReads.StoryRef> ref = stories.story(id);
        if (ref.isEmpty()) {
          continue;
        }
        articles = ref.get().articles();
        headline = ref.get().headline();
      }
      ranked.add(
          new Ranked(id, headline, articles, storyScore(articles.size(), c.getValue(), freshest)));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::id));
    List<TopStory> out = new ArrayList<>();
    for (Ranked r : ranked) {
      if (out.size() >= limit) {
        break;
      }
      List<PageArticle> members = loadAll(r.articles());
      if (members.isEmpty()) {
        continue;
      }
      members.sort(Comparator.comparing(LedeSite::when).reversed());
      PageArticle lead = members.get(0);
      String storyId = r.id().startsWith(SINGLE) ? lead.id() : r.id();
      String headline = r.headline().isEmpty() ? lead.article().title() : r.headline();
      out.add(new TopStory(storyId, headline, members.size(), lead));
    }
    return out;
  }

  /**
   * A story's place on the front: {@code ln(1 + size) − ln 2 · age / 1 day}, the age being how long
   * before the site's freshest article its newest article was published.
   */
  static double storyScore(int size, Instant newestMember, Instant freshest) {
    double ageDays = Duration.between(newestMember, freshest).toMinutes() / 1440.0;
    return Math.log1p(size) - Math.log(2) * Math.max(0, ageDays);
  }

  @Override
  public List<String> sections() {
    return catalogue.get().sections();
  }

  @Override
  public List<Source> sources() {
    return List.copyOf(sourceMap().values());
  }

  @Override
  public Optional<Source> source(String id) {
    return Optional.ofNullable(sourceMap().get(id));
  }

  private @Nullable Source sourceById(String id) {
    return sourceMap().get(id);
  }

  /** A source by the id the index keeps (lower-cased), whatever the case of its own id. */
  private @Nullable Source sourceByKeyword(String key) {
    Source exact = sourceById(key);
    if (exact != null) {
      return exact;
    }
    for (Source s : sourceMap().values()) {
      if (s.id().equalsIgnoreCase(key)) {
        return s;
      }
    }
    return null;
  }

  private Map<String, Source> sourceMap() {
    long now = clock.millis();
    if (now - sourcesAt > 2_000) {
      Map<String, Source> m = new java.util.LinkedHashMap<>();
      for (Source s : lede.sources().sources()) {
        m.put(s.id(), s);
      }
      sourceCache = java.util.Collections.unmodifiableMap(m);
      sourcesAt = now;
    }
    return sourceCache;
  }

  private void sourcesChanged() {
    sourcesAt = Long.MIN_VALUE / 2;
  }

  @Override
  public Optional<StoryInfo> story(String storyId) {
    Optional<StoryReads.StoryRef> st = stories.story(storyId);
    if (st.isPresent()) {
      StoryReads.StoryRef s = st.get();
      return Optional.of(
          new StoryInfo(s.id(), s.headline(), s.size(), s.firstSeen(), s.lastSeen()));
    }
    // Without story assignment an article is a story of one.
    if (stories.storyOf(storyId) == null) {
      return load(storyId, false)
          .map(p -> new StoryInfo(p.id(), p.article().title(), 1, p.firstSeen(), p.firstSeen()));
    }
    return Optional.empty();
  }

  @Override
  public SearchPage search(
      String query,
      String section,
      String sourceId,
      @Nullable LocalDate since,
      int page,
      int pageSize) {
    SearchFilters f = SearchFilters.NONE;
    if (!section.isEmpty()) {
      f = f.withSections(Set.of(section));
    }
    if (!sourceId.isEmpty()) {
      f = f.withSources(Set.of(sourceId));
    }
    if (since != null) {
      f = f.withSince(since.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    int offset = (Math.max(1, page) - 1) * pageSize;
    SearchResults r =
        lede.search(
            new SearchQuery(query, f, SearchQuery.Order.RELEVANCE, offset, pageSize + 1, true));
    List<SearchResult> out = new ArrayList<>();
    for (SearchHit h : r.hits().subList(0, Math.min(pageSize, r.hits().size()))) {
      load(h.id(), true).ifPresent(p -> out.add(new SearchResult(p, h.snippet())));
    }
    return new SearchPage(out, r.total(), r.hits().size() > pageSize);
  }

  // ---- related

  @Override
  public List<RelatedItem> related(String articleId, int k) {
    Optional<StoredArticle> subjectStored = lede.article(articleId);
    if (subjectStored.isEmpty() || subjectStored.get().hidden()) {
      return List.of();
    }
    Related service = relatedService;
    if (service != null) {
      List<RelatedItem> out = new ArrayList<>();
      for (RelatedList.Item it : service.get(articleId, k).items()) {
        load(it.id(), true)
            .ifPresent(pa -> out.add(new RelatedItem(pa, it.reason(), it.fallback())));
      }
      return out;
    }
    Article subject = subjectStored.get().article();
    String dupOf = stories.duplicateOf(articleId);
    RelatedRanker.Subject s =
        new RelatedRanker.Subject(
            articleId,
            stories.storyOf(articleId),
            dupOf == null ? articleId : dupOf,
            subject.section(),
            subject.published());
    Set<String> subjectTags = lower(subject.tags());
    List<Candidate> candidates = new ArrayList<>();
    List<SearchHit> hits;
    try {
      hits = lede.related(RelatedQuery.forArticle(articleId, CANDIDATES));
    } catch (RuntimeException e) {
      hits = List.of(); // not indexed yet (just submitted): fall back to fresh articles
    }
    for (SearchHit h : hits) {
      candidates.add(candidate(h.id(), h.score(), h, subjectTags));
    }
    List<Candidate> fallback = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<SiteCatalogue.Entry> all = catalogue.get().newestFirst();
    int sameSection = 0;
    for (SiteCatalogue.Entry e : all) {
      if (sameSection >= 3 * k) {
        break;
      }
      if (!subject.section().isEmpty() && e.section().equalsIgnoreCase(subject.section())) {
        if (seen.add(e.id())) {
          fallback.add(candidate(e.id(), 0, null, subjectTags));
          sameSection++;
        }
      }
    }
    for (int i = 0; i < Math.min(all.size(), 3 * k); i++) {
      if (seen.add(all.get(i).id())) {
        fallback.add(candidate(all.get(i).id(), 0, null, subjectTags));
      }
    }
    // The per-source cap diversifies publishers; with fewer than three sources it would only
    // leave the block short, so it is lifted.
    RelatedRanker r = ranker;
    if (k != rankerSettings.k() || sourceMap().size() < 3) {
      RelatedRanker.Settings d = rankerSettings.withK(k);
      r = new RelatedRanker(d.withPerSourceCap(sourceMap().size() < 3 ? k : d.perSourceCap()));
    }
    List<RelatedItem> out = new ArrayList<>();
    for (RelatedRanker.Pick p : r.rank(s, candidates, fallback)) {
      load(p.candidate().id(), true)
          .ifPresent(pa -> out.add(new RelatedItem(pa, p.reason(), p.fallback())));
    }
    return out;
  }

  private Candidate candidate(
      String id, double relevance, @Nullable SearchHit hit, Set<String> subjectTags) {
    SiteCatalogue.Entry e = catalogue.entry(id);
    String section = hit != null ? hit.section() : e == null ? "" : e.section();
    String source =
        hit != null
            ? (hit.source() == null ? hit.siteName() : hit.source())
            : e == null ? "" : e.sourceId();
    Instant published = hit != null ? hit.published() : e == null ? null : e.when();
    List<String> tags = hit == null ? List.of() : hit.tags();
    List<String> shared = new ArrayList<>();
    for (String t : tags) {
      if (subjectTags.contains(t.toLowerCase(Locale.ROOT))) {
        shared.add(t);
      }
    }
    Set<String> terms = new LinkedHashSet<>(lower(tags));
    if (hit != null) {
      terms.addAll(lede.analyze(hit.title()));
    }
    String dup = stories.duplicateOf(id);
    return new Candidate(
        id,
        relevance,
        stories.storyOf(id),
        dup == null ? id : dup,
        source,
        section,
        published,
        terms,
        shared,
        engagement(id));
  }

  /** Click-through relative to the site's, in [-1, 1]; 0 until an article has 50 impressions. */
  private double engagement(String id) {
    long[] c = engagement.get(id);
    long imps = countedImpressions.get();
    if (c == null || c[0] < 50 || imps == 0) {
      return 0;
    }
    double site = (countedClicks.get() + 1.0) / (imps + 20.0);
    double mine = (c[1] + 1.0) / (c[0] + 20.0);
    return Math.max(-1, Math.min(1, mine / site - 1));
  }

  private static Set<String> lower(List<String> xs) {
    Set<String> out = new HashSet<>();
    for (String x : xs) {
      out.add(x.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  @Override
  public List<PageArticle> moreOnStory(String articleId, int limit) {
    String story = stories.storyOf(articleId);
    if (story == null) {
      return List.of();
    }
    Set<String> copies = new HashSet<>(stories.copiesOf(articleId));
    String dupOf = stories.duplicateOf(articleId);
    List<PageArticle> out = new ArrayList<>();
    for (PageArticle p : storyMembers(story)) {
      if (out.size() >= limit) {
        break;
      }
      if (p.id().equals(articleId) || copies.contains(p.id()) || p.id().equals(dupOf)) {
        continue;
      }
      out.add(p);
    }
    return out;
  }

  @Override
  public List<PageArticle> copies(String articleId) {
    List<PageArticle> out = new ArrayList<>();
    for (String id : stories.copiesOf(articleId)) {
      load(id, false).ifPresent(out::add);
    }
    return out;
  }

  // ---- images

  @Override
  public Optional<Path> image(String key, boolean thumbnail) {
    return images.file(key, thumbnail ? ImageStore.Size.THUMB : ImageStore.Size.ARTICLE);
  }

  @Override
  public Optional<String> imageKey(String sourceUrl) {
    return images.has(sourceUrl) ? Optional.of(ImageStore.key(sourceUrl)) : Optional.empty();
  }

  /** The local image copies of this data folder. */
  public ImageStore images() {
    return images;
  }

  // ---- events

  @Override
  public void recordEvents(List<ObservedEvent> events) {
    for (ObservedEvent o : events) {
      TeaserEvent e = o.event();
      EventGate.Decision d = headlines.record(e, o.userAgent());
      if (d != EventGate.Decision.COUNTED) {
        continue;
      }
      long[] c = engagement.get(e.article());
      if (c == null) {
        // Only stored articles are counted: a beacon naming made-up ids must not grow the map.
        if (lede.article(e.article()).isEmpty()) {
          continue;
        }
        c = engagement.computeIfAbsent(e.article(), x -> new long[2]);
      }
      synchronized (c) {
        if (e.type() == TeaserEvent.Type.CLICK) {
          c[1]++;
        } else {
          c[0]++;
        }
      }
      (e.type() == TeaserEvent.Type.CLICK ? countedClicks : countedImpressions).incrementAndGet();
    }
  }

  // ---- writes

  @Override
  public SubmitOutcome submitJson(String json) {
    Article a = JsonArticle.parse(json);
    SubmitResult r = lede.submit(a, null);
    return new SubmitOutcome(r.outcome().name(), r.id(), r.reason());
  }

  @Override
  public boolean delete(String id) {
    return lede.delete(id, "taken down through the site");
  }

  @Override
  public boolean hide(String id, boolean hidden) {
    if (lede.article(id).isEmpty()) {
      return false;
    }
    if (hidden) {
      lede.hide(id);
    } else {
      lede.unhide(id);
    }
    return true;
  }

  @Override
  public Source addSource(
      Source.Kind kind, String location, String name, Source.RightsPolicy rights) {
    String base = slug(name.isBlank() ? hostOf(location) : name);
    String id = base;
    for (int i = 2; lede.sources().source(id).isPresent(); i++) {
      id = base + "-" + i;
    }
    Source s = new Source(id, kind, location, name, rights, false, false, clock.instant());
    lede.sources().putSource(s);
    sourcesChanged();
    return s;
  }

  private static String hostOf(String location) {
    try {
      String h = java.net.URI.create(location.strip()).getHost();
      return h == null ? location : h;
    } catch (IllegalArgumentException e) {
      return location;
    }
  }

  static String slug(String s) {
    String x = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (x.length() > 40) {
      x = x.substring(0, 40).replaceAll("-$", "");
    }
    return x.isEmpty() ? "source" : x;
  }

  @Override
  public void pauseSource(String id, boolean paused) {
    lede.sources().source(id).ifPresent(s -> lede.sources().putSource(s.withPaused(paused)));
    sourcesChanged();
  }

  @Override
  public void removeSource(String id) {
    lede.sources().removeSource(id);
    sourcesChanged();
  }

  @Override
  public void setRights(String id, Source.RightsPolicy rights) {
    lede.sources().source(id).ifPresent(s -> lede.sources().putSource(s.withRights(rights)));
    sourcesChanged();
  }

  // ---- headline tests

  @Override
  public Optional<TeaserHeadline> testedHeadline(String articleId, int bucket) {
    if (!headlines.testing(articleId)) {
      return Optional.empty();
    }
    HeadlineService.Assignment as = headlines.assignBucket(articleId, bucket, HEADLINE_BUCKETS);
    return Optional.of(
        new TeaserHeadline(
            as.variantId().equals(HeadlineTest.ORIGINAL) ? "" : as.variantId(), as.headline()));
  }

  @Override
  public List<HeadlineVariant> headlineVariants(String articleId) {
    if (article(articleId).isEmpty()) {
      throw new java.util.NoSuchElementException("no article with id " + articleId);
    }
    List<HeadlineVariant> out = new ArrayList<>();
    for (HeadlineTest.Variant v : headlines.variants(articleId)) {
      out.add(new HeadlineVariant(v.id(), v.text(), v.origin(), v.created()));
    }
    return out;
  }

  @Override
  public AddedVariant addHeadlineVariant(String articleId, String text) {
    if (article(articleId).isEmpty()) {
      throw new java.util.NoSuchElementException("no article with id " + articleId);
    }
    HeadlineService.AddResult r = headlines.addVariant(articleId, text, "editor");
    HeadlineTest.Variant v = r.variant();
    testsRunningAt = Long.MIN_VALUE / 2; // re-read whether tests run
    return new AddedVariant(
        r.verdict().accepted(),
        r.verdict().reasons(),
        v == null ? null : new HeadlineVariant(v.id(), v.text(), v.origin(), v.created()));
  }

  @Override
  public boolean removeHeadlineVariant(String articleId, String variantId) {
    boolean removed = headlines.removeVariant(articleId, variantId);
    testsRunningAt = Long.MIN_VALUE / 2;
    return removed;
  }

  @Override
  public boolean headlineTestsRunning() {
    long now = clock.millis();
    if (now - testsRunningAt > 2_000) {
      testsRunning =
          headlineStore.tests().stream()
              .anyMatch(t -> t.status() == HeadlineTest.Status.RUNNING && !t.variants().isEmpty());
      testsRunningAt = now;
    }
    return testsRunning;
  }

  @Override
  public List<HeadlineTestStatus> headlineTests() {
    List<HeadlineTestStatus> out = new ArrayList<>();
    for (TestReport r : headlines.report()) {
      List<HeadlineArm> arms = new ArrayList<>();
      for (TestReport.Arm a : r.arms()) {
        arms.add(
            new HeadlineArm(
                a.variantId(),
                a.text(),
                a.impressions(),
                a.clicks(),
                a.ctr(),
                a.low(),
                a.high(),
                a.probabilityBest()));
      }
      out.add(
          new HeadlineTestStatus(
              r.articleId(),
              r.status().name(),
              r.winner(),
              r.canonical(),
              arms,
              HeadlineChart.svg(r)));
    }
    return out;
  }

  @Override
  public boolean promoteHeadline(String articleId, String variantId, boolean canonical) {
    try {
      headlines.promote(articleId, variantId, canonical);
    } catch (java.util.NoSuchElementException e) {
      return false;
    }
    testsRunningAt = Long.MIN_VALUE / 2;
    return true;
  }

  @Override
  public boolean stopHeadlineTest(String articleId) {
    try {
      headlines.stop(articleId);
    } catch (java.util.NoSuchElementException e) {
      return false;
    }
    testsRunningAt = Long.MIN_VALUE / 2;
    return true;
  }

  @Override
  public List<SourceStatus> sourceStatuses(int days) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Map<String, int[]> perDay = new HashMap<>();
    for (SiteCatalogue.Entry e : catalogue.get().newestFirst()) {
      long ago = today.toEpochDay() - LocalDate.ofInstant(e.when(), ZoneOffset.UTC).toEpochDay();
      if (ago < 0 || ago >= days) {
        continue;
      }
      perDay.computeIfAbsent(e.sourceId(), x -> new int[days])[days - 1 - (int) ago]++;
    }
    List<SourceStatus> out = new ArrayList<>();
    for (Source s : lede.sources().sources()) {
      List<FetchRecord> last = lede.sources().fetches(s.id(), null, 1);
      FetchRecord f = last.isEmpty() ? null : last.get(0);
      int[] counts = perDay.getOrDefault(s.id(), new int[days]);
      List<Integer> series = new ArrayList<>(days);
      for (int c : counts) {
        series.add(c);
      }
      out.add(
          new SourceStatus(
              s,
              f == null ? null : f.at(),
              f == null
                  ? (s.paused() ? "paused" : "not fetched yet")
                  : f.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                      + (f.httpStatus() > 0 ? " (HTTP " + f.httpStatus() + ")" : ""),
              f == null || f.outcome() != FetchRecord.Outcome.FAILED ? "" : f.reason(),
              series));
    }
    return out;
  }
}
