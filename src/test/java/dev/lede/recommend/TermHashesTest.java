package dev.lede.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class TermHashesTest {
  /** The overlap of two string sets counted on the strings themselves. */
  private static int commonOfStrings(Set<String> a, Set<String> b) {
    int n = 0;
    for (String t : a) {
      if (b.contains(t)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void commonAndJaccard_equalThoseOfTheStringSets_onRandomSetsOfSimilarWords() {
    // Words that differ in one character, in case, or by a suffix: where a weak hash collides.
    List<String> vocabulary = new ArrayList<>();
    for (String stem : List.of("kursk", "korea", "north korea", "2,500", "chile", "santiago")) {
      vocabulary.add(stem);
      vocabulary.add(stem + "s");
      vocabulary.add(stem.toUpperCase(java.util.Locale.ROOT));
      vocabulary.add(stem.substring(1));
      vocabulary.add("é" + stem);
    }
    for (int i = 0; i < 200; i++) {
      vocabulary.add("w" + i);
    }
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
    for (int trial = 0; trial < 2_000; trial++) {
      Set<String> a = new HashSet<>();
      Set<String> b = new HashSet<>();
      int na = random.nextInt(0, 30);
      int nb = random.nextInt(0, 30);
      for (int i = 0; i < na; i++) {
        a.add(vocabulary.get(random.nextInt(vocabulary.size() / 4)));
      }
      for (int i = 0; i < nb; i++) {
        b.add(vocabulary.get(random.nextInt(vocabulary.size() / 4)));
      }
      TermHashes ha = TermHashes.of(a);
      TermHashes hb = TermHashes.of(b);
      int common = commonOfStrings(a, b);

      assertThat(ha.size()).isEqualTo(a.size());
      assertThat(ha.common(hb)).isEqualTo(common).isEqualTo(hb.common(ha));
      double jaccard =
          a.isEmpty() || b.isEmpty() ? 0 : (double) common / (a.size() + b.size() - common);
      assertThat(ha.jaccard(hb)).isEqualTo(jaccard);
    }
  }

  @Test
  void of_countsARepeatedStringOnce_andTheEmptySetOverlapsNothing() {
    TermHashes a = TermHashes.of(List.of("kursk", "kursk", "korea"));

    assertThat(a.size()).isEqualTo(2);
    assertThat(a).isEqualTo(TermHashes.of(Set.of("korea", "kursk")));
    assertThat(a.jaccard(TermHashes.of(List.of("korea", "kursk")))).isEqualTo(1.0);
    assertThat(a.jaccard(TermHashes.EMPTY)).isZero();
    assertThat(TermHashes.EMPTY.jaccard(TermHashes.EMPTY)).isZero();
    assertThat(a.common(TermHashes.of(List.of("kursk", "chile")))).isEqualTo(1);
  }

  @Test
  void hash_ofDistinctShortStrings_doesNotCollide() {
    Set<Long> seen = new HashSet<>();
    int n = 0;
    for (char x = 'a'; x <= 'z'; x++) {
      for (char y = 'a'; y <= 'z'; y++) {
        for (int i = 0; i < 100; i++) {
          seen.add(TermHashes.hash("" + x + y + i));
          n++;
        }
      }
    }
    assertThat(seen).hasSize(n);
  }

  @Test
  void union_holdsEachElementOfEverySetOnce() {
    TermHashes u =
        TermHashes.union(
            List.of(
                TermHashes.of(List.of("kursk", "ukraine")),
                TermHashes.of(List.of("ukraine", "chile")),
                TermHashes.EMPTY));
    assertThat(u.size()).isEqualTo(3);
    assertThat(u.common(TermHashes.of(List.of("kursk", "chile", "peru")))).isEqualTo(2);
    assertThat(TermHashes.union(List.of()).size()).isZero();
  }
}
