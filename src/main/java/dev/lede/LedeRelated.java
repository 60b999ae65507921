package dev.lede;

import dev.lede.index.Embedder;
import dev.lede.index.RelatedQuery;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.index.TermStats;
import dev.lede.recommend.Related;
import dev.lede.recommend.RelatedData;
import dev.lede.recommend.RelatedListStore;
import dev.lede.store.StoredArticle;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The related-stories service on an open {@link Lede}: {@link Related} over the store and index
 * (through {@link RelatedData}), with its lists in {@code DIR/related.db} and its change listener
 * registered as {@value #LISTENER}. Close it before the {@link Lede} it was opened on.
 */
public final class LedeRelated implements AutoCloseable {
  /** The name of the change listener (its checkpoint is kept under it). */
  public static final String LISTENER = "related";

  private final Related related;
  private final RelatedListsDb db;

  private final @Nullable Embedder embedder;

  private LedeRelated(Related related, RelatedListsDb db, @Nullable Embedder embedder) {
    this.related = related;
    this.db = db;
    this.embedder = embedder;
  }

  /**
   * Opens the service on {@code lede}: registers its listener (which first receives every change
   * since its checkpoint: cheap, it only queues work) and, when {@code refresher}, starts the
   * background refresh of queued lists.
   */
  public static LedeRelated open(
      Lede lede, Related.Settings settings, InstantSource clock, boolean refresher) {
    return open(lede, settings, clock, refresher, false);
  }

  /**
   * {@link #open(Lede, Related.Settings, InstantSource, boolean)}, ranking with sentence embeddings
   * too when {@code embeddings} (the bundled model loads in about a second).
   */
  public static LedeRelated open(
      Lede lede,
      Related.Settings settings,
      InstantSource clock,
      boolean refresher,
      boolean embeddings) {
    RelatedListsDb db = RelatedListsDb.open(lede.dataDir());
    Embedder embedder = null;
    try {
      embedder = embeddings ? Embedder.bgeSmall() : null;
      Related r = new Related(new Data(lede), db, settings, clock, embedder);
      if (refresher) {
        // The serving process owns how the folder's lists are ranked; a one-off reader does not
        // change it (see Related#storedListsRankedAlike).
        r.recordRanking();
      }
      lede.registerListener(LISTENER, r.listener());
      if (refresher) {
        r.startRefresher(Duration.ofMillis(200), 64);
      }
      return new LedeRelated(r, db, embedder);
    } catch (RuntimeException e) {
      if (embedder != null) {
        embedder.close();
      }
      db.close();
      throw e;
    }
  }

  /** {@link RelatedData} over an open Lede (for evaluations that assemble {@link Related}). */
  public static RelatedData dataOf(Lede lede) {
    return new Data(lede);
  }

  /** The persistent list store of an open Lede's folder ({@code DIR/related.db}); close it. */
  public static RelatedListStore listsOf(Lede lede) {
    return RelatedListsDb.open(lede.dataDir());
  }

  /**
   * The persistent list store of a data folder ({@code DIR/related.db}) opened without a {@link
   * Lede} (benchmarks that open the store and index themselves); close it.
   */
  public static RelatedListStore listsIn(java.nio.file.Path dataDir) {
    return RelatedListsDb.open(dataDir);
  }

  /** The service. */
  public Related related() {
    return related;
  }

  @Override
  public void close() {
    try {
      related.close();
    } finally {
      try {
        db.close();
      } finally {
        if (embedder != null) {
          embedder.close();
        }
      }
    }
  }

  /** {@link RelatedData} over a {@link Lede}. */
  static final class Data implements RelatedData {
    private final Lede lede;

    Data(Lede lede) {
      this.lede = Objects.requireNonNull(lede, "lede");
    }

    @Override
    public Optional<Doc> article(String id) {
      Optional<StoredArticle> s = lede.article(id);
      if (s.isEmpty() || s.get().hidden()) {
        return Optional.empty();
      }
      return Optional.of(new Doc(s.get().id(), s.get().sourceId(), s.get().article()));
    }

    @Override
    public boolean isVisible(String id) {
      return lede.isVisible(id);
    }

    @Override
    public List<SearchHit> similar(RelatedQuery query) {
      return lede.related(query);
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
      return lede.search(query).hits();
    }

    @Override
    public TermStats termStats(Collection<String> terms) {
      return lede.termStats(terms);
    }

    @Override
    public long count(SearchQuery query) {
      return lede.search(new SearchQuery(query.text(), query.filters(), query.order(), 0, 0, false))
          .total();
    }

    @Override
    public List<String> analyze(String text) {
      return lede.analyze(text);
    }

    @Override
    public @Nullable String storyOf(String id) {
      return lede.storyOf(id).orElse(null);
    }

    @Override
    public int storySize(String id) {
      return lede.storySizeOf(id);
    }

    @Override
    public List<String> storyMembers(String id, int limit) {
      return lede.latestStoryMembers(id, limit);
    }

    @Override
    public @Nullable String duplicateOf(String id) {
      return lede.duplicateOf(id).orElse(null);
    }

    @Override
    public void refresh() {
      lede.refresh();
    }
  }
}
