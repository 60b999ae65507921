package dev.lede;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.model.ArticleJson;
import dev.lede.store.sqlite.SqliteArticleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The backup folder format and the file moves of a restore. A backup holds {@code lede.db} (a
 * consistent SQLite snapshot written with VACUUM INTO), {@code index/} (the index's last commit,
 * taken before the store snapshot, so the store is never behind the index) and {@code backup.json},
 * a manifest. On open after a restore the index catches up with whatever the store snapshot has
 * beyond the index's checkpoint, and the data derived from the store (dedup tables, related lists),
 * which a restore removes, is rebuilt from it.
 */
final class Backups {
  static final String MANIFEST = "backup.json";
  static final int FORMAT = 1;

  private Backups() {}

  static void requireEmptyTarget(Path target) {
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IllegalArgumentException("backup target " + target + " is a file");
      }
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(
              "backup target " + target + " is not empty: choose a new folder");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void writeManifest(Path target, Lede.BackupInfo info) {
    ObjectNode o = ArticleJson.mapper().createObjectNode();
    o.put("format", FORMAT);
    o.put("created", info.created().toString());
    o.put("lastChange", info.lastChange());
    o.put("indexCheckpoint", info.indexCheckpoint());
    o.put("articles", info.articles());
    o.put("store", Lede.STORE_FILE);
    o.put("index", Lede.INDEX_DIR);
    try {
      Files.writeString(
          target.resolve(MANIFEST), o.toPrettyString() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup manifest: " + e.getMessage(), e);
    }
  }

  static Lede.BackupInfo readManifest(Path backup) {
    Path m = backup.resolve(MANIFEST);
    if (!Files.isRegularFile(m) || !Files.isRegularFile(backup.resolve(Lede.STORE_FILE))) {
      throw new IllegalArgumentException(
          backup + " is not a Lede backup (it needs " + MANIFEST + " and " + Lede.STORE_FILE + ")");
    }
    try {
      JsonNode n = ArticleJson.mapper().readTree(Files.readString(m, StandardCharsets.UTF_8));
      if (n.path("format").asInt() != FORMAT) {
        throw new IllegalArgumentException(
            "backup format "
                + n.path("format")
                + " is not supported (this Lede reads "
                + FORMAT
                + ")");
      }
      return new Lede.BackupInfo(
          backup,
          Instant.parse(n.path("created").asText()),
          n.path("lastChange").asLong(),
          n.path("indexCheckpoint").asLong(),
          n.path("articles").asLong());
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException(
          "unreadable backup manifest " + m + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the store and index of {@code dataDir} with the backup's: copies into a staging folder
   * first, then swaps by renames, so a failure leaves either the old data or the new.
   */
  static void replace(Path backup, Path dataDir, long stamp) throws IOException {
    Path staging = dataDir.resolve(".restore-" + stamp);
    Path replaced = dataDir.resolve(".replaced-" + stamp);
    Files.createDirectories(staging);
    Files.copy(backup.resolve(Lede.STORE_FILE), staging.resolve(Lede.STORE_FILE));
    Path index = backup.resolve(Lede.INDEX_DIR);
    if (Files.isDirectory(index)) {
      copyTree(index, staging.resolve(Lede.INDEX_DIR));
    }
    Files.createDirectories(replaced);
    for (String name : replacedNames(dataDir)) {
      if (Files.exists(dataDir.resolve(name))) {
        Files.move(dataDir.resolve(name), replaced.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.move(
        staging.resolve(Lede.STORE_FILE),
        dataDir.resolve(Lede.STORE_FILE),
        StandardCopyOption.ATOMIC_MOVE);
    if (Files.isDirectory(staging.resolve(Lede.INDEX_DIR))) {
      Files.move(
          staging.resolve(Lede.INDEX_DIR),
          dataDir.resolve(Lede.INDEX_DIR),
          StandardCopyOption.ATOMIC_MOVE);
    }
    deleteTree(staging);
    deleteTree(replaced);
  }

  /**
   * What a restore takes out of the data folder: the store and index, and everything derived from
   * the store (the dedup tables next to it, the related lists), which would otherwise be read
   * against a store they were not computed from; they are rebuilt from the restored store. Folder
   * state that is no store's derivative (the lock, the config, headline experiments, images) stays.
   */
  private static List<String> replacedNames(Path dataDir) {
    List<String> names = new ArrayList<>();
    names.add(Lede.STORE_FILE);
    names.add(Lede.STORE_FILE + "-wal");
    names.add(Lede.STORE_FILE + "-shm");
    names.add(Lede.INDEX_DIR);
    for (Path p : SqliteArticleStore.derivedFiles(dataDir.resolve(Lede.STORE_FILE))) {
      names.add(p.getFileName().toString());
    }
    names.add(RelatedListsDb.FILE);
    names.add(RelatedListsDb.FILE + "-wal");
    names.add(RelatedListsDb.FILE + "-shm");
    return names;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          Files.copy(p, to.resolve(p.getFileName().toString()));
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
