package dev.lede.web.view;

import java.util.List;

/**
 * A paginated list of teasers: latest, a section, a tag, a source or a story.
 *
 * @param kicker a small label above the heading ("Section", "Story", "Source")
 * @param follow what this page lets a reader follow (empty for none)
 */
public record ListView(
    Layout page,
    String kicker,
    String heading,
    String description,
    List<Card> items,
    Pager pager,
    List<FollowLink> follow) {
  public ListView {
    items = List.copyOf(items);
    follow = List.copyOf(follow);
  }
}
