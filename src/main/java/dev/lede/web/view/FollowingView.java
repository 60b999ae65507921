package dev.lede.web.view;

import java.util.List;

/** The reader's follows (kept in a cookie, no account) and their merged latest articles. */
public record FollowingView(Layout page, List<FollowLink> follows, List<Card> latest) {
  public FollowingView {
    follows = List.copyOf(follows);
    latest = List.copyOf(latest);
  }
}
