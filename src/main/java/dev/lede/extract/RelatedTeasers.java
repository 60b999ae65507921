package dev.lede.extract;

import dev.lede.model.Teaser;
import java.util.List;

/** Placeholder until the teaser reader lands. */
final class RelatedTeasers {
  private RelatedTeasers() {}

  static List<Teaser> find(
      List<TextBlock> blocks, ContentLocator.Located located, ImageResolver urls) {
    return List.of();
  }
}
