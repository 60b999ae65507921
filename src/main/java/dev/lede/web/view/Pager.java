package dev.lede.web.view;

import org.jspecify.annotations.Nullable;

/** Previous/next links of a paginated list; null where there is no such page. */
public record Pager(@Nullable String previousHref, @Nullable String nextHref, int page) {
  public static Pager none() {
    return new Pager(null, null, 1);
  }
}
