package dev.lede;

import static dev.lede.testing.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.index.TermStats;
import dev.lede.model.Article;
import dev.lede.model.ArticleJson;
import dev.lede.recommend.Related;
import dev.lede.recommend.RelatedData;
import dev.lede.recommend.RelatedList;
import dev.lede.recommend.RelatedListStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The related service on a real data folder (SQLite store, Lucene index, related.db). */
class LedeRelatedTest {
  @TempDir Path dir;
  Lede lede;
  LedeRelated service;

  /** The hand-written corpus in src/test/resources/related/corpus.jsonl. */
  static List<Article> corpus() throws IOException {
    List<Article> out = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(
                LedeRelatedTest.class.getResourceAsStream("/related/corpus.jsonl"));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode o = ArticleJson.mapper().readTree(line);
        List<String> tags = new ArrayList<>();
        o.path("tags").forEach(t -> tags.add(t.asText()));
        out.add(
            article(o.path("title").asText(), o.path("text").asText())
                .id(o.path("id").asText())
                .published(Instant.parse(o.path("published").asText()))
                .section(o.path("section").asText())
                .siteName(o.path("siteName").asText())
                .language(o.path("language").asText())
                .url("https://" + o.path("source").asText() + ".example/" + o.path("id").asText())
                .tags(tags)
                .build());
      }
    }
    return out;
  }

  static String sourceOf(Article a) {
    return a.url().substring("https://".length(), a.url().indexOf(".example"));
  }

  @BeforeEach
  void open() throws IOException {
    lede = Lede.open(dir, Lede.Options.defaults().withFsyncEachCommit(false));
    for (Article a : corpus()) {
      lede.submit(a, sourceOf(a));
    }
    lede.refresh();
    service = LedeRelated.open(lede, Related.Settings.defaults(), InstantSource.system(), false);
  }

  @AfterEach
  void close() {
    service.close();
    lede.close();
  }

  private static List<String> ids(RelatedList l) {
    return l.items().stream().map(RelatedList.Item::id).toList();
  }

  @Test
  void related_sharesNamesAndNeverShowsItselfOrItsCopy() {
    RelatedList l = service.related().get("nk-kursk", 8);

    assertThat(ids(l)).doesNotContain("nk-kursk", "nk-kursk-copy");
    assertThat(ids(l).subList(0, 3)).contains("nk-losses");
    RelatedList.Item losses =
        l.items().stream().filter(i -> i.id().equals("nk-losses")).findFirst().orElseThrow();
    assertThat(losses.reason()).startsWith("shared: ").contains("Kursk");
    assertThat(losses.fallback()).isFalse();
    assertThat(losses.excerpt()).startsWith("Ukraine's military intelligence said");
    assertThat(losses.source()).isEqualTo("The Daily");
    assertThat(losses.breakdown().entities()).isPositive();
    // The sport and lifestyle pieces are never picked as related; at most as labelled fill.
    for (RelatedList.Item i : l.items()) {
      if (List.of("wrexham", "stadium", "gifts").contains(i.id())) {
        assertThat(i.fallback()).isTrue();
        assertThat(i.reason()).endsWith("fresh");
      }
    }
  }

  @Test
  void aNameInMostArticles_isNoReasonAndAnUncommonOneIs() {
    List<dev.lede.store.Submission> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(
          new dev.lede.store.Submission(
              article(
                      "Weather note " + i,
                      "Globex Network reports a mild day in Town"
                          + i
                          + ". Globex Network says the rain will return. Readers of Globex"
                          + " Network sent photos.")
                  .id("filler-" + i)
                  .published(Instant.parse("2024-03-01T10:00:00Z"))
                  .build(),
              "globex"));
    }
    String plant =
        "Globex Network reports that the Zaporizhzhia Nuclear Plant lost power again. Globex Network"
            + " says engineers at the Zaporizhzhia Nuclear Plant restarted diesel generators, and"
            + " Rafael Grossi of the IAEA called the Zaporizhzhia Nuclear Plant fragile.";
    batch.add(
        new dev.lede.store.Submission(
            article("Zaporizhzhia plant loses power", plant)
                .id("zap-1")
                .published(Instant.parse("2024-03-02T10:00:00Z"))
                .build(),
            "globex"));
    batch.add(
        new dev.lede.store.Submission(
            article(
                    "Grossi visits Zaporizhzhia",
                    "Rafael Grossi toured the Zaporizhzhia Nuclear Plant on Friday, Globex Network"
                        + " reports. Globex Network adds that Grossi met the staff of the"
                        + " Zaporizhzhia Nuclear Plant.")
                .id("zap-2")
                .published(Instant.parse("2024-03-20T10:00:00Z"))
                .build(),
            "other"));
    lede.submitAll(batch);
    lede.refresh();

    RelatedList l = service.related().get("zap-1", 8);

    RelatedList.Item other =
        l.items().stream().filter(i -> i.id().equals("zap-2")).findFirst().orElseThrow();
    assertThat(other.reason()).startsWith("shared: ").contains("Zaporizhzhia");
    assertThat(other.reason()).doesNotContain("Globex");
    for (RelatedList.Item i : l.items()) {
      assertThat(i.reason()).doesNotContain("Globex");
    }
  }

  @Test
  void related_ofTheCopy_leavesOutTheOriginal() {
    assertThat(ids(service.related().get("nk-kursk-copy", 8))).doesNotContain("nk-kursk");
  }

  @Test
  void related_isStoredAndThenServedByLookup() {
    RelatedList first = service.related().get("nk-missile", 8);
    RelatedList second = service.related().get("nk-missile", 8);

    assertThat(first.stored()).isFalse();
    assertThat(second.stored()).isTrue();
    assertThat(ids(second)).isEqualTo(ids(first));
    assertThat(ids(service.related().get("nk-missile", 3))).isEqualTo(ids(first).subList(0, 3));
  }

  @Test
  void hidingAnItem_dropsItFromStoredLists() {
    RelatedList before = service.related().get("nk-kursk", 8);
    assertThat(ids(before)).contains("nk-losses");

    lede.hide("nk-losses");
    RelatedList after = service.related().get("nk-kursk", 8);

    assertThat(after.stored()).isFalse();
    assertThat(ids(after)).doesNotContain("nk-losses");
  }

  @Test
  void aNewArticle_makesStoredListsRecompute_andTheRefresherBoundsItsWork() {
    while (service.related().refreshSome(100) > 0) {
      // the backlog delivered on registration: every article's own list
    }
    assertThat(service.related().get("nk-missile", 8).stored()).isTrue();
    Article fresh =
        article(
                "North Korea tests another missile as troops reach Kursk",
                "North Korea fired another ballistic missile on Friday, the military in Seoul"
                    + " said, as more North Korean troops reached Kursk.\n\nPyongyang said the"
                    + " launch was a routine test.")
            .id("nk-missile-2")
            .published(Instant.parse("2024-11-08T09:00:00Z"))
            .section("World")
            .build();
    lede.submit(fresh, "wire");

    // Not current any more: a newer article is queued, so the list is computed on demand.
    RelatedList served = service.related().get("nk-missile", 8);
    assertThat(served.stored()).isFalse();
    assertThat(ids(served)).contains("nk-missile-2");

    int computed = service.related().refreshSome(100);
    Related.RefreshStats st = service.related().refreshStats();
    assertThat(computed).isBetween(1, 1 + Related.Settings.defaults().refreshPerArticle());
    assertThat(st.pending()).isZero();
    assertThat(service.related().get("nk-missile-2", 8).stored()).isTrue();
  }

  @Test
  void anUpdatedArticle_keepsUnrelatedStoredListsCurrent() {
    while (service.related().refreshSome(100) > 0) {
      // the backlog delivered on registration
    }
    dev.lede.model.ArticleBuilder note =
        article(
                "Harbour ferry timetable changes in spring",
                "The harbour ferry will run every twenty minutes from April, the operator said.")
            .id("ferry")
            .published(Instant.parse("2024-11-09T09:00:00Z"))
            .section("Local");
    lede.submit(note.build(), "wire");
    while (service.related().refreshSome(100) > 0) {
      // the new article's list and its neighbours'
    }
    String unrelated =
        List.of("nk-kursk", "nk-missile", "german", "oneword").stream()
            .filter(id -> !ids(service.related().get(id, 8)).contains("ferry"))
            .findFirst()
            .orElseThrow();
    assertThat(service.related().get(unrelated, 8).stored()).isTrue();

    // An update (as the dedup stage logs for every member of a merged story) brings no new
    // candidate: stored lists that do not show it stay current.
    lede.submit(
        note.blocks(
                List.of(
                    new dev.lede.model.Block.Paragraph(
                        "The harbour ferry will run every fifteen minutes from April.")))
            .build(),
        "wire");
    assertThat(service.related().get(unrelated, 8).stored()).isTrue();
    while (service.related().refreshSome(100) > 0) {
      // its own list and the lists that show it
    }
    assertThat(service.related().refreshStats().pending()).isZero();
  }

  @Test
  void oneWordTitleWithoutBody_getsALabelledFallbackBlock() {
    RelatedList l = service.related().get("oneword", 8);

    assertThat(l.items()).hasSize(8);
    assertThat(l.items()).allMatch(RelatedList.Item::fallback);
    assertThat(l.items().get(0).reason()).isIn("same section, fresh", "top story, fresh");
    assertThat(ids(l)).doesNotContain("oneword");
  }

  @Test
  void articleInAnotherLanguage_stillGetsAFullBlock() {
    RelatedList l = service.related().get("german", 8);

    assertThat(l.items()).hasSize(8);
    assertThat(ids(l)).doesNotContain("german");
    assertThat(l.items()).allSatisfy(i -> assertThat(i.reason()).isNotBlank());
  }

  @Test
  void hugeBody_isCappedAndStillAnswered() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 40_000; i++) {
      body.append("Officials in Kyiv said North Korean troops were seen near Sudzha in Kursk ")
          .append(i)
          .append(". ");
    }
    lede.submit(
        article("North Korean troops seen near Sudzha", body.toString())
            .id("huge")
            .section("World")
            .published(Instant.parse("2024-11-07T09:00:00Z"))
            .build(),
        "wire");
    lede.refresh();

    RelatedList l = service.related().get("huge", 8);

    assertThat(l.items()).hasSize(8);
    assertThat(ids(l)).doesNotContain("huge");
    // Related by its (capped) text: the first pick is a Kursk story, not a labelled fill. (nk-kursk
    // itself may be left out: the dedup stage can put it in the huge article's own story.)
    assertThat(l.items().get(0).fallback()).isFalse();
    assertThat(l.items().get(0).reason()).startsWith("shared: ");
  }

  @Test
  void unknownOrHiddenArticle_isRefused() {
    lede.hide("gifts");
    assertThatThrownBy(() -> service.related().get("no-such-id", 8))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> service.related().get("gifts", 8))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void storedLists_surviveReopening() {
    RelatedList before = service.related().get("storm-bert", 8);
    service.close();
    lede.close();

    lede = Lede.open(dir, Lede.Options.defaults().withFsyncEachCommit(false));
    service = LedeRelated.open(lede, Related.Settings.defaults(), InstantSource.system(), false);
    RelatedList after = service.related().get("storm-bert", 8);

    assertThat(after.stored()).isTrue();
    assertThat(ids(after)).isEqualTo(ids(before));
  }

  /**
   * {@link RelatedData} over the open Lede that counts the document-frequency look-ups of terms
   * (the cost of making an article's query) and can report more articles than the index holds.
   */
  private static class CountingData implements RelatedData {
    final RelatedData d;
    final long docCountFactor;
    final AtomicInteger termLookups = new AtomicInteger();
    final AtomicInteger articleReads = new AtomicInteger();

    /** Ids reported hidden (as if hidden after the list's profile and query were kept). */
    final Set<String> hidden = new HashSet<>();

    CountingData(RelatedData d, long docCountFactor) {
      this.d = d;
      this.docCountFactor = docCountFactor;
    }

    @Override
    public Optional<Doc> article(String id) {
      articleReads.incrementAndGet();
      return hidden.contains(id) ? Optional.empty() : d.article(id);
    }

    @Override
    public boolean isVisible(String id) {
      return !hidden.contains(id) && d.isVisible(id);
    }

    @Override
    public List<SearchHit> similar(RelatedQuery query) {
      return d.similar(query);
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
      return d.search(query);
    }

    @Override
    public TermStats termStats(Collection<String> terms) {
      if (!terms.isEmpty()) {
        termLookups.incrementAndGet();
      }
      TermStats ts = d.termStats(terms);
      return new TermStats(ts.docCount() * docCountFactor, ts.docFreq());
    }

    @Override
    public long count(SearchQuery query) {
      return d.count(query);
    }

    @Override
    public List<String> analyze(String text) {
      return d.analyze(text);
    }

    @Override
    public @Nullable String storyOf(String id) {
      return d.storyOf(id);
    }

    @Override
    public @Nullable String duplicateOf(String id) {
      return d.duplicateOf(id);
    }

    @Override
    public void refresh() {
      d.refresh();
    }
  }

  /**
   * The data of a running site where an edit of one article commits right after its first read: the
   * listener hears of the edit before whatever was made from the read is written.
   */
  private final class EditedWhileRead extends CountingData {
    final String edited;
    final AtomicInteger reads = new AtomicInteger();
    @Nullable Related related;

    EditedWhileRead(String edited) {
      super(LedeRelated.dataOf(lede), 1);
      this.edited = edited;
    }

    @Override
    public Optional<Doc> article(String id) {
      Optional<Doc> read = super.article(id);
      if (id.equals(edited) && reads.getAndIncrement() == 0) {
        Objects.requireNonNull(related, "related")
            .listener()
            .onChanges(
                List.of(
                    new dev.lede.store.Change(
                        1_000_000, dev.lede.store.Change.Kind.UPSERT, id, Instant.now())));
      }
      return read;
    }
  }

  private static List<Double> scores(RelatedList l) {
    return l.items().stream().map(i -> i.breakdown().score()).toList();
  }

  @Test
  void aListComputedAgain_usesItsArticlesStoredQuery_andIsTheSameList() {
    RelatedList first;
    CountingData once = new CountingData(LedeRelated.dataOf(lede), 1);
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r = new Related(once, lists, Related.Settings.defaults(), InstantSource.system())) {
      first = r.compute("nk-kursk", 8);
    }
    assertThat(once.termLookups.get()).isPositive();

    // Another process on the same folder: nothing in memory, the profile and its query stored.
    CountingData again = new CountingData(LedeRelated.dataOf(lede), 1);
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(again, lists, Related.Settings.defaults(), InstantSource.system())) {
      RelatedList second = r.compute("nk-kursk", 8);

      assertThat(again.termLookups.get()).isZero();
      // Neither the article (only checked to be visible) nor its candidates (profiles stored) read.
      assertThat(again.articleReads.get()).isZero();
      assertThat(ids(second)).isEqualTo(ids(first));
      assertThat(scores(second)).isEqualTo(scores(first));
      assertThat(second.items())
          .extracting(RelatedList.Item::reason)
          .isEqualTo(first.items().stream().map(RelatedList.Item::reason).toList());
    }
  }

  @Test
  void articlesPreparedOnArrival_getTheirFirstList_withoutAnArticleRead_andTheSameList()
      throws IOException {
    List<String> all = corpus().stream().map(Article::id).toList();
    RelatedList unprepared;
    try (RelatedListStore lists = RelatedListStore.inMemory();
        Related r =
            new Related(
                LedeRelated.dataOf(lede),
                lists,
                Related.Settings.defaults(),
                InstantSource.system())) {
      unprepared = r.compute("nk-kursk", 8);
    }
    try (RelatedListStore lists = LedeRelated.listsOf(lede)) {
      try (Related r =
          new Related(
              LedeRelated.dataOf(lede),
              lists,
              Related.Settings.defaults(),
              InstantSource.system())) {
        // As the refresher does for each arrival: every article's profile and query made and kept.
        assertThat(r.prepare(all)).isEqualTo(all.size());
        assertThat(r.prepare(all)).isZero(); // kept: nothing made twice
      }
      // The first list of an article that has arrived: another process, nothing in memory.
      CountingData counting = new CountingData(LedeRelated.dataOf(lede), 1);
      try (Related r =
          new Related(counting, lists, Related.Settings.defaults(), InstantSource.system())) {
        RelatedList first = r.compute("nk-kursk", 8);
        assertThat(counting.articleReads.get()).isZero();
        assertThat(counting.termLookups.get()).isZero();
        assertThat(ids(first)).isEqualTo(ids(unprepared));
        assertThat(scores(first)).isEqualTo(scores(unprepared));
      }
    }
  }

  @Test
  void aProfilePreparedFromARead_thatAChangeOvertook_isNotKept_andIsMadeAgainNextTime() {
    EditedWhileRead editedWhileRead = new EditedWhileRead("nk-kursk");
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(
                editedWhileRead, lists, Related.Settings.defaults(), InstantSource.system())) {
      editedWhileRead.related = r;

      r.prepare(List.of("nk-kursk", "nk-losses"));

      assertThat(lists.profiles(List.of("nk-kursk"))).isEmpty(); // made from the overtaken read
      assertThat(lists.profiles(List.of("nk-losses"))).containsKey("nk-losses");
      assertThat(r.prepare(List.of("nk-kursk"))).isEqualTo(1); // made again from a fresh read
      assertThat(lists.profiles(List.of("nk-kursk"))).containsKey("nk-kursk");
    }
  }

  @Test
  void aListComputedFromARead_thatAChangeOvertook_keepsNoQuery_andTheNextListMakesOne() {
    EditedWhileRead editedWhileRead = new EditedWhileRead("nk-kursk");
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(
                editedWhileRead, lists, Related.Settings.defaults(), InstantSource.system())) {
      editedWhileRead.related = r;

      RelatedList first = r.compute("nk-kursk", 8);

      assertThat(first.items()).isNotEmpty();
      assertThat(lists.profiles(List.of("nk-kursk"))).isEmpty(); // made from the overtaken read
      RelatedList second = r.compute("nk-kursk", 8);
      assertThat(ids(second)).isEqualTo(ids(first));
      assertThat(lists.profiles(List.of("nk-kursk"))).containsKey("nk-kursk");
    }
  }

  @Test
  void aListComputedAgain_ofAnArticleNoLongerVisible_isRefused_thoughItsQueryIsKept() {
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(
                LedeRelated.dataOf(lede),
                lists,
                Related.Settings.defaults(),
                InstantSource.system())) {
      r.compute("nk-kursk", 8);
    }
    CountingData hiddenNow = new CountingData(LedeRelated.dataOf(lede), 1);
    hiddenNow.hidden.add("nk-kursk");
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(hiddenNow, lists, Related.Settings.defaults(), InstantSource.system())) {
      assertThatThrownBy(() -> r.compute("nk-kursk", 8)).isInstanceOf(NoSuchElementException.class);
      // Refused by the visibility check of the kept query's path, not by an article read.
      assertThat(hiddenNow.articleReads.get()).isZero();
    }
  }

  @Test
  void aStoredQuery_isMadeAgain_onceTheIndexGrewByMoreThanATenth() {
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(
                LedeRelated.dataOf(lede),
                lists,
                Related.Settings.defaults(),
                InstantSource.system())) {
      r.compute("nk-kursk", 8);
    }
    CountingData grown = new CountingData(LedeRelated.dataOf(lede), 2);
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(grown, lists, Related.Settings.defaults(), InstantSource.system())) {
      r.compute("nk-kursk", 8);
    }
    assertThat(grown.termLookups.get()).isPositive();
  }

  @Test
  void theMembersOfTheArticlesOwnStory_takeNoPlaceAmongTheCandidatesRead() {
    Instant t = Instant.parse("2026-04-02T06:00:00Z");
    String[][] reports = {
      {
        "Flood closes Brennan Lake road",
        "Floodwater closed the Brennan Lake road on Wednesday. Mayor Ines Roth said volunteers"
            + " filled sandbags at the Brennan Lake marina through the night."
      },
      {
        "Brennan Lake marina under water",
        "The flood reached the Brennan Lake marina by morning, and boathouses stood in water."
            + " Volunteers kept filling sandbags, Mayor Ines Roth said."
      },
      {
        "Sandbags hold back Brennan Lake flood",
        "Sandbags stacked by volunteers held the flood back from the Brennan Lake road houses,"
            + " though the marina was lost. Ines Roth thanked them."
      },
      {
        "Brennan Lake flood: road stays shut",
        "The Brennan Lake road stays shut while the flood recedes from the marina. Mayor Ines"
            + " Roth asked drivers to keep away and volunteers to rest."
      }
    };
    String[] sources = {"lake-times", "valley-post", "river-news", "north-daily"};
    for (int i = 0; i < 4; i++) {
      lede.submit(
          article(reports[i][0], reports[i][1])
              .id("lake-" + i)
              .published(t.plusSeconds(5 * 86_400L * i)) // days apart: not one event by date
              .build(),
          sources[i]);
    }
    lede.submit(
        article(
                "Engineers inspect Brennan Lake dam",
                "Engineers inspected the Brennan Lake dam, which holds back the lake above the"
                    + " marina. Mayor Ines Roth said the inspection was planned for months.")
            .id("lake-dam")
            .published(t.minusSeconds(86_400L * 40))
            .build(),
        "lake-times");
    lede.refresh();
    WithStories stories =
        new WithStories(
            java.util.Map.of(
                "lake-0", "story-flood",
                "lake-1", "story-flood",
                "lake-2", "story-flood",
                "lake-3", "story-flood",
                "lake-dam", "story-dam"));
    // Three candidates read and scored: the flood's three other reports alone would fill them.
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(
                stories,
                lists,
                Related.Settings.defaults().withTextCandidates(3).withMaxCandidates(3),
                InstantSource.system())) {
      RelatedList l = r.compute("lake-0", 8);
      assertThat(ids(l)).doesNotContain("lake-1", "lake-2", "lake-3");
      assertThat(l.items())
          .filteredOn(i -> i.id().equals("lake-dam"))
          .singleElement()
          .satisfies(i -> assertThat(i.fallback()).isFalse());
    }
  }

  /** {@link RelatedData} over the open Lede with the stories of some articles set by the test. */
  private final class WithStories extends CountingData {
    final java.util.Map<String, String> stories;

    WithStories(java.util.Map<String, String> stories) {
      super(LedeRelated.dataOf(lede), 1);
      this.stories = stories;
    }

    @Override
    public @Nullable String storyOf(String id) {
      return stories.containsKey(id) ? stories.get(id) : super.storyOf(id);
    }

    @Override
    public List<String> storyMembers(String id, int limit) {
      String story = stories.get(id);
      return stories.entrySet().stream()
          .filter(e -> e.getValue().equals(story) && !e.getKey().equals(id))
          .map(java.util.Map.Entry::getKey)
          .sorted()
          .limit(limit)
          .toList();
    }
  }

  private void submitChapelFire() {
    submitChapelFire(Set.of("chapel-a", "chapel-b", "chapel-c"));
  }

  /** Some of the three chapel fire reports. */
  private void submitChapelFire(Set<String> which) {
    Instant t = Instant.parse("2026-03-06T20:00:00Z");
    submitIf(
        which,
        article(
                "Fire destroys Harwick Chapel in Dunmore",
                "A fire destroyed Harwick Chapel in Dunmore on Friday night. Sheriff Ellen Marsh said"
                    + " investigators were treating the blaze at the chapel as suspicious.\n\n"
                    + "Pastor Owen Tully said the congregation would meet at Dunmore High School."
                    + " Sheriff Ellen Marsh asked witnesses of the fire to call. Pastor Owen Tully"
                    + " thanked the firefighters who fought the blaze for hours.")
            .id("chapel-a")
            .published(t)
            .section("US")
            .url("https://dunmore-times.example/chapel-a")
            .build(),
        "dunmore-times");
    submitIf(
        which,
        article(
                "Arson suspected in Harwick Chapel fire",
                "Fire Marshal Gregor Lind said the fire at Harwick Chapel in Dunmore started near"
                    + " Kessel Road. Ames County investigators found gasoline cans on Kessel Road."
                    + "\n\nGregor Lind said Ames County would ask state police to help find who set"
                    + " the blaze. The chapel was a total loss, Gregor Lind said.")
            .id("chapel-b")
            .published(t.plusSeconds(6 * 3600))
            .section("US")
            .url("https://ames-courier.example/chapel-b")
            .build(),
        "ames-courier");
    submitIf(
        which,
        article(
                "Gasoline cans found near burned chapel",
                "Investigators in Ames County said gasoline cans were found on Kessel Road near the"
                    + " burned Harwick Chapel. Fire Marshal Gregor Lind said the fire was set on"
                    + " purpose.\n\nGregor Lind said Ames County detectives were questioning a man"
                    + " seen on Kessel Road the night the chapel blaze started.")
            .id("chapel-c")
            .published(t.plusSeconds(20 * 3600))
            .section("US")
            .url("https://valley-post.example/chapel-c")
            .build(),
        "valley-post");
    lede.refresh();
  }

  private void submitIf(Set<String> which, Article a, String source) {
    if (which.contains(a.id())) {
      lede.submit(a, source);
    }
  }

  @Test
  void aReportOfTheArticlesOwnEvent_sharingItsNamesWithAnotherReportInTheArticlesStory_isLeftOut() {
    submitChapelFire();
    // Every article its own story: the chapel reports that share few names with the article
    // (chapel-b two, chapel-c one) are listed, as one event (they share four: joined).
    WithStories apart = new WithStories(java.util.Map.of());
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(apart, lists, Related.Settings.defaults(), InstantSource.system())) {
      assertThat(ids(r.compute("chapel-a", 8))).containsAnyOf("chapel-b", "chapel-c");
    }
    // chapel-b in the article's story: chapel-c reports the event chapel-b reports (Gregor Lind,
    // Kessel Road, Ames County, Harwick Chapel), so it is the article's own event too.
    WithStories together =
        new WithStories(
            java.util.Map.of("chapel-a", "story-fire", "chapel-b", "story-fire", "chapel-c", "c"));
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r =
            new Related(together, lists, Related.Settings.defaults(), InstantSource.system())) {
      assertThat(ids(r.compute("chapel-a", 8))).doesNotContain("chapel-b", "chapel-c");
    }
  }

  @Test
  void aNewArticleJoiningAStory_refreshesTheStoredListOfAnEarlierMember_whoseOwnEventItNowTells() {
    // chapel-a's list is stored while chapel-c is a story of its own and shares too few names with
    // chapel-a to be told as its event: chapel-c is listed. Then chapel-b arrives in chapel-a's
    // story; it reports what chapel-c reports, so chapel-c is chapel-a's own event now.
    submitChapelFire(Set.of("chapel-a", "chapel-c"));
    java.util.Map<String, String> stories = new java.util.HashMap<>();
    stories.put("chapel-a", "story-fire");
    stories.put("chapel-c", "c");
    WithStories data = new WithStories(stories);
    try (RelatedListStore lists = LedeRelated.listsOf(lede);
        Related r = new Related(data, lists, Related.Settings.defaults(), InstantSource.system())) {
      lists.put(r.compute("chapel-a", 8));
      assertThat(ids(r.get("chapel-a", 8))).contains("chapel-c");

      lists.dequeue(lists.pending(1_000)); // the arrivals of the set-up are done with
      submitChapelFire(Set.of("chapel-b"));
      stories.put("chapel-b", "story-fire");
      r.listener()
          .onChanges(
              List.of(
                  new dev.lede.store.Change(
                      1_000_000, dev.lede.store.Change.Kind.UPSERT, "chapel-b", Instant.now())));
      r.refreshSome(64);

      RelatedList served = r.get("chapel-a", 8);
      assertThat(served.stored()).isTrue();
      assertThat(ids(served)).doesNotContain("chapel-b", "chapel-c");
      assertThat(served.items()).hasSize(8);
    }
  }
}
