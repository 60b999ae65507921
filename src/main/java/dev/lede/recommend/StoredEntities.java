package dev.lede.recommend;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entities of a profile read back from its stored line, kept as the line's entity field and
 * parsed into {@link Entities.Entity} values only when they are listed.
 *
 * <p>A fresh list reads the profiles of a few dozen candidates and keeps them in the profile cache;
 * of a candidate's entities it asks only whether the article's names are among their keys. Thirty
 * entities parsed are sixty strings and thirty records (about 4 KB of the 8 KB a cached profile
 * held), and every one of them outlives the young generation in the cache: at a million articles,
 * where most candidates are read anew, copying them was most of each young collection's pause. Here
 * a profile keeps the field's text, the start of each entity and the 64-bit hash of each key
 * ({@link TermHashes#hash}); {@link #keys()} answers membership from the hashes and checks a hash
 * that matches against the field's text, so the answer is exact.
 */
final class StoredEntities extends AbstractList<Entities.Entity> implements RandomAccess {
  private static final char RS = '\u001e';
  private static final char GS = '\u001d';

  private static final StoredEntities EMPTY = new StoredEntities("", new int[0], new long[0]);

  private final String field;
  private final int[] starts;
  private final long[] keyHashes;
  private volatile Entities.Entity @Nullable [] parsed;

  private StoredEntities(String field, int[] starts, long[] keyHashes) {
    this.field = field;
    this.starts = starts;
    this.keyHashes = keyHashes;
  }

  /**
   * The entities of an encoded entity field: entities separated by U+001E, each of four parts
   * separated by U+001D (key, display, "1" for a number, weight); null when an entity has another
   * number of parts. A weight that is not a number throws {@link NumberFormatException} (as {@link
   * Double#parseDouble} would).
   */
  static @Nullable StoredEntities read(String es) {
    if (es.isEmpty()) {
      return EMPTY;
    }
    int n = 1;
    for (int i = 0; i < es.length(); i++) {
      if (es.charAt(i) == RS) {
        n++;
      }
    }
    int[] starts = new int[n];
    long[] hashes = new long[n];
    int k = 0;
    int from = 0;
    while (from <= es.length()) {
      int end = es.indexOf(RS, from);
      if (end < 0) {
        end = es.length();
      }
      int g1 = es.indexOf(GS, from);
      int g2 = g1 < 0 || g1 >= end ? -1 : es.indexOf(GS, g1 + 1);
      int g3 = g2 < 0 || g2 >= end ? -1 : es.indexOf(GS, g2 + 1);
      if (g3 < 0 || g3 >= end) {
        return null; // fewer than four parts
      }
      int g4 = es.indexOf(GS, g3 + 1);
      if (g4 >= 0 && g4 < end) {
        return null; // more than four parts
      }
      if (!plainDecimal(es, g3 + 1, end)) {
        Double.parseDouble(es.substring(g3 + 1, end)); // throws where parsing later would
      }
      starts[k] = from;
      hashes[k] = TermHashes.hash(es, from, g1);
      k++;
      from = end + 1;
    }
    return new StoredEntities(es, starts, hashes);
  }

  /** Digits, a point and digits: what {@link Double#parseDouble} reads without fail. */
  private static boolean plainDecimal(String s, int from, int to) {
    int point = -1;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.' && point < 0) {
        point = i;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return point > from && point < to - 1;
  }

  /** The hashes of the keys, in the order of the entities. */
  long keyHash(int i) {
    return keyHashes[i];
  }

  @Override
  public int size() {
    return keyHashes.length;
  }

  @Override
  public Entities.Entity get(int i) {
    return parsed()[i];
  }

  private Entities.Entity[] parsed() {
    Entities.Entity[] p = parsed;
    if (p == null) {
      p = new Entities.Entity[keyHashes.length];
      for (int i = 0; i < p.length; i++) {
        int from = starts[i];
        int end = i + 1 < starts.length ? starts[i + 1] - 1 : field.length();
        int g1 = field.indexOf(GS, from);
        int g2 = field.indexOf(GS, g1 + 1);
        int g3 = field.indexOf(GS, g2 + 1);
        p[i] =
            new Entities.Entity(
                field.substring(from, g1),
                field.substring(g1 + 1, g2),
                g3 - g2 == 2 && field.charAt(g2 + 1) == '1',
                Double.parseDouble(field.substring(g3 + 1, end)));
      }
      parsed = p;
    }
    return p;
  }

  /** Whether an entity's key is this string. */
  private boolean isKey(int i, String key) {
    int from = starts[i];
    return field.indexOf(GS, from) == from + key.length() && field.startsWith(key, from);
  }

  /** The set of the keys (membership from the hashes, checked against the text). */
  Set<String> keys() {
    return new Keys();
  }

  private final class Keys extends AbstractSet<String> {
    private @Nullable Set<String> all;

    @Override
    public boolean contains(@Nullable Object o) {
      if (!(o instanceof String s)) {
        return false;
      }
      long h = TermHashes.hash(s);
      for (int i = 0; i < keyHashes.length; i++) {
        if (keyHashes[i] == h && isKey(i, s)) {
          return true;
        }
      }
      return false;
    }

    private Set<String> all() {
      Set<String> a = all;
      if (a == null) {
        List<String> keys = new ArrayList<>(keyHashes.length);
        for (Entities.Entity e : parsed()) {
          keys.add(e.key());
        }
        a = Set.copyOf(keys);
        all = a;
      }
      return a;
    }

    @Override
    public Iterator<String> iterator() {
      return all().iterator();
    }

    @Override
    public int size() {
      return all().size();
    }
  }
}
