package dev.lede.index;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * {@link Embedder} over langchain4j's in-process ONNX build of bge-small-en-v1.5 (quantised). The
 * model and its tokenizer ship inside the jar. The tokenizer library (DJL) otherwise "calls home"
 * (a request to a cloud metadata address) when it loads and may try to download native code; the
 * two system properties set before loading turn both off, so the model never reaches for the
 * network (the environment variables {@code DJL_OFFLINE} and {@code OPT_OUT_TRACKING}, which DJL
 * reads first, must not be set to false). The ONNX session is the library's own, shared by every
 * instance for the life of the process (about 35 MB); closing an instance releases nothing.
 */
final class BgeSmallEmbedder implements Embedder {
  static final String MODEL = "bge-small-en-v1.5-q";
  private static final int DIMENSIONS = 384;

  /** The model reads at most 512 tokens; longer texts are cut by characters first. */
  private static final int MAX_CHARS = 2_000;

  private final BgeSmallEnV15QuantizedEmbeddingModel model;

  private BgeSmallEmbedder(BgeSmallEnV15QuantizedEmbeddingModel model) {
    this.model = model;
  }

  static BgeSmallEmbedder load() {
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.offline", "true");
    try {
      return new BgeSmallEmbedder(new BgeSmallEnV15QuantizedEmbeddingModel());
    } catch (LinkageError e) {
      // The model loads in a static initialiser: a platform without the runtime's or the
      // tokenizer's native code fails there with an Error, which callers should see as a refusal.
      throw new IllegalStateException("the embedding model did not load on this platform: " + e, e);
    }
  }

  @Override
  public float[] embed(String text) {
    String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (t.isBlank()) {
      return new float[DIMENSIONS]; // nothing to say: similar to nothing
    }
    return Embedder.toUnitLength(model.embed(t).content().vector());
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public String model() {
    return MODEL;
  }
}
