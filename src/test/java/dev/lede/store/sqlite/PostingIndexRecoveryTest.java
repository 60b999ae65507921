package dev.lede.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.dedup.ArticleRef;
import dev.lede.dedup.Assignment;
import dev.lede.dedup.Dedup;
import dev.lede.dedup.DedupConfig;
import dev.lede.dedup.InMemoryDedupState;
import dev.lede.eval.EvalStream;
import dev.lede.eval.NewsCorpus;
import dev.lede.eval.SyntheticNews;
import dev.lede.model.Article;
import dev.lede.testing.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory-mapped posting, story-term and frequency indexes are derived data: when one is
 * missing, stale (it reflects an earlier state of the store), was not closed cleanly (a crash) or
 * is corrupt, opening the store rebuilds it from the rows (posting keys in the article rows, story
 * filing rows, folded frequencies and increment rows), and the articles that come next are assigned
 * exactly as the heap state assigns them. Each damaged file below, if it were used, would lack
 * postings and miss copies, lack stories and split them, or weigh terms by wrong frequencies (none,
 * or an earlier state's) and place articles elsewhere.
 */
class PostingIndexRecoveryTest {
  private static final int FIRST = 220;
  private static final int ALL = 380;

  @TempDir Path dir;

  @Test
  void damagedOrStaleIndex_isRebuiltFromTheStore_andDecidesAsTheHeapState() throws Exception {
    List<ArticleRef> refs = stream();
    Dedup heap = new Dedup(new InMemoryDedupState(), DedupConfig.defaults());
    List<Assignment> expected = new ArrayList<>();
    for (ArticleRef r : refs) {
      expected.add(heap.assign(r));
    }
    assertThat(expected.subList(FIRST, ALL))
        .filteredOn(Assignment::isDuplicate)
        .hasSizeGreaterThan(5);

    // the first articles, with a clean close half way (the stale copy of the index is taken there)
    Path base = dir.resolve("base");
    Path stale = dir.resolve("stale.postings");
    Path staleTerms = dir.resolve("stale.storyterms");
    Path staleDf = dir.resolve("stale.df");
    List<Assignment> got = new ArrayList<>();
    assign(base, refs.subList(0, FIRST / 2), got);
    Files.copy(index(base), stale);
    Files.copy(termIndex(base), staleTerms);
    Files.copy(dfIndex(base), staleDf);
    assign(base, refs.subList(FIRST / 2, FIRST), got);
    assertThat(got).isEqualTo(expected.subList(0, FIRST));
    long fullSize;
    try (PostingIndex idx = PostingIndex.openIfValid(index(base), generation(base))) {
      assertThat(idx).as("a cleanly closed index is reused").isNotNull();
      fullSize = idx.size();
    }
    assertThat(PostingIndex.openIfValid(stale, generation(base))).isNull();
    long fullTerms;
    try (StoryTermIndex idx = StoryTermIndex.openIfValid(termIndex(base), generation(base))) {
      assertThat(idx).as("a cleanly closed story-term index is reused").isNotNull();
      fullTerms = idx.size();
    }
    assertThat(StoryTermIndex.openIfValid(staleTerms, generation(base))).isNull();
    long fullDf;
    try (DocFreqIndex idx = DocFreqIndex.openIfValid(dfIndex(base), generation(base))) {
      assertThat(idx).as("a cleanly closed frequency index is reused").isNotNull();
      fullDf = idx.size();
    }
    assertThat(DocFreqIndex.openIfValid(staleDf, generation(base))).isNull();
    assertThat(count(base, "dedup_df")).as("folded frequencies").isPositive();
    assertThat(count(base, "dedup_df_delta")).as("increments not folded yet").isPositive();

    List<String> cases =
        List.of(
            "none",
            "postings missing",
            "postings stale",
            "postings crashed",
            "postings corrupt",
            "storyterms missing",
            "storyterms stale",
            "storyterms crashed",
            "storyterms corrupt",
            "df missing",
            "df stale",
            "df crashed",
            "df corrupt");
    for (String what : cases) {
      Path folder = dir.resolve(what.replace(' ', '-'));
      copyFolder(base, folder);
      boolean terms = what.startsWith("storyterms");
      boolean df = what.startsWith("df");
      Path file = df ? dfIndex(folder) : terms ? termIndex(folder) : index(folder);
      String damage = what.substring(what.indexOf(' ') + 1);
      switch (damage) {
        case "missing" -> Files.delete(file);
        case "stale" ->
            Files.copy(
                df ? staleDf : terms ? staleTerms : stale,
                file,
                StandardCopyOption.REPLACE_EXISTING);
        case "crashed" -> {
          zeroBody(file);
          putInt(file, 32, 0); // the clean flag, as a crash leaves it
        }
        case "corrupt" -> zeroBody(file); // header intact, table lost: the CRC tells
        default -> {}
      }
      List<Assignment> next = new ArrayList<>();
      assign(folder, refs.subList(FIRST, ALL), next);
      assertThat(next).as(what).isEqualTo(expected.subList(FIRST, ALL));
      try (SqliteArticleStore store = open(folder)) {
        SqliteDedupState state = (SqliteDedupState) store.dedupState();
        PostingIndex idx = state.index();
        assertThat(idx).isNotNull();
        assertThat(idx.size()).as(what).isGreaterThan(fullSize);
        StoryTermIndex termIdx = state.termIndex();
        assertThat(termIdx).isNotNull();
        assertThat(termIdx.size()).as(what).isGreaterThan(fullTerms);
        DocFreqIndex dfIdx = state.dfIndex();
        assertThat(dfIdx).isNotNull();
        assertThat(dfIdx.size()).as(what).isGreaterThan(fullDf);
      }
    }
  }

  private static List<ArticleRef> stream() throws IOException {
    Path data = SharedData.require("data/wikinews").getParent();
    List<Article> real = new ArrayList<>();
    for (NewsCorpus.Doc d : EvalStream.realArticles(data)) {
      real.add(d.article());
    }
    SyntheticNews news = new SyntheticNews(real, 11);
    List<ArticleRef> refs = new ArrayList<>();
    for (int i = 0; i < ALL; i++) {
      Article a = news.next();
      String source = "source-" + (i % 19);
      refs.add(ArticleRef.of(a.id(), a, source, source, a.published()));
    }
    return refs;
  }

  private static SqliteArticleStore open(Path folder) {
    return SqliteArticleStore.open(folder.resolve("lede.db"), InstantSource.system(), false);
  }

  private static Path index(Path folder) {
    return SqliteArticleStore.postingIndexFile(folder.resolve("lede.db"));
  }

  private static Path dfIndex(Path folder) {
    return SqliteArticleStore.dfIndexFile(folder.resolve("lede.db"));
  }

  private static long count(Path folder, String table) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("lede.db"));
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static Path termIndex(Path folder) {
    return SqliteArticleStore.storyTermIndexFile(folder.resolve("lede.db"));
  }

  /**
   * Assigns {@code refs} in transactions of 29 articles (frequency increments folded every third),
   * then closes the store cleanly.
   */
  private static void assign(Path folder, List<ArticleRef> refs, List<Assignment> out) {
    try (SqliteArticleStore store = open(folder)) {
      ((SqliteDedupState) store.dedupState()).foldEvery(3);
      Dedup dedup = new Dedup(store.dedupState(), DedupConfig.defaults());
      for (int from = 0; from < refs.size(); from += 29) {
        List<ArticleRef> part = refs.subList(from, Math.min(refs.size(), from + 29));
        store.writeDerived(
            "recovery",
            false,
            () -> {
              part.forEach(r -> out.add(dedup.assign(r)));
              return List.of();
            });
      }
    }
  }

  private static long generation(Path folder) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("lede.db"));
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT value FROM meta WHERE key = '" + SqliteDedupState.POSTINGS_GEN + "'")) {
      return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
    }
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void zeroBody(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ByteBuffer zeros = ByteBuffer.allocate(1 << 16);
      for (long at = 4096; at < size; at += zeros.capacity()) {
        zeros.clear();
        zeros.limit((int) Math.min(zeros.capacity(), size - at));
        ch.write(zeros, at);
      }
    }
  }

  private static void putInt(Path file, long at, int value) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value);
      ch.write(b, at);
    }
  }
}
