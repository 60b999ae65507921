package dev.lede.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimHashTest {
  private static final Fingerprinter FP = new Fingerprinter(8, 40);

  private static long simhash(String... paragraphs) {
    return FP.sketch(new CleanText("t", List.of(paragraphs)), 0, false, false, "s").simhash();
  }

  @Test
  void identicalTexts_distanceZero_reorderedParagraphsToo() {
    Article2 a = Article2.of();
    assertThat(SimHash.distance(simhash(a.p1, a.p2, a.p3), simhash(a.p1, a.p2, a.p3))).isZero();
    assertThat(SimHash.distance(simhash(a.p1, a.p2, a.p3), simhash(a.p3, a.p1, a.p2))).isZero();
  }

  @Test
  void smallEdit_smallDistance_unrelatedText_aboutHalfTheBits() {
    List<String> paras = new ArrayList<>();
    Fixtures.file("wire-original").blocks().forEach(b -> paras.add(b.text()));
    long base = simhash(paras.toArray(String[]::new));
    paras.set(3, paras.get(3).replace("the only thing", "the one thing"));
    long edited = simhash(paras.toArray(String[]::new));
    long unrelated =
        simhash(
            "The orchestra opened its winter season with a programme of Nordic composers and a new"
                + " cello concerto written for its principal player, who received a long ovation.",
            "Tickets for the remaining concerts are on sale at the box office and online, and"
                + " students can buy them at half price on the evening of each performance.");
    assertThat(SimHash.distance(base, edited)).isLessThanOrEqualTo(PermutedTables.MAX_DISTANCE);
    assertThat(SimHash.distance(base, unrelated)).isBetween(16, 48);
  }

  @Test
  void of_weightsDecideEachBit() {
    long[] features = {0b0011L, 0b0101L};
    // the heavier feature wins every bit where the two disagree; bits set in both stay set
    assertThat(SimHash.of(features, new double[] {2, 1}, 2) & 0b1111L).isEqualTo(0b0011L);
    assertThat(SimHash.of(features, new double[] {1, 2}, 2) & 0b1111L).isEqualTo(0b0101L);
    assertThat(SimHash.of(new long[0], new double[0], 0)).isZero();
  }

  /** Three paragraphs written for this test. */
  record Article2(String p1, String p2, String p3) {
    static Article2 of() {
      List<String> p = new ArrayList<>();
      p.add(
          "The town council of Brakemoor voted on Monday to close the old swimming baths on"
              + " Station Road after engineers found cracks in the roof beams above the main pool.");
      p.add(
          "Councillors said the building would stay shut until a full survey was finished, and that"
              + " school swimming lessons would move to the leisure centre in Hallow Cross.");
      p.add(
          "A public meeting about the future of the baths is planned for Thursday evening in the"
              + " library, where residents can see the engineers' report and ask questions.");
      return new Article2(p.get(0), p.get(1), p.get(2));
    }
  }
}
