package dev.lede.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The stored fingerprint of one article: everything duplicate detection needs to know about it
 * without reading the article again. About 600–900 bytes when encoded: the MinHash signature is 512
 * of them, the sentence hashes 8 per sentence (two halves; at most {@link #MAX_SENTENCES}), the
 * names sample 96.
 *
 * @param time when it was published, or first seen when the date is unknown (epoch ms)
 * @param dated whether {@code time} is a publication time
 * @param wire whether the article comes from a wire agency (wins a tie for the original)
 * @param source the id of the source it came from
 * @param exact hash of the normalised body (0 when too short for an exact match)
 * @param simhash 64-bit SimHash of the body's content words
 * @param tokens words in the normalised body
 * @param shingles distinct word 3-grams in the normalised body
 * @param minhash MinHash signature of the shingles (empty when too short for near matches)
 * @param sentences two hashes per sentence of 6+ words (its two halves), in order
 * @param names bottom-k sample of the hashes of names and numbers (capitalised words inside a
 *     sentence, tokens with digits)
 */
record Sketch(
    long time,
    boolean dated,
    boolean wire,
    String source,
    long exact,
    long simhash,
    int tokens,
    int shingles,
    int[] minhash,
    int[] sentences,
    int[] names) {
  static final int VERSION = 4;
  static final int MAX_SENTENCES = 256;
  static final int NAMES = 24;

  /** How many sentences the article has (of 6+ words, up to the cap). */
  int sentenceCount() {
    return sentences.length / 2;
  }

  /** True when the article is long enough for near-duplicate detection. */
  boolean nearEligible() {
    return minhash.length == MinHash.K;
  }

  byte[] encode() {
    byte[] src = source.getBytes(StandardCharsets.UTF_8);
    int srcLen = Math.min(src.length, 255);
    ByteBuffer b =
        ByteBuffer.allocate(
            2
                + 8
                + 8
                + 8
                + 4
                + 4
                + 1
                + srcLen
                + 1
                + minhash.length * 4
                + 2
                + sentences.length * 4
                + 1
                + names.length * 4);
    b.put((byte) VERSION);
    b.put((byte) ((dated ? 1 : 0) | (wire ? 2 : 0)));
    b.putLong(time).putLong(exact).putLong(simhash).putInt(tokens).putInt(shingles);
    b.put((byte) srcLen).put(src, 0, srcLen);
    b.put((byte) (minhash.length / 64));
    for (int v : minhash) {
      b.putInt(v);
    }
    b.putShort((short) sentences.length);
    for (int v : sentences) {
      b.putInt(v);
    }
    b.put((byte) names.length);
    for (int v : names) {
      b.putInt(v);
    }
    return b.array();
  }

  static Sketch decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int version = b.get();
    if (version != VERSION) {
      throw new IllegalStateException(
          "fingerprint format " + version + " is not " + VERSION + ": run 'lede restory --all'");
    }
    int flags = b.get();
    long time = b.getLong();
    long exact = b.getLong();
    long simhash = b.getLong();
    int tokens = b.getInt();
    int shingles = b.getInt();
    byte[] src = new byte[b.get() & 0xff];
    b.get(src);
    int[] minhash = new int[(b.get() & 0xff) * 64];
    for (int i = 0; i < minhash.length; i++) {
      minhash[i] = b.getInt();
    }
    int[] sentences = new int[(b.getShort() & 0xffff)];
    for (int i = 0; i < sentences.length; i++) {
      sentences[i] = b.getInt();
    }
    int[] names = new int[b.get() & 0xff];
    for (int i = 0; i < names.length; i++) {
      names[i] = b.getInt();
    }
    return new Sketch(
        time,
        (flags & 1) != 0,
        (flags & 2) != 0,
        new String(src, StandardCharsets.UTF_8),
        exact,
        simhash,
        tokens,
        shingles,
        minhash,
        sentences,
        names);
  }
}
