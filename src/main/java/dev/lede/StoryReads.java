package dev.lede;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the site reads of the dedup stage: which story an article belongs to, which article it
 * copies, and the stories themselves. A seam so the site runs before story assignment is wired into
 * {@link Lede} ({@link #NONE}: every article is a story of its own, nothing is a copy).
 */
interface StoryReads {

  /** The article's story id, or null when it has none. */
  @Nullable String storyOf(String articleId);

  /** The id of the original this article copies, or null. */
  @Nullable String duplicateOf(String articleId);

  /** Ids of the copies of this article. */
  List<String> copiesOf(String articleId);

  /** A story by id. */
  Optional<StoryRef> story(String storyId);

  /** Stories seen since {@code since}, any order. */
  List<StoryRef> stories(Instant since);

  /**
   * A story.
   *
   * @param articles its article ids, copies included
   */
  record StoryRef(
      String id, String headline, Instant firstSeen, Instant lastSeen, List<String> articles) {
    public StoryRef {
      articles = List.copyOf(articles);
    }

    public int size() {
      return articles.size();
    }
  }

  /** No story assignment: each article stands alone. */
  StoryReads NONE =
      new StoryReads() {
        @Override
        public @Nullable String storyOf(String articleId) {
          return null;
        }

        @Override
        public @Nullable String duplicateOf(String articleId) {
          return null;
        }

        @Override
        public List<String> copiesOf(String articleId) {
          return List.of();
        }

        @Override
        public Optional<StoryRef> story(String storyId) {
          return Optional.empty();
        }

        @Override
        public List<StoryRef> stories(Instant since) {
          return List.of();
        }
      };
}
