package dev.lede;

import dev.lede.model.StoryInfo;
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

  /** The dedup stage's stories and copy links of a data folder, as {@link Lede} reports them. */
  static StoryReads over(Lede lede) {
    return new StoryReads() {
      @Override
      public @Nullable String storyOf(String articleId) {
        return lede.storyOf(articleId).orElse(null);
      }

      @Override
      public @Nullable String duplicateOf(String articleId) {
        return lede.duplicateOf(articleId).orElse(null);
      }

      @Override
      public List<String> copiesOf(String articleId) {
        return lede.copiesOf(articleId);
      }

      @Override
      public Optional<StoryRef> story(String storyId) {
        return lede.story(storyId).map(StoryReads::ref);
      }
    };
  }

  private static StoryRef ref(StoryInfo s) {
    return new StoryRef(s.id(), s.headline(), s.firstSeen(), s.lastSeen(), s.articles());
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
      };
}
