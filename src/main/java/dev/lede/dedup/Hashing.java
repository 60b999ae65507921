package dev.lede.dedup;

/**
 * 64-bit hashing for tokens, shingles and sentences. Token hashes are FNV-1a over the lower-cased
 * UTF-16 code units, finished with MurmurHash3's {@code fmix64} so that every output bit depends on
 * every input bit (SimHash and MinHash both need well-mixed hashes). The values are persisted in
 * fingerprints: changing this class changes every stored fingerprint (bump {@link Sketch#VERSION}).
 */
final class Hashing {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  /** MurmurHash3's 64-bit finaliser. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Hash of {@code s[start, end)} lower-cased. */
  static long lower(CharSequence s, int start, int end) {
    long h = FNV_OFFSET;
    for (int i = start; i < end; i++) {
      h ^= Character.toLowerCase(s.charAt(i));
      h *= FNV_PRIME;
    }
    return mix(h);
  }

  /** Hash of a whole string as it is. */
  static long of(String s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return mix(h);
  }

  /** Order-dependent combination of a running hash with the next value. */
  static long combine(long h, long next) {
    return mix(h * 0x9e3779b97f4a7c15L + next);
  }
}
