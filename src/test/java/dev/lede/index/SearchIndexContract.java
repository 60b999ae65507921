package dev.lede.index;

import static dev.lede.testing.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link SearchIndex} backend must show. A backend's test extends this class
 * and says how to open its index in a folder.
 */
public abstract class SearchIndexContract {
  protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir protected Path dir;
  protected TestClock clock;
  protected SearchIndex index;

  protected abstract SearchIndex open(Path dir, TestClock clock);

  @BeforeEach
  void openIndex() {
    clock = new TestClock(NOW);
    index = open(dir.resolve("index"), clock);
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  private void add(String id, @Nullable String source, Article a) {
    index.upsert(new IndexEntry(id, source, a.withId(id)));
  }

  private void add(String id, String title, String body) {
    add(id, null, article(title, body).build());
  }

  private List<String> ids(String query) {
    return ids(SearchQuery.of(query));
  }

  private List<String> ids(SearchQuery q) {
    return index.search(q).hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void search_findsWordsInTitleAndBody_withEnglishStemming() {
    add("a", "Elections called in Peru", "The president dissolved congress on Monday.");
    add("b", "Storm season", "Forecasters expect more hurricanes this year.");
    index.refresh();

    assertThat(ids("election")).containsExactly("a");
    assertThat(ids("dissolving congress")).containsExactly("a");
    assertThat(ids("hurricane")).containsExactly("b");
    assertThat(ids("Forecaster")).containsExactly("b");
    assertThat(ids("election hurricane")).as("all words must match").isEmpty();
    assertThat(ids("election OR hurricane")).containsExactlyInAnyOrder("a", "b");
    assertThat(ids("election -peru")).isEmpty();
  }

  @Test
  void search_phrasesKeepWordOrder() {
    add("a", "Talks", "The prime minister met the foreign minister.");
    add("b", "Talks", "The foreign prime of the minister.");
    index.refresh();

    assertThat(ids("\"prime minister\"")).containsExactly("a");
    assertThat(ids("prime minister")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void search_numbersMatchWithAndWithoutThousandsSeparators() {
    add("a", "Layoffs", "The company cut 4,700 jobs and 1,234.5 tonnes of output.");
    add("b", "Other", "About 4700 people attended.");
    index.refresh();

    assertThat(ids("4,700")).containsExactlyInAnyOrder("a", "b");
    assertThat(ids("4700")).containsExactlyInAnyOrder("a", "b");
    assertThat(ids("1234.5")).containsExactly("a");
  }

  @Test
  void search_designationsLikeF16AndCovid19_matchHoweverTheyAreTyped() {
    add("a", "Jets", "Denmark will send F-16 jets.");
    add("b", "Pandemic", "Covid-19 cases rose again.");
    add("c", "Typo", "The COVID19 vaccine and an F16.");
    index.refresh();

    assertThat(ids("F-16")).containsExactly("a");
    assertThat(ids("F16")).containsExactlyInAnyOrder("a", "c");
    assertThat(ids("covid-19")).containsExactly("b");
    assertThat(ids("covid19")).containsExactlyInAnyOrder("b", "c");
    assertThat(ids("covid")).containsExactly("b");
    assertThat(ids("\"covid 19 cases\"")).containsExactly("b");
  }

  @Test
  void search_possessivesAndAccentsAndAcronyms() {
    add("a", "Policy", "Trump’s tariffs hit José Dirceu’s party in the U.S. market.");
    index.refresh();

    assertThat(ids("Trump")).containsExactly("a");
    assertThat(ids("Trump's")).containsExactly("a");
    assertThat(ids("jose dirceu")).containsExactly("a");
    assertThat(ids("US market")).containsExactly("a");
  }

  @Test
  void search_namesInBylinesAreNotStemmed() {
    add("a", null, article("Report", "Text.").bylines(List.of("Ann Williams")).build());
    add("b", null, article("Report", "Text about William.").build());
    index.refresh();

    assertThat(ids("byline:williams")).containsExactly("a");
    assertThat(ids("author:\"Ann Williams\"")).containsExactly("a");
  }

  private void addFilterCorpus() {
    add(
        "w1",
        "reuters",
        article("Ballot tally", "Votes are counted.")
            .section("World")
            .tags(List.of("Elections", "Peru"))
            .language("en")
            .published(Instant.parse("2024-03-10T08:00:00Z"))
            .build());
    add(
        "w2",
        "ap",
        article("Ballot tally", "Votes are counted.")
            .section("Politics")
            .tags(List.of("Elections"))
            .language("es")
            .published(Instant.parse("2024-05-10T08:00:00Z"))
            .build());
    add("w3", null, article("Ballot tally", "Votes are counted.").build());
    index.refresh();
  }

  @Test
  void search_filtersBySectionSourceTagLanguageAndDate() {
    addFilterCorpus();
    SearchFilters none = SearchFilters.NONE;
    SearchQuery q = SearchQuery.of("votes");

    assertThat(ids(q)).containsExactlyInAnyOrder("w1", "w2", "w3");
    assertThat(ids(q.withFilters(none.withSections(Set.of("world"))))).containsExactly("w1");
    assertThat(ids(q.withFilters(none.withSources(Set.of("AP"))))).containsExactly("w2");
    assertThat(ids(q.withFilters(none.withTags(Set.of("peru", "nothing"))))).containsExactly("w1");
    assertThat(ids(q.withFilters(none.withLanguages(Set.of("es"))))).containsExactly("w2");
    assertThat(ids(q.withFilters(none.withSince(Instant.parse("2024-04-01T00:00:00Z")))))
        .containsExactly("w2");
    assertThat(ids(q.withFilters(none.withUntil(Instant.parse("2024-04-01T00:00:00Z")))))
        .containsExactly("w1");
  }

  @Test
  void search_fieldsAndDatesInTheQueryText() {
    addFilterCorpus();

    assertThat(ids("votes section:world")).containsExactly("w1");
    assertThat(ids("section:\"World\"")).containsExactly("w1");
    assertThat(ids("tag:elections")).containsExactlyInAnyOrder("w1", "w2");
    assertThat(ids("source:reuters")).containsExactly("w1");
    assertThat(ids("lang:es")).containsExactly("w2");
    assertThat(ids("title:ballots")).containsExactlyInAnyOrder("w1", "w2", "w3");
    assertThat(ids("title:votes")).isEmpty();
    assertThat(ids("body:votes")).containsExactlyInAnyOrder("w1", "w2", "w3");
    assertThat(ids("votes since:2024-04")).containsExactly("w2");
    assertThat(ids("votes until:2024-03-10")).containsExactly("w1");
    assertThat(ids("votes until:2024-03-09")).isEmpty();
    assertThat(ids("date:2024-05-10")).containsExactly("w2");
    assertThat(ids("date:[2024-01-01 TO 2024-04-30]")).containsExactly("w1");
    assertThat(ids("date:[2024 TO 2024]")).containsExactlyInAnyOrder("w1", "w2");
  }

  @Test
  void search_colonsAndUnbalancedQuotesInRunningTextAreNotErrors() {
    add("a", "Lockdown", "COVID-19: lockdown ends in Paris.");
    index.refresh();

    assertThat(ids("COVID-19: lockdown")).containsExactly("a");
    assertThat(ids("\"lockdown ends")).containsExactly("a");
    assertThat(ids("Paris)")).containsExactly("a");
    assertThat(ids("*ockdown")).isEmpty(); // leading wildcards are not expanded
  }

  @Test
  void ranking_freshnessBreaksNearTies_butNeverBeatsAClearlyBetterMatch() {
    Article same = article("Flood warning", "Rivers rise after rain.").build();
    add("fresh", null, same.toBuilder().published(NOW.minus(Duration.ofHours(2))).build());
    add("old", null, same.toBuilder().published(NOW.minus(Duration.ofDays(400))).build());
    add("undated", null, same);
    index.refresh();

    List<SearchHit> hits = index.search(SearchQuery.of("flood")).hits();
    assertThat(hits.get(0).id()).isEqualTo("fresh");
    float fresh = hits.get(0).score();
    float old = score(hits, "old");
    float undated = score(hits, "undated");
    assertThat(undated).as("no published date: no adjustment").isEqualTo(old, within(old * 1e-4f));
    assertThat(fresh / undated).isGreaterThan(1.05f).isLessThanOrEqualTo(1.1001f);

    // a clearly better match, a year old, stays ahead of a fresh weak one
    add(
        "strong",
        null,
        article("Flood warning: flood defences fail", "Flood water and flood damage; flood.")
            .published(NOW.minus(Duration.ofDays(365)))
            .build());
    add(
        "weak",
        null,
        article("Weather", "Rain, wind and, briefly, a flood watch for the coast and inland areas.")
            .published(NOW.minus(Duration.ofMinutes(5)))
            .build());
    index.refresh();
    List<String> order = ids("flood");
    assertThat(order.indexOf("strong")).isLessThan(order.indexOf("weak"));
  }

  private static float score(List<SearchHit> hits, String id) {
    return hits.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow().score();
  }

  @Test
  void order_newestFirst_undatedLast_andABlankQueryListsEverything() {
    add("jan", null, article("Note", "x").published(Instant.parse("2025-01-01T00:00:00Z")).build());
    add("mar", null, article("Note", "x").published(Instant.parse("2025-03-01T00:00:00Z")).build());
    add("none", null, article("Note", "x").build());
    add("feb", null, article("Note", "x").published(Instant.parse("2025-02-01T00:00:00Z")).build());
    index.refresh();

    assertThat(ids(SearchQuery.of("note").withOrder(SearchQuery.Order.NEWEST)))
        .containsExactly("mar", "feb", "jan", "none");
    assertThat(ids(SearchQuery.of(""))).containsExactly("mar", "feb", "jan", "none");
  }

  @Test
  void pagination_andTotals() {
    for (int i = 0; i < 25; i++) {
      add(
          "p" + i,
          null,
          article("Item " + i, "common word").published(NOW.minusSeconds(i)).build());
    }
    index.refresh();
    SearchQuery q = SearchQuery.of("common").withOrder(SearchQuery.Order.NEWEST);

    SearchResults page2 = index.search(q.withPage(10, 10));

    assertThat(page2.total()).isEqualTo(25);
    assertThat(page2.totalIsExact()).isTrue();
    assertThat(page2.hits())
        .extracting(SearchHit::id)
        .containsExactly("p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17", "p18", "p19");
    assertThat(index.search(q.withPage(20, 10)).hits()).hasSize(5);
    assertThat(index.search(q.withPage(30, 10)).hits()).isEmpty();
    assertThat(index.search(q.withPage(0, 0)).total()).isEqualTo(25);
  }

  @Test
  void pagination_farPastTheEnd_isEmpty_andAnOverflowingOffsetIsRefused() {
    for (int i = 0; i < 3; i++) {
      add("p" + i, null, article("Item " + i, "common word").build());
    }
    index.refresh();
    int far = Integer.MAX_VALUE - SearchQuery.MAX_LIMIT;

    for (SearchQuery.Order o : SearchQuery.Order.values()) {
      SearchResults r =
          index.search(SearchQuery.of("common").withOrder(o).withPage(far, SearchQuery.MAX_LIMIT));
      assertThat(r.hits()).as(o.name()).isEmpty();
      assertThat(r.total()).as(o.name()).isEqualTo(3);
    }
    assertThatThrownBy(() -> SearchQuery.of("common").withPage(Integer.MAX_VALUE, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset must be at most 2147483637 with a limit of 10, was 2147483647");
  }

  @Test
  void snippets_areEscaped_andMarkTheMatches() {
    add(
        "a",
        null,
        article(
                "Script",
                "Intro sentence here. The attacker injected <script>alert('x')</script> into"
                    + " the council website & more. Closing words.")
            .url("https://example.com/a")
            .build());
    index.refresh();

    SearchHit hit = index.search(SearchQuery.of("council")).hits().get(0);

    assertThat(hit.snippet()).contains("<mark>council</mark>");
    assertThat(hit.snippet()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(hit.snippet()).contains("&amp; more");
    assertThat(hit.snippet().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    assertThat(hit.url()).isEqualTo("https://example.com/a");
    assertThat(hit.title()).isEqualTo("Script");
  }

  @Test
  void snippets_markAPhraseOnlyWhereItsWordsStandTogether() {
    add(
        "a",
        "Port news",
        "The ferry left early while the service desk stayed shut. "
            + "Filler words about the weather and the tides. ".repeat(12)
            + "Later the ferry service resumed its normal timetable. "
            + "More filler about the harbour wall. ".repeat(12));
    index.refresh();

    SearchHit hit = index.search(SearchQuery.of("\"ferry service\"")).hits().get(0);

    assertThat(hit.snippet()).contains("resumed").contains("<mark>");
    assertThat(hit.snippet().replace("<mark>", "").replace("</mark>", ""))
        .contains("ferry service resumed");
    assertThat(hit.snippet()).doesNotContain("service desk").doesNotContain("left early");
  }

  @Test
  void snippets_markTheBodyWords_ofAQueryThatAlsoNamesAHeadlineField() {
    add(
        "a",
        "Harbour storm",
        "Waves rose all night. "
            + "Filler words about the weather. ".repeat(15)
            + "The ferry stayed in port until noon. "
            + "More filler. ".repeat(15));
    index.refresh();

    SearchHit hit = index.search(SearchQuery.of("title:harbour ferry")).hits().get(0);

    assertThat(hit.snippet()).contains("<mark>ferry</mark>").doesNotContain("Waves rose");
  }

  @Test
  void snippets_ofAVeryLongBody_comeFromItsFirstTenThousandCharacters() {
    String filler = "Filler words about the weather and the tides. ";
    add(
        "a",
        "Long report",
        "The report opens here. "
            + filler.repeat(100)
            + "An early ferry sailed at dawn. "
            + filler.repeat(400)
            + "A late ferry sailed at dusk with the ferry crew and ferry passengers. "
            + filler.repeat(20));
    index.refresh();

    SearchHit hit = index.search(SearchQuery.of("ferry")).hits().get(0);

    // The later passage holds the word three times, but lies beyond the first 10,000 characters.
    assertThat(hit.snippet()).contains("<mark>ferry</mark> sailed at dawn").doesNotContain("dusk");
  }

  @Test
  void snippets_leadOfTheBody_whenOnlyTheTitleMatches() {
    add("a", "Volcano erupts", "Ash fell on villages. " + "More text follows. ".repeat(30));
    index.refresh();

    SearchHit hit = index.search(SearchQuery.of("volcano")).hits().get(0);

    assertThat(hit.snippet()).startsWith("Ash fell on villages.").doesNotContain("<mark>");
    assertThat(hit.snippet().length()).isLessThan(300);
  }

  @Test
  void hits_carryTheArticlesMetadata() {
    Instant pub = Instant.parse("2025-06-01T10:00:00Z");
    add(
        "m",
        "wire",
        article("Headline", "Body words.")
            .url("https://x.example/raw")
            .canonicalUrl("https://x.example/canonical")
            .siteName("Example News")
            .section("Business")
            .tags(List.of("Markets", "Oil"))
            .published(pub)
            .build());
    index.refresh();

    SearchHit h = index.search(SearchQuery.of("headline")).hits().get(0);

    assertThat(h.id()).isEqualTo("m");
    assertThat(h.url()).isEqualTo("https://x.example/canonical");
    assertThat(h.published()).isEqualTo(pub);
    assertThat(h.source()).isEqualTo("wire");
    assertThat(h.siteName()).isEqualTo("Example News");
    assertThat(h.section()).isEqualTo("Business");
    assertThat(h.tags()).containsExactly("Markets", "Oil");
    assertThat(h.score()).isPositive();
  }

  @Test
  void captionsAndDescriptionsAreSearchable() {
    add(
        "a",
        null,
        article("Parade", "Crowds gathered.")
            .description("A carnival in Rio")
            .blocks(
                List.of(
                    new Block.Paragraph("Crowds gathered."),
                    new Block.Image("https://x/i.jpg", "dancers", "Samba dancers at dawn", "AFP")))
            .build());
    index.refresh();

    assertThat(ids("samba")).containsExactly("a");
    assertThat(ids("carnival")).containsExactly("a");
  }

  private void addRelatedCorpus() {
    add(
        "quake1",
        "Earthquake in Chile",
        "A magnitude 7 earthquake struck Chile near Santiago. Buildings collapsed in Santiago.");
    add(
        "quake2",
        "Chile earthquake toll rises",
        "Rescuers in Santiago search collapsed buildings after the Chile earthquake.");
    add(
        "quake3",
        null,
        article(
                "Aftershocks shake Chile",
                "Aftershocks followed the earthquake near Santiago, Chile.")
            .section("World")
            .build());
    add("football", "Cup final", "The football cup final ended in a draw after extra time.");
    add("budget", "Budget vote", "Parliament approved the budget after a long debate.");
    index.refresh();
  }

  @Test
  void related_findsArticlesSharingDistinctiveTerms_neverItself() {
    addRelatedCorpus();

    List<String> r =
        index.related(RelatedQuery.forArticle("quake1", 10)).stream().map(SearchHit::id).toList();

    assertThat(r).contains("quake2", "quake3").doesNotContain("quake1", "football", "budget");
    assertThat(r.get(0)).isIn("quake2", "quake3");
  }

  @Test
  void related_honoursExclusionsAndFilters_andWorksFromText() {
    addRelatedCorpus();

    assertThat(
            index
                .related(RelatedQuery.forArticle("quake1", 10).withExclude(Set.of("quake2")))
                .stream()
                .map(SearchHit::id))
        .containsExactly("quake3");
    assertThat(
            index
                .related(
                    RelatedQuery.forArticle("quake1", 10)
                        .withFilters(SearchFilters.NONE.withSections(Set.of("world"))))
                .stream()
                .map(SearchHit::id))
        .containsExactly("quake3");
    assertThat(
            index.related(RelatedQuery.forText("Santiago earthquake buildings", 10)).stream()
                .map(SearchHit::id))
        .contains("quake1", "quake2")
        .doesNotContain("football");
    assertThat(index.related(RelatedQuery.forArticle("unknown", 10))).isEmpty();
  }

  @Test
  void related_withALimit_excludedIdsLeaveTheBestOfTheRest() {
    addRelatedCorpus();
    add("quake4", "Chile earthquake", "The Chile earthquake shook Santiago; buildings collapsed.");
    add("quake5", "Santiago rebuilds", "Santiago rebuilds the buildings the earthquake destroyed.");
    index.refresh();
    List<String> all = ids(index.related(RelatedQuery.forArticle("quake1", 10)));
    assertThat(all).hasSizeGreaterThanOrEqualTo(4);

    // The best hits excluded: the limit is filled from the next ones, in the same order.
    for (Set<String> exclude : List.of(Set.of(all.get(0)), Set.of(all.get(0), all.get(1)))) {
      List<String> rest =
          ids(index.related(RelatedQuery.forArticle("quake1", 2).withExclude(exclude)));

      assertThat(rest)
          .containsExactlyElementsOf(
              all.stream().filter(id -> !exclude.contains(id)).limit(2).toList());
    }
    // Many exclusions (most of them unknown ids) give the same as the known ones alone.
    Set<String> many = new java.util.HashSet<>(Set.of(all.get(0)));
    for (int i = 0; i < 20; i++) {
      many.add("absent" + i);
    }
    assertThat(ids(index.related(RelatedQuery.forArticle("quake1", 2).withExclude(many))))
        .containsExactlyElementsOf(
            all.stream().filter(id -> !id.equals(all.get(0))).limit(2).toList());
  }

  @Test
  void related_titleText_limitsWhichTermsAreLookedForInHeadlines() {
    add("head1", "Volcano erupts", "Ash fell on the villages.");
    add("head2", "Volcano alert", "Residents left their homes.");
    add("body1", "Villages evacuated", "A volcano erupted overnight.");
    add("body2", "Flights cancelled", "The volcano cloud closed airports.");
    add("other", "Football", "The cup final ended in a draw.");
    index.refresh();
    RelatedQuery q = RelatedQuery.forText("volcano", 10);

    // By default the text's terms are looked for in headlines and bodies alike.
    assertThat(index.related(q).stream().map(SearchHit::id))
        .containsExactlyInAnyOrder("head1", "head2", "body1", "body2");
    // With an empty headline text, "volcano" is looked for in bodies only.
    assertThat(index.related(q.withTitleText("")).stream().map(SearchHit::id))
        .containsExactlyInAnyOrder("body1", "body2");
    // A headline text of its own is looked for in headlines, whatever the text.
    assertThat(
            index.related(RelatedQuery.forText("quasar", 10).withTitleText("volcano")).stream()
                .map(SearchHit::id))
        .containsExactlyInAnyOrder("head1", "head2");
  }

  @Test
  void related_idAndScoreHits_areTheFullHitsWithoutTheirStoredFields() {
    addRelatedCorpus();
    Instant when = Instant.parse("2024-03-10T08:00:00Z");
    add(
        "quake4",
        null,
        article("Chile counts the cost", "Santiago rebuilds after the earthquake in Chile.")
            .published(when)
            .build());
    index.refresh();

    for (RelatedQuery q :
        List.of(
            RelatedQuery.forArticle("quake1", 10),
            RelatedQuery.forText("Santiago earthquake buildings", 10))) {
      List<SearchHit> full = index.related(q);
      List<SearchHit> lean = index.related(q.withHits(RelatedQuery.Hits.ID_AND_SCORE));

      assertThat(lean).extracting(SearchHit::id).containsExactlyElementsOf(ids(full));
      assertThat(lean).extracting(SearchHit::id).contains("quake4");
      for (int i = 0; i < full.size(); i++) {
        assertThat(lean.get(i).score()).isEqualTo(full.get(i).score());
        assertThat(lean.get(i).published()).isEqualTo(full.get(i).published());
        assertThat(lean.get(i).title()).isEmpty();
      }
    }
    assertThat(
            index.related(
                RelatedQuery.forArticle("quake1", 10).withHits(RelatedQuery.Hits.ID_AND_SCORE)))
        .filteredOn(h -> h.id().equals("quake4"))
        .singleElement()
        .extracting(SearchHit::published)
        .isEqualTo(when);
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }

  @Test
  void termStats_countDocumentsPerAnalysedTerm() {
    add("a", "One", "Earthquakes hit Chile.");
    add("b", "Two", "An earthquake in Peru.");
    add("c", "Three", "Football.");
    index.refresh();

    List<String> terms = index.analyze("The Earthquakes of Peru");
    TermStats stats = index.termStats(terms);

    assertThat(terms).containsExactly("earthquake", "peru");
    assertThat(stats.docCount()).isEqualTo(3);
    assertThat(stats.docFreq()).containsEntry("earthquake", 2L).containsEntry("peru", 1L);
    assertThat(stats.idf("peru")).isGreaterThan(stats.idf("earthquake"));
    assertThat(index.termStats(List.of("absent")).docFreq()).containsEntry("absent", 0L);
  }

  @Test
  void upsertReplaces_deleteRemoves_deleteAllClears() {
    add("a", "First title", "text");
    add("a", "Second title", "text");
    add("b", "Other", "text");
    index.refresh();
    assertThat(index.count()).isEqualTo(2);
    assertThat(ids("first")).isEmpty();
    assertThat(ids("second")).containsExactly("a");

    index.delete("a");
    index.delete("never-there");
    index.refresh();
    assertThat(index.count()).isEqualTo(1);
    assertThat(ids("second")).isEmpty();

    index.deleteAll();
    index.refresh();
    assertThat(index.count()).isZero();
  }

  @Test
  void writesAreInvisibleUntilRefresh() {
    add("a", "Hidden for now", "text");
    assertThat(index.count()).isZero();
    index.refresh();
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void checkpoint_isDurableWithTheCommit() {
    assertThat(index.checkpoint()).isZero();
    assertThat(index.needsRebuild()).isTrue();
    add("a", "Kept", "text");
    index.commit(42);
    assertThat(index.checkpoint()).isEqualTo(42);
    assertThat(index.needsRebuild()).isFalse();

    index.close();
    index = open(dir.resolve("index"), clock);

    assertThat(index.checkpoint()).isEqualTo(42);
    assertThat(index.needsRebuild()).isFalse();
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void backupTo_copiesTheLastCommitWithItsCheckpoint() {
    add("a", "Committed", "text");
    index.commit(5);
    add("b", "After the commit", "text");
    Path copy = dir.resolve("backup");

    index.backupTo(copy);
    add("c", "Still writable", "text");
    index.commit(6);

    SearchIndex restored = open(copy, clock);
    try {
      assertThat(restored.checkpoint()).isEqualTo(5);
      assertThat(restored.count()).isEqualTo(1);
      assertThat(restored.search(SearchQuery.of("committed")).hits()).hasSize(1);
    } finally {
      restored.close();
    }
  }
}
