package dev.lede.web.view;

import java.util.List;

/** The front page: top stories, the latest articles, and a few articles per section. */
public record FrontView(
    Layout page, List<TopStory> top, List<Card> latest, List<SectionBlock> sections) {
  public FrontView {
    top = List.copyOf(top);
    latest = List.copyOf(latest);
    sections = List.copyOf(sections);
  }

  /** A story on the front: its lead article, how many articles it has, and a link to it. */
  public record TopStory(Card lead, int size, String storyHref, List<Card> more) {
    public TopStory {
      more = List.copyOf(more);
    }
  }

  /** A section's newest articles. */
  public record SectionBlock(String name, String href, List<Card> cards) {
    public SectionBlock {
      cards = List.copyOf(cards);
    }
  }
}
