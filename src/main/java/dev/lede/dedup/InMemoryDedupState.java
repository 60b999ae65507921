package dev.lede.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A compact {@link DedupState} in the heap, for tests, evaluations and benchmarks: ids and
 * fingerprints in byte arenas, postings packed in open-addressing {@code long} tables, links and
 * memberships in {@code int} arrays — no object per article. Story records and per-term story lists
 * are objects (one per story, one per term). {@link #bytes()} reports what it holds. Not
 * thread-safe; keys must stay below 2^31.
 */
public final class InMemoryDedupState implements DedupState {
  private static final int MAX_TABLES = 256;

  private final ByteArena arena = new ByteArena();
  private int count;
  private long[] idAddr = new long[1024];
  private int[] idLen = new int[1024];
  private int[] idTable = new int[2048];
  private long[] sketchAddr = new long[1024];
  private int[] sketchLen = new int[1024];
  private int[] canonical = new int[1024];
  private int[] firstCopy = new int[1024];
  private int[] nextCopy = new int[1024];
  private int[] storyOf = new int[1024];
  private int[] nextMember = new int[1024];
  private final PostingTable[] tables = new PostingTable[MAX_TABLES];

  private int storyCount;
  private StoryRow[] stories = new StoryRow[1024];
  private int[] firstMember = new int[1024];
  private final Map<Long, TermRing> termStories = new HashMap<>();
  private long[] dfKeys = new long[1 << 14];
  private int[] dfValues = new int[1 << 14];
  private int dfSize;
  private long documents;

  public InMemoryDedupState() {
    Arrays.fill(firstMember, -1);
  }

  // ---- articles

  @Override
  public long key(String articleId) {
    byte[] b = articleId.getBytes(StandardCharsets.UTF_8);
    int mask = idTable.length - 1;
    for (int i = idSlot(b, mask); ; i = (i + 1) & mask) {
      int k = idTable[i] - 1;
      if (k < 0) {
        return -1;
      }
      if (idLen[k] == b.length && arena.equalsAt(idAddr[k], b)) {
        return k;
      }
    }
  }

  @Override
  public long add(String articleId) {
    if (key(articleId) >= 0) {
      throw new IllegalArgumentException("article id already registered: " + articleId);
    }
    if (count == Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("in-memory state is full (" + count + " articles)");
    }
    int k = count++;
    ensureArticles(count);
    byte[] b = articleId.getBytes(StandardCharsets.UTF_8);
    idAddr[k] = arena.append(b);
    idLen[k] = b.length;
    sketchLen[k] = -1;
    canonical[k] = -1;
    firstCopy[k] = -1;
    nextCopy[k] = -1;
    storyOf[k] = -1;
    nextMember[k] = -1;
    if (count * 2 > idTable.length) {
      rehashIds();
    }
    insertId(b, k);
    return k;
  }

  @Override
  public String id(long key) {
    int k = checkKey(key);
    return new String(arena.get(idAddr[k], idLen[k]), StandardCharsets.UTF_8);
  }

  @Override
  public long articles() {
    return count;
  }

  // ---- fingerprints

  @Override
  public void putSketch(long article, byte[] sketch) {
    int k = checkKey(article);
    sketchAddr[k] = arena.append(sketch);
    sketchLen[k] = sketch.length;
  }

  @Override
  public byte @Nullable [] sketch(long article) {
    if (article < 0 || article >= count || sketchLen[(int) article] < 0) {
      return null;
    }
    int k = (int) article;
    return arena.get(sketchAddr[k], sketchLen[k]);
  }

  @Override
  public void removeSketch(long article) {
    sketchLen[checkKey(article)] = -1;
  }

  @Override
  public void addPosting(int table, int key, long article) {
    if (table < 0 || table >= MAX_TABLES) {
      throw new IllegalArgumentException("table out of range: " + table);
    }
    if (tables[table] == null) {
      tables[table] = new PostingTable();
    }
    tables[table].add(key, article);
  }

  @Override
  public void postings(int table, int key, int limit, LongConsumer out) {
    if (table >= 0 && table < MAX_TABLES && tables[table] != null) {
      tables[table].get(key, limit, out);
    }
  }

  // ---- duplicates

  @Override
  public void setCanonical(long article, long canonicalKey) {
    int a = checkKey(article);
    int c = checkKey(canonicalKey);
    int old = canonical[a];
    if (old == c) {
      return;
    }
    if (old >= 0 && old != a) {
      unlink(firstCopy, nextCopy, old, a);
    }
    canonical[a] = c;
    if (c != a) {
      nextCopy[a] = firstCopy[c];
      firstCopy[c] = a;
    }
  }

  @Override
  public long canonical(long article) {
    return article < 0 || article >= count ? -1 : canonical[(int) article];
  }

  @Override
  public void copies(long canonicalKey, LongConsumer out) {
    int c = checkKey(canonicalKey);
    for (int a = firstCopy[c]; a >= 0; a = nextCopy[a]) {
      out.accept(a);
    }
  }

  // ---- stories

  @Override
  public long nextStoryId() {
    int id = storyCount++;
    if (storyCount > stories.length) {
      int n = stories.length * 3 / 2 + 1;
      stories = Arrays.copyOf(stories, n);
      int old = firstMember.length;
      firstMember = Arrays.copyOf(firstMember, n);
      Arrays.fill(firstMember, old, n, -1);
    }
    return id;
  }

  @Override
  public void putStory(StoryRow story) {
    stories[checkStory(story.id())] = story;
  }

  @Override
  public @Nullable StoryRow story(long storyId) {
    return storyId < 0 || storyId >= storyCount ? null : stories[(int) storyId];
  }

  @Override
  public void removeStory(long storyId) {
    stories[checkStory(storyId)] = null;
  }

  @Override
  public void setStory(long article, long storyId) {
    int a = checkKey(article);
    int old = storyOf[a];
    if (old == storyId) {
      return;
    }
    if (old >= 0) {
      unlink(firstMember, nextMember, old, a);
    }
    storyOf[a] = -1;
    if (storyId >= 0) {
      int s = checkStory(storyId);
      storyOf[a] = s;
      nextMember[a] = firstMember[s];
      firstMember[s] = a;
    }
  }

  @Override
  public long storyOf(long article) {
    return article < 0 || article >= count ? -1 : storyOf[(int) article];
  }

  @Override
  public void members(long storyId, LongConsumer out) {
    int s = checkStory(storyId);
    for (int a = firstMember[s]; a >= 0; a = nextMember[a]) {
      out.accept(a);
    }
  }

  @Override
  public void moveMembers(long from, long to) {
    int f = checkStory(from);
    int t = checkStory(to);
    if (f == t) {
      return;
    }
    int last = -1;
    for (int a = firstMember[f]; a >= 0; a = nextMember[a]) {
      storyOf[a] = t;
      last = a;
    }
    if (last >= 0) {
      nextMember[last] = firstMember[t];
      firstMember[t] = firstMember[f];
      firstMember[f] = -1;
    }
  }

  @Override
  public void addStoryTerm(long term, long storyId, long seenMillis) {
    termStories.computeIfAbsent(term, t -> new TermRing()).add((int) storyId, seenMillis);
  }

  @Override
  public void storiesWithTerm(long term, long sinceMillis, int limit, LongConsumer out) {
    TermRing ring = termStories.get(term);
    if (ring != null) {
      ring.recent(sinceMillis, limit, out);
    }
  }

  @Override
  public void forEachStory(long sinceMillis, Consumer<StoryRow> out) {
    for (int s = 0; s < storyCount; s++) {
      StoryRow row = stories[s];
      if (row != null && row.lastSeen() >= sinceMillis) {
        out.accept(row);
      }
    }
  }

  @Override
  public void clearStories() {
    Arrays.fill(stories, null);
    Arrays.fill(firstMember, -1);
    Arrays.fill(storyOf, 0, count, -1);
    Arrays.fill(nextMember, 0, count, -1);
    termStories.clear();
    Arrays.fill(dfKeys, 0);
    Arrays.fill(dfValues, 0);
    dfSize = 0;
    documents = 0;
  }

  // ---- document frequencies

  @Override
  public void addDocument(long[] terms, int n) {
    for (int i = 0; i < n; i++) {
      if ((dfSize + 1) * 10L > dfKeys.length * 7L) {
        growDf();
      }
      long t = terms[i] == 0 ? 1 : terms[i];
      int mask = dfKeys.length - 1;
      int s = (int) Hashing.mix(t) & mask;
      while (dfKeys[s] != 0 && dfKeys[s] != t) {
        s = (s + 1) & mask;
      }
      if (dfKeys[s] == 0) {
        dfKeys[s] = t;
        dfSize++;
      }
      dfValues[s]++;
    }
    documents++;
  }

  @Override
  public int df(long term) {
    long t = term == 0 ? 1 : term;
    int mask = dfKeys.length - 1;
    for (int s = (int) Hashing.mix(t) & mask; dfKeys[s] != 0; s = (s + 1) & mask) {
      if (dfKeys[s] == t) {
        return dfValues[s];
      }
    }
    return 0;
  }

  @Override
  public long documents() {
    return documents;
  }

  /**
   * Bytes held in arrays and arenas (capacity, not only what is used), plus an estimate for the
   * story objects: what this state costs, for the benchmark's bytes per article.
   */
  public long bytes() {
    long b = arena.bytes();
    b += idAddr.length * 8L + idLen.length * 4L + idTable.length * 4L;
    b += sketchAddr.length * 8L + sketchLen.length * 4L;
    b += (canonical.length + firstCopy.length + nextCopy.length) * 4L;
    b += (storyOf.length + nextMember.length) * 4L;
    for (PostingTable t : tables) {
      b += t == null ? 0 : t.bytes();
    }
    b += stories.length * 8L + firstMember.length * 4L;
    for (int s = 0; s < storyCount; s++) {
      StoryRow row = stories[s];
      if (row != null) {
        b += 64 + 40 + row.headline().length() * 2L + 16 + row.centroid().length;
      }
    }
    for (TermRing ring : termStories.values()) {
      b += 48 + 16 + ring.bytes();
    }
    b += dfKeys.length * 8L + dfValues.length * 4L;
    return b;
  }

  // ---- internals

  private static void unlink(int[] heads, int[] next, int list, int item) {
    if (heads[list] == item) {
      heads[list] = next[item];
    } else {
      for (int p = heads[list]; p >= 0; p = next[p]) {
        if (next[p] == item) {
          next[p] = next[item];
          break;
        }
      }
    }
    next[item] = -1;
  }

  private int checkKey(long key) {
    if (key < 0 || key >= count) {
      throw new IllegalArgumentException("unknown article key " + key + " (" + count + " known)");
    }
    return (int) key;
  }

  private int checkStory(long id) {
    if (id < 0 || id >= storyCount) {
      throw new IllegalArgumentException("unknown story id " + id);
    }
    return (int) id;
  }

  private void ensureArticles(int n) {
    if (n <= idAddr.length) {
      return;
    }
    int cap = Math.max(n, idAddr.length * 3 / 2);
    idAddr = Arrays.copyOf(idAddr, cap);
    idLen = Arrays.copyOf(idLen, cap);
    sketchAddr = Arrays.copyOf(sketchAddr, cap);
    sketchLen = Arrays.copyOf(sketchLen, cap);
    canonical = Arrays.copyOf(canonical, cap);
    firstCopy = Arrays.copyOf(firstCopy, cap);
    nextCopy = Arrays.copyOf(nextCopy, cap);
    storyOf = Arrays.copyOf(storyOf, cap);
    nextMember = Arrays.copyOf(nextMember, cap);
  }

  private static int idSlot(byte[] b, int mask) {
    long h = 0x9e3779b97f4a7c15L;
    for (byte x : b) {
      h = (h ^ x) * 0x100000001b3L;
    }
    return (int) Hashing.mix(h) & mask;
  }

  private void insertId(byte[] b, int k) {
    int mask = idTable.length - 1;
    int i = idSlot(b, mask);
    while (idTable[i] != 0) {
      i = (i + 1) & mask;
    }
    idTable[i] = k + 1;
  }

  private void rehashIds() {
    idTable = new int[idTable.length * 2];
    for (int k = 0; k < count - 1; k++) {
      insertId(arena.get(idAddr[k], idLen[k]), k);
    }
  }

  private void growDf() {
    long[] keys = dfKeys;
    int[] values = dfValues;
    dfKeys = new long[keys.length * 2];
    dfValues = new int[keys.length * 2];
    int mask = dfKeys.length - 1;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        int s = (int) Hashing.mix(keys[i]) & mask;
        while (dfKeys[s] != 0) {
          s = (s + 1) & mask;
        }
        dfKeys[s] = keys[i];
        dfValues[s] = values[i];
      }
    }
  }

  /** The most recent stories filed under one term (at most {@link #CAP}). */
  private static final class TermRing {
    static final int CAP = 48;
    private int[] story = new int[2];
    private long[] seen = new long[2];
    private int size;

    void add(int s, long when) {
      for (int i = 0; i < size; i++) {
        if (story[i] == s) {
          seen[i] = Math.max(seen[i], when);
          return;
        }
      }
      if (size == story.length && size < CAP) {
        story = Arrays.copyOf(story, Math.min(CAP, size * 2));
        seen = Arrays.copyOf(seen, story.length);
      }
      if (size < story.length) {
        story[size] = s;
        seen[size] = when;
        size++;
        return;
      }
      int oldest = 0;
      for (int i = 1; i < size; i++) {
        if (seen[i] < seen[oldest]) {
          oldest = i;
        }
      }
      if (seen[oldest] <= when) {
        story[oldest] = s;
        seen[oldest] = when;
      }
    }

    void recent(long since, int limit, LongConsumer out) {
      if (size <= limit) {
        for (int i = 0; i < size; i++) {
          if (seen[i] >= since) {
            out.accept(story[i]);
          }
        }
        return;
      }
      long[] order = new long[size];
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (seen[i] >= since) {
          order[n++] = ((Long.MAX_VALUE - seen[i]) & ~0xffL) | i; // most recent first
        }
      }
      Arrays.sort(order, 0, n);
      for (int i = 0; i < Math.min(n, limit); i++) {
        out.accept(story[(int) (order[i] & 0xff)]);
      }
    }

    long bytes() {
      return story.length * 4L + seen.length * 8L;
    }
  }
}
