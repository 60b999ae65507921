package dev.lede.headline;

import dev.lede.model.Article;
import java.util.List;

/**
 * Proposes alternative teaser headlines for an article. Proposals are candidates only: every one
 * goes through the {@link FaithfulnessGuard} before it is stored or shown.
 */
public interface HeadlineWriter {
  /** A short name for logs and reports ("rules", "llm"). */
  String name();

  /**
   * Candidate headlines for the article, best first, without the original headline itself.
   *
   * @throws HeadlineWriterException if the writer cannot produce candidates (a remote model
   *     failing, a budget spent)
   */
  List<String> propose(Article article);
}
