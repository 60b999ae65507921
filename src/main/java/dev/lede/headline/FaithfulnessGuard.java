package dev.lede.headline;

import dev.lede.model.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a proposed headline says nothing its article does not, whatever wrote it (an editor,
 * {@link RuleWriter}, {@link LlmWriter}). Every number, name, identifier and quotation in the
 * variant must be found in the article (headline, description, body or captions); it may not add
 * superlatives or intensifiers, invent a cause or consequence, move a claim to another source or
 * drop its source, or state as done what the article has as possible, planned or alleged; it may
 * not give the roles of an event to others than the article does (who did what to whom, read by
 * {@link ClauseCheck}); its length must be within bounds.
 *
 * <p>The checks are lexical or shallow and deliberately conservative: a rejected faithful variant
 * costs an editor a retry, an accepted unfaithful one costs readers' trust. Measured on a labelled
 * set of hand-written variants over Wikinews articles (docs/benchmarks.md, "Headlines").
 * Thread-safe.
 */
public final class FaithfulnessGuard {
  private static final Logger LOG = LoggerFactory.getLogger(FaithfulnessGuard.class);

  /** Length bounds of a headline variant, in characters and words. */
  public record Limits(int minChars, int maxChars, int minWords) {
    public Limits {
      if (minChars < 1 || maxChars < minChars || minWords < 1) {
        throw new IllegalArgumentException(
            "limits must satisfy 1 <= minChars <= maxChars and minWords >= 1, were "
                + minChars
                + ", "
                + maxChars
                + ", "
                + minWords);
      }
    }

    /** 15 to 120 characters, at least 3 words. */
    public static Limits defaults() {
      return new Limits(15, 120, 3);
    }
  }

  /**
   * The guard's decision on one variant.
   *
   * @param accepted true if the variant passed every check
   * @param reasons human-readable reasons for a rejection (empty when accepted)
   */
  public record Verdict(boolean accepted, List<String> reasons) {
    public Verdict {
      reasons = List.copyOf(reasons);
    }
  }

  private final Limits limits;

  public FaithfulnessGuard() {
    this(Limits.defaults());
  }

  public FaithfulnessGuard(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Checks one variant against its article. */
  public Verdict check(Article article, String variant) {
    return check(new ArticleFacts(article), variant);
  }

  /** Checks several variants of one article, indexing the article once; logs rejections. */
  public List<Verdict> checkAll(Article article, List<String> variants) {
    ArticleFacts facts = new ArticleFacts(article);
    List<Verdict> out = new ArrayList<>();
    for (String v : variants) {
      Verdict verdict = check(facts, v);
      if (!verdict.accepted()) {
        LOG.info(
            "headline variant rejected for article {}: \"{}\" ({})",
            article.id(),
            v,
            String.join("; ", verdict.reasons()));
      }
      out.add(verdict);
    }
    return out;
  }

  Verdict check(ArticleFacts facts, String variant) {
    Objects.requireNonNull(variant, "variant");
    List<String> reasons = new ArrayList<>();
    String text = variant.strip();
    if (text.length() < limits.minChars() || text.length() > limits.maxChars()) {
      reasons.add(
          "length "
              + text.length()
              + " is outside "
              + limits.minChars()
              + ".."
              + limits.maxChars()
              + " characters");
    }
    VariantFacts v = new VariantFacts(text);
    if (v.tokens.size() < limits.minWords()) {
      reasons.add("has fewer than " + limits.minWords() + " words");
    }
    if (text.contains("<") || text.contains(">") || text.contains("\n")) {
      reasons.add("contains markup or line breaks");
    }
    NameCheck.check(facts, v, reasons);
    RoleCheck.check(facts, v, reasons);
    ClauseCheck.check(facts, v, reasons);
    BindingCheck.check(facts, v, reasons);
    ModifierCheck.check(facts, v, reasons);
    ComplementCheck.check(facts, v, reasons);
    ClaimCheck.check(facts, v, reasons);
    CausalCheck.check(facts, v, reasons);
    AttributionCheck.check(facts, v, reasons);
    CertaintyCheck.check(facts, v, reasons);
    return new Verdict(reasons.isEmpty(), reasons);
  }
}
