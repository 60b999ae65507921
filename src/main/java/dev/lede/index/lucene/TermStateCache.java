package dev.lede.index.lucene;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Where a term of a field sits in each segment (its {@link TermState}, document frequency and total
 * term frequency), remembered across queries. A related list looks up its few dozen query terms in
 * every segment, and the terms of news articles repeat from list to list (names, places, topics of
 * the day), so most lookups were a seek through the terms dictionary that an earlier list had made.
 *
 * <p>Keyed by the segment's core (its immutable postings: a segment's terms and their document
 * frequencies never change; deletions do not change them either), so a cached state stays right
 * across refreshes; a segment merged away drops its entries when its core closes. Bounded: when
 * {@link #maxEntries} are held, everything is forgotten and the cache fills again (cheaper than an
 * LRU on every lookup, and a full cache holds what is looked up now within a few hundred lists).
 */
final class TermStateCache {
  /** Default bound: about 200 bytes an entry, so some 40 MB at most. */
  static final int DEFAULT_MAX_ENTRIES = 200_000;

  /** A term's place in one segment; {@link #ABSENT} when the segment does not hold it. */
  record Entry(@Nullable TermState state, int docFreq, long totalTermFreq) {}

  static final Entry ABSENT = new Entry(null, 0, 0);

  private record CoreField(Object core, String field) {}

  private final int maxEntries;
  private final ConcurrentHashMap<CoreField, ConcurrentHashMap<BytesRef, Entry>> byCoreField =
      new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicInteger seeks = new AtomicInteger();

  TermStateCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
  }

  /**
   * The entries of these terms (sorted, as {@link BytesRef#compareTo} orders them) of a field in
   * one segment, {@link #ABSENT} for those it does not hold; the missing ones are looked up with
   * one terms enum, in order.
   */
  Entry[] lookup(LeafReaderContext leaf, String field, BytesRef[] sortedTerms) throws IOException {
    Entry[] out = new Entry[sortedTerms.length];
    ConcurrentHashMap<BytesRef, Entry> cached = entriesOf(leaf, field);
    @Nullable TermsEnum te = null;
    boolean noTerms = false;
    for (int i = 0; i < sortedTerms.length; i++) {
      BytesRef b = sortedTerms[i];
      Entry e = cached == null ? null : cached.get(b);
      if (e == null) {
        if (te == null && !noTerms) {
          Terms terms = leaf.reader().terms(field);
          if (terms == null) {
            noTerms = true;
          } else {
            te = terms.iterator();
          }
        }
        seeks.incrementAndGet();
        e =
            te != null && te.seekExact(b)
                ? new Entry(te.termState(), te.docFreq(), te.totalTermFreq())
                : ABSENT;
        if (cached != null) {
          put(cached, BytesRef.deepCopyOf(b), e);
        }
      }
      out[i] = e;
    }
    return out;
  }

  /** Entries held now (for tests and diagnostics). */
  int size() {
    return size.get();
  }

  /** Terms looked up in a terms dictionary so far, rather than found here (for tests). */
  int seeks() {
    return seeks.get();
  }

  private void put(ConcurrentHashMap<BytesRef, Entry> cached, BytesRef key, Entry e) {
    if (size.get() >= maxEntries) {
      clear();
    }
    if (cached.putIfAbsent(key, e) == null) {
      size.incrementAndGet();
    }
  }

  private synchronized void clear() {
    if (size.get() < maxEntries) {
      return; // another thread cleared it
    }
    for (ConcurrentHashMap<BytesRef, Entry> m : byCoreField.values()) {
      size.addAndGet(-m.size());
      m.clear();
    }
  }

  private @Nullable ConcurrentHashMap<BytesRef, Entry> entriesOf(
      LeafReaderContext leaf, String field) {
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      return null; // a reader whose postings may change: never cached
    }
    Object core = helper.getKey();
    CoreField key = new CoreField(core, field);
    ConcurrentHashMap<BytesRef, Entry> m = byCoreField.get(key);
    if (m != null) {
      return m;
    }
    boolean[] created = {false};
    m =
        byCoreField.computeIfAbsent(
            key,
            k -> {
              created[0] = true;
              return new ConcurrentHashMap<>();
            });
    if (created[0]) {
      helper.addClosedListener(this::forget);
    }
    return m;
  }

  /** Drops the entries of a segment whose core closed (merged away, or the index closed). */
  private void forget(IndexReader.CacheKey core) {
    byCoreField
        .entrySet()
        .removeIf(
            e -> {
              if (e.getKey().core() != core) {
                return false;
              }
              size.addAndGet(-e.getValue().size());
              return true;
            });
  }
}
