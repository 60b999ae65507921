package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import dev.lede.store.Submission;
import dev.lede.web.SiteServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front page's top stories over a real data folder whose articles were all ingested in one go
 * (as an archive or a feed's backlog is): they rank by when they were published, not by when they
 * were seen, with a story's size counting within about a day.
 */
class LedeSiteTopStoriesTest {
  static final Instant FRESHEST = Instant.parse("2024-03-05T12:00:00Z");

  static final String QUAKE =
      """
      A magnitude 5.8 earthquake shook the mountain province of Teller early on Tuesday, cutting \
      power to about 30,000 homes and closing the main pass road for several hours.

      The provincial emergency office said two people were slightly hurt by falling masonry in the \
      old town of Vesk, and that schools would stay closed until engineers had checked them.

      Geologists at the national seismic institute said aftershocks were likely during the week \
      and asked residents to keep away from damaged buildings and steep slopes.""";

  static final String BUDGET =
      """
      The regional council of Oster Vale approved its budget for next year on Friday after a debate \
      of eleven hours, raising spending on rural bus routes and on school repairs.

      Councillors of the governing alliance voted in favour, while the opposition said the plan \
      relied on a property tax increase that would hit farmers and pensioners hardest.

      The treasurer said the council would borrow less than in any of the past five years and would \
      publish a quarterly report on the repairs.""";

  static final String LIBRARY =
      """
      The old harbour library of Calder Point reopened on Saturday after a restoration that took \
      three years and saved its painted ceiling from damp and salt.

      Volunteers carried some 14,000 books back into the reading room, where the shelves of dark \
      oak had been taken apart, cleaned and put together again by local carpenters.

      The librarian said the building would open on Sundays for the first time, with readings for \
      children in the morning and a small exhibition about the harbour in the afternoon.""";

  @TempDir static Path tmp;
  static Lede lede;
  static LedeSite site;

  @BeforeAll
  static void load() throws Exception {
    lede = Lede.open(tmp.resolve("data"));
    List<Submission> batch = new ArrayList<>();
    // A story of two reports, the newer four hours before the freshest article.
    batch.add(
        sub(
            "tram-orig",
            "Marrow Bay opens tram line",
            SiteRoutesTest.TRAM,
            FRESHEST.minus(Duration.ofHours(20))));
    batch.add(
        sub(
            "tram-next",
            "Marrow Bay tram line carries 40,000 on first weekend",
            SiteRoutesTest.TRAM_NEXT,
            FRESHEST.minus(Duration.ofHours(4))));
    // A single report: the freshest article on the site.
    batch.add(sub("quake", "Earthquake shakes Teller province", QUAKE, FRESHEST));
    // A single report four and a half days older.
    batch.add(
        sub(
            "budget",
            "Oster Vale council approves budget",
            BUDGET,
            FRESHEST.minus(Duration.ofHours(108))));
    // An old story of two (an original and a copy of it), from an archive.
    Instant old = Instant.parse("2012-05-01T09:00:00Z");
    batch.add(sub("library", "Calder Point harbour library reopens", LIBRARY, old));
    batch.add(
        sub(
            "library-copy",
            "Harbour library reopens in Calder Point",
            LIBRARY,
            old.plus(Duration.ofHours(1))));
    lede.submitAll(batch);
    lede.refresh();
    site = LedeSite.over(lede, InstantSource.fixed(FRESHEST.plus(Duration.ofDays(400))));
  }

  @AfterAll
  static void close() throws Exception {
    if (site != null) {
      site.close();
    }
    if (lede != null) {
      lede.close();
    }
  }

  static Submission sub(String id, String title, String text, Instant published) {
    List<Block> blocks = new ArrayList<>();
    for (String para : text.split("\n\n")) {
      blocks.add(new Block.Paragraph(para.strip()));
    }
    return new Submission(
        Article.builder()
            .id(id)
            .url("https://" + id + ".example/story")
            .title(title)
            .published(published)
            .section("News")
            .language("en")
            .blocks(blocks)
            .build(),
        null);
  }

  @Test
  void storiesRankByPublication_withSizeCountingWithinAboutADay() {
    // the data this test is about: two stories of two, two articles alone
    assertThat(lede.storyOf("tram-next")).isEqualTo(lede.storyOf("tram-orig")).isPresent();
    assertThat(lede.duplicateOf("library-copy")).contains("library");
    assertThat(lede.storyOf("quake")).isNotEqualTo(lede.storyOf("tram-orig"));

    List<SiteServices.TopStory> top = site.topStories(10);

    // the tram story (two reports, the newer 4 h old) ahead of the freshest single report; the
    // single report 4.5 days old next; the story of 2012 last, however big
    assertThat(top)
        .extracting(t -> t.lead().id())
        .containsExactly("tram-next", "quake", "budget", "library");
    assertThat(top.get(0).storyId()).isEqualTo(lede.storyOf("tram-orig").orElseThrow());
    assertThat(top.get(0).size()).isEqualTo(2);
    assertThat(top.get(1).size()).isEqualTo(1);
  }

  @Test
  void aLimitCutsTheRanking() {
    assertThat(site.topStories(2))
        .extracting(t -> t.lead().id())
        .containsExactly("tram-next", "quake");
    assertThat(site.topStories(0)).isEmpty();
  }

  @Test
  void scoreHalvesWithEachDayAndGrowsWithSize() {
    Instant t = FRESHEST;
    assertThat(LedeSite.storyScore(1, t, t))
        .isEqualTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
    // one day older costs what doubling (1 -> 3 members: ln 4 - ln 2 = ln 2) gains
    assertThat(LedeSite.storyScore(3, t.minus(Duration.ofDays(1)), t))
        .isEqualTo(LedeSite.storyScore(1, t, t), org.assertj.core.data.Offset.offset(1e-9));
    // an article dated after the freshest (a clock skew) is not rewarded beyond age 0
    assertThat(LedeSite.storyScore(1, t.plus(Duration.ofDays(2)), t))
        .isEqualTo(LedeSite.storyScore(1, t, t));
  }
}
