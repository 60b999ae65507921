package dev.lede.web;

import dev.lede.model.Article;
import dev.lede.model.Source;
import dev.lede.model.TeaserEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the site needs from the rest of Lede. The composition root implements it over the store, the
 * index, the story and related services; the web package never sees a concrete backend. Every list
 * excludes hidden articles and duplicates of articles already listed.
 */
public interface SiteServices {

  /** A visible article with what its page and teasers need. */
  Optional<PageArticle> article(String id);

  /** Newest first; {@code filter} narrows to a section, tag, source or story. */
  ArticlePage latest(ListFilter filter, int page, int pageSize);

  /** How many visible articles there are (for sitemaps). */
  long count();

  /**
   * Visible article ids with their last change, oldest first, for sitemaps: the {@code limit}
   * articles from {@code offset} on, less those of excerpt-only sources (their pages name the
   * publisher's URL as canonical).
   */
  List<UrlEntry> urls(int offset, int limit);

  /** Visible articles published (else first seen) since {@code cutoff}, newest first. */
  List<PageArticle> since(Instant cutoff, int limit);

  /** Stories ranked by size and freshness, each with its lead article. */
  List<TopStory> topStories(int limit);

  /** Section names in use, most used first. */
  List<String> sections();

  /** The sources Lede follows. */
  List<Source> sources();

  /** A source by id. */
  Optional<Source> source(String id);

  /** A story's headline and size, or empty when unknown. */
  Optional<StoryInfo> story(String storyId);

  /** Full-text search with filters; snippets are HTML-safe with {@code <mark>} highlights. */
  SearchPage search(
      String query,
      String section,
      String sourceId,
      @Nullable LocalDate since,
      int page,
      int pageSize);

  /** "You May Also Like" for an article: k items, each with its reason. */
  List<RelatedItem> related(String articleId, int k);

  /** Other articles of the article's story (not copies of it), newest first. */
  List<PageArticle> moreOnStory(String articleId, int limit);

  /** Copies of this article published elsewhere (its duplicates' publishers). */
  List<PageArticle> copies(String articleId);

  /** The local file of an image, if a copy exists ({@code key} as the image store makes them). */
  Optional<Path> image(String key, boolean thumbnail);

  /** The local image key for a source image URL, if a local copy exists. */
  Optional<String> imageKey(String sourceUrl);

  /**
   * Records teaser impressions and clicks, dropping bots, duplicates and rate-limited visitors
   * first. Called from a background thread in batches.
   */
  void recordEvents(List<ObservedEvent> events);

  /**
   * Stores a submitted article given as one JSON object in the ingest JSONL shape; returns the
   * outcome after commit.
   *
   * @throws IllegalArgumentException when the JSON is not a valid article
   */
  SubmitOutcome submitJson(String json);

  /** Takes an article down everywhere; false when there is no such article. */
  boolean delete(String id);

  /** Hides (or shows) an article; false when there is no such article. */
  boolean hide(String id, boolean hidden);

  /** Operator: add, pause, remove a source or change its rights policy. */
  Source addSource(Source.Kind kind, String location, String name, Source.RightsPolicy rights);

  void pauseSource(String id, boolean paused);

  void removeSource(String id);

  void setRights(String id, Source.RightsPolicy rights);

  /** Operator: recent status of each source (last fetch, status, error, articles per day). */
  List<SourceStatus> sourceStatuses(int days);

  /**
   * Figures of the services behind the site that {@code /metrics} publishes as gauges, by metric
   * name (dot-separated, without the {@code lede.} prefix the site adds; Prometheus shows dots as
   * underscores), each read when the metrics are scraped. Empty by default.
   */
  default java.util.Map<String, java.util.function.DoubleSupplier> gauges() {
    return java.util.Map.of();
  }

  /**
   * Whether any headline test is running: the visitor-id cookie is set only then. Cheap (called for
   * every page that counts impressions).
   */
  default boolean headlineTestsRunning() {
    return false;
  }

  /**
   * Visitor buckets of headline tests: a page whose tracked teasers are under test is rendered and
   * cached once per bucket, and a visitor keeps their bucket (a hash of the visitor cookie).
   */
  int HEADLINE_BUCKETS = 4;

  /**
   * The headline a tracked teaser of the article shows to the visitors of {@code bucket} (0 ≤
   * bucket &lt; {@link #HEADLINE_BUCKETS}) while a headline test runs on it (variant "" is the
   * original); empty when no test runs, and the teaser keeps the title it was given (the original,
   * or a promoted winner). Read on every render, so a test's change shows with the next render.
   */
  default Optional<TeaserHeadline> testedHeadline(String articleId, int bucket) {
    return Optional.empty();
  }

  /**
   * Editors: the variants of an article's headline test (empty when there is none).
   *
   * @throws java.util.NoSuchElementException when there is no such article
   */
  default List<HeadlineVariant> headlineVariants(String articleId) {
    return List.of();
  }

  /**
   * Editors: adds a variant if the faithfulness guard accepts it (the test starts with the first
   * one).
   *
   * @throws java.util.NoSuchElementException when there is no such article
   * @throws IllegalStateException when the test already has the most variants it can have
   * @throws UnsupportedOperationException when these services keep no headline tests
   */
  default AddedVariant addHeadlineVariant(String articleId, String text) {
    throw new UnsupportedOperationException("headline tests are not available here");
  }

  /** Editors: removes a variant; false when there is no such variant. */
  default boolean removeHeadlineVariant(String articleId, String variantId) {
    return false;
  }

  /** Operator: every headline test with its figures, in article-id order. */
  default List<HeadlineTestStatus> headlineTests() {
    return List.of();
  }

  /**
   * Operator: promotes a variant of an article's headline test; {@code canonical} also makes it the
   * article's title, JSON-LD headline and feed title. False when there is no such test or variant.
   */
  default boolean promoteHeadline(String articleId, String variantId, boolean canonical) {
    return false;
  }

  /**
   * The headline of an article's own page, feeds and sitemaps: the original, or a variant an editor
   * promoted as the title. A list's {@link PageArticle} carries the teaser's headline, which a
   * promotion for teasers only (an editor's, or the bandit's own) changes; this one it does not.
   */
  default String canonicalTitle(PageArticle p) {
    return p.article().title();
  }

  /** Operator: stops a headline test (teasers show the original); false when there is none. */
  default boolean stopHeadlineTest(String articleId) {
    return false;
  }

  /** An article with the facts around it. */
  record PageArticle(
      Article article,
      @Nullable Source source,
      Instant firstSeen,
      @Nullable String storyId,
      @Nullable String duplicateOf,
      String altHeadline,
      String variant) {
    public String id() {
      return java.util.Objects.requireNonNull(article.id());
    }

    /** This article as a teaser showing a test's headline (variant "" for the original). */
    public PageArticle withTeaserHeadline(String headline, String variant) {
      return new PageArticle(
          article.toBuilder().title(headline).build(),
          source,
          firstSeen,
          storyId,
          duplicateOf,
          altHeadline,
          variant);
    }
  }

  /** A tested teaser's headline for a bucket: its variant id ("" for the original) and text. */
  record TeaserHeadline(String variant, String headline) {}

  /** A headline variant: id, text and who wrote it (editor, rules, llm). */
  record HeadlineVariant(String id, String text, String origin, Instant created) {}

  /**
   * The guard's verdict on a proposed variant and, when accepted, the stored variant.
   *
   * @param reasons why the guard rejected it (empty when accepted)
   */
  record AddedVariant(boolean accepted, List<String> reasons, @Nullable HeadlineVariant variant) {
    public AddedVariant {
      reasons = List.copyOf(reasons);
    }
  }

  /** A teaser event with the user agent of the request that produced it (never stored). */
  record ObservedEvent(TeaserEvent event, String userAgent) {}

  /** An article id and its last change, for sitemaps. */
  record UrlEntry(String id, Instant lastChange) {}

  /** A page of a list. */
  record ArticlePage(List<PageArticle> items, boolean hasMore) {}

  /** What a list is narrowed to; empty strings mean no narrowing. */
  record ListFilter(String section, String tag, String sourceId, String storyId) {
    public static ListFilter all() {
      return new ListFilter("", "", "", "");
    }
  }

  /** A story on the front page. */
  record TopStory(String storyId, String headline, int size, PageArticle lead) {}

  /** A story's summary. */
  record StoryInfo(String id, String headline, int size, Instant firstSeen, Instant lastSeen) {}

  /** A page of search results. */
  record SearchPage(List<SearchResult> results, long total, boolean hasMore) {}

  /** One search result. */
  record SearchResult(PageArticle article, String snippetHtml) {}

  /** One related item with its reason and whether it is a labelled fallback. */
  record RelatedItem(PageArticle article, String reason, boolean fallback) {}

  /** Outcome of a submission: NEW, UPDATED, UNCHANGED or REJECTED, with the id. */
  record SubmitOutcome(String status, @Nullable String id, String reason) {}

  /**
   * One headline test for the editors' page.
   *
   * @param status RUNNING, PROMOTED or STOPPED
   * @param chartSvg the click rates with their credible intervals, as escaped server-rendered SVG
   */
  record HeadlineTestStatus(
      String articleId,
      String status,
      @Nullable String winner,
      boolean canonical,
      List<HeadlineArm> arms,
      String chartSvg) {
    public HeadlineTestStatus {
      arms = List.copyOf(arms);
    }
  }

  /** One arm of a headline test: CTR with its 95% credible interval and P(best). */
  record HeadlineArm(
      String variantId,
      String text,
      long impressions,
      long clicks,
      double ctr,
      double low,
      double high,
      double probabilityBest) {}

  /** A source's health for the operator's page. */
  record SourceStatus(
      Source source,
      @Nullable Instant lastFetch,
      String lastStatus,
      String lastError,
      List<Integer> articlesPerDay) {}
}
