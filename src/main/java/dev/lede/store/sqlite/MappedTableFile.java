package dev.lede.store.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The file format shared by the memory-mapped indexes derived from the store ({@link PostingIndex},
 * {@link StoryTermIndex}): a 4 KB header — magic, format version, log2 of the slot count, entry
 * count, the store generation the table reflects, a clean-close flag and a CRC32C of the table —
 * then a table of 2^log2 fixed-size slots. A file is trusted only when all of these agree; anything
 * else is rebuilt from the store by the caller. New tables are written beside the file and renamed
 * over it.
 */
final class MappedTableFile {
  static final int HEADER = 4096;

  private MappedTableFile() {}

  /** One index's constants: its magic and version, its slot size and its size bounds. */
  record Format(long magic, int version, int slotBytes, int minLog2, int maxLog2) {
    long bodyBytes(int log2) {
      return (1L << log2) * slotBytes;
    }

    /** The smallest table that holds {@code entries} at most 70% full. */
    int log2For(long entries) {
      int log2 = minLog2;
      while (log2 < maxLog2 && entries * 10 > (1L << log2) * 7L) {
        log2++;
      }
      return log2;
    }
  }

  /** An index class's side of {@link #open} and {@link #create}. */
  interface Table extends AutoCloseable {
    /** Takes the state of a valid file: its entry count and generation; it is clean. */
    void opened(long size, long generation);

    /** Takes the generation of a new empty file and writes its header (not clean). */
    void created(long generation);

    /** The CRC32C of its table now. */
    long crc();
  }

  /** Makes an index object over a mapped file's channel and table size. */
  @FunctionalInterface
  interface Maker<T extends Table> {
    T make(FileChannel channel, int log2) throws IOException;
  }

  /**
   * The index in {@code file} when the file is valid for store generation {@code generation} and
   * its table matches the header's CRC; null when it is missing, stale, corrupt or was not closed
   * cleanly (the caller rebuilds it).
   */
  static <T extends Table> @Nullable T open(Path file, Format f, long generation, Maker<T> make) {
    Opened o = openIfValid(file, f, generation);
    if (o == null) {
      return null;
    }
    try {
      T idx = make.make(o.channel(), o.log2());
      idx.opened(o.size(), generation);
      if (idx.crc() != o.crc()) {
        o.channel().close();
        return null;
      }
      return idx;
    } catch (IOException | RuntimeException e) {
      try {
        o.channel().close();
      } catch (IOException ignored) {
        // the file is rebuilt anyway
      }
      return null;
    }
  }

  /**
   * A new empty index in {@code file} (replacing any), sized for {@code entries} entries: made in a
   * temporary file and moved into place once its header is written.
   */
  static <T extends Table> T create(
      Path file, Format f, long entries, long generation, Maker<T> make) throws IOException {
    int log2 = f.log2For(entries);
    Path tmp = tmpFile(file);
    FileChannel ch = openEmpty(tmp, f, log2);
    T idx = make.make(ch, log2);
    idx.created(generation);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return idx;
  }

  /** An opened file whose header is valid; its table's CRC is still to be checked. */
  record Opened(FileChannel channel, int log2, long size, long crc) {}

  /**
   * Opens {@code file} when its header is of this format, for store generation {@code generation},
   * closed cleanly, with a plausible entry count and the length its table needs; null otherwise
   * (the caller rebuilds the index).
   */
  static @Nullable Opened openIfValid(Path file, Format f, long generation) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      long length = Files.size(file);
      if (length < HEADER) {
        return null;
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        MappedByteBuffer h = ch.map(FileChannel.MapMode.READ_WRITE, 0, HEADER);
        h.order(ByteOrder.LITTLE_ENDIAN);
        int log2 = h.getInt(12);
        long size = h.getLong(16);
        if (h.getLong(0) != f.magic()
            || h.getInt(8) != f.version()
            || log2 < f.minLog2()
            || log2 > f.maxLog2()
            || length != HEADER + f.bodyBytes(log2)
            || h.getInt(32) != 1
            || h.getLong(24) != generation
            || size < 0
            || size > (1L << log2)) {
          ch.close();
          return null;
        }
        return new Opened(ch, log2, size, h.getLong(40));
      } catch (IOException | RuntimeException e) {
        ch.close();
        return null;
      }
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes the whole header. */
  static void writeHeader(
      MappedByteBuffer h, Format f, int log2, long size, long generation, boolean clean, long crc) {
    h.putLong(0, f.magic());
    h.putInt(8, f.version());
    h.putInt(12, log2);
    h.putLong(16, size);
    h.putLong(24, generation);
    h.putInt(32, clean ? 1 : 0);
    h.putLong(40, clean ? crc : 0);
  }

  /** Records the generation and entry count (the file stays marked as not clean). */
  static void writeProgress(MappedByteBuffer h, long size, long generation) {
    h.putLong(24, generation);
    h.putLong(16, size);
  }

  /** The CRC32C of a table. */
  static long crc(ByteBuffer body) {
    CRC32C crc = new CRC32C();
    ByteBuffer view = body.duplicate();
    view.clear();
    crc.update(view);
    return crc.getValue();
  }

  /** Where a new table is written before it is renamed over {@code file}. */
  static Path tmpFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /**
   * A new file at {@code tmp} (replacing any) of a header and a table, sparse: zeros, empty slots.
   */
  static FileChannel openEmpty(Path tmp, Format f, int log2) throws IOException {
    Files.deleteIfExists(tmp);
    FileChannel ch =
        FileChannel.open(
            tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    ch.write(ByteBuffer.allocate(1), HEADER + f.bodyBytes(log2) - 1);
    return ch;
  }
}
