package dev.lede.store.sqlite;

import dev.lede.store.StoreException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * The dedup stage's story-term lists (story term → the {@value #PER_TERM} stories most recently
 * filed under it, each with the latest time it was filed at) in a memory-mapped file next to the
 * store ({@code lede.db.storyterms}): derived data, as the {@link PostingIndex} and the Lucene
 * index are. The store stays the source of truth: every filing of a story under its terms is one
 * row of {@code dedup_story_filing} (story, time, terms; appended in the article's transaction),
 * and this file is rebuilt from those rows when it is missing, stale, corrupt or was not closed
 * cleanly. An article's 32 term probes cost a few microseconds here instead of a 32-key {@code IN}
 * read in SQLite, and a commit appends one row per filing instead of reading and rewriting 32 list
 * blobs of up to 1 KB each.
 *
 * <p>Layout: a 4 KB header (as the posting index's: magic, format version, table size, entry count,
 * the store generation it reflects, a clean-close flag and a CRC32C of the table), then an
 * open-addressing table with linear probing, at most 70% full, of 16-byte slots: {@code term << 32
 * | story + 1} (0 marks an empty slot), then the time the story was last filed under the term.
 *
 * <p>What a list holds does not depend on the order the filings come in: per (term, story) the
 * latest time, and per term the {@value #PER_TERM} first in the order (time descending, story
 * ascending) — an entry that drops out can never come back above the ones that pushed it out, as
 * times only grow. So the live updates, a rebuild from the filing rows and the SQLite lists of an
 * upgraded store (already cut to this cap in this order) all give the same lists, and the same as
 * the heap state's rings.
 *
 * <p>Which store state it reflects: the same counter as the posting index ({@code
 * meta.dedup_postings_gen}, bumped in every transaction that adds postings or files story terms);
 * filings are applied here only after their transaction committed. Not thread-safe on its own:
 * methods are synchronized, as the writer and readers of one store may share it.
 */
final class StoryTermIndex implements MappedTableFile.Table {
  /** At most this many stories are kept per term. */
  static final int PER_TERM = 64;

  private static final long MAGIC = 0x5844495453454c4cL; // "LLESTIDX" little-endian
  private static final int VERSION = 1;
  private static final int SLOT = 16;
  private static final int MIN_LOG2 = 14;
  private static final int MAX_LOG2 = 26; // one mapping of at most 1 GB
  private static final MappedTableFile.Format FORMAT =
      new MappedTableFile.Format(MAGIC, VERSION, SLOT, MIN_LOG2, MAX_LOG2);

  private final Path file;
  private FileChannel channel;
  private MappedByteBuffer header;
  private MappedByteBuffer body;
  private LongBuffer slots;
  private int log2;
  private long size;
  private long generation;
  private boolean clean;

  private StoryTermIndex(Path file, FileChannel channel, int log2) throws IOException {
    this.file = file;
    this.channel = channel;
    map(log2);
  }

  private void map(int log2) throws IOException {
    this.log2 = log2;
    this.header = channel.map(FileChannel.MapMode.READ_WRITE, 0, MappedTableFile.HEADER);
    header.order(ByteOrder.LITTLE_ENDIAN);
    this.body =
        channel.map(FileChannel.MapMode.READ_WRITE, MappedTableFile.HEADER, bodyBytes(log2));
    body.order(ByteOrder.LITTLE_ENDIAN);
    this.slots = body.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
  }

  private static long bodyBytes(int log2) {
    return FORMAT.bodyBytes(log2);
  }

  /**
   * Opens the index file if it is valid for store generation {@code generation}; null when it is
   * missing, stale, corrupt or was not closed cleanly (the caller rebuilds it).
   */
  static @Nullable StoryTermIndex openIfValid(Path file, long generation) {
    return MappedTableFile.open(
        file, FORMAT, generation, (ch, log2) -> new StoryTermIndex(file, ch, log2));
  }

  /** A new empty index in {@code file} (replacing any), sized for {@code entries} entries. */
  static StoryTermIndex create(Path file, long entries, long generation) {
    try {
      return MappedTableFile.create(
          file, FORMAT, entries, generation, (ch, log2) -> new StoryTermIndex(file, ch, log2));
    } catch (IOException e) {
      throw new StoreException("cannot create the dedup story-term index " + file + ": " + e, e);
    }
  }

  /** The store generation this index reflects. */
  synchronized long generation() {
    return generation;
  }

  /** How many (term, story) entries it holds. */
  synchronized long size() {
    return size;
  }

  /**
   * Files {@code story} under {@code term} at {@code seen} (a later time replaces an earlier one),
   * keeping the {@value #PER_TERM} first of the term in the order time descending, story ascending;
   * call {@link #markDirty} first.
   */
  synchronized void add(int term, long story, long seen) {
    if (story < 0 || story >= 0xffffffffL) {
      throw new IllegalArgumentException("story id out of range: " + story);
    }
    if ((size + 1) * 10 > (1L << log2) * 7L) {
      grow();
    }
    long packed = ((long) term << 32) | (story + 1);
    int mask = (1 << log2) - 1;
    int count = 0;
    int worstAt = -1;
    long worstSeen = Long.MAX_VALUE;
    long worstStory = -1;
    for (int i = home(term, mask); ; i = (i + 1) & mask) {
      long v = slots.get(2 * i);
      if (v == 0) {
        if (count < PER_TERM) {
          slots.put(2 * i, packed);
          slots.put(2 * i + 1, seen);
          size++;
        } else if (seen > worstSeen || (seen == worstSeen && story < worstStory)) {
          slots.put(2 * worstAt, packed); // pushes out the last of a full term
          slots.put(2 * worstAt + 1, seen);
        }
        return;
      }
      if ((int) (v >>> 32) == term) {
        long s = slots.get(2 * i + 1);
        if (v == packed) {
          if (seen > s) {
            slots.put(2 * i + 1, seen);
          }
          return;
        }
        count++;
        long st = (v & 0xffffffffL) - 1;
        if (s < worstSeen || (s == worstSeen && st > worstStory)) {
          worstSeen = s;
          worstStory = st;
          worstAt = i;
        }
      }
    }
  }

  /**
   * The stories filed under {@code term} into {@code stories} and their times into {@code seen}
   * (both at least {@value #PER_TERM} long), latest first (ties: smaller story first); returns how
   * many.
   */
  synchronized int get(int term, long[] stories, long[] seen) {
    int mask = (1 << log2) - 1;
    int n = 0;
    for (int i = home(term, mask); ; i = (i + 1) & mask) {
      long v = slots.get(2 * i);
      if (v == 0) {
        break;
      }
      if ((int) (v >>> 32) == term && n < stories.length) {
        long st = (v & 0xffffffffL) - 1;
        long s = slots.get(2 * i + 1);
        int k = n++;
        while (k > 0 && (seen[k - 1] < s || (seen[k - 1] == s && stories[k - 1] > st))) {
          seen[k] = seen[k - 1];
          stories[k] = stories[k - 1];
          k--;
        }
        seen[k] = s;
        stories[k] = st;
      }
    }
    return n;
  }

  /**
   * Records that changes are about to be made: the clean flag is cleared and forced to disk first,
   * so that a crash in the middle leaves a file the next open rejects.
   */
  synchronized void markDirty() {
    if (clean) {
      writeHeader(false);
      header.force();
      clean = false;
    }
  }

  /** Records that the filings of store generation {@code g} are all applied. */
  synchronized void setGeneration(long g) {
    generation = g;
    MappedTableFile.writeProgress(header, size, g);
  }

  @Override
  public synchronized void opened(long entries, long gen) {
    size = entries;
    generation = gen;
    clean = true;
  }

  @Override
  public synchronized void created(long gen) {
    generation = gen;
    writeHeader(false);
  }

  private void writeHeader(boolean isClean) {
    MappedTableFile.writeHeader(
        header, FORMAT, log2, size, generation, isClean, isClean ? crc() : 0);
  }

  @Override
  public long crc() {
    return MappedTableFile.crc(body);
  }

  /** Doubles the table: a new file, every entry rehashed into it, then moved over the old one. */
  private void grow() {
    if (log2 >= MAX_LOG2) {
      throw new StoreException(
          "the dedup story-term index is full (" + size + " entries in " + file + ")");
    }
    try {
      int newLog2 = log2 + 1;
      Path tmp = MappedTableFile.tmpFile(file);
      FileChannel ch = MappedTableFile.openEmpty(tmp, FORMAT, newLog2);
      MappedByteBuffer nb =
          ch.map(FileChannel.MapMode.READ_WRITE, MappedTableFile.HEADER, bodyBytes(newLog2));
      LongBuffer ns = nb.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
      int mask = (1 << newLog2) - 1;
      long oldSlots = 1L << log2;
      for (int j = 0; j < oldSlots; j++) {
        long v = slots.get(2 * j);
        if (v != 0) {
          int i = home((int) (v >>> 32), mask);
          while (ns.get(2 * i) != 0) {
            i = (i + 1) & mask;
          }
          ns.put(2 * i, v);
          ns.put(2 * i + 1, slots.get(2 * j + 1));
        }
      }
      FileChannel old = channel;
      channel = ch;
      map(newLog2);
      writeHeader(false);
      header.force();
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      old.close();
    } catch (IOException e) {
      throw new StoreException("growing the dedup story-term index " + file + " failed: " + e, e);
    }
  }

  /** Forces the table to disk and marks the file clean (valid for the next open). */
  @Override
  public synchronized void close() {
    try {
      if (channel.isOpen()) {
        if (!clean) {
          body.force();
          writeHeader(true);
          header.force();
          clean = true;
        }
        channel.close();
      }
    } catch (IOException | RuntimeException e) {
      throw new StoreException("closing the dedup story-term index " + file + " failed: " + e, e);
    }
  }

  /** The home slot of a term. */
  private static int home(int term, int mask) {
    long h = (term & 0xffffffffL) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    return (int) h & mask;
  }
}
