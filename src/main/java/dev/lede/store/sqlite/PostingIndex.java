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
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The dedup stage's lookup postings (lookup key → the oldest {@value #PER_KEY} article keys filed
 * under it) in a memory-mapped file next to the store ({@code lede.db.postings}): derived data, as
 * the Lucene index is. The store stays the source of truth: every article row carries its own
 * posting keys ({@code dedup_article.postings}, written in the article's transaction), and this
 * file is rebuilt from them when it is missing, stale, corrupt or was not closed cleanly. Reading
 * an article's ~60 probes here costs a few microseconds instead of ~60 random primary-key seeks in
 * SQLite, and a commit writes a 5-byte key per posting into the article's own row instead of
 * reading and rewriting ~37 list rows.
 *
 * <p>Layout: a 4 KB header (magic, format version, table size, posting count, the store generation
 * it reflects, a clean-close flag and a CRC32C of the table), then an open-addressing table with
 * linear probing, at most 70% full — the layout of the heap state's {@code PostingTable}: a {@code
 * long} per slot ({@code key << 32 | article + 1}; 0 marks an empty slot), then one byte per slot
 * for the lookup table number (0–255), so that a (table, key) pair is matched exactly in 9 bytes
 * per slot (about 13 bytes per posting).
 *
 * <p>Which store state it reflects: {@code meta.dedup_postings_gen} counts the transactions that
 * added postings (bumped in the same transaction); postings are applied here only after their
 * transaction committed, and the header records the generation. On open the file is used only when
 * it was closed cleanly (the flag is cleared and forced to disk before the first change, and set
 * again after everything is forced at close), its CRC matches and its generation equals the
 * store's; otherwise it is rebuilt from the rows. A process crash or a power cut therefore costs a
 * rebuild at the next open, never a wrong or missing posting.
 *
 * <p>Cap: per lookup key the {@value #PER_KEY} smallest article keys are kept, whatever the order
 * they come in (a smaller key replaces the largest of a full key), so a rebuild gives the same
 * lists as the live updates. Not thread-safe on its own: methods are synchronized, as the writer
 * and readers of one store may share it.
 */
final class PostingIndex implements MappedTableFile.Table {
  /** At most this many postings are kept per lookup key. */
  static final int PER_KEY = 64;

  private static final long MAGIC = 0x5844495450454c4cL; // "LLEPTIDX" little-endian
  private static final int VERSION = 1;
  private static final int MIN_LOG2 = 16;
  private static final int MAX_LOG2 = 27; // one mapping of at most 2 GB
  private static final MappedTableFile.Format FORMAT =
      new MappedTableFile.Format(MAGIC, VERSION, 9, MIN_LOG2, MAX_LOG2);

  private final Path file;
  private FileChannel channel;
  private MappedByteBuffer header;
  private MappedByteBuffer body;
  private LongBuffer slots;
  private java.nio.ByteBuffer tables;
  private int log2;
  private long size;
  private long generation;
  private boolean clean;

  private PostingIndex(Path file, FileChannel channel, int log2) throws IOException {
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
    this.slots = body.slice(0, (1 << log2) * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    this.tables = body.slice((1 << log2) * 8, 1 << log2);
  }

  private static long bodyBytes(int log2) {
    return FORMAT.bodyBytes(log2);
  }

  /**
   * Opens the index file if it is valid for store generation {@code generation}; null when it is
   * missing, stale, corrupt or was not closed cleanly (the caller rebuilds it).
   */
  static @Nullable PostingIndex openIfValid(Path file, long generation) {
    return MappedTableFile.open(
        file, FORMAT, generation, (ch, log2) -> new PostingIndex(file, ch, log2));
  }

  /** A new empty index in {@code file} (replacing any), sized for {@code postings} postings. */
  static PostingIndex create(Path file, long postings, long generation) {
    try {
      return MappedTableFile.create(
          file, FORMAT, postings, generation, (ch, log2) -> new PostingIndex(file, ch, log2));
    } catch (IOException e) {
      throw new StoreException("cannot create the dedup posting index " + file + ": " + e, e);
    }
  }

  /** The store generation this index reflects. */
  synchronized long generation() {
    return generation;
  }

  /** How many postings it holds. */
  synchronized long size() {
    return size;
  }

  /** Bytes of the file. */
  long bytes() {
    return MappedTableFile.HEADER + bodyBytes(log2);
  }

  /**
   * Files {@code article} under {@code (table, key)}, keeping the {@value #PER_KEY} smallest
   * articles of the key; call {@link #markDirty} first.
   */
  synchronized void add(long postingKey, long article) {
    if (article < 0 || article >= 0xffffffffL) {
      throw new IllegalArgumentException("article key out of range: " + article);
    }
    if ((size + 1) * 10 > (1L << log2) * 7L) {
      grow();
    }
    long table = postingKey >>> 32;
    if (table > 255) {
      throw new IllegalArgumentException("lookup table out of range: " + table);
    }
    int k = (int) postingKey;
    byte t = (byte) table;
    long packed = ((long) k << 32) | (article + 1);
    int mask = (1 << log2) - 1;
    int count = 0;
    int largestAt = -1;
    long largest = -1;
    for (int i = slot(postingKey, mask); ; i = (i + 1) & mask) {
      long v = slots.get(i);
      if (v == 0) {
        if (count < PER_KEY) {
          slots.put(i, packed);
          tables.put(i, t);
          size++;
        } else if (article < largest) {
          slots.put(largestAt, packed); // a smaller key replaces the largest of a full key
        }
        return;
      }
      if ((int) (v >>> 32) == k && tables.get(i) == t) {
        if (v == packed) {
          return;
        }
        count++;
        long a = (v & 0xffffffffL) - 1;
        if (a > largest) {
          largest = a;
          largestAt = i;
        }
      }
    }
  }

  /**
   * The articles filed under one posting key, smallest first, into {@code buf} (at least {@value
   * #PER_KEY} long); how many of them to read (at most {@code limit}) into {@code countOut[0]}.
   */
  synchronized void get(long postingKey, int limit, long[] buf, int[] countOut) {
    int k = (int) postingKey;
    byte t = (byte) (postingKey >>> 32);
    int mask = (1 << log2) - 1;
    int n = 0;
    for (int i = slot(postingKey, mask); ; i = (i + 1) & mask) {
      long v = slots.get(i);
      if (v == 0) {
        break;
      }
      if ((int) (v >>> 32) == k && tables.get(i) == t && n < buf.length) {
        buf[n++] = (v & 0xffffffffL) - 1;
      }
    }
    Arrays.sort(buf, 0, n);
    countOut[0] = Math.min(n, limit);
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

  /** Records that the postings of store generation {@code g} are all applied. */
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

  /** Doubles the table: a new file, every posting rehashed into it, then moved over the old one. */
  private void grow() {
    if (log2 >= MAX_LOG2) {
      throw new StoreException(
          "the dedup posting index is full (" + size + " postings in " + file + ")");
    }
    try {
      int newLog2 = log2 + 1;
      Path tmp = MappedTableFile.tmpFile(file);
      FileChannel ch = MappedTableFile.openEmpty(tmp, FORMAT, newLog2);
      MappedByteBuffer nb =
          ch.map(FileChannel.MapMode.READ_WRITE, MappedTableFile.HEADER, bodyBytes(newLog2));
      LongBuffer ns = nb.slice(0, (1 << newLog2) * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
      java.nio.ByteBuffer nt = nb.slice((1 << newLog2) * 8, 1 << newLog2);
      int mask = (1 << newLog2) - 1;
      long oldSlots = 1L << log2;
      for (int j = 0; j < oldSlots; j++) {
        long v = slots.get(j);
        if (v != 0) {
          byte t = tables.get(j);
          long postingKey = ((t & 0xffL) << 32) | (v >>> 32);
          int i = slot(postingKey, mask);
          while (ns.get(i) != 0) {
            i = (i + 1) & mask;
          }
          ns.put(i, v);
          nt.put(i, t);
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
      throw new StoreException("growing the dedup posting index " + file + " failed: " + e, e);
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
      throw new StoreException("closing the dedup posting index " + file + " failed: " + e, e);
    }
  }

  /** The home slot of a (table, lookup key) pair. */
  private static int slot(long postingKey, int mask) {
    long h = postingKey * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    return (int) h & mask;
  }
}
