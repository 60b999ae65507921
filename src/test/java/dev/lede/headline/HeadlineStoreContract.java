package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link HeadlineStore} must have; each implementation's test extends this with
 * its factory and its notion of reopening.
 */
public abstract class HeadlineStoreContract {
  protected HeadlineStore store;

  /** A fresh, empty store. */
  protected abstract HeadlineStore create() throws Exception;

  /** Closes {@code s} and opens the same store again (a memory store returns itself). */
  protected abstract HeadlineStore reopen(HeadlineStore s) throws Exception;

  /** Releases the store, if it holds resources. */
  protected void close(HeadlineStore s) throws Exception {}

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");

  static HeadlineTest.Variant variant(String id, String text) {
    return new HeadlineTest.Variant(id, text, "editor", T0.plusSeconds(60));
  }

  static HeadlineTest running(String article, HeadlineTest.Variant... vs) {
    return new HeadlineTest(
        article,
        "Original headline of " + article,
        List.of(vs),
        HeadlineTest.Status.RUNNING,
        null,
        false,
        T0);
  }

  @BeforeEach
  public void openStore() throws Exception {
    store = create();
  }

  @AfterEach
  public void closeStore() throws Exception {
    close(store);
  }

  @Test
  public void emptyStore_hasNoTestsAndNoCounts() {
    assertThat(store.test("a")).isEmpty();
    assertThat(store.tests()).isEmpty();
    assertThat(store.counts("a")).isEmpty();
  }

  @Test
  public void save_readsBackEqual_variantsInOrder() {
    HeadlineTest t =
        running(
            "a",
            variant("v2", "Second variant – with “quotes” and ümlauts"),
            variant("v1", "First variant"));
    store.save(t);
    assertThat(store.test("a")).contains(t);
    assertThat(store.test("a").orElseThrow().variants())
        .extracting(HeadlineTest.Variant::id)
        .containsExactly("v2", "v1");
  }

  @Test
  public void save_replacesTheTest_statusWinnerAndVariants() {
    store.save(running("a", variant("v1", "One"), variant("v2", "Two")));
    HeadlineTest promoted =
        new HeadlineTest(
            "a",
            "Original headline of a",
            List.of(variant("v2", "Two")),
            HeadlineTest.Status.PROMOTED,
            "v2",
            true,
            T0);
    store.save(promoted);
    assertThat(store.test("a")).contains(promoted);
    assertThat(store.tests()).containsExactly(promoted);
  }

  @Test
  public void tests_areSortedByArticleId() {
    store.save(running("c"));
    store.save(running("a", variant("v1", "One")));
    store.save(running("b"));
    assertThat(store.tests()).extracting(HeadlineTest::articleId).containsExactly("a", "b", "c");
  }

  @Test
  public void delete_removesTheTestAndItsCountsOnly() {
    store.save(running("a", variant("v1", "One")));
    store.save(running("b", variant("v1", "One")));
    store.addCounts("a", "v1", 10, 1);
    store.addCounts("b", "v1", 20, 2);
    store.delete("a");
    assertThat(store.test("a")).isEmpty();
    assertThat(store.counts("a")).isEmpty();
    assertThat(store.test("b")).isPresent();
    assertThat(store.counts("b")).containsEntry("v1", new HeadlineStore.Counts(20, 2));
    store.delete("missing"); // no-op
  }

  @Test
  public void addCounts_accumulatesPerArticleAndVariant() {
    store.save(running("a", variant("v1", "One")));
    store.addCounts("a", "original", 1, 0);
    store.addCounts("a", "original", 1, 0);
    store.addCounts("a", "original", 0, 1);
    store.addCounts("a", "v1", 5, 2);
    store.addCounts("b", "v1", 7, 0);
    assertThat(store.counts("a"))
        .containsOnlyKeys("original", "v1")
        .containsEntry("original", new HeadlineStore.Counts(2, 1))
        .containsEntry("v1", new HeadlineStore.Counts(5, 2));
    assertThat(store.counts("b"))
        .containsExactlyEntriesOf(java.util.Map.of("v1", new HeadlineStore.Counts(7, 0)));
  }

  @Test
  public void addCounts_concurrentWritersLoseNothing() throws Exception {
    store.save(running("a", variant("v1", "One")));
    int threads = 4;
    int each = 100;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().name("contract-counts-", 0).factory());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String v = t % 2 == 0 ? "original" : "v1";
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    store.addCounts("a", v, 1, i % 10 == 0 ? 1 : 0);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.counts("a"))
        .containsEntry("original", new HeadlineStore.Counts(2L * each, 2L * each / 10))
        .containsEntry("v1", new HeadlineStore.Counts(2L * each, 2L * each / 10));
  }

  @Test
  public void reopen_keepsTestsAndCounts() throws Exception {
    HeadlineTest t = running("a", variant("v1", "One"), variant("v2", "Two"));
    store.save(t);
    store.addCounts("a", "v1", 100, 7);
    store.addCounts("a", "original", 90, 3);
    store = reopen(store);
    assertThat(store.test("a")).contains(t);
    assertThat(store.counts("a"))
        .containsEntry("v1", new HeadlineStore.Counts(100, 7))
        .containsEntry("original", new HeadlineStore.Counts(90, 3));
    store.addCounts("a", "v1", 1, 1);
    assertThat(store.counts("a")).containsEntry("v1", new HeadlineStore.Counts(101, 8));
  }
}
