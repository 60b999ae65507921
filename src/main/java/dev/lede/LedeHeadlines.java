package dev.lede;

import dev.lede.headline.ArticleSource;
import dev.lede.headline.FaithfulnessGuard;
import dev.lede.headline.HeadlineBackend;
import dev.lede.headline.HeadlineService;
import dev.lede.headline.HeadlineStore;
import dev.lede.headline.ThompsonBandit;
import dev.lede.headline.sqlite.SqliteHeadlineStore;
import dev.lede.model.Article;
import dev.lede.store.StoredArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Wires the headline stage to a data folder: tests and counts in {@code DIR/headlines.db} ({@link
 * SqliteHeadlineStore}), articles read through {@link Lede}. The only place that knows which
 * headline store is in use.
 *
 * <p>A command opens the data folder lazily: {@code list} and {@code report} only read the headline
 * store, while {@code add} and {@code check} need the article and so open the folder (taking its
 * lock) on first use. A long-running process that already holds a {@link Lede} (the site) uses
 * {@link #service(Lede, HeadlineStore, InstantSource)} instead.
 */
public final class LedeHeadlines {
  private LedeHeadlines() {}

  /** The backend for commands: {@code open(dir)} with default options. */
  public static HeadlineBackend backend() {
    return dir -> open(dir, Lede.Options.defaults().withCommand("lede headlines"));
  }

  /**
   * A headline service over an existing data folder; closing the service closes its store and, if
   * it was opened, the folder.
   *
   * @throws NoSuchFileException when {@code dataDir} is not a folder
   */
  public static HeadlineService open(Path dataDir, Lede.Options options) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      throw new NoSuchFileException(
          dataDir.toString(), null, "no data folder here (ingest articles into it first)");
    }
    SqliteHeadlineStore store = SqliteHeadlineStore.open(dataDir);
    LazyFolder folder = new LazyFolder(dataDir, options);
    return create(store, folder, options.clock()).closing(store).closing(folder);
  }

  /**
   * A headline service for a process that holds the folder open; the caller closes {@code store}
   * (or hands it over with {@link HeadlineService#closing}).
   */
  public static HeadlineService service(Lede lede, HeadlineStore store, InstantSource clock) {
    Objects.requireNonNull(lede, "lede");
    return create(store, id -> lede.article(id).map(StoredArticle::article), clock);
  }

  private static HeadlineService create(
      HeadlineStore store, ArticleSource articles, InstantSource clock) {
    return new HeadlineService(
        store,
        articles,
        new FaithfulnessGuard(),
        ThompsonBandit.Config.defaults(),
        clock,
        new SplittableRandom());
  }

  /** Articles from a data folder opened on the first look-up. */
  private static final class LazyFolder implements ArticleSource, AutoCloseable {
    private final Path dir;
    private final Lede.Options options;
    private @Nullable Lede lede;

    LazyFolder(Path dir, Lede.Options options) {
      this.dir = dir;
      this.options = options;
    }

    @Override
    public synchronized Optional<Article> article(String id) {
      if (lede == null) {
        lede = Lede.open(dir, options);
      }
      return lede.article(id).map(StoredArticle::article);
    }

    @Override
    public synchronized void close() {
      if (lede != null) {
        lede.close();
        lede = null;
      }
    }
  }
}
