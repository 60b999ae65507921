package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.TeaserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventGateTest {
  static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  final EventGate gate = new EventGate(now::get, Duration.ofMinutes(30), 5, 1000);

  TeaserEvent click(String visitor) {
    return new TeaserEvent(TeaserEvent.Type.CLICK, "a1", "a2", 0, "v1", visitor, now.get());
  }

  @Test
  void admit_dropsRepeatedClicksOfOneVisitorWithinTheWindow() {
    assertThat(gate.admit(click("x"), BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
    assertThat(gate.admit(click("x"), BROWSER)).isEqualTo(EventGate.Decision.DUPLICATE);
    assertThat(gate.admit(click("y"), BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
    now.set(now.get().plus(Duration.ofMinutes(31)));
    assertThat(gate.admit(click("x"), BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
  }

  @Test
  void admit_doesNotCountBots() {
    assertThat(gate.admit(click("x"), "Googlebot/2.1 (+http://www.google.com/bot.html)"))
        .isEqualTo(EventGate.Decision.BOT);
    assertThat(gate.admit(click("x"), "curl/8.5.0")).isEqualTo(EventGate.Decision.BOT);
    assertThat(gate.admit(click("x"), null)).isEqualTo(EventGate.Decision.BOT);
    assertThat(gate.admit(click("x"), BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
  }

  @Test
  void admit_rateLimitsAVisitor() {
    for (int i = 0; i < 5; i++) {
      TeaserEvent e =
          new TeaserEvent(TeaserEvent.Type.IMPRESSION, "a" + i, null, 0, null, "x", now.get());
      assertThat(gate.admit(e, BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
    }
    TeaserEvent sixth =
        new TeaserEvent(TeaserEvent.Type.IMPRESSION, "a9", null, 0, null, "x", now.get());
    assertThat(gate.admit(sixth, BROWSER)).isEqualTo(EventGate.Decision.RATE_LIMITED);
    now.set(now.get().plusSeconds(61));
    assertThat(gate.admit(sixth, BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
  }

  @Test
  void sawImpression_onlyForTheVisitorsCountedImpressionOfTheSameTeaser_withinTheWindow() {
    TeaserEvent seen =
        new TeaserEvent(TeaserEvent.Type.IMPRESSION, "a1", "a2", 0, "v1", "x", now.get());
    assertThat(gate.sawImpression(click("x"))).isFalse();
    assertThat(gate.admit(seen, "curl/8.5.0")).isEqualTo(EventGate.Decision.BOT);
    assertThat(gate.sawImpression(click("x"))).isFalse(); // a bot's impression is not remembered
    assertThat(gate.admit(seen, BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
    assertThat(gate.sawImpression(click("x"))).isTrue();
    assertThat(gate.sawImpression(click("y"))).isFalse(); // another visitor
    assertThat(gate.sawImpression(click(null))).isFalse();
    TeaserEvent otherVariant =
        new TeaserEvent(TeaserEvent.Type.CLICK, "a1", "a2", 0, null, "x", now.get());
    assertThat(gate.sawImpression(otherVariant)).isFalse();
    now.set(now.get().plus(Duration.ofMinutes(31)));
    assertThat(gate.sawImpression(click("x"))).isFalse();
  }

  @Test
  void admit_countsEventsWithoutVisitorId() {
    assertThat(gate.admit(click(null), BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
    assertThat(gate.admit(click(null), BROWSER)).isEqualTo(EventGate.Decision.COUNTED);
  }

  @Test
  void position_isStablePerVisitorAndTestAndSpreadsUniformly() {
    assertThat(VisitorAssignment.position("v", "t"))
        .isEqualTo(VisitorAssignment.position("v", "t"));
    assertThat(VisitorAssignment.position("v", "t"))
        .isNotEqualTo(VisitorAssignment.position("v", "u"));
    SplittableRandom rng = new SplittableRandom(5);
    int[] quartiles = new int[4];
    for (int i = 0; i < 8000; i++) {
      double p = VisitorAssignment.position(VisitorAssignment.newVisitorId(rng), "test");
      assertThat(p).isBetween(0.0, 1.0);
      quartiles[(int) (p * 4)]++;
    }
    for (int q : quartiles) {
      assertThat(q).isBetween(1800, 2200);
    }
  }
}
