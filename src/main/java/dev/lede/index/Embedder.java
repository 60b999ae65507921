package dev.lede.index;

import dev.lede.model.Article;

/**
 * Sentence embeddings of articles, in process: a text becomes a unit-length vector whose dot
 * product with another is their cosine similarity. Optional everywhere it is used: Lede ranks and
 * groups by words and names alone unless an embedder is configured (the model costs about 17 ms of
 * CPU per article's opening on this machine's cores, against well under a millisecond for the
 * lexical work).
 *
 * <p>What is embedded is the article's opening ({@link #textOf}): the headline and the first
 * {@value #OPENING_CHARS} characters of the body. The opening carries the event (who, what, where);
 * the rest of a body adds background that two different events of one kind share. Measured offline
 * on ECB+: with an article's own event set aside, the nearest other article by the opening's
 * embedding is of the topic's other event for 85% of articles, against 78% for a TF-IDF cosine over
 * the whole text (docs/benchmarks.md, "Related stories").
 */
public interface Embedder extends AutoCloseable {

  /** Characters of the body embedded after the headline. */
  int OPENING_CHARS = 600;

  /** The vector of a text: unit length, {@link #dimensions()} long. */
  float[] embed(String text);

  /** Length of every vector. */
  int dimensions();

  /**
   * The model's name. Vectors of two models never compare; Lede bundles one model, and stored
   * vectors are not tagged with it (a vector of another length is ignored).
   */
  String model();

  @Override
  default void close() {}

  /** What is embedded of an article: its headline and the opening of its body. */
  static String textOf(Article a) {
    String body = a.text();
    if (body.isBlank()) {
      body = a.description();
    }
    if (body.length() > OPENING_CHARS) {
      int cut = body.lastIndexOf(' ', OPENING_CHARS);
      body = body.substring(0, cut > OPENING_CHARS / 2 ? cut : OPENING_CHARS);
    }
    String title = a.title().strip();
    return title.isEmpty() ? body : title + ".\n" + body;
  }

  /**
   * Scales a vector to unit length in place (a zero vector, or one already within 1e-4 of unit
   * length, is left as it is) and returns it.
   */
  static float[] toUnitLength(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    if (n > 0 && Math.abs(n - 1) > 1e-4) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / n);
      }
    }
    return v;
  }

  /** Cosine of two unit vectors of one model. */
  static double cosine(float[] x, float[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "vectors of different lengths: " + x.length + " and " + y.length);
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  /**
   * The bundled model, BAAI's bge-small-en-v1.5 quantised (384 dimensions, English), loaded from
   * its jar: no file and no network is read. Loading takes about a second; the instance is
   * thread-safe.
   */
  static Embedder bgeSmall() {
    return BgeSmallEmbedder.load();
  }
}
