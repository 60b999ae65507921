package dev.lede.headline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the faithfulness guard on a labelled set: JSONL lines {@code {"article", "label",
 * "variant"}} where the label is {@code faithful} or an unfaithful class ({@code number}, {@code
 * entity}, {@code cause}, {@code superlative}, {@code attribution}, {@code certainty}). Reports,
 * per class, how many variants the guard accepted; for unfaithful classes the goal is to reject
 * them, for faithful ones to keep them.
 */
public final class GuardEvaluation {
  private GuardEvaluation() {}

  /** Counts for one label: how many variants, how many the guard accepted. */
  public record ClassResult(String label, int total, int accepted) {
    /** Share handled correctly: kept if faithful, rejected otherwise. */
    public double correctShare() {
      if (total == 0) {
        return Double.NaN;
      }
      return label.equals("faithful")
          ? accepted / (double) total
          : (total - accepted) / (double) total;
    }
  }

  /** A variant the guard got wrong, with its reasons (empty for a wrongly accepted one). */
  public record Miss(String article, String label, String variant, List<String> reasons) {}

  /** The results of one labelled file. */
  public record Result(List<ClassResult> classes, List<Miss> misses) {
    public Result {
      classes = List.copyOf(classes);
      misses = List.copyOf(misses);
    }

    /** Share of faithful variants kept. */
    public double faithfulKept() {
      return classes.stream()
          .filter(c -> c.label().equals("faithful"))
          .mapToDouble(ClassResult::correctShare)
          .findFirst()
          .orElse(Double.NaN);
    }

    /** Share of unfaithful variants (all classes pooled) rejected. */
    public double unfaithfulRejected() {
      int total = 0;
      int rejected = 0;
      for (ClassResult c : classes) {
        if (!c.label().equals("faithful")) {
          total += c.total();
          rejected += c.total() - c.accepted();
        }
      }
      return total == 0 ? Double.NaN : rejected / (double) total;
    }
  }

  /**
   * A writer's coverage on a corpus: how many articles got at least one proposal the guard accepts,
   * and how many proposals were made and accepted.
   */
  public record Coverage(
      int articles, int covered, int coveredBeyondCase, int proposed, int accepted, int failed) {
    public double share() {
      return articles == 0 ? Double.NaN : covered / (double) articles;
    }

    /**
     * Share of articles with an accepted variant that differs from the headline in more than case.
     */
    public double shareBeyondCase() {
      return articles == 0 ? Double.NaN : coveredBeyondCase / (double) articles;
    }
  }

  /** Runs the writer over every article and the guard over every proposal. */
  public static Coverage coverage(
      Map<String, Article> corpus, HeadlineWriter writer, FaithfulnessGuard guard) {
    int covered = 0;
    int proposed = 0;
    int accepted = 0;
    int failed = 0;
    int beyond = 0;
    for (Article a : corpus.values()) {
      List<String> variants;
      try {
        variants = writer.propose(a);
      } catch (HeadlineWriterException e) {
        failed++;
        continue;
      }
      ArticleFacts facts = new ArticleFacts(a);
      boolean any = false;
      boolean beyondCase = false;
      String title = a.title().strip().toLowerCase(java.util.Locale.ROOT);
      for (String v : variants) {
        proposed++;
        if (guard.check(facts, v).accepted()) {
          accepted++;
          any = true;
          beyondCase |= !v.strip().toLowerCase(java.util.Locale.ROOT).equals(title);
        }
      }
      if (any) {
        covered++;
      }
      if (beyondCase) {
        beyond++;
      }
    }
    return new Coverage(corpus.size(), covered, beyond, proposed, accepted, failed);
  }

  /** Reads the Wikinews demo corpus JSONL into articles keyed by id. */
  public static Map<String, Article> readCorpus(Path jsonl) {
    return DemoCorpus.read(jsonl);
  }

  /** Runs the guard over a labelled file. */
  public static Result evaluate(
      Map<String, Article> corpus, Path labelled, FaithfulnessGuard guard) {
    ObjectMapper om = new ObjectMapper();
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, ArticleFacts> facts = new java.util.HashMap<>();
    List<Miss> misses = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(labelled, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + labelled + ": " + e.getMessage(), e);
    }
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = om.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException("bad line in " + labelled + ": " + line, e);
      }
      String id = n.path("article").asText();
      Article a = corpus.get(id);
      if (a == null) {
        throw new IllegalArgumentException(
            "article " + id + " of " + labelled + " is not in the corpus");
      }
      String label = n.path("label").asText();
      String variant = n.path("variant").asText();
      FaithfulnessGuard.Verdict v =
          guard.check(facts.computeIfAbsent(id, k -> new ArticleFacts(a)), variant);
      int[] c = counts.computeIfAbsent(label, k -> new int[2]);
      c[0]++;
      if (v.accepted()) {
        c[1]++;
      }
      if (v.accepted() != label.equals("faithful")) {
        misses.add(new Miss(id, label, variant, v.reasons()));
      }
    }
    List<ClassResult> classes = new ArrayList<>();
    counts.forEach((k, c) -> classes.add(new ClassResult(k, c[0], c[1])));
    return new Result(classes, misses);
  }
}
