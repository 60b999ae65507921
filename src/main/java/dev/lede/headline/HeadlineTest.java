package dev.lede.headline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of one article's headline test. Arm 0 is always the original headline (variant id
 * {@link #ORIGINAL}); editors' and writers' variants follow. While {@code RUNNING} the bandit
 * shares teaser traffic; {@code PROMOTED} serves {@code winner} in every teaser (declared by the
 * stopping rule or chosen by an editor); {@code STOPPED} serves the original. The canonical title,
 * JSON-LD headline and feeds keep the original unless {@code canonical} is set, which only an
 * editor's promotion does.
 */
public record HeadlineTest(
    String articleId,
    String original,
    List<Variant> variants,
    Status status,
    @Nullable String winner,
    boolean canonical,
    Instant created) {

  /** Variant id of the original headline. */
  public static final String ORIGINAL = "original";

  public enum Status {
    RUNNING,
    PROMOTED,
    STOPPED
  }

  /** A headline variant: its id, text, who proposed it ("editor", "rules", "llm") and when. */
  public record Variant(String id, String text, String origin, Instant created) {
    public Variant {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(created, "created");
    }
  }

  public HeadlineTest {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(created, "created");
    variants = List.copyOf(variants);
    if (status == Status.PROMOTED && winner == null) {
      throw new IllegalArgumentException("a promoted test needs a winner");
    }
  }

  /** The arms in bandit order: the original, then the variants. */
  public List<Variant> arms() {
    java.util.ArrayList<Variant> out = new java.util.ArrayList<>();
    out.add(new Variant(ORIGINAL, original, "original", created));
    out.addAll(variants);
    return List.copyOf(out);
  }

  HeadlineTest with(List<Variant> v, Status s, @Nullable String w, boolean c) {
    return new HeadlineTest(articleId, original, v, s, w, c, created);
  }
}
