package dev.lede.store;

import java.util.Collection;
import java.util.List;

/**
 * Derived state written in the same transaction as the articles (the dedup stage's fingerprints,
 * duplicate links and stories), so that after a crash the store and that state always agree. The
 * store calls it inside its write transaction, after its own rows were written and before the
 * commit; a hook that throws rolls the whole transaction back (and is then told so).
 *
 * <p>Each call returns the ids of OTHER articles whose derived state changed with it (a story they
 * moved to, an original that became a copy): the store logs an UPSERT change for each, so that the
 * index and every change-log consumer pick them up, also after a crash.
 */
public interface WriteHook {

  /** Articles were stored (results in input order; rejected and unchanged ones included). */
  Collection<String> afterSubmit(List<SubmitResult> results);

  /** An article was hidden, deleted or pruned: it leaves every duplicate group and story. */
  Collection<String> afterRemove(String id);

  /** A hidden article is shown again: it is placed again like a new one. */
  Collection<String> afterShow(StoredArticle article);

  /** The transaction the hook took part in was rolled back: forget anything cached from it. */
  void rolledBack();

  /** A hook that keeps nothing. */
  WriteHook NONE =
      new WriteHook() {
        @Override
        public Collection<String> afterSubmit(List<SubmitResult> results) {
          return List.of();
        }

        @Override
        public Collection<String> afterRemove(String id) {
          return List.of();
        }

        @Override
        public Collection<String> afterShow(StoredArticle article) {
          return List.of();
        }

        @Override
        public void rolledBack() {}
      };
}
