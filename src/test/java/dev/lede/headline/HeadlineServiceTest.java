package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.model.Article;
import dev.lede.model.TeaserEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HeadlineServiceTest {
  static final String UA = EventGateTest.BROWSER;
  final Article article = FaithfulnessGuardTest.ARTICLE;
  final InMemoryHeadlineStore store = new InMemoryHeadlineStore();
  final SplittableRandom rng = new SplittableRandom(9);
  final HeadlineService service =
      new HeadlineService(
          store,
          id -> Optional.ofNullable(Map.of("t1", article).get(id)),
          new FaithfulnessGuard(),
          new ThompsonBandit.Config(200, Duration.ofMinutes(1), 0.05, 0.95, 500, 2000, 1),
          InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
          rng);

  @Test
  void addVariant_storesOnlyWhatTheGuardAccepts() {
    HeadlineService.AddResult bad =
        service.addVariant("t1", "Acme will close Springfield plant, lawmakers say", "editor");
    assertThat(bad.verdict().accepted()).isFalse();
    assertThat(bad.variant()).isNull();
    HeadlineService.AddResult good =
        service.addVariant("t1", "Acme may close Springfield plant, lawmakers say", "editor");
    assertThat(good.verdict().accepted()).isTrue();
    assertThat(service.variants("t1"))
        .extracting(HeadlineTest.Variant::text)
        .containsExactly("Acme may close Springfield plant, lawmakers say");
    assertThat(service.removeVariant("t1", good.variant().id())).isTrue();
    assertThat(service.variants("t1")).isEmpty();
  }

  @Test
  void assign_isStickyPerVisitorAndOriginalWithoutATest() {
    assertThat(service.assign("t1", "v1").headline()).isEqualTo(article.title());
    service.addVariant("t1", "Acme may close Springfield plant, lawmakers say", "editor");
    HeadlineService.Assignment first = service.assign("t1", "visitor-1");
    for (int i = 0; i < 20; i++) {
      assertThat(service.assign("t1", "visitor-1")).isEqualTo(first);
    }
    assertThat(first.bucket()).isBetween(0, ThompsonBandit.MAX_ARMS - 1);
  }

  @Test
  void assignBucket_isStablePerBucket_coversEveryArm_andFollowsAPromotion() {
    assertThat(service.testing("t1")).isFalse();
    assertThat(service.assignBucket("t1", 2, 4).variantId()).isEqualTo(HeadlineTest.ORIGINAL);
    String v =
        service
            .addVariant("t1", "Acme may close Springfield plant, lawmakers say", "editor")
            .variant()
            .id();
    assertThat(service.testing("t1")).isTrue();
    java.util.Set<String> arms = new java.util.HashSet<>();
    for (int b = 0; b < VisitorAssignment.BUCKETS; b++) {
      HeadlineService.Assignment a = service.assignBucket("t1", b, VisitorAssignment.BUCKETS);
      for (int i = 0; i < 5; i++) {
        assertThat(service.assignBucket("t1", b, VisitorAssignment.BUCKETS)).isEqualTo(a);
      }
      arms.add(a.variantId());
    }
    // Two arms at equal shares over four stratified buckets: two buckets each.
    assertThat(arms).containsExactlyInAnyOrder(HeadlineTest.ORIGINAL, v);
    assertThat(service.teaserHeadline("t1")).isEqualTo(article.title());
    service.promote("t1", v, false);
    assertThat(service.testing("t1")).isFalse();
    for (int b = 0; b < VisitorAssignment.BUCKETS; b++) {
      assertThat(service.assignBucket("t1", b, VisitorAssignment.BUCKETS).variantId()).isEqualTo(v);
    }
    // A promoted winner shows in teasers; the canonical headline stays until it is canonical.
    assertThat(service.teaserHeadline("t1"))
        .isEqualTo("Acme may close Springfield plant, lawmakers say");
    assertThat(service.canonicalHeadline("t1")).isEqualTo(article.title());
  }

  @Test
  void bucketPositions_areStratifiedWithAnOffsetPerTest() {
    double u = VisitorAssignment.bucketPosition(0, 4, "a") * 4;
    for (int b = 0; b < 4; b++) {
      assertThat(VisitorAssignment.bucketPosition(b, 4, "a"))
          .isCloseTo((b + u) / 4, org.assertj.core.data.Offset.offset(1e-12))
          .isGreaterThanOrEqualTo(0)
          .isLessThan(1);
    }
    assertThat(VisitorAssignment.bucketPosition(0, 4, "b"))
        .isNotEqualTo(VisitorAssignment.bucketPosition(0, 4, "a"));
    assertThatThrownBy(() -> VisitorAssignment.bucketPosition(4, 4, "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void record_declaresAWinnerButKeepsTheCanonicalHeadlineUntilAnEditorPromotes() {
    String v =
        service
            .addVariant("t1", "Acme may close Springfield plant, lawmakers say", "editor")
            .variant()
            .id();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0;
        i < 20_000 && store.test("t1").orElseThrow().status() == HeadlineTest.Status.RUNNING;
        i++) {
      HeadlineService.Assignment a = service.assign("t1", "u" + i);
      String variant = a.variantId().equals(HeadlineTest.ORIGINAL) ? null : a.variantId();
      service.record(
          new TeaserEvent(TeaserEvent.Type.IMPRESSION, "t1", "x", 0, variant, "u" + i, now), UA);
      double ctr = variant == null ? 0.02 : 0.06;
      if (rng.nextDouble() < ctr) {
        service.record(
            new TeaserEvent(TeaserEvent.Type.CLICK, "t1", "x", 0, variant, "u" + i, now), UA);
      }
    }
    HeadlineTest t = store.test("t1").orElseThrow();
    assertThat(t.status()).isEqualTo(HeadlineTest.Status.PROMOTED);
    assertThat(t.winner()).isEqualTo(v);
    assertThat(service.assign("t1", "anyone").variantId()).isEqualTo(v);
    assertThat(service.canonicalHeadline("t1")).isEqualTo(article.title());
    service.promote("t1", v, true);
    assertThat(service.canonicalHeadline("t1"))
        .isEqualTo("Acme may close Springfield plant, lawmakers say");
    TestReport r = service.report().get(0);
    assertThat(r.arms()).hasSize(2);
    assertThat(r.arms().get(1).probabilityBest()).isGreaterThan(0.95);
    assertThat(r.arms().get(1).low()).isLessThan(r.arms().get(1).ctr()).isGreaterThan(0.0);
  }

  @Test
  void record_ignoresBotsAndDuplicates() {
    service.addVariant("t1", "Acme may close Springfield plant, lawmakers say", "editor");
    Instant now = Instant.EPOCH;
    TeaserEvent e = new TeaserEvent(TeaserEvent.Type.IMPRESSION, "t1", null, 0, null, "u", now);
    assertThat(service.record(e, "Googlebot/2.1")).isEqualTo(EventGate.Decision.BOT);
    assertThat(service.record(e, UA)).isEqualTo(EventGate.Decision.COUNTED);
    assertThat(service.record(e, UA)).isEqualTo(EventGate.Decision.DUPLICATE);
    assertThat(store.counts("t1").get(HeadlineTest.ORIGINAL).impressions()).isEqualTo(1);
  }

  @Test
  void record_countsAClickTowardATest_onlyAfterItsVisitorsImpressionOfThatTeaser() {
    String v =
        service
            .addVariant("t1", "Acme may close Springfield plant, lawmakers say", "editor")
            .variant()
            .id();
    Instant now = Instant.EPOCH;
    // beacons alone: a click per fresh visitor id, none of them shown the teaser
    for (int i = 0; i < 300; i++) {
      TeaserEvent click = new TeaserEvent(TeaserEvent.Type.CLICK, "t1", "x", 0, v, "b" + i, now);
      assertThat(service.record(click, UA)).isEqualTo(EventGate.Decision.NO_IMPRESSION);
    }
    assertThat(store.counts("t1").getOrDefault(v, new HeadlineStore.Counts(0, 0)).clicks())
        .isZero();
    // a visitor shown the variant: the click counts
    service.record(new TeaserEvent(TeaserEvent.Type.IMPRESSION, "t1", "x", 0, v, "u", now), UA);
    assertThat(
            service.record(new TeaserEvent(TeaserEvent.Type.CLICK, "t1", "x", 0, v, "u", now), UA))
        .isEqualTo(EventGate.Decision.COUNTED);
    // ...but not a click on the original, which that visitor was not shown
    assertThat(
            service.record(
                new TeaserEvent(TeaserEvent.Type.CLICK, "t1", "x", 0, null, "u", now), UA))
        .isEqualTo(EventGate.Decision.NO_IMPRESSION);
    assertThat(store.counts("t1").get(v).clicks()).isEqualTo(1);
    assertThat(store.counts("t1").get(v).impressions()).isEqualTo(1);
    assertThat(store.test("t1").orElseThrow().status()).isEqualTo(HeadlineTest.Status.RUNNING);
    // with the visitor cookie switched off there is no visitor to tie a click to: it counts
    service.record(new TeaserEvent(TeaserEvent.Type.IMPRESSION, "t1", "x", 0, v, null, now), UA);
    assertThat(
            service.record(new TeaserEvent(TeaserEvent.Type.CLICK, "t1", "x", 0, v, null, now), UA))
        .isEqualTo(EventGate.Decision.COUNTED);
    assertThat(store.counts("t1").get(v).clicks()).isEqualTo(2);
  }

  @Test
  void addVariant_refusesMoreThanFourArms() {
    service.addVariant("t1", "Acme may close Springfield plant, lawmakers say", "editor");
    service.addVariant("t1", "Lawmakers: Acme could cut 1,200 jobs in Springfield", "editor");
    service.addVariant(
        "t1", "Could Acme close its Springfield plant? Lawmakers say it may", "editor");
    assertThatThrownBy(
            () ->
                service.addVariant(
                    "t1", "'We have made no decision,' says Acme chief Jane Doe", "editor"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at most 3");
  }

  @Test
  void chart_escapesTextAndDrawsEveryArm() {
    TestReport r =
        new TestReport(
            "a<1>",
            HeadlineTest.Status.RUNNING,
            null,
            false,
            java.util.List.of(
                new TestReport.Arm(
                    "original", "Tom & Jerry <script>", 1000, 20, 0.02, 0.012, 0.03, 0.3),
                new TestReport.Arm("v1", "\"Quoted\" 'one'", 1000, 30, 0.03, 0.02, 0.042, 0.7)));
    String svg = HeadlineChart.svg(r);
    assertThat(svg).startsWith("<svg").endsWith("</svg>");
    assertThat(svg).doesNotContain("<script>").contains("Tom &amp; Jerry &lt;script&gt;");
    assertThat(svg).contains("&quot;Quoted&quot; &#39;one&#39;").contains("a&lt;1&gt;");
    assertThat(svg.split("<circle", -1)).hasSize(3);
    assertThat(svg).contains(">70%<").contains(">30%<");
  }
}
