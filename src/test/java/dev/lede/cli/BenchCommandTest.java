package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.Lede;
import dev.lede.model.ArticleJson;
import dev.lede.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede bench ingest|search} in a short form: the figures are there and add up. */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void ingestWithoutDedup_thenSearch_reportStoreAndIndexAloneAndLatencyPerKind() throws Exception {
    Path corpus = SharedData.require("data/wikinews/articles.jsonl");
    Path data = dir.resolve("data");

    StoreCommandsTest.Run ingest = ingestWithoutDedup(data, corpus, 60, 20, 25);
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    JsonNode i = ArticleJson.mapper().readTree(ingest.out());
    assertThat(i.get("articles").asLong()).isEqualTo(80); // the warm-up articles are stored too
    assertThat(i.get("indexed").asLong()).isEqualTo(80);
    assertThat(i.get("dedup").asBoolean()).isFalse();
    assertThat(i.get("measured").asText()).contains("store + index alone");
    assertThat(i.get("cpuMsPerArticle").asDouble()).isPositive();
    assertThat(i.get("bytesPerArticle").asLong())
        .isEqualTo(
            Math.round(
                (i.get("storeBytes").asDouble() + i.get("indexBytes").asDouble())
                    / i.get("articles").asDouble()));

    StoreCommandsTest.Run search =
        StoreCommandsTest.lede(
            "bench",
            "search",
            "--data",
            data.toString(),
            "--corpus",
            corpus.toString(),
            "--queries",
            "70",
            "--warmup",
            "7",
            "--no-dedup");
    assertThat(search.exit()).as(search.err()).isZero();
    JsonNode s = ArticleJson.mapper().readTree(search.out());
    assertThat(s.get("articles").asLong()).isEqualTo(80);
    for (String mode : new String[] {"withSnippets", "withoutSnippets"}) {
      JsonNode m = s.get(mode);
      assertThat(m.get("n").asInt()).isEqualTo(70);
      assertThat(m.get("p50Ms").asDouble()).isLessThanOrEqualTo(m.get("p99Ms").asDouble());
      assertThat(m.get("cpu").get("p99Ms").asDouble()).isPositive();
      assertThat(m.get("byKind").size()).isEqualTo(BenchCommand.Search.Kind.values().length);
      assertThat(m.get("meanHits").asDouble()).isPositive();
    }
    assertThat(search.err()).contains("bench search (with snippets)");
  }

  @Test
  void related_storeAndIndexOnly_rebuildsAnIndexOfAnotherLayout_ratherThanMeasuringNothing()
      throws Exception {
    Path corpus = SharedData.require("data/wikinews/articles.jsonl");
    Path data = dir.resolve("data");
    StoreCommandsTest.Run ingest = ingestWithoutDedup(data, corpus, 60, 0, 30);
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    // Mark the index as written by an older layout, as a folder made before a layout change is.
    try (Directory d = FSDirectory.open(data.resolve(Lede.INDEX_DIR));
        IndexWriter w =
            new IndexWriter(
                d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(Map.of("lede.layout", "0").entrySet());
      w.commit();
    }

    StoreCommandsTest.Run related =
        StoreCommandsTest.lede(
            "bench",
            "related",
            "--data",
            data.toString(),
            "--store-and-index-only",
            "--samples",
            "10",
            "--warmup",
            "2");
    assertThat(related.exit()).as(related.err()).isZero();
    assertThat(related.err()).contains("rebuilding it from the store");
    JsonNode r = ArticleJson.mapper().readTree(related.out());
    assertThat(r.get("articles").asLong()).isEqualTo(60);
    // Over an empty index every list would be empty.
    assertThat(r.get("meanItems").asDouble()).isPositive();
    // The same lists computed again (from kept queries and floor hints) are the same lists.
    assertThat(r.get("recomputed").get("p50Ms").asDouble()).isPositive();
    assertThat(r.get("recomputedThreadCpu").get("p99Ms").asDouble()).isPositive();
    assertThat(r.get("recomputedDiffering").asLong()).isZero();
  }

  @Test
  void related_withStandInVectors_preparesAVectorForEveryArticle_andRanksWithThem()
      throws Exception {
    Path corpus = SharedData.require("data/wikinews/articles.jsonl");
    Path data = dir.resolve("data");
    StoreCommandsTest.Run ingest = ingestWithoutDedup(data, corpus, 60, 0, 30);
    assertThat(ingest.exit()).as(ingest.err()).isZero();

    StoreCommandsTest.Run alone =
        StoreCommandsTest.lede("bench", "related", "--data", data.toString(), "--stand-in-vectors");
    assertThat(alone.exit()).isNotZero();
    assertThat(alone.err()).contains("--stand-in-vectors goes with --embeddings");
    StoreCommandsTest.Run withLede =
        StoreCommandsTest.lede(
            "bench", "related", "--data", data.toString(), "--embeddings", "--stand-in-vectors");
    assertThat(withLede.exit()).isNotZero();
    assertThat(withLede.err()).contains("--stand-in-vectors goes with --store-and-index-only");
    Path db = data.resolve("related.db");
    byte[] before = java.nio.file.Files.exists(db) ? java.nio.file.Files.readAllBytes(db) : null;

    StoreCommandsTest.Run related =
        StoreCommandsTest.lede(
            "bench",
            "related",
            "--data",
            data.toString(),
            "--store-and-index-only",
            "--prepare",
            "--embeddings",
            "--stand-in-vectors",
            "--samples",
            "10",
            "--warmup",
            "2");
    assertThat(related.exit()).as(related.err()).isZero();
    JsonNode r = ArticleJson.mapper().readTree(related.out());
    // Every article got its profile, query and vector made (none was prepared before).
    assertThat(r.get("prepareThreadCpu").get("made").asLong()).isEqualTo(60);
    assertThat(r.get("meanItems").asDouble()).isPositive();
    // ... in a copy: the folder's own lists and profiles never hold stand-in vectors.
    byte[] after = java.nio.file.Files.exists(db) ? java.nio.file.Files.readAllBytes(db) : null;
    assertThat(after).isEqualTo(before);
  }

  @Test
  void standInStories_groupConsecutiveSyntheticIds_andLeaveOtherIdsAlone() {
    assertThat(BenchRelatedCommand.standInStory("syn-1", 6)).isEqualTo("syn-#0");
    assertThat(BenchRelatedCommand.standInStory("syn-6", 6)).isEqualTo("syn-#0");
    assertThat(BenchRelatedCommand.standInStory("syn-7", 6)).isEqualTo("syn-#1");
    assertThat(BenchRelatedCommand.standInMembers("syn-8", 6, 16))
        .containsExactly("syn-12", "syn-11", "syn-10", "syn-9", "syn-7");
    assertThat(BenchRelatedCommand.standInMembers("syn-8", 6, 2))
        .containsExactly("syn-12", "syn-11");
    // Off, or ids that are not a word, a hyphen and a number: no story.
    assertThat(BenchRelatedCommand.standInStory("syn-7", 0)).isNull();
    for (String id : List.of("wn-9275b9c0a846", "syn-07", "syn-", "-12", "syn-1-copy", "12")) {
      assertThat(BenchRelatedCommand.standInStory(id, 6)).as(id).isNull();
      assertThat(BenchRelatedCommand.standInMembers(id, 6, 16)).as(id).isEmpty();
    }
  }

  @Test
  void standInVectors_areUnitLength_deterministic_andCloserForTextsSharingWords() {
    var e = new BenchRelatedCommand.StandInEmbedder();
    float[] a = e.embed("Earthquake shakes Mexico City; rescuers search collapsed buildings");
    float[] b = e.embed("Rescuers search collapsed buildings after earthquake in Mexico");
    float[] c = e.embed("Parliament passes the budget after a long night of votes");
    assertThat(a)
        .hasSize(e.dimensions())
        .containsExactly(
            e.embed(
                new String("Earthquake shakes Mexico City; rescuers search collapsed buildings")));
    assertThat(dev.lede.index.Embedder.cosine(a, a))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(dev.lede.index.Embedder.cosine(a, b))
        .isGreaterThan(0.5)
        .isGreaterThan(dev.lede.index.Embedder.cosine(a, c) + 0.3);
    assertThat(e.embed("").length).isEqualTo(e.dimensions());
  }

  /** {@code lede bench ingest --no-dedup} of {@code count} corpus articles into {@code data}. */
  private static StoreCommandsTest.Run ingestWithoutDedup(
      Path data, Path corpus, int count, int warmup, int batch) throws Exception {
    return StoreCommandsTest.lede(
        "bench",
        "ingest",
        "--data",
        data.toString(),
        "--corpus",
        corpus.toString(),
        "--count",
        String.valueOf(count),
        "--warmup",
        String.valueOf(warmup),
        "--batch",
        String.valueOf(batch),
        "--no-dedup");
  }
}
