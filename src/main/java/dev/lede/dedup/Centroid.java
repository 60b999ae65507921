package dev.lede.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A story's centroid: per view the sum of its members' unit-length TF-IDF vectors (IDF as it was
 * when each member arrived), cut to the heaviest terms, plus the span of the members' event times
 * (publication, else first-seen) and how many members name each year ({@link StoryTerms#year}: the
 * latest year a member's text mentions; members that mention none are not counted). Encoded as 8
 * bytes per term and 6 per year: about 2 KB for a full story (200 body terms by default). Format 1
 * (before the years) is still read, as a story whose members named no year.
 */
final class Centroid {
  private static final int VERSION = 2;

  /** Distinct years kept per story (the most-named ones). */
  static final int MAX_YEARS = 8;

  private static final int[] NONE = new int[0];

  final TermVector[] views;
  final long firstEvent;
  final long lastEvent;

  /** Years named by members, ascending, and how many members named each. */
  final int[] years;

  final int[] yearCounts;

  Centroid(TermVector[] views, long firstEvent, long lastEvent) {
    this(views, firstEvent, lastEvent, NONE, NONE);
  }

  Centroid(TermVector[] views, long firstEvent, long lastEvent, int[] years, int[] yearCounts) {
    this.views = views;
    this.firstEvent = firstEvent;
    this.lastEvent = lastEvent;
    this.years = years;
    this.yearCounts = yearCounts;
  }

  /** The centroid of one article whose text names {@code year} last (0: none). */
  static Centroid of(TermVector[] views, long event, int year) {
    return year == 0
        ? new Centroid(views, event, event)
        : new Centroid(views, event, event, new int[] {year}, new int[] {1});
  }

  /**
   * This centroid with a member naming {@code year} (0: none) added, each view cut to {@code
   * cfg.centroidTerms(view)}.
   */
  Centroid plus(TermVector[] other, long event, int year, DedupConfig.Stories cfg) {
    return year == 0
        ? plus(other, event, event, NONE, NONE, cfg)
        : plus(other, event, event, new int[] {year}, new int[] {1}, cfg);
  }

  /** This centroid with another story's centroid added. */
  Centroid plus(Centroid o, DedupConfig.Stories cfg) {
    return plus(o.views, o.firstEvent, o.lastEvent, o.years, o.yearCounts, cfg);
  }

  private Centroid plus(
      TermVector[] other,
      long otherFirst,
      long otherLast,
      int[] otherYears,
      int[] otherCounts,
      DedupConfig.Stories cfg) {
    TermVector[] v = new TermVector[StoryTerms.VIEWS];
    for (int i = 0; i < v.length; i++) {
      v[i] = views[i].plus(other[i]).top(cfg.centroidTerms(i));
    }
    int[][] y = addYears(years, yearCounts, otherYears, otherCounts);
    return new Centroid(
        v, Math.min(firstEvent, otherFirst), Math.max(lastEvent, otherLast), y[0], y[1]);
  }

  /**
   * The year most members name: the median of the members' years (the lower one on an even count),
   * 0 when no member names one.
   */
  int year() {
    int total = 0;
    for (int c : yearCounts) {
      total += c;
    }
    if (total == 0) {
      return 0;
    }
    int half = (total + 1) / 2;
    int seen = 0;
    for (int i = 0; i < years.length; i++) {
      seen += yearCounts[i];
      if (seen >= half) {
        return years[i];
      }
    }
    return years[years.length - 1];
  }

  /** Sum of two year histograms, the {@link #MAX_YEARS} most-named kept (ties: the later year). */
  private static int[][] addYears(int[] ay, int[] ac, int[] by, int[] bc) {
    if (by.length == 0) {
      return new int[][] {ay, ac};
    }
    int[] y = new int[ay.length + by.length];
    int[] c = new int[y.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < ay.length || j < by.length) {
      if (j >= by.length || (i < ay.length && ay[i] < by[j])) {
        y[n] = ay[i];
        c[n++] = ac[i++];
      } else if (i >= ay.length || by[j] < ay[i]) {
        y[n] = by[j];
        c[n++] = bc[j++];
      } else {
        y[n] = ay[i];
        c[n++] = ac[i++] + bc[j++];
      }
    }
    if (n > MAX_YEARS) {
      Integer[] order = new Integer[n];
      for (int k = 0; k < n; k++) {
        order[k] = k;
      }
      int[] cc = c;
      int[] yy = y;
      Arrays.sort(order, (p, q) -> cc[p] != cc[q] ? cc[q] - cc[p] : yy[q] - yy[p]);
      boolean[] keep = new boolean[n];
      for (int k = 0; k < MAX_YEARS; k++) {
        keep[order[k]] = true;
      }
      for (int k = 0; k < n; k++) {
        if (!keep[k]) {
          int near = -1;
          for (int q = 0; q < n; q++) {
            if (keep[q] && (near < 0 || Math.abs(y[q] - y[k]) < Math.abs(y[near] - y[k]))) {
              near = q;
            }
          }
          c[near] += c[k];
        }
      }
      int m = 0;
      for (int k = 0; k < n; k++) {
        if (keep[k]) {
          y[m] = y[k];
          c[m++] = c[k];
        }
      }
      n = m;
    }
    return new int[][] {Arrays.copyOf(y, n), Arrays.copyOf(c, n)};
  }

  byte[] encode() {
    int size = 2 + 16;
    for (TermVector v : views) {
      size += 2 + v.size() * 8;
    }
    size += 1 + years.length * 6;
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put((byte) VERSION).put((byte) views.length).putLong(firstEvent).putLong(lastEvent);
    for (TermVector v : views) {
      b.putShort((short) v.size());
      for (int i = 0; i < v.size(); i++) {
        b.putInt(v.terms[i]).putFloat(v.weights[i]);
      }
    }
    b.put((byte) years.length);
    for (int i = 0; i < years.length; i++) {
      b.putShort((short) years[i]).putInt(yearCounts[i]);
    }
    return b.array();
  }

  static Centroid decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int version = b.get();
    if (version != VERSION && version != 1) {
      throw new IllegalStateException("story centroid format " + version + " is not " + VERSION);
    }
    int n = b.get();
    long first = b.getLong();
    long last = b.getLong();
    TermVector[] views = new TermVector[n];
    for (int v = 0; v < n; v++) {
      int size = b.getShort() & 0xffff;
      int[] t = new int[size];
      float[] w = new float[size];
      for (int i = 0; i < size; i++) {
        t[i] = b.getInt();
        w[i] = b.getFloat();
      }
      views[v] = new TermVector(t, w);
    }
    if (version == 1) {
      return new Centroid(views, first, last);
    }
    int ny = b.get() & 0xff;
    int[] years = new int[ny];
    int[] counts = new int[ny];
    for (int i = 0; i < ny; i++) {
      years[i] = b.getShort();
      counts[i] = b.getInt();
    }
    return new Centroid(views, first, last, years, counts);
  }
}
