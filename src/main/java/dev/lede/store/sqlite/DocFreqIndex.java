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
 * The dedup stage's document frequencies (story term → how many documents counted it) in a
 * memory-mapped file next to the store ({@code lede.db.df}): derived data, as the {@link
 * PostingIndex} and the {@link StoryTermIndex} are. The store stays the source of truth: {@code
 * dedup_df} holds the frequencies folded so far and {@code dedup_df_delta} one row of increments
 * per transaction since (migration V007); this file is their sum, rebuilt from them when it is
 * missing, stale, corrupt or was not closed cleanly. An article's few hundred frequency reads cost
 * a probe each here instead of an {@code IN} read of the terms not cached, and a commit appends one
 * row instead of upserting thousands of distinct terms one B-tree write at a time.
 *
 * <p>Layout: the 4 KB header of {@link MappedTableFile}, then an open-addressing table with linear
 * probing, at most 70% full, of 8-byte slots: {@code term << 32 | count}, the count unsigned (a
 * term is stored only once counted, so 0 marks an empty slot).
 *
 * <p>Which store state it reflects: the same counter as the other derived indexes ({@code
 * meta.dedup_postings_gen}, bumped in every transaction that counts documents); increments are
 * applied here only after their transaction committed. Methods are synchronized, as the writer and
 * readers of one store may share it.
 */
final class DocFreqIndex implements MappedTableFile.Table {
  private static final long MAGIC = 0x5844494651444c4cL; // "LLDQFIDX" little-endian
  private static final int VERSION = 1;
  private static final int SLOT = 8;
  private static final int MIN_LOG2 = 14;
  private static final int MAX_LOG2 = 27; // one mapping of at most 1 GB
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

  private DocFreqIndex(Path file, FileChannel channel, int log2) throws IOException {
    this.file = file;
    this.channel = channel;
    map(log2);
  }

  private void map(int log2) throws IOException {
    this.log2 = log2;
    this.header = channel.map(FileChannel.MapMode.READ_WRITE, 0, MappedTableFile.HEADER);
    header.order(ByteOrder.LITTLE_ENDIAN);
    this.body =
        channel.map(FileChannel.MapMode.READ_WRITE, MappedTableFile.HEADER, FORMAT.bodyBytes(log2));
    body.order(ByteOrder.LITTLE_ENDIAN);
    this.slots = body.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
  }

  /**
   * Opens the index file if it is valid for store generation {@code generation}; null when it is
   * missing, stale, corrupt or was not closed cleanly (the caller rebuilds it).
   */
  static @Nullable DocFreqIndex openIfValid(Path file, long generation) {
    return MappedTableFile.open(
        file, FORMAT, generation, (ch, log2) -> new DocFreqIndex(file, ch, log2));
  }

  /** A new empty index in {@code file} (replacing any), sized for {@code terms} terms. */
  static DocFreqIndex create(Path file, long terms, long generation) {
    try {
      return MappedTableFile.create(
          file, FORMAT, terms, generation, (ch, log2) -> new DocFreqIndex(file, ch, log2));
    } catch (IOException e) {
      throw new StoreException("cannot create the dedup frequency index " + file + ": " + e, e);
    }
  }

  /** The store generation this index reflects. */
  synchronized long generation() {
    return generation;
  }

  /** How many terms it holds. */
  synchronized long size() {
    return size;
  }

  /** The frequency of {@code term} (0 when never counted). */
  synchronized long get(int term) {
    int mask = (1 << log2) - 1;
    for (int i = home(term, mask); ; i = (i + 1) & mask) {
      long v = slots.get(i);
      if (v == 0) {
        return 0;
      }
      if ((int) (v >>> 32) == term) {
        return v & 0xffffffffL;
      }
    }
  }

  /**
   * Adds {@code delta} (positive) to the frequency of {@code term}; call {@link #markDirty} first.
   */
  synchronized void add(int term, long delta) {
    if (delta <= 0) {
      if (delta == 0) {
        return;
      }
      throw new IllegalArgumentException("frequencies only grow: " + delta);
    }
    int mask = (1 << log2) - 1;
    for (int i = home(term, mask); ; i = (i + 1) & mask) {
      long v = slots.get(i);
      if (v == 0) {
        if ((size + 1) * 10 > (1L << log2) * 7L) {
          grow();
          add(term, delta);
          return;
        }
        slots.put(i, ((long) term << 32) | checked(delta));
        size++;
        return;
      }
      if ((int) (v >>> 32) == term) {
        slots.put(i, ((long) term << 32) | checked((v & 0xffffffffL) + delta));
        return;
      }
    }
  }

  private static long checked(long count) {
    if (count > 0xffffffffL) {
      throw new StoreException("a document frequency overflowed 32 bits: " + count);
    }
    return count;
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

  /** Records that the increments of store generation {@code g} are all applied. */
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

  /** Doubles the table: a new file, every term rehashed into it, then moved over the old one. */
  private void grow() {
    if (log2 >= MAX_LOG2) {
      throw new StoreException(
          "the dedup frequency index is full (" + size + " terms in " + file + ")");
    }
    try {
      int newLog2 = log2 + 1;
      Path tmp = MappedTableFile.tmpFile(file);
      FileChannel ch = MappedTableFile.openEmpty(tmp, FORMAT, newLog2);
      MappedByteBuffer nb =
          ch.map(FileChannel.MapMode.READ_WRITE, MappedTableFile.HEADER, FORMAT.bodyBytes(newLog2));
      LongBuffer ns = nb.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
      int mask = (1 << newLog2) - 1;
      long oldSlots = 1L << log2;
      for (int j = 0; j < oldSlots; j++) {
        long v = slots.get(j);
        if (v != 0) {
          int i = home((int) (v >>> 32), mask);
          while (ns.get(i) != 0) {
            i = (i + 1) & mask;
          }
          ns.put(i, v);
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
      throw new StoreException("growing the dedup frequency index " + file + " failed: " + e, e);
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
      throw new StoreException("closing the dedup frequency index " + file + " failed: " + e, e);
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
