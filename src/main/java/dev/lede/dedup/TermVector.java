package dev.lede.dedup;

import java.util.Arrays;

/**
 * A sparse vector: term ids (32-bit hashes) in ascending order with their weights. Immutable once
 * built; {@link #cosine} is a merge over the two sorted term lists.
 */
final class TermVector {
  static final TermVector EMPTY = new TermVector(new int[0], new float[0]);

  final int[] terms;
  final float[] weights;
  private double norm = -1;

  TermVector(int[] terms, float[] weights) {
    this.terms = terms;
    this.weights = weights;
  }

  int size() {
    return terms.length;
  }

  boolean isEmpty() {
    return terms.length == 0;
  }

  double norm() {
    if (norm < 0) {
      double s = 0;
      for (float w : weights) {
        s += (double) w * w;
      }
      norm = Math.sqrt(s);
    }
    return norm;
  }

  double dot(TermVector o) {
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < terms.length && j < o.terms.length) {
      if (terms[i] == o.terms[j]) {
        s += (double) weights[i] * o.weights[j];
        i++;
        j++;
      } else if (terms[i] < o.terms[j]) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }

  double cosine(TermVector o) {
    double n = norm() * o.norm();
    return n == 0 ? 0 : dot(o) / n;
  }

  /** This vector scaled to unit length. */
  TermVector normalised() {
    double n = norm();
    if (n == 0) {
      return this;
    }
    float[] w = new float[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (weights[i] / n);
    }
    return new TermVector(terms, w);
  }

  /** The sum of this and {@code o}. */
  TermVector plus(TermVector o) {
    int[] t = new int[terms.length + o.terms.length];
    float[] w = new float[t.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < terms.length || j < o.terms.length) {
      if (j == o.terms.length || (i < terms.length && terms[i] < o.terms[j])) {
        t[k] = terms[i];
        w[k++] = weights[i++];
      } else if (i == terms.length || o.terms[j] < terms[i]) {
        t[k] = o.terms[j];
        w[k++] = o.weights[j++];
      } else {
        t[k] = terms[i];
        w[k++] = weights[i++] + o.weights[j++];
      }
    }
    return new TermVector(Arrays.copyOf(t, k), Arrays.copyOf(w, k));
  }

  /** The {@code max} heaviest terms (all when there are fewer), still in term order. */
  TermVector top(int max) {
    if (terms.length <= max) {
      return this;
    }
    int[] keep = byWeight(max);
    Arrays.sort(keep);
    int[] t = new int[keep.length];
    float[] w = new float[keep.length];
    for (int i = 0; i < keep.length; i++) {
      t[i] = terms[keep[i]];
      w[i] = weights[keep[i]];
    }
    return new TermVector(t, w);
  }

  /** The terms of the {@code n} heaviest entries, heaviest first. */
  int[] heaviest(int n) {
    int[] idx = byWeight(n);
    int[] out = new int[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = terms[idx[i]];
    }
    return out;
  }

  /** Indices of the {@code n} heaviest entries, heaviest first (ties: lower index first). */
  private int[] byWeight(int n) {
    long[] packed = new long[terms.length];
    for (int i = 0; i < packed.length; i++) {
      // weights are not negative, so their float bits order like the floats; invert for descending
      packed[i] =
          ((long) (Integer.MAX_VALUE - Float.floatToIntBits(Math.max(0f, weights[i]))) << 32) | i;
    }
    Arrays.sort(packed);
    int[] out = new int[Math.min(n, packed.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) packed[i];
    }
    return out;
  }

  /** Builds a vector from unsorted (term, weight) pairs, summing repeated terms. */
  static TermVector of(int[] terms, float[] weights, int n) {
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = ((long) terms[i] << 32) | (Float.floatToRawIntBits(weights[i]) & 0xffffffffL);
    }
    Arrays.sort(packed);
    int[] t = new int[n];
    float[] w = new float[n];
    int k = -1;
    for (int i = 0; i < n; i++) {
      int term = (int) (packed[i] >> 32);
      float weight = Float.intBitsToFloat((int) packed[i]);
      if (k >= 0 && t[k] == term) {
        w[k] += weight;
      } else {
        t[++k] = term;
        w[k] = weight;
      }
    }
    return new TermVector(Arrays.copyOf(t, k + 1), Arrays.copyOf(w, k + 1));
  }
}
