package dev.lede;

import static dev.lede.testing.TestArticles.article;
import static dev.lede.testing.TestArticles.dated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.model.Article;
import dev.lede.model.StoryInfo;
import dev.lede.store.SubmitResult;
import dev.lede.store.sqlite.SqliteArticleStore;
import dev.lede.testing.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duplicates and stories through the real write path: SQLite store, Lucene index, restarts. */
class LedeStoriesTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  static final String TRAM =
      """
      The city of Marrow Bay opened its new tram line on Saturday, linking the harbour district \
      with the university campus in eleven minutes and ending years of complaints about crowded buses.

      Mayor Tilde Anker cut the ribbon at the harbour stop, where several hundred residents waited \
      for the first ride despite the rain and the strong wind coming in from the sea.

      The line cost 240 million crowns and took four years to build, two more than planned, after \
      the contractor found old quay walls under the main street and had to call in archaeologists.

      Trams will run every six minutes at peak hours and every quarter of an hour late at night, \
      the transport authority said, and tickets bought for the buses remain valid on the trams.

      Shop owners along the route, who lost customers during the long works, said they hoped the \
      line would bring students and visitors back to the old town before the summer season.""";

  static final String ELECTION =
      """
      Voters in Ostervik elected a new council on Sunday with a record turnout of 81 percent, the \
      election office said on Monday morning after counting the last postal ballots overnight.

      The Green List won nine of the twenty-five seats, three more than four years ago, while the \
      ruling Farmers' Party fell to six seats and lost its majority in the council for the first time.

      Party leader Ines Holm said she would talk to every group about forming a coalition, and \
      promised cheaper ferries to the islands and a new school in the northern district.

      Turnout was highest among first-time voters, many of whom queued for more than an hour at \
      the library, where the polling station stayed open until ten in the evening.""";

  static final String SHARE = "Share this article\n\nFollow us on Facebook and X";

  @TempDir Path dir;
  TestClock clock = new TestClock("2026-03-01T12:00:00Z");
  Lede lede;

  Lede.Options options() {
    return Lede.Options.defaults()
        .withClock(clock)
        .withFsyncEachCommit(false)
        .withCommand("LedeStoriesTest");
  }

  @BeforeEach
  void open() {
    lede = Lede.open(dir.resolve("data"), options());
  }

  @AfterEach
  void close() {
    if (lede != null) {
      lede.close();
    }
  }

  void reopen() {
    lede.close();
    lede = Lede.open(dir.resolve("data"), options());
  }

  static Article tram(String id, String title, String extra, int minutes) {
    return dated(id, title, extra + "\n\n" + TRAM, T0.plusSeconds(60L * minutes));
  }

  static String copyText() {
    // a content-farm copy: new headline, share lines, the last paragraph trimmed, attribution added
    String trimmed = TRAM.substring(0, TRAM.lastIndexOf("\n\n"));
    return SHARE + "\n\n" + trimmed + "\n\nReuters contributed to this report.";
  }

  List<String> search(String q) {
    lede.refresh();
    return lede.search(SearchQuery.of(q)).hits().stream().map(SearchHit::id).toList();
  }

  /** Every article of every story, with the story it is in: each may occur once only. */
  Map<String, String> storyOfEveryArticle() {
    Map<String, String> out = new HashMap<>();
    List<StoryInfo> all = new ArrayList<>();
    lede.forEachStory(Instant.EPOCH, all::add);
    for (StoryInfo s : all) {
      assertThat(s.size()).as("size of story " + s.id()).isEqualTo(s.articles().size());
      for (String a : s.articles()) {
        assertThat(out.put(a, s.id())).as(a + " is in one story only").isNull();
      }
    }
    return out;
  }

  void submitThree() {
    lede.submit(tram("orig", "Marrow Bay opens tram line", "", 0), "wire");
    lede.submit(
        dated("copy", "WATCH: Tram finally rolls in Marrow Bay", copyText(), T0.plusSeconds(3_600)),
        "farm");
    lede.submit(dated("vote", "Greens win Ostervik vote", ELECTION, T0.plusSeconds(600)), "local");
  }

  @Test
  void aCopyIsLinkedToItsOriginal_everyArticleIsInOneStory_andBothSurviveARestart() {
    submitThree();

    assertThat(lede.duplicateOf("copy")).contains("orig");
    assertThat(lede.duplicateOf("orig")).isEmpty();
    assertThat(lede.copiesOf("orig")).containsExactly("copy");
    assertThat(lede.copiesOf("copy")).isEmpty();
    assertThat(lede.storyOf("copy")).isEqualTo(lede.storyOf("orig")).isPresent();
    assertThat(lede.storyOf("vote")).isPresent().isNotEqualTo(lede.storyOf("orig"));
    Map<String, String> before = storyOfEveryArticle();
    assertThat(before).containsOnlyKeys("orig", "copy", "vote");

    StoryInfo tram = lede.story(lede.storyOf("orig").orElseThrow()).orElseThrow();
    assertThat(tram.articles()).containsExactly("orig", "copy");
    assertThat(tram.size()).isEqualTo(2);
    assertThat(lede.storySizeOf("copy")).isEqualTo(2);
    assertThat(lede.latestStoryMembers("orig", 5)).containsExactly("copy");
    assertThat(lede.latestStoryMembers("copy", 5)).containsExactly("orig");
    assertThat(lede.latestStoryMembers("copy", 0)).isEmpty();
    assertThat(lede.latestStoryMembers("copy", Integer.MAX_VALUE)).containsExactly("orig");
    assertThat(lede.latestStoryMembers("vote", 5)).isEmpty();
    assertThat(lede.storySizeOf("vote")).isEqualTo(1);
    assertThat(lede.storySizeOf("unknown")).isZero();
    assertThat(tram.headline())
        .isIn("Marrow Bay opens tram line", "WATCH: Tram finally rolls in Marrow Bay");
    assertThat(tram.firstSeen()).isEqualTo(clock.instant());
    assertThat(lede.stories(Instant.EPOCH, 10)).hasSize(2);
    assertThat(lede.stories(Instant.EPOCH, 1)).hasSize(1);
    assertThat(lede.story("999")).isEmpty();
    assertThat(lede.story("not a number")).isEmpty();

    reopen();

    assertThat(lede.duplicateOf("copy")).contains("orig");
    assertThat(lede.copiesOf("orig")).containsExactly("copy");
    assertThat(storyOfEveryArticle()).isEqualTo(before);
  }

  @Test
  void searchAndRelated_neverShowACopyBesideItsOriginal() {
    submitThree();

    assertThat(search("tram harbour")).containsExactly("orig");
    // with a source filter the copy's own source still finds it
    lede.refresh();
    List<String> farm =
        lede
            .search(
                SearchQuery.of("tram")
                    .withFilters(SearchFilters.NONE.withSources(Set.of("farm", "wire"))))
            .hits()
            .stream()
            .map(SearchHit::id)
            .toList();
    assertThat(farm).hasSize(1);
    List<String> related =
        lede.related(RelatedQuery.forArticle("copy", 10)).stream().map(SearchHit::id).toList();
    assertThat(related).doesNotContain("orig", "copy");
  }

  @Test
  void anEarlierPublishedCopy_becomesTheOriginal_andTheIndexFollows() {
    lede.submit(tram("late", "Marrow Bay opens tram line", "", 120), "farm");
    lede.submit(dated("early", "Tram line opens", copyText(), T0), "wire");

    assertThat(lede.duplicateOf("late")).contains("early");
    assertThat(lede.duplicateOf("early")).isEmpty();
    assertThat(lede.copiesOf("early")).containsExactly("late");
    assertThat(search("tram harbour")).containsExactly("early");

    reopen(); // the regrouped article's change is in the log: after a restart it is the same
    assertThat(search("tram harbour")).containsExactly("early");
  }

  @Test
  void hidingTheOriginal_promotesItsCopy_andUnhidingRestoresIt() {
    submitThree();
    String story = lede.storyOf("orig").orElseThrow();

    assertThat(lede.hide("orig")).isTrue();

    assertThat(lede.duplicateOf("copy")).isEmpty();
    assertThat(lede.storyOf("orig")).isEmpty();
    assertThat(search("tram harbour")).containsExactly("copy");
    StoryInfo s = lede.story(story).orElseThrow();
    assertThat(s.articles()).containsExactly("copy");
    assertThat(s.size()).isEqualTo(1);
    assertThat(lede.storySizeOf("copy")).isEqualTo(1);
    assertThat(lede.storySizeOf("orig")).isZero(); // hidden
    assertThat(lede.latestStoryMembers("copy", 5)).isEmpty();
    assertThat(lede.latestStoryMembers("orig", 5)).isEmpty();
    assertThat(s.headline()).isEqualTo("WATCH: Tram finally rolls in Marrow Bay");
    assertThat(storyOfEveryArticle()).containsOnlyKeys("copy", "vote");

    assertThat(lede.unhide("orig")).isTrue();

    assertThat(lede.duplicateOf("copy")).contains("orig");
    assertThat(lede.storyOf("orig")).isEqualTo(lede.storyOf("copy")).isPresent();
    assertThat(search("tram harbour")).containsExactly("orig");
    assertThat(storyOfEveryArticle()).containsOnlyKeys("orig", "copy", "vote");
  }

  @Test
  void deleteAndPrune_leaveNoArticleBehindInStories() {
    submitThree();
    assertThat(lede.delete("copy", "legal")).isTrue();
    assertThat(lede.copiesOf("orig")).isEmpty();
    assertThat(storyOfEveryArticle()).containsOnlyKeys("orig", "vote");

    clock.set(Instant.parse("2026-06-01T00:00:00Z"));
    assertThat(lede.prune(java.time.Duration.ofDays(30))).isEqualTo(2);
    assertThat(storyOfEveryArticle()).isEmpty();
    assertThat(lede.stories(Instant.EPOCH, 10)).isEmpty();
  }

  @Test
  void restory_recomputesStories_keepingDuplicateLinks() {
    submitThree();
    Map<String, String> before = storyOfEveryArticle();

    assertThat(lede.restory()).isEqualTo(3);

    Map<String, String> after = storyOfEveryArticle();
    assertThat(after).containsOnlyKeys("orig", "copy", "vote");
    assertThat(after.get("orig")).isEqualTo(after.get("copy")).isNotEqualTo(after.get("vote"));
    assertThat(after.get("orig")).as("stories got new ids").isNotEqualTo(before.get("orig"));
    assertThat(lede.duplicateOf("copy")).contains("orig");
    assertThat(search("tram harbour")).containsExactly("orig");
    reopen();
    assertThat(storyOfEveryArticle()).isEqualTo(after);
  }

  @Test
  void articlesStoredWithoutTheDedupStage_areAssignedOnOpen() {
    lede.submit(tram("orig", "Marrow Bay opens tram line", "", 0), "wire");
    lede.close();
    lede = null;
    // as if written by a build without dedup, or a crash-free store-only writer
    try (SqliteArticleStore store =
        SqliteArticleStore.open(dir.resolve("data").resolve(Lede.STORE_FILE), clock, false)) {
      store.submit(
          dated("copy", "WATCH: Tram finally rolls in Marrow Bay", copyText(), T0.plusSeconds(60)),
          null);
    }

    lede = Lede.open(dir.resolve("data"), options());

    assertThat(lede.duplicateOf("copy")).contains("orig");
    assertThat(storyOfEveryArticle()).containsOnlyKeys("orig", "copy");
    assertThat(search("tram harbour")).containsExactly("orig");
  }

  static final String FERRY =
      """
      The island ferry between Kelp Harbour and Saltholm was cancelled for the third day running on \
      Tuesday as gales swept the strait and waves of six metres broke over the northern breakwater.

      Stranded islanders filled the guest houses near the terminal, and the ferry company chartered \
      two coaches to take commuters round the long way over the bridge at Norrhamn instead.

      Forecasters expect the wind to ease on Thursday, when the first crossing is planned at seven \
      in the morning with extra sailings through the afternoon to clear the backlog of lorries.""";

  @Test
  void anUpdatedCopyWithNewText_leavesItsOriginal_andIsSearchable() {
    submitThree();
    assertThat(lede.duplicateOf("copy")).contains("orig");
    String tramStory = lede.storyOf("orig").orElseThrow();

    SubmitResult r =
        lede.submit(
            dated("copy", "Gales cancel Saltholm ferry again", FERRY, T0.plusSeconds(3_600)),
            "farm");

    assertThat(r.outcome()).isEqualTo(SubmitResult.Outcome.UPDATED);
    assertThat(lede.duplicateOf("copy")).isEmpty();
    assertThat(lede.copiesOf("orig")).isEmpty();
    assertThat(lede.storyOf("copy")).isPresent().isNotEqualTo(lede.storyOf("orig"));
    assertThat(lede.story(tramStory).orElseThrow().articles()).containsExactly("orig");
    assertThat(lede.story(lede.storyOf("copy").orElseThrow()).orElseThrow().headline())
        .isEqualTo("Gales cancel Saltholm ferry again");
    assertThat(search("saltholm ferry")).containsExactly("copy");
    assertThat(search("tram harbour")).containsExactly("orig");
    Map<String, String> after = storyOfEveryArticle();
    assertThat(after).containsOnlyKeys("orig", "copy", "vote");

    reopen();
    assertThat(storyOfEveryArticle()).isEqualTo(after);
    assertThat(search("saltholm ferry")).containsExactly("copy");
  }

  @Test
  void anUpdatedHeadline_becomesTheStoryHeadline_whileAnUpdatedBylineKeepsThePlace() {
    lede.submit(dated("vote", "Greens win Ostervik vote", ELECTION, T0), "local");
    String story = lede.storyOf("vote").orElseThrow();

    SubmitResult byline =
        lede.submit(
            article("Greens win Ostervik vote", ELECTION)
                .id("vote")
                .published(T0)
                .bylines(List.of("Ada Lund"))
                .build(),
            "local");
    assertThat(byline.outcome()).isEqualTo(SubmitResult.Outcome.UPDATED);
    assertThat(lede.storyOf("vote")).contains(story);

    SubmitResult retitled =
        lede.submit(dated("vote", "Greens take Ostervik council", ELECTION, T0), "local");
    assertThat(retitled.outcome()).isEqualTo(SubmitResult.Outcome.UPDATED);
    String now = lede.storyOf("vote").orElseThrow();
    assertThat(lede.story(now).orElseThrow().headline()).isEqualTo("Greens take Ostervik council");
    assertThat(storyOfEveryArticle()).containsOnlyKeys("vote");
  }

  @Test
  void restore_neverTrustsTheDedupFilesOfAnotherHistory() {
    lede.submit(dated("vote", "Greens win Ostervik vote", ELECTION, T0), "local");
    Path b0 = dir.resolve("b0");
    lede.backup(b0);
    lede.submit(tram("orig", "Marrow Bay opens tram line", "", 0), "wire");
    Path b2 = dir.resolve("b2");
    lede.backup(b2);
    lede.close();
    lede = null;
    Path data = dir.resolve("data");

    Lede.restore(b0, data, true, options());
    lede = Lede.open(data, options());
    // another history from B0, as many transactions long as the one to B2
    lede.submit(dated("ferry", "Gales cancel Saltholm ferry again", FERRY, T0), "local");
    lede.close();
    lede = null;
    RelatedListsDb.open(data).close(); // related lists of that history
    Lede.restore(b2, data, true, options());
    assertThat(data.resolve(RelatedListsDb.FILE)).doesNotExist();
    lede = Lede.open(data, options());

    lede.submit(tram("reprint", "Marrow Bay opens tram line", "", 30), "farm");
    assertThat(lede.duplicateOf("reprint")).contains("orig");
    assertThat(storyOfEveryArticle()).containsOnlyKeys("vote", "orig", "reprint");
  }

  @Test
  void aHeadlineOnlyArticle_isNoDuplicateOfAnything() {
    submitThree();
    lede.submit(dated("bare", "Marrow Bay opens tram line", "", T0.plusSeconds(60)), "other");

    assertThat(lede.duplicateOf("bare")).isEmpty();
    assertThat(lede.storyOf("bare")).isPresent();
    assertThat(lede.copiesOf("orig")).containsExactly("copy");
  }
}
