package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.index.Embedder;
import dev.lede.model.Article;
import dev.lede.recommend.Related;
import dev.lede.recommend.RelatedList;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related lists ranked with sentence embeddings, on a real data folder. */
class LedeRelatedEmbeddingsTest {
  @TempDir Path dir;
  Lede lede;
  List<Article> corpus;

  @BeforeEach
  void open() throws IOException {
    lede = Lede.open(dir, Lede.Options.defaults().withFsyncEachCommit(false));
    corpus = LedeRelatedTest.corpus();
    for (Article a : corpus) {
      lede.submit(a, LedeRelatedTest.sourceOf(a));
    }
    lede.refresh();
  }

  @AfterEach
  void close() {
    lede.close();
  }

  /**
   * Vectors chosen by the test: every article its own direction, except the two headlines given,
   * which share one. Counts the texts it embeds.
   */
  static final class Chosen implements Embedder {
    final String a;
    final String b;
    final AtomicInteger calls = new AtomicInteger();

    Chosen(String a, String b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public float[] embed(String text) {
      calls.incrementAndGet();
      float[] v = new float[64];
      String head = text.substring(0, Math.max(0, text.indexOf(".\n")));
      int axis = head.equals(a) || head.equals(b) ? 0 : 1 + Math.floorMod(head.hashCode(), 63);
      v[axis] = 1;
      return v;
    }

    @Override
    public int dimensions() {
      return 64;
    }

    @Override
    public String model() {
      return "chosen";
    }
  }

  private static List<String> ids(RelatedList l) {
    return l.items().stream().filter(i -> !i.fallback()).map(RelatedList.Item::id).toList();
  }

  private static String title(List<Article> corpus, String id) {
    return corpus.stream().filter(x -> id.equals(x.id())).findFirst().orElseThrow().title();
  }

  /** The article's list ranked by words and names alone, as ids (fill left out). */
  private List<String> byWords(String id) {
    try (LedeRelated plain =
        LedeRelated.open(lede, Related.Settings.defaults(), InstantSource.system(), false)) {
      return ids(plain.related().compute(id, 8));
    }
  }

  /** A service over the folder's lists, with this embedder (null: words and names alone). */
  private Related related(RelatedListsDb db, @Nullable Embedder embedder) {
    return new Related(
        LedeRelated.dataOf(lede),
        db,
        Related.Settings.defaults(),
        InstantSource.system(),
        embedder);
  }

  private List<String> allIds() {
    return corpus.stream().map(Article::id).toList();
  }

  @Test
  void aCandidateTheEmbeddingsPutClosest_risesToTheTop_andSaysWhy() {
    List<String> byWords = byWords("nk-kursk");
    assertThat(byWords).hasSizeGreaterThan(1);
    String last = byWords.get(byWords.size() - 1);
    Chosen chosen = new Chosen(title(corpus, "nk-kursk"), title(corpus, last));

    try (RelatedListsDb db = RelatedListsDb.open(lede.dataDir())) {
      Related related = related(db, chosen);
      related.prepare(allIds());
      RelatedList withVectors = related.compute("nk-kursk", 8);

      assertThat(ids(withVectors).get(0)).isEqualTo(last);
      assertThat(withVectors.items().get(0).breakdown().embedding()).isGreaterThan(0.5);
      assertThat(withVectors.items().get(1).breakdown().embedding()).isZero();
    }
  }

  @Test
  void vectorsKeptWhileEmbeddingsWereOn_areNotUsedWithThemOff() {
    List<String> byWords = byWords("nk-kursk");
    Chosen chosen =
        new Chosen(title(corpus, "nk-kursk"), title(corpus, byWords.get(byWords.size() - 1)));
    List<String> all = allIds();
    try (RelatedListsDb db = RelatedListsDb.open(lede.dataDir())) {
      related(db, chosen).prepare(all);
    }

    try (RelatedListsDb db = RelatedListsDb.open(lede.dataDir())) {
      Related off = related(db, null);
      RelatedList after = off.compute("nk-kursk", 8);

      assertThat(ids(after)).isEqualTo(byWords);
      assertThat(after.items()).allSatisfy(i -> assertThat(i.breakdown().embedding()).isZero());
    }
  }

  @Test
  void switchingEmbeddingsOnOrOff_queuesTheStoredLists_andTheRefresherRanksThemAgain() {
    try (RelatedListsDb db = RelatedListsDb.open(lede.dataDir())) {
      Related words = related(db, null);
      assertThat(words.recordRanking()).isZero(); // a new folder: nothing stored, nothing queued
      List<String> stored = List.of("nk-kursk", "storm-bert", "wrexham");
      for (String id : stored) {
        db.put(words.compute(id, 8));
      }
      List<String> byWords = ids(db.get("nk-kursk").orElseThrow());
      String last = byWords.get(byWords.size() - 1);
      Chosen chosen = new Chosen(title(corpus, "nk-kursk"), title(corpus, last));

      Related withVectors = related(db, chosen);
      assertThat(withVectors.recordRanking()).isEqualTo(3);
      assertThat(db.pendingCount()).isEqualTo(3);
      // Until the refresher gets to it, the old list is served.
      assertThat(ids(withVectors.get("nk-kursk", 8))).isEqualTo(byWords);
      while (withVectors.refreshSome(16) > 0) {
        // drain
      }
      assertThat(db.pendingCount()).isZero();
      assertThat(ids(db.get("nk-kursk").orElseThrow()).get(0)).isEqualTo(last);
      assertThat(withVectors.recordRanking()).isZero(); // recorded: nothing to do again

      Related off = related(db, null);
      assertThat(off.storedListsRankedAlike()).isFalse();
      assertThat(withVectors.storedListsRankedAlike()).isTrue();
      assertThat(off.recordRanking()).isEqualTo(3);
      assertThat(off.storedListsRankedAlike()).isTrue();
    }
  }

  @Test
  void vectorsAreMadeOnArrival_keptWithTheProfiles_andNotMadeAgainAfterReopening() {
    Chosen chosen = new Chosen("", "");
    List<String> all = allIds();
    try (RelatedListsDb db = RelatedListsDb.open(lede.dataDir())) {
      Related related = related(db, chosen);
      related.prepare(all);
      assertThat(chosen.calls.get()).isEqualTo(all.size());
      Map<String, String> stored = db.profiles(all);
      assertThat(stored).hasSize(all.size());
      assertThat(stored.values()).allSatisfy(line -> assertThat(line).startsWith("p3"));
    }

    Chosen again = new Chosen("", "");
    try (RelatedListsDb db = RelatedListsDb.open(lede.dataDir())) {
      Related related = related(db, again);
      for (String id : all) {
        related.compute(id, 8);
      }
    }
    assertThat(again.calls.get()).isZero();
  }

  @Test
  void withTheBundledModel_theListIsFull_andItemsCarryAnEmbeddingPart() {
    try (LedeRelated service =
        LedeRelated.open(lede, Related.Settings.defaults(), InstantSource.system(), false, true)) {
      RelatedList l = service.related().get("nk-kursk", 8);

      assertThat(l.items()).hasSize(8);
      assertThat(ids(l)).doesNotContain("nk-kursk", "nk-kursk-copy");
      assertThat(l.items().stream().filter(i -> !i.fallback()))
          .anySatisfy(i -> assertThat(i.breakdown().embedding()).isGreaterThan(0));
      // A report of the same war ranks above the Christmas gifts.
      List<String> ids = l.items().stream().map(RelatedList.Item::id).toList();
      assertThat(ids).contains("nk-losses");
      if (ids.contains("gifts")) {
        assertThat(ids.indexOf("nk-losses")).isLessThan(ids.indexOf("gifts"));
      }
    }
  }
}
