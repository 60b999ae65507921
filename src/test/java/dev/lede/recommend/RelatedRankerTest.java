package dev.lede.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RelatedRankerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final RelatedRanker.Subject SUBJECT =
      new RelatedRanker.Subject("a", "story-a", "a", "World", T0);
  private final RelatedRanker ranker = new RelatedRanker(RelatedRanker.Settings.defaults());

  private static Candidate c(
      String id,
      double rel,
      String story,
      String group,
      String source,
      Instant published,
      String... terms) {
    return new Candidate(
        id, rel, story, group, source, "World", published, Set.of(terms), List.of(terms), 0);
  }

  @Test
  void rank_dropsSelfCopiesAndOwnStory() {
    var picks =
        ranker.rank(
            SUBJECT,
            List.of(
                c("a", 10, "story-a", "a", "s1", T0, "x"),
                c("copy", 9.5, "story-z", "a", "s2", T0, "x"),
                c("same-story", 9, "story-a", "same-story", "s3", T0, "y"),
                c("other", 5, "story-b", "other", "s4", T0, "z")),
            List.of());
    assertThat(picks).extracting(p -> p.candidate().id()).containsExactly("other");
  }

  @Test
  void storySupport_liftsAStoryWhoseOtherReportsResembleTheArticle_overALookalike() {
    // A single article a little closer in words, and a story three of whose reports resemble the
    // article: with support the story's best report comes first, and only one of its reports.
    List<Candidate> cands =
        List.of(
            c("lookalike", 10, "story-l", "lookalike", "s1", T0, "l"),
            c("q1", 9, "story-q", "q1", "s2", T0, "q1"),
            c("q2", 7, "story-q", "q2", "s3", T0, "q2"),
            c("q3", 6, "story-q", "q3", "s4", T0, "q3"));
    var picks =
        new RelatedRanker(RelatedRanker.Settings.defaults().withK(2))
            .rank(SUBJECT, cands, List.of());
    assertThat(picks).extracting(p -> p.candidate().id()).containsExactly("q1", "lookalike");
    // 1 + 1.0 × (0.7 + 0.6) relative to the best candidate (10), and freshness (same day: 1.15)
    assertThat(picks.get(0).support()).isCloseTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(picks.get(0).score())
        .isCloseTo(0.9 * 2.3 * 1.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(picks.get(1).support()).isZero();

    var off =
        new RelatedRanker(RelatedRanker.Settings.defaults().withK(2).withStorySupport(0))
            .rank(SUBJECT, cands, List.of());
    assertThat(off).extracting(p -> p.candidate().id()).containsExactly("lookalike", "q1");
  }

  @Test
  void storySupport_countsCopiesOnce_andNeitherCopiesOfTheArticleNorReportsUnderTheFloor() {
    RelatedRanker r = new RelatedRanker(RelatedRanker.Settings.defaults().withK(2));
    // Three copies of one report (one duplicate group) vouch as one report: 0.8, not 2.4.
    var once =
        r.rank(
            SUBJECT,
            List.of(
                c("lookalike", 10, "story-l", "lookalike", "s1", T0, "l"),
                c("q1", 9, "story-q", "q1", "s2", T0, "q1"),
                c("q2", 8, "story-q", "q2", "s3", T0, "q2"),
                c("q2-copy", 8, "story-q", "q2", "s4", T0, "q2"),
                c("q2-copy2", 8, "story-q", "q2", "s5", T0, "q2")),
            List.of());
    assertThat(once).extracting(p -> p.candidate().id()).containsExactly("q1", "lookalike");
    assertThat(once.get(0).support()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    // A report's own copies do not vouch for it: q2 has q1 alone.
    var own =
        r.rank(
            SUBJECT,
            List.of(
                c("lookalike", 10, "story-l", "lookalike", "s1", T0, "l"),
                c("q1", 5.5, "story-q", "q1", "s2", T0, "q1"),
                c("q2", 8, "story-q", "q2", "s3", T0, "q2"),
                c("q2-copy", 8, "story-q", "q2", "s4", T0, "q2"),
                c("q2-copy2", 8, "story-q", "q2", "s5", T0, "q2")),
            List.of());
    assertThat(own).extracting(p -> p.candidate().id()).containsExactly("q2", "lookalike");
    assertThat(own.get(0).support()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
    // A copy of the article that the clustering put into another story is never listed and vouches
    // for nothing; nor does a report under the relevance floor (a fifth of the best).
    var ineligible =
        r.rank(
            SUBJECT,
            List.of(
                c("lookalike", 10, "story-l", "lookalike", "s1", T0, "l"),
                c("a-copy", 9, "story-q", "a", "s2", T0, "a"),
                c("q1", 9, "story-q", "q1", "s3", T0, "q1"),
                c("q-weak", 1, "story-q", "q-weak", "s4", T0, "q2")),
            List.of());
    assertThat(ineligible).extracting(p -> p.candidate().id()).containsExactly("lookalike", "q1");
    assertThat(ineligible.get(1).support()).isZero();
  }

  @Test
  void storySupport_doesNotLiftAWeakReportOfABigStoryOverACloseArticle() {
    List<Candidate> cands = new ArrayList<>();
    cands.add(c("close", 10, "story-c", "close", "s1", T0, "c"));
    cands.add(c("second", 7, "story-s", "second", "s2", T0, "s"));
    // A big story, each report loosely related: 0.3 × (1 + 0.295 + 0.29 + 0.285 + 0.28) = 0.645.
    for (int i = 0; i < 6; i++) {
      cands.add(c("big" + i, 3 - i * 0.05, "story-big", "big" + i, "b" + i, T0, "b" + i));
    }
    var picks =
        new RelatedRanker(RelatedRanker.Settings.defaults().withK(3))
            .rank(SUBJECT, cands, List.of());
    assertThat(picks)
        .extracting(p -> p.candidate().id())
        .containsExactly("close", "second", "big0");
  }

  @Test
  void rank_keepsOnePerStoryAndCapsSources() {
    List<Candidate> cands = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cands.add(c("b" + i, 10 - i * 0.1, "story-b", "b" + i, "s" + i, T0, "t" + i));
    }
    for (int i = 0; i < 6; i++) {
      cands.add(c("w" + i, 8 - i * 0.1, "story-w" + i, "w" + i, "wire", T0, "u" + i));
    }
    for (int i = 0; i < 5; i++) {
      cands.add(c("o" + i, 6 - i * 0.1, "story-o" + i, "o" + i, "own" + i, T0, "v" + i));
    }
    var picks = ranker.rank(SUBJECT, cands, List.of());
    assertThat(picks).hasSize(8);
    assertThat(picks.stream().filter(p -> "story-b".equals(p.candidate().storyId()))).hasSize(1);
    assertThat(picks.stream().filter(p -> p.candidate().sourceId().equals("wire"))).hasSize(3);
  }

  @Test
  void rank_sourceCapYields_whenTooFewPublishersWouldLeaveTheBlockShort() {
    List<Candidate> cands = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      cands.add(c("w" + i, 8 - i * 0.1, "story-w" + i, "w" + i, "wire", T0, "u" + i));
    }
    var picks = ranker.rank(SUBJECT, cands, List.of());
    assertThat(picks).hasSize(8);
    assertThat(picks).extracting(p -> p.candidate().id()).startsWith("w0", "w1", "w2");
    assertThat(picks).noneMatch(RelatedRanker.Pick::fallback);
  }

  @Test
  void freshness_neverOutranksAClearlyBetterMatch() {
    Instant old = T0.minusSeconds(86400L * 400);
    var picks =
        ranker.rank(
            SUBJECT,
            List.of(
                c("old-strong", 10, "s-o", "old-strong", "s1", old, "p"),
                c("fresh-weak", 6, "s-f", "fresh-weak", "s2", T0, "q")),
            List.of());
    assertThat(picks.get(0).candidate().id()).isEqualTo("old-strong");
    // but among near-equals the fresher one leads
    var close =
        ranker.rank(
            SUBJECT,
            List.of(
                c("old", 10, "s-o", "old", "s1", old, "p"),
                c("fresh", 9.6, "s-f", "fresh", "s2", T0, "q")),
            List.of());
    assertThat(close.get(0).candidate().id()).isEqualTo("fresh");
  }

  @Test
  void freshness_isZeroWithoutDates() {
    assertThat(ranker.freshness(null, T0)).isZero();
    assertThat(ranker.freshness(T0, null)).isZero();
    assertThat(ranker.freshness(T0, T0)).isEqualTo(0.15);
  }

  @Test
  void rank_fillsWithLabelledSectionStoriesWhenTooFewCandidates() {
    var picks =
        ranker.rank(
            SUBJECT,
            List.of(c("only", 3, "s-1", "only", "s1", T0, "x")),
            List.of(
                c("f1", 0, "s-f1", "f1", "s2", T0.minusSeconds(60)),
                c("f2", 0, "s-f2", "f2", "s3", T0.minusSeconds(30)),
                c("a", 0, "story-a", "a", "s4", T0)));
    assertThat(picks).extracting(p -> p.candidate().id()).containsExactly("only", "f2", "f1");
    assertThat(picks.get(1).fallback()).isTrue();
    assertThat(picks.get(1).reason()).isEqualTo("same section, fresh");
    assertThat(picks.get(0).reason()).isEqualTo("shared: x");
  }

  @Test
  void rank_diversifiesNearIdenticalTermSets() {
    var picks =
        new RelatedRanker(RelatedRanker.Settings.defaults().withK(2))
            .rank(
                SUBJECT,
                List.of(
                    c("p1", 10, "s1", "p1", "a", T0, "quake", "chile", "tsunami"),
                    c("p2", 9.9, "s2", "p2", "b", T0, "quake", "chile", "tsunami"),
                    c("p3", 9.0, "s3", "p3", "c", T0, "election", "chile")),
                List.of());
    assertThat(picks).extracting(p -> p.candidate().id()).containsExactly("p1", "p3");
  }

  @Test
  void redundancy_leavesOutASecondReportOfAListedEvent_butNotARelatedStory() {
    // The article: a quake in Qeshm. Two reports of another quake (Bushehr) that the story
    // clustering kept apart resemble each other more than the article; a related story (a relief
    // appeal for Qeshm) resembles the article as much as anything listed.
    TermHashes subject = TermHashes.of(Set.of("qeshm", "iran", "quake", "magnitude", "killed"));
    List<Candidate> cands =
        List.of(
            c(
                "bushehr-1",
                10,
                "story-b1",
                "bushehr-1",
                "s1",
                T0,
                "bushehr",
                "iran",
                "quake",
                "magnitude",
                "nuclear",
                "plant"),
            c(
                "bushehr-2",
                9,
                "story-b2",
                "bushehr-2",
                "s2",
                T0,
                "bushehr",
                "iran",
                "quake",
                "magnitude",
                "nuclear",
                "reactor"),
            c(
                "appeal", 6, "story-c", "appeal", "s3", T0, "qeshm", "iran", "relief", "appeal",
                "killed"));
    RelatedRanker r = new RelatedRanker(RelatedRanker.Settings.defaults().withK(3));
    java.util.function.Function<Candidate, TermHashes> hashes = x -> TermHashes.of(x.terms());

    var without = r.rank(SUBJECT, cands, List.of(), hashes, null);
    assertThat(without).extracting(p -> p.candidate().id()).contains("bushehr-1", "bushehr-2");

    var with =
        r.rank(SUBJECT, cands, List.of(), hashes, new RelatedRanker.Redundancy(subject, 0.8, 0.1));
    assertThat(with).extracting(p -> p.candidate().id()).containsExactly("bushehr-1", "appeal");
  }

  /** A unit vector at this angle (radians) from the first axis, in the plane of the first two. */
  private static float[] at(double angle) {
    return new float[] {(float) Math.cos(angle), (float) Math.sin(angle), 0};
  }

  @Test
  void redundancyByEmbedding_leavesOutACandidateMuchCloserToAListedItem_thanEitherIsToTheArticle() {
    // Nothing in common by terms: only the vectors can tell the second report.
    TermHashes subject = TermHashes.of(Set.of("a", "b", "c"));
    List<Candidate> cands =
        List.of(
            c("report-1", 10, "s1", "report-1", "src1", T0, "p"),
            c("report-2", 9, "s2", "report-2", "src2", T0, "q"),
            c("other", 8, "s3", "other", "src3", T0, "r"));
    // The article on the first axis; the two reports 0.8 rad away and 0.05 rad apart (cosine
    // 0.999 to each other, 0.70 to the article); the other item 0.8 rad away on the other side
    // (cosine 0.70 to the article, 0.03 to the reports).
    java.util.Map<String, float[]> v =
        java.util.Map.of("a", at(0), "report-1", at(0.8), "report-2", at(0.85), "other", at(-0.8));
    RelatedRanker r = new RelatedRanker(RelatedRanker.Settings.defaults().withK(3));
    java.util.function.Function<Candidate, TermHashes> hashes = x -> TermHashes.of(x.terms());

    var withoutVectors =
        r.rank(SUBJECT, cands, List.of(), hashes, new RelatedRanker.Redundancy(subject, 0.8, 0.1));
    var withVectors =
        r.rank(
            SUBJECT,
            cands,
            List.of(),
            hashes,
            new RelatedRanker.Redundancy(subject, 0.8, 0.1, 0.1, 0, v::get, v.get("a"), 0.05));

    assertThat(withoutVectors)
        .extracting(p -> p.candidate().id())
        .containsExactly("report-1", "report-2", "other");
    assertThat(withVectors)
        .extracting(p -> p.candidate().id())
        .containsExactly("report-1", "other");
  }

  @Test
  void redundancy_yieldsToTheLabelledFill_notToASecondReport() {
    TermHashes subject = TermHashes.of(Set.of("a", "b", "c"));
    List<Candidate> cands =
        List.of(
            c("x1", 10, "sx1", "x1", "s1", T0, "a", "x", "y", "z"),
            c("x2", 9, "sx2", "x2", "s1", T0, "a", "x", "y", "w"));
    Candidate fresh =
        new Candidate("fresh", 0, "sf", "fresh", "s9", "World", T0, Set.of(), List.of(), 0);
    var picks =
        new RelatedRanker(RelatedRanker.Settings.defaults().withK(2))
            .rank(
                SUBJECT,
                cands,
                List.of(fresh),
                x -> TermHashes.of(x.terms()),
                new RelatedRanker.Redundancy(subject, 0.8, 0.1));
    assertThat(picks).extracting(p -> p.candidate().id()).containsExactly("x1", "fresh");
    assertThat(picks.get(1).fallback()).isTrue();
  }

  @Test
  void redundancy_aSecondReportLeftOutIsNotBroughtBackAsFill_unlessNothingElseIsLeft() {
    TermHashes subject = TermHashes.of(Set.of("a", "b", "c"));
    Candidate first = c("x1", 10, "sx1", "x1", "s1", T0, "a", "x", "y", "z");
    Candidate second = c("x2", 9, "sx2", "x2", "s2", T0, "a", "x", "y", "w");
    Candidate fresh =
        new Candidate("fresh", 0, "sf", "fresh", "s9", "World", T0, Set.of(), List.of(), 0);
    Candidate older =
        new Candidate(
            "older",
            0,
            "so",
            "older",
            "s8",
            "World",
            T0.minus(java.time.Duration.ofDays(2)),
            Set.of(),
            List.of(),
            0);
    // The section's freshest articles are often the second reports of a breaking event: here the
    // fallback holds the left-out report itself, as its freshest article.
    List<Candidate> fallback = List.of(second, fresh, older);
    java.util.function.Function<Candidate, TermHashes> hashes = x -> TermHashes.of(x.terms());
    RelatedRanker.Redundancy rule = new RelatedRanker.Redundancy(subject, 0.8, 0.1);

    var picks =
        new RelatedRanker(RelatedRanker.Settings.defaults().withK(3))
            .rank(SUBJECT, List.of(first, second), fallback, hashes, rule);
    assertThat(idsOf(picks)).containsExactly("x1", "fresh", "older");

    // With nothing else left, a full block wins: the left-out report comes last.
    var more =
        new RelatedRanker(RelatedRanker.Settings.defaults().withK(4))
            .rank(SUBJECT, List.of(first, second), fallback, hashes, rule);
    assertThat(idsOf(more)).containsExactly("x1", "fresh", "older", "x2");
    assertThat(more.get(3).fallback()).isTrue();

    // Without the redundancy rule the second report is listed, as a relevant item.
    var plain =
        new RelatedRanker(RelatedRanker.Settings.defaults().withK(3))
            .rank(SUBJECT, List.of(first, second), fallback, hashes, null);
    assertThat(idsOf(plain)).containsExactly("x1", "x2", "fresh");
  }

  private static List<String> idsOf(List<RelatedRanker.Pick> picks) {
    return picks.stream().map(p -> p.candidate().id()).toList();
  }

  /** A far floor no pair here reaches, and a near floor of 0.1 within three days. */
  private static RelatedRanker.Redundancy nearOnly(TermHashes subject) {
    return new RelatedRanker.Redundancy(subject, 0.8, 0.9, 0.1, 72 * 3600L);
  }

  /**
   * One of two reports of a mine disaster for the near-floor test: they share "tarn" and "colliery"
   * and six words of their own each (Jaccard 0.14), and nothing with the article.
   */
  private static Candidate mineReport(int n, @Nullable Instant published) {
    String own = n == 1 ? "a" : "b";
    return c(
        "mine-" + n,
        n == 1 ? 10 : 9,
        "st-" + n,
        "mine-" + n,
        "s" + n,
        published,
        "tarn",
        "colliery",
        own + 1,
        own + 2,
        own + 3,
        own + 4,
        own + 5,
        own + 6);
  }

  @Test
  void redundancy_nearFloor_dropsASecondReportPublishedWithinDays_butNotOneWeeksApart() {
    TermHashes subject = TermHashes.of(Set.of("budget", "vote", "senate", "delay"));
    Instant dayLater = T0.plus(java.time.Duration.ofDays(1));
    Instant monthLater = T0.plus(java.time.Duration.ofDays(30));
    java.util.function.Function<Candidate, TermHashes> hashes = x -> TermHashes.of(x.terms());
    RelatedRanker r = new RelatedRanker(RelatedRanker.Settings.defaults().withK(3));
    // Two reports sharing two names of fourteen (Jaccard 0.14) and nothing with the article.
    List<Candidate> close =
        List.of(
            mineReport(1, T0),
            mineReport(2, dayLater),
            c("other", 5, "st-3", "other", "s3", T0, "harbour", "ferry"));
    assertThat(idsOf(r.rank(SUBJECT, close, List.of(), hashes, nearOnly(subject))))
        .containsExactly("mine-1", "other");
    // Without the near floor (both floors 0.9) the second report stays.
    assertThat(
            idsOf(
                r.rank(
                    SUBJECT,
                    close,
                    List.of(),
                    hashes,
                    new RelatedRanker.Redundancy(subject, 0.8, 0.9))))
        .contains("mine-1", "mine-2");
    // A month apart they are a series, not one event: the near floor does not apply.
    List<Candidate> apart = List.of(close.get(0), mineReport(2, monthLater), close.get(2));
    assertThat(idsOf(r.rank(SUBJECT, apart, List.of(), hashes, nearOnly(subject))))
        .contains("mine-1", "mine-2");
    // Undated items may be one event.
    List<Candidate> undated = List.of(mineReport(1, null), mineReport(2, null), close.get(2));
    assertThat(idsOf(r.rank(SUBJECT, undated, List.of(), hashes, nearOnly(subject))))
        .containsExactly("mine-1", "other");
  }

  @Test
  void redundancy_nearFloor_aListedItemCloserToTheArticle_doesNotDriveOutTheRelatedEvent() {
    // The listed item overlaps the article (0.5) more than the candidate overlaps it (0.14): an
    // item of the article's own event the clustering kept apart, and the related event's report.
    TermHashes subject =
        TermHashes.of(Set.of("tarn", "colliery", "flood", "rescue", "miners", "pump"));
    java.util.function.Function<Candidate, TermHashes> hashes = x -> TermHashes.of(x.terms());
    RelatedRanker r = new RelatedRanker(RelatedRanker.Settings.defaults().withK(3));
    List<Candidate> cands =
        List.of(
            c(
                "own",
                10,
                "st-1",
                "own",
                "s1",
                T0,
                "tarn",
                "colliery",
                "flood",
                "rescue",
                "miners",
                "crew"),
            c(
                "blast",
                9,
                "st-2",
                "blast",
                "s2",
                T0,
                "tarn",
                "colliery",
                "blast",
                "gas",
                "inquiry",
                "b1",
                "b2",
                "b3"),
            c("other", 5, "st-3", "other", "s3", T0, "harbour", "ferry"));
    assertThat(idsOf(r.rank(SUBJECT, cands, List.of(), hashes, nearOnly(subject))))
        .containsExactly("own", "blast", "other");
  }
}
