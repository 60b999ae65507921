package dev.lede.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The latest year an article names, the stories' year histograms and the year conflict. */
class StoryYearsTest {
  private static final DedupConfig.Stories CFG = DedupConfig.defaults().stories();

  @Test
  void latestYear_isTheLatestFourDigitYear_from1900to2099() {
    assertThat(
            StoryTerms.latestYear(
                "The 2013 patch replaces one from 2008; build 12345, in 1850 and 2101."))
        .isEqualTo(2013);
    assertThat(StoryTerms.latestYear("Security update MS08-078 fixes 3 flaws in 200 ms, 2015x"))
        .isZero();
    assertThat(StoryTerms.latestYear("No year here at all.")).isZero();
  }

  @Test
  void articleYear_countsTheDateLinesThatBoilerplateRemovalDrops() {
    dev.lede.model.Article a =
        Fixtures.article(
            "x",
            "Patch released",
            List.of(
                "September 18, 2013",
                "Microsoft released a patch for a flaw found in 2012 in its browser."));
    assertThat(CleanText.of(a).lines()).noneMatch(l -> l.contains("2013"));
    assertThat(StoryTerms.latestYear(a, null)).isEqualTo(2013);
    assertThat(
            StoryTerms.latestYear(
                Fixtures.article("y", "Patch from 2009", List.of("A flaw found in 2008.")), null))
        .isEqualTo(2009);
    assertThat(StoryTerms.latestYear(Fixtures.article("z", "Patch", List.of("No year.")), null))
        .isZero();
  }

  @Test
  void latestYear_ignoresNumbersGluedToOtherDigits() {
    assertThat(StoryTerms.latestYear("In 2013 the rate was 1.2050 and rose 3.2045 percent."))
        .isEqualTo(2013);
    assertThat(StoryTerms.latestYear("Call 555-2019 about the 2012 case.")).isEqualTo(2012);
    assertThat(StoryTerms.latestYear("ISBN 978-3-16-2031-0, printed 2010.")).isEqualTo(2010);
    assertThat(StoryTerms.latestYear("Sales of 1,2040 units and 2040,5 more in 2011."))
        .isEqualTo(2011);
    // a year at a sentence's end or before a comma is still a year
    assertThat(StoryTerms.latestYear("It happened in 2013. Then, in 2011, again.")).isEqualTo(2013);
    // a hyphen to the rest of a date or to a range of years joins no other number
    assertThat(StoryTerms.latestYear("Posted 2013-09-18 at noon.")).isEqualTo(2013);
    assertThat(StoryTerms.latestYear("In the 2012-13 season.")).isEqualTo(2012);
    assertThat(StoryTerms.latestYear("Between 2009-2011 it grew.")).isEqualTo(2011);
    assertThat(StoryTerms.latestYear("Part 2013-09-18-7 of the file.")).isZero();
    assertThat(StoryTerms.latestYear("Dial 2019-555-0100 now.")).isZero();
  }

  private static dev.lede.model.Article at(String published, List<String> paragraphs) {
    dev.lede.model.Article a = Fixtures.article("p", "Report", paragraphs);
    return published == null
        ? a
        : a.toBuilder().published(java.time.Instant.parse(published)).build();
  }

  @Test
  void latestYear_ignoresYearsAfterTheArticlesOwnYearPlusOne() {
    List<String> text =
        List.of(
            "The 2013 report sets targets for the 2030 agenda, to be met by 2050.",
            "Write to Box 2088 for the 2048-page annex.");
    // published in 2013: nothing after 2014 counts
    assertThat(StoryTerms.latestYear(at("2013-09-18T05:31:00Z", text), null)).isEqualTo(2013);
    // no publication date: the first-seen time gives the article's own year
    assertThat(
            StoryTerms.latestYear(at(null, text), java.time.Instant.parse("2029-06-01T00:00:00Z")))
        .isEqualTo(2030);
    // the publication date wins over the first-seen time
    assertThat(
            StoryTerms.latestYear(
                at("2013-09-18T05:31:00Z", text), java.time.Instant.parse("2029-06-01T00:00:00Z")))
        .isEqualTo(2013);
    // neither: only the 2099 bound
    assertThat(StoryTerms.latestYear(at(null, text), null)).isEqualTo(2088);
    // next year's event counts
    assertThat(
            StoryTerms.latestYear(
                at("2013-12-30T00:00:00Z", List.of("Preview of the 2014 season.")), null))
        .isEqualTo(2014);
  }

  @Test
  void latestYear_readsAtMostMaxCharsOfTheBlocks() {
    String filler = "word ".repeat(CleanText.MAX_CHARS / 5 - 10);
    // the year sits inside the budget's last chars of the first block: read
    assertThat(StoryTerms.latestYear(at(null, List.of(filler + "in 2011 then")), null))
        .isEqualTo(2011);
    // a year past the budget inside one long block is not read
    String longBlock = filler + "x".repeat(100) + " in 2012.";
    assertThat(StoryTerms.latestYear(at(null, List.of(longBlock)), null)).isZero();
    // nor in a later block once the first has used part of it up
    assertThat(
            StoryTerms.latestYear(
                at(null, List.of(filler + "x".repeat(40), "In the rest of it, 2012.")), null))
        .isZero();
  }

  private static TermVector[] views() {
    TermVector[] v = new TermVector[StoryTerms.VIEWS];
    for (int i = 0; i < v.length; i++) {
      v[i] = new TermVector(new int[] {i + 1, i + 7}, new float[] {0.6f, 0.8f});
    }
    return v;
  }

  @Test
  void centroid_yearIsTheMedianOfTheMembersYears_membersWithoutOneDoNotCount() {
    Centroid c = Centroid.of(views(), 10, 2008);
    assertThat(c.year()).isEqualTo(2008);
    c = c.plus(views(), 20, 2013, CFG).plus(views(), 30, 2013, CFG).plus(views(), 40, 0, CFG);
    assertThat(c.year()).isEqualTo(2013);
    assertThat(c.years).containsExactly(2008, 2013);
    assertThat(c.yearCounts).containsExactly(1, 2);
    assertThat(Centroid.of(views(), 1, 0).year()).isZero();
    // two stories merged: the histograms add up
    Centroid other = Centroid.of(views(), 50, 2008).plus(views(), 60, 2008, CFG);
    Centroid merged = c.plus(other, CFG);
    assertThat(merged.years).containsExactly(2008, 2013);
    assertThat(merged.yearCounts).containsExactly(3, 2);
    assertThat(merged.year()).isEqualTo(2008);
    assertThat(merged.firstEvent).isEqualTo(10);
    assertThat(merged.lastEvent).isEqualTo(60);
  }

  @Test
  void centroid_keepsTheMostNamedYears_andSurvivesEncoding() {
    Centroid c = Centroid.of(views(), 0, 2000);
    c = c.plus(views(), 0, 2000, CFG);
    for (int y = 2001; y <= 2012; y++) {
      c = c.plus(views(), y, y, CFG);
    }
    assertThat(c.years).hasSize(Centroid.MAX_YEARS).contains(2000);
    // 2000 named twice, and 2001 folded into it when it was cut (see the test below)
    assertThat(c.yearCounts[0]).isEqualTo(3);
    Centroid back = Centroid.decode(c.encode());
    assertThat(back.years).containsExactly(c.years);
    assertThat(back.yearCounts).containsExactly(c.yearCounts);
    assertThat(back.lastEvent).isEqualTo(2012);
    for (int v = 0; v < StoryTerms.VIEWS; v++) {
      assertThat(back.views[v].terms).containsExactly(c.views[v].terms);
      assertThat(back.views[v].weights).containsExactly(c.views[v].weights);
    }
  }

  @Test
  void centroid_format1_storedBeforeTheYears_isReadAsAStoryWithoutYears() {
    ByteBuffer b = ByteBuffer.allocate(2 + 16 + StoryTerms.VIEWS * (2 + 8));
    b.put((byte) 1).put((byte) StoryTerms.VIEWS).putLong(5).putLong(9);
    for (int v = 0; v < StoryTerms.VIEWS; v++) {
      b.putShort((short) 1).putInt(40 + v).putFloat(1f);
    }
    Centroid c = Centroid.decode(b.array());
    assertThat(c.year()).isZero();
    assertThat(c.years).isEmpty();
    assertThat(c.firstEvent).isEqualTo(5);
    assertThat(c.views[StoryTerms.NUMBERS].terms).containsExactly(40 + StoryTerms.NUMBERS);
    // once a member with a year joins, it is written in the current format
    Centroid later = Centroid.decode(c.plus(views(), 11, 2013, CFG).encode());
    assertThat(later.year()).isEqualTo(2013);
  }

  @Test
  void centroid_cutToMaxYears_foldsEachDroppedYearIntoTheNearestKeptOne() {
    Centroid c = Centroid.of(views(), 0, 2000).plus(views(), 0, 2000, CFG);
    for (int y = 2001; y <= 2012; y++) {
      c = c.plus(views(), y, y, CFG);
    }
    // each addition past 8 years drops the earliest year named once (ties: the later year kept)
    // and folds it into its nearest kept neighbour (ties: the earlier): 2001 -> 2000, 2002 ->
    // 2003, 2004 -> 2003, 2005 -> 2006, 2007 -> 2006
    assertThat(c.years).containsExactly(2000, 2003, 2006, 2008, 2009, 2010, 2011, 2012);
    assertThat(c.yearCounts).containsExactly(3, 3, 3, 1, 1, 1, 1, 1);
    // all 14 years still count: the median is 2006 (of all 14 named, 2005); cut without folding,
    // only 9 counted and the median was 2008
    assertThat(c.year()).isEqualTo(2006);
  }

  private static final List<List<String>> WRITINGS =
      List.of(
          List.of(
              "Microsoft released an emergency security update for Internet Explorer to plug a"
                  + " critical hole that attackers have exploited on hacked Web sites.",
              "The flaw affects every supported version of the browser, Microsoft said, and"
                  + " Windows users should install the update as soon as possible."),
          List.of(
              "Attackers exploiting a hole in Internet Explorer pushed Microsoft to ship an"
                  + " emergency patch outside its monthly cycle.",
              "Every version of the Windows browser is affected; the company urged users to"
                  + " install the security update quickly."),
          List.of(
              "An out-of-band Internet Explorer patch from Microsoft closes a critical hole"
                  + " used by attackers on infected Web sites.",
              "Microsoft said all supported versions of the browser carry the flaw and asked"
                  + " Windows users to apply the emergency update."),
          List.of(
              "Windows users should apply an emergency Microsoft update for Internet Explorer"
                  + " at once, security experts said, as attackers exploit the critical flaw.",
              "The hole affects all versions of the browser and was used on hacked Web"
                  + " sites."));

  private static dev.lede.model.Article patch(String id, int writing, String date) {
    List<String> paragraphs = new java.util.ArrayList<>();
    paragraphs.add(date);
    paragraphs.addAll(WRITINGS.get(writing));
    return Fixtures.article(id, "", paragraphs);
  }

  private static Dedup dedup(double yearPenalty) {
    DedupConfig c =
        DedupConfig.defaults().with("stories.yearPenalty", Double.toString(yearPenalty));
    return new Dedup(new InMemoryDedupState(), c);
  }

  @Test
  void articlesNamingYearsFarApart_areKeptApart_whenThePenaltyOutweighsTheirSimilarity() {
    // the same kind of event in 2008 and 2013: everything but the date line is shared
    for (double penalty : new double[] {1.0, 0.3}) {
      Dedup d = dedup(penalty);
      List<ArticleRef> refs =
          List.of(
              Fixtures.ref("a2008", patch("a2008", 0, "December 17, 2008"), "s1", 0),
              Fixtures.ref("b2013", patch("b2013", 1, "September 18, 2013"), "s2", 10),
              Fixtures.ref("c2008", patch("c2008", 2, "Wednesday, December 17, 2008"), "s3", 20),
              Fixtures.ref("d-none", patch("d-none", 3, "From our correspondent"), "s4", 30));
      refs.forEach(d::assign);
      for (int pass = 0; pass < 2; pass++) {
        for (String id : List.of("b2013", "c2008", "d-none")) {
          assertThat(d.duplicateOf(id)).as(id).isNull();
        }
        assertThat(d.storyOf("c2008")).isEqualTo(d.storyOf("a2008"));
        // an article naming no year is never penalised
        assertThat(d.storyOf("d-none")).isEqualTo(d.storyOf("a2008"));
        if (penalty == 1.0) {
          assertThat(d.storyOf("b2013")).isEqualTo(d.storyOf("a2008"));
        } else {
          assertThat(d.storyOf("b2013")).isNotEqualTo(d.storyOf("a2008"));
        }
        // a restory reads the years as the online assignment does
        d.restory(refs);
      }
    }
  }
}
