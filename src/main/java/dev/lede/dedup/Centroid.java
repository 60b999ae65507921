package dev.lede.dedup;

import java.nio.ByteBuffer;

/**
 * A story's centroid: per view the sum of its members' unit-length TF-IDF vectors (IDF as it was
 * when each member arrived), cut to the heaviest terms, plus the span of the members' event times
 * (publication, else first-seen). Encoded as 8 bytes per term: about 2 KB for a full story (200
 * body terms by default).
 */
final class Centroid {
  private static final int VERSION = 1;

  final TermVector[] views;
  final long firstEvent;
  final long lastEvent;

  Centroid(TermVector[] views, long firstEvent, long lastEvent) {
    this.views = views;
    this.firstEvent = firstEvent;
    this.lastEvent = lastEvent;
  }

  /** This centroid with another (member or story) added, each view cut to {@code cap(view)}. */
  Centroid plus(TermVector[] other, long otherFirst, long otherLast, DedupConfig.Stories cfg) {
    TermVector[] v = new TermVector[StoryTerms.VIEWS];
    for (int i = 0; i < v.length; i++) {
      v[i] = views[i].plus(other[i]).top(cfg.centroidTerms(i));
    }
    return new Centroid(v, Math.min(firstEvent, otherFirst), Math.max(lastEvent, otherLast));
  }

  byte[] encode() {
    int size = 2 + 16;
    for (TermVector v : views) {
      size += 2 + v.size() * 8;
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put((byte) VERSION).put((byte) views.length).putLong(firstEvent).putLong(lastEvent);
    for (TermVector v : views) {
      b.putShort((short) v.size());
      for (int i = 0; i < v.size(); i++) {
        b.putInt(v.terms[i]).putFloat(v.weights[i]);
      }
    }
    return b.array();
  }

  static Centroid decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int version = b.get();
    if (version != VERSION) {
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
    return new Centroid(views, first, last);
  }
}
