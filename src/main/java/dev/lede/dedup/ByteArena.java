package dev.lede.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Append-only storage for many small byte strings (article ids, fingerprints) in 4 MB chunks,
 * addressed by a {@code long} offset: no object and no header per entry. A value never spans two
 * chunks.
 */
final class ByteArena {
  private static final int CHUNK = 1 << 22;

  private final List<byte[]> chunks = new ArrayList<>();
  private int used = CHUNK;

  /** Appends {@code value} and returns its address. */
  long append(byte[] value) {
    if (value.length > CHUNK) {
      throw new IllegalArgumentException("value of " + value.length + " bytes is too large");
    }
    if (used + value.length > CHUNK) {
      chunks.add(new byte[CHUNK]);
      used = 0;
    }
    int chunk = chunks.size() - 1;
    System.arraycopy(value, 0, chunks.get(chunk), used, value.length);
    long address = ((long) chunk << 32) | used;
    used += value.length;
    return address;
  }

  byte[] get(long address, int length) {
    byte[] chunk = chunks.get((int) (address >>> 32));
    int off = (int) address;
    return Arrays.copyOfRange(chunk, off, off + length);
  }

  boolean equalsAt(long address, byte[] value) {
    byte[] chunk = chunks.get((int) (address >>> 32));
    int off = (int) address;
    return Arrays.equals(chunk, off, off + value.length, value, 0, value.length);
  }

  long bytes() {
    return (long) chunks.size() * CHUNK;
  }
}
