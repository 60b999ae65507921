package dev.lede.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import org.junit.jupiter.api.Test;

/** Hand-written pairs (src/test/resources/dedup): what is a copy and what is not. */
class VerifierTest {
  private static final DedupConfig.Duplicates CFG = DedupConfig.defaults().duplicates();
  private static final Fingerprinter FP =
      new Fingerprinter(CFG.minExactTokens(), CFG.minNearTokens());
  private static final Verifier VERIFIER = new Verifier(CFG.threshold(), CFG.minLengthRatio());

  private static Sketch sketch(Article a) {
    return FP.sketch(CleanText.of(a), 0, false, false, "s");
  }

  private static Verifier.Verdict verify(String a, String b) {
    return VERIFIER.verify(sketch(Fixtures.file(a)), sketch(Fixtures.file(b)));
  }

  @Test
  void farmCopy_withNewHeadlineReorderTyposBoilerplateAndTrim_isADuplicate() {
    Verifier.Verdict v = verify("wire-original", "wire-farm-copy");
    assertThat(v.duplicate()).as(v.toString()).isTrue();
    assertThat(v.sentenceShare()).isGreaterThan(0.9);
  }

  @Test
  void ownWritingOfTheSameEvent_isNotADuplicate() {
    Verifier.Verdict v = verify("wire-original", "wire-own-writing");
    assertThat(v.duplicate()).as(v.toString()).isFalse();
    assertThat(v.sentenceShare()).isLessThan(0.2);
  }

  @Test
  void templatedInterviewsOfDifferentPeople_areNotDuplicates() {
    Verifier.Verdict v = verify("template-a", "template-b");
    assertThat(v.duplicate()).as(v.toString()).isFalse();
    assertThat(v.names()).isLessThan(0.3);
  }

  @Test
  void twoParagraphsQuotedInALongFeature_areNotACopyOfIt() {
    Article wire = Fixtures.file("wire-original");
    java.util.List<String> feature = new java.util.ArrayList<>();
    for (String name : java.util.List.of("template-a", "wire-own-writing", "template-b")) {
      Fixtures.file(name).blocks().forEach(b -> feature.add(b.text()));
    }
    feature.add(3, wire.blocks().get(0).text());
    feature.add(4, wire.blocks().get(1).text());
    Article excerpt =
        Fixtures.article(
            "x",
            "Port Elden flood",
            java.util.List.of(wire.blocks().get(0).text(), wire.blocks().get(1).text()));
    Verifier.Verdict v =
        VERIFIER.verify(sketch(Fixtures.article("f", "Feature", feature)), sketch(excerpt));
    assertThat(v.sentenceShare()).isEqualTo(1.0);
    assertThat(v.lengthRatio()).isLessThan(CFG.minLengthRatio());
    assertThat(v.duplicate()).isFalse();
    // the same two paragraphs against the wire story itself: a trimmed copy
    assertThat(VERIFIER.verify(sketch(wire), sketch(excerpt)).duplicate()).isTrue();
  }

  @Test
  void headlineOnlyAndOneLineArticles_areNeverNearDuplicates() {
    Article headline =
        Fixtures.article("h", "Storm floods Port Elden harbour", java.util.List.of());
    Article line =
        Fixtures.article("l", "Storm", java.util.List.of("The storm flooded the harbour."));
    Sketch h = sketch(headline);
    Sketch l = sketch(line);
    assertThat(h.exact()).isZero();
    assertThat(l.exact()).isZero();
    assertThat(VERIFIER.verify(h, sketch(Fixtures.file("wire-original"))).duplicate()).isFalse();
    assertThat(VERIFIER.verify(h, h).duplicate()).isFalse();
  }
}
