package dev.lede.headline;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rule-based headline writer: needs nothing external. From the article's headline and its lead
 * sentence it proposes variants by small, meaning-preserving rewrites ({@link Rewrites}): the
 * headline in the configured case style, an attribution tail moved to the front as a source, "X
 * says Y" as "X: Y", the casualty count first, a hedged headline as a question, common forms
 * abbreviated or expanded, and the lead sentence cut to the length budget. Every proposal still
 * goes through the {@link FaithfulnessGuard}.
 */
public final class RuleWriter implements HeadlineWriter {

  /** Case style of the proposals. */
  public enum Style {
    /** AP title case: "Kmart to Buy Sears in $11.5bn Deal". */
    AP_TITLE,
    /** Sentence case: "Kmart to buy Sears in $11.5bn deal". */
    SENTENCE
  }

  /**
   * Settings.
   *
   * @param style case style of every proposal
   * @param maxLength length budget in characters
   * @param maxVariants most proposals returned
   */
  public record Options(Style style, int maxLength, int maxVariants) {
    public Options {
      Objects.requireNonNull(style, "style");
      if (maxLength < 20 || maxVariants < 1) {
        throw new IllegalArgumentException("maxLength >= 20 and maxVariants >= 1 required");
      }
    }

    /** Sentence case, 80 characters, 6 variants. */
    public static Options defaults() {
      return new Options(Style.SENTENCE, 80, 6);
    }
  }

  private final Options options;

  public RuleWriter(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public RuleWriter() {
    this(Options.defaults());
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public List<String> propose(Article article) {
    String title = Rewrites.stripEnd(Text.normalise(article.title()));
    Set<String> names = names(article);
    Set<String> raw = new LinkedHashSet<>();
    add(raw, Rewrites.tailToFront(title));
    add(raw, Rewrites.saysToColon(title));
    add(raw, Rewrites.countFirst(title));
    add(raw, Rewrites.question(title));
    add(raw, Rewrites.placeFirst(title));
    add(raw, Rewrites.shorten(title, options.maxLength()));
    add(raw, Rewrites.abbreviate(title));
    add(raw, Rewrites.expand(title));
    String lead = lead(article);
    if (lead != null) {
      String cut =
          Rewrites.shorten(
              Rewrites.dropAppositive(stripLeadArticle(Rewrites.dropDates(lead))),
              options.maxLength());
      add(raw, cut);
      if (cut != null) {
        add(raw, Rewrites.countFirst(cut));
      }
    }
    add(raw, title); // the original in the other case style is a variant too
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(title.toLowerCase(Locale.ROOT));
    for (String r : raw) {
      String s = r.length() > options.maxLength() ? Rewrites.shorten(r, options.maxLength()) : r;
      if (s == null) {
        continue;
      }
      String cased =
          options.style() == Style.AP_TITLE
              ? HeadlineCase.apTitle(s)
              : HeadlineCase.sentence(s, names);
      if (!cased.equals(article.title().strip())
          && seen.add(cased.toLowerCase(Locale.ROOT) + "|" + cased)
          && out.size() < options.maxVariants()) {
        out.add(cased);
      }
    }
    return out;
  }

  private static void add(Set<String> out, @Nullable String s) {
    if (s != null && !s.isBlank()) {
      out.add(s.strip());
    }
  }

  /** The first body sentence that is not a dateline. */
  static @Nullable String lead(Article a) {
    for (Block b : a.blocks()) {
      if (!(b instanceof Block.Paragraph p)) {
        continue;
      }
      String t = Text.normalise(p.text()).strip();
      if (t.length() < 40 || t.matches("^[A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, \\d{4}$")) {
        continue;
      }
      List<String> ss = Text.sentences(t);
      return ss.isEmpty() ? null : ss.get(0);
    }
    return null;
  }

  private static String stripLeadArticle(String s) {
    String t = s.replaceFirst("^(?:On|In|Late|Early) [^,]{3,30}, ", "");
    t = t.replaceFirst("^(?:A|An|The) ", "");
    return Rewrites.capitaliseFirst(t);
  }

  /** Words the article capitalises mid-sentence: names, which sentence case must keep. */
  static Set<String> names(Article a) {
    Set<String> out = new HashSet<>();
    Set<String> lower = new HashSet<>();
    StringBuilder all = new StringBuilder(a.title()).append('\n');
    for (Block b : a.blocks()) {
      all.append(b.text()).append('\n');
    }
    for (String sentence : Text.sentences(Text.normalise(all.toString()))) {
      for (Text.Token t : Text.tokens(sentence)) {
        String l = ArticleFacts.stripPossessive(t.lower());
        if (t.capitalised() && !t.sentenceStart()) {
          out.add(l);
        } else if (!t.capitalised()) {
          lower.add(l);
        }
      }
    }
    out.removeAll(lower);
    // Words the headline itself capitalises mid-sentence stay names ("Band Aid").
    if (!ArticleFacts.titleCase(a.title())) {
      for (Text.Token t : Text.tokens(Text.normalise(a.title()))) {
        if (t.capitalised() && !t.sentenceStart()) {
          out.add(ArticleFacts.stripPossessive(t.lower()));
        }
      }
    }
    return out;
  }
}
