package dev.lede.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of duplicate detection and story clustering, validated once. {@link #defaults()}
 * are the values measured in docs/benchmarks.md; {@link #with} changes one by name (evaluations and
 * {@code restory} after a parameter change use it).
 *
 * @param duplicates duplicate detection
 * @param stories story clustering
 */
public record DedupConfig(Duplicates duplicates, Stories stories) {

  /**
   * Duplicate detection.
   *
   * @param minExactTokens bodies shorter than this get no fingerprint (never a duplicate)
   * @param minNearTokens bodies shorter than this are checked for exact copies only
   * @param bands MinHash LSH bands
   * @param rows MinHash values per band ({@code bands × rows ≤ 128})
   * @param sentenceSamples sentences per article filed for lookup (the smallest hashes)
   * @param postingLimit at most this many articles are read per lookup key
   * @param maxCandidates at most this many candidates are verified per article
   * @param threshold the verification score a copy must reach
   * @param minLengthRatio the shorter text must have at least this share of the longer's shingles
   * @param tieWindow publication times this close count as a tie (a wire source wins it)
   */
  public record Duplicates(
      int minExactTokens,
      int minNearTokens,
      int bands,
      int rows,
      int sentenceSamples,
      int postingLimit,
      int maxCandidates,
      double threshold,
      double minLengthRatio,
      Duration tieWindow) {
    public Duplicates {
      require(minExactTokens >= 1, "minExactTokens must be at least 1");
      require(minNearTokens >= minExactTokens, "minNearTokens must be at least minExactTokens");
      require(
          bands >= 0 && rows >= 1 && bands * rows <= MinHash.K,
          "bands × rows must be ≤ " + MinHash.K);
      require(sentenceSamples >= 0 && sentenceSamples <= 32, "sentenceSamples must be 0..32");
      require(postingLimit >= 1 && postingLimit <= PostingTable.PER_KEY, "postingLimit 1..64");
      require(maxCandidates >= 1, "maxCandidates must be at least 1");
      require(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]");
      require(minLengthRatio >= 0 && minLengthRatio <= 1, "minLengthRatio must be in [0, 1]");
      require(!tieWindow.isNegative(), "tieWindow must not be negative");
    }
  }

  /**
   * Story clustering.
   *
   * @param titleWeight weight of the title view's cosine
   * @param bodyWeight weight of the body view's cosine
   * @param entityWeight weight of the entity view's cosine
   * @param numberWeight weight of the number view's cosine
   * @param joinThreshold an article joins the most similar story at or above this similarity
   * @param mergeThreshold two stories whose centroids are this similar are merged
   * @param window stories last seen longer ago than this (before the article's time) are not
   *     candidates
   * @param grace time differences up to this cost nothing
   * @param decay beyond the grace, similarity is multiplied by {@code exp(-excess / decay)}
   * @param queryTerms heaviest terms per view used to find candidate stories
   * @param storiesPerTerm most recent stories read per term
   * @param maxCandidates stories compared per article
   * @param centroidTerms terms kept per story centroid in the body view (the others: a third to a
   *     fifth of it)
   * @param yearPenalty the similarity of an article to a story (or of two stories) is multiplied by
   *     this when both name a latest year and the two years are {@code yearGap} or more apart (1:
   *     years are not looked at)
   * @param yearGap years apart that count as a conflict
   */
  public record Stories(
      double titleWeight,
      double bodyWeight,
      double entityWeight,
      double numberWeight,
      double joinThreshold,
      double mergeThreshold,
      Duration window,
      Duration grace,
      Duration decay,
      int queryTerms,
      int storiesPerTerm,
      int maxCandidates,
      int centroidTerms,
      double yearPenalty,
      int yearGap) {
    public Stories {
      require(
          titleWeight >= 0 && bodyWeight >= 0 && entityWeight >= 0 && numberWeight >= 0,
          "view weights must not be negative");
      require(titleWeight + bodyWeight + entityWeight + numberWeight > 0, "some view must count");
      require(joinThreshold > 0 && joinThreshold <= 1, "joinThreshold must be in (0, 1]");
      require(mergeThreshold > 0 && mergeThreshold <= 1, "mergeThreshold must be in (0, 1]");
      require(window.isPositive() && !grace.isNegative() && decay.isPositive(), "bad time window");
      require(queryTerms >= 1 && storiesPerTerm >= 1 && maxCandidates >= 1, "bad candidate sizes");
      // a store keeps the 64 most recently filed stories per term (SQLite's packed term lists)
      require(storiesPerTerm <= 64, "storiesPerTerm must be at most 64");
      require(centroidTerms >= 10, "centroidTerms must be at least 10");
      require(yearPenalty > 0 && yearPenalty <= 1, "yearPenalty must be in (0, 1]");
      require(yearGap >= 1, "yearGap must be at least 1");
    }

    double weight(int view) {
      return switch (view) {
        case StoryTerms.TITLE -> titleWeight;
        case StoryTerms.BODY -> bodyWeight;
        case StoryTerms.ENTITIES -> entityWeight;
        default -> numberWeight;
      };
    }

    int centroidTerms(int view) {
      return switch (view) {
        case StoryTerms.BODY -> centroidTerms;
        case StoryTerms.ENTITIES -> Math.max(10, centroidTerms / 2);
        default -> Math.max(10, centroidTerms / 4);
      };
    }
  }

  public DedupConfig {
    require(duplicates != null && stories != null, "both parts are required");
  }

  /** The measured defaults. */
  public static DedupConfig defaults() {
    return new DedupConfig(
        new Duplicates(8, 40, 20, 3, 8, 16, 64, 0.70, 0.2, Duration.ofMinutes(10)),
        new Stories(
            0.0,
            0.45,
            0.4,
            0.4,
            0.28,
            0.5,
            Duration.ofDays(14),
            Duration.ofDays(1),
            Duration.ofDays(3),
            8,
            24,
            32,
            200,
            0.85,
            2));
  }

  /** Parameter names accepted by {@link #with}. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (var c : Duplicates.class.getRecordComponents()) {
      out.add("duplicates." + c.getName());
    }
    for (var c : Stories.class.getRecordComponents()) {
      out.add("stories." + c.getName());
    }
    return out;
  }

  /**
   * This configuration with one parameter changed: {@code name} is one of {@link #names()}, {@code
   * value} a number, or a duration ({@code PT10M}, or a number of hours such as {@code 12h} or days
   * such as {@code 14d}).
   */
  public DedupConfig with(String name, String value) {
    Duplicates d = duplicates;
    Stories s = stories;
    try {
      Object[] dv = values(d);
      Object[] sv = values(s);
      int i = indexOf(Duplicates.class, name, "duplicates.");
      if (i >= 0) {
        dv[i] = parse(dv[i], value);
        return new DedupConfig(construct(Duplicates.class, dv), s);
      }
      i = indexOf(Stories.class, name, "stories.");
      if (i >= 0) {
        sv[i] = parse(sv[i], value);
        return new DedupConfig(d, construct(Stories.class, sv));
      }
    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("bad value for " + name + ": " + value, e);
    }
    throw new IllegalArgumentException("unknown parameter " + name + " (known: " + names() + ")");
  }

  private static int indexOf(Class<?> type, String name, String prefix) {
    var comps = type.getRecordComponents();
    for (int i = 0; i < comps.length; i++) {
      if ((prefix + comps[i].getName()).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Object[] values(Record r) {
    var comps = r.getClass().getRecordComponents();
    Object[] out = new Object[comps.length];
    for (int i = 0; i < comps.length; i++) {
      try {
        out[i] = comps[i].getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private static <T extends Record> T construct(Class<T> type, Object[] args) {
    var comps = type.getRecordComponents();
    Class<?>[] types = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      types[i] = comps[i].getType();
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalStateException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object parse(Object current, String value) {
    String v = value.strip();
    if (current instanceof Integer) {
      return Integer.parseInt(v);
    }
    if (current instanceof Double) {
      return Double.parseDouble(v);
    }
    if (current instanceof Duration) {
      String lower = v.toLowerCase(Locale.ROOT);
      if (lower.endsWith("d")) {
        return Duration.ofMinutes(Math.round(Double.parseDouble(lower.replace("d", "")) * 1440));
      }
      if (lower.endsWith("h")) {
        return Duration.ofMinutes(Math.round(Double.parseDouble(lower.replace("h", "")) * 60));
      }
      if (lower.endsWith("m") && !lower.startsWith("p")) {
        return Duration.ofMinutes(Long.parseLong(lower.replace("m", "")));
      }
      return Duration.parse(v);
    }
    throw new IllegalStateException("unsupported parameter type " + current.getClass());
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
