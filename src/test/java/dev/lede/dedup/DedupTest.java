package dev.lede.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupTest {
  private final Dedup dedup = new Dedup(new InMemoryDedupState(), DedupConfig.defaults());

  @Test
  void assign_linksAFarmCopyToItsOriginal_withProvenance() {
    Assignment original =
        dedup.assign(Fixtures.ref("orig", Fixtures.file("wire-original"), "northwire", 0));
    Assignment copy =
        dedup.assign(Fixtures.ref("copy", Fixtures.file("wire-farm-copy"), "farm", 30));
    assertThat(original.duplicateOf()).isNull();
    assertThat(original.newStory()).isTrue();
    assertThat(copy.duplicateOf()).isEqualTo("orig");
    assertThat(copy.storyId()).isEqualTo(original.storyId());
    assertThat(copy.newStory()).isFalse();
    assertThat(dedup.copies("orig")).containsExactly("copy");
    assertThat(dedup.story(original.storyId()).size()).isEqualTo(2);
  }

  @Test
  void assign_exactCopy_isADuplicate_andTheSameIdTwiceIsNotAssignedAgain() {
    Article a = Fixtures.file("wire-own-writing");
    dedup.assign(Fixtures.ref("a", a, "s1", 0));
    Assignment b = dedup.assign(Fixtures.ref("b", a.withId("b"), "s2", 5));
    Assignment again = dedup.assign(Fixtures.ref("b", a.withId("b"), "s2", 9));
    assertThat(b.duplicateOf()).isEqualTo("a");
    assertThat(again)
        .isEqualTo(new Assignment("b", "a", List.of(), b.storyId(), false, List.of(), List.of()));
  }

  @Test
  void aRoundupHoldingTwoStories_doesNotGlueTheirGroupsTogether() {
    Article storm = Fixtures.file("wire-original");
    Article budget = Fixtures.file("council-budget");
    List<String> both = new ArrayList<>();
    for (Article a : List.of(storm, budget)) {
      a.blocks().forEach(b -> both.add(b.text()));
    }
    Article roundup = Fixtures.article("roundup", "Tuesday's news in brief", both);
    Assignment first = dedup.assign(Fixtures.ref("storm", storm, "northwire", 0));
    Assignment pasted = dedup.assign(Fixtures.ref("roundup", roundup, "aggregator", 10));
    Assignment second = dedup.assign(Fixtures.ref("budget", budget, "riverside-times", 20));

    // the roundup reprints the storm story whole: a copy of it
    assertThat(first.duplicateOf()).isNull();
    assertThat(pasted.duplicateOf()).isEqualTo("storm");
    // the budget story matches the roundup too, but it is no copy of the storm story
    assertThat(second.duplicateOf()).isNull();
    assertThat(dedup.findDuplicate(Fixtures.ref("budget2", budget, "other", 30)))
        .isEqualTo("budget");
    assertThat(dedup.copies("storm")).containsExactly("roundup");
    assertThat(second.storyId()).isNotEqualTo(first.storyId());
  }

  @Test
  void canonical_isTheEarliestPublished_evenWhenItArrivesLater() {
    Instant published = Instant.parse("2025-03-04T05:00:00Z");
    Article copy =
        Fixtures.file("wire-farm-copy").toBuilder().published(published.plusSeconds(3600)).build();
    Article original = Fixtures.file("wire-original").toBuilder().published(published).build();
    dedup.assign(Fixtures.ref("copy", copy, "farm", 0));
    Assignment late = dedup.assign(Fixtures.ref("orig", original, "northwire", 120));
    assertThat(late.duplicateOf()).isNull();
    assertThat(late.regrouped()).containsExactly("copy");
    assertThat(dedup.duplicateOf("copy")).isEqualTo("orig");
    assertThat(dedup.copies("orig")).containsExactly("copy");
  }

  @Test
  void canonical_aWireSourceWinsATie() {
    Instant t = Instant.parse("2025-03-04T05:00:00Z");
    Article paper = Fixtures.file("wire-original").toBuilder().published(t).build();
    Article wire =
        Fixtures.file("wire-farm-copy").toBuilder().published(t.plusSeconds(120)).build();
    dedup.assign(ArticleRef.of("paper", paper, "daily", "The Daily Ledger", Fixtures.T0));
    Assignment w = dedup.assign(ArticleRef.of("wire", wire, "reuters", "Reuters", Fixtures.T0));
    assertThat(w.duplicateOf()).isNull();
    assertThat(dedup.duplicateOf("paper")).isEqualTo("wire");
    // outside the tie window the earlier publication wins, wire or not
    Article later = Fixtures.file("wire-own-writing").toBuilder().published(t).build();
    Article wireLater = later.toBuilder().published(t.plusSeconds(3600)).build();
    dedup.assign(ArticleRef.of("p2", later, "daily", "The Daily Ledger", Fixtures.T0));
    Assignment w2 =
        dedup.assign(ArticleRef.of("w2", wireLater, "ap", "Associated Press", Fixtures.T0));
    assertThat(w2.duplicateOf()).isEqualTo("p2");
  }

  @Test
  void ownWritingOfTheSameEvent_isNotADuplicate_butJoinsTheStory() {
    Assignment a = dedup.assign(Fixtures.ref("a", Fixtures.file("wire-original"), "s1", 0));
    Assignment b = dedup.assign(Fixtures.ref("b", Fixtures.file("wire-own-writing"), "s2", 60));
    assertThat(b.duplicateOf()).isNull();
    assertThat(b.storyId()).isEqualTo(a.storyId());
  }

  @Test
  void tinyAndEmptyArticles_areNeverDuplicates_andGetStoriesOfTheirOwn() {
    Article headlineOnly = Fixtures.article("h", "Storm floods Port Elden harbour", List.of());
    Article empty = Fixtures.article("e", "", List.of());
    Assignment h1 = dedup.assign(Fixtures.ref("h1", headlineOnly, "s1", 0));
    Assignment h2 = dedup.assign(Fixtures.ref("h2", headlineOnly, "s2", 1));
    Assignment e1 = dedup.assign(Fixtures.ref("e1", empty, "s1", 2));
    Assignment e2 = dedup.assign(Fixtures.ref("e2", empty, "s2", 3));
    Assignment full = dedup.assign(Fixtures.ref("full", Fixtures.file("wire-original"), "s3", 4));
    assertThat(List.of(h1, h2, e1, e2, full)).allMatch(x -> x.duplicateOf() == null);
    assertThat(e2.storyId()).isNotEqualTo(e1.storyId());
    assertThat(dedup.storyOf("full")).isNotEqualTo(e1.storyId()).isNotEqualTo(e2.storyId());
  }

  @Test
  void headlineOnlyArticles_areClusteredByTheirHeadline() {
    Article h1 =
        Fixtures.article("h1", "Storm floods Port Elden harbour, fishing fleet damaged", List.of());
    Article h2 =
        Fixtures.article(
            "h2", "Port Elden harbour flooded as storm wrecks the fishing fleet", List.of());
    Article other = Fixtures.article("o", "Fire destroys Lunet market stalls overnight", List.of());
    Assignment a = dedup.assign(Fixtures.ref("h1", h1, "s1", 0));
    Assignment b = dedup.assign(Fixtures.ref("h2", h2, "s2", 5));
    Assignment c = dedup.assign(Fixtures.ref("o", other, "s3", 10));
    assertThat(b.duplicateOf()).isNull();
    assertThat(b.storyId()).isEqualTo(a.storyId());
    assertThat(c.storyId()).isNotEqualTo(a.storyId());
  }

  @Test
  void boilerplateOnlyTexts_doNotGlueStoriesTogether() {
    List<String> boiler =
        List.of(
            "Share this article",
            "Follow us on Twitter @dailyledger",
            "Sign up for our daily newsletter to get the top stories in your inbox.",
            "Advertisement",
            "Copyright 2025 The Daily Ledger. All rights reserved.");
    List<Long> stories = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Article a = Fixtures.article("b" + i, "Daily Ledger " + i, boiler);
      Assignment x = dedup.assign(Fixtures.ref("b" + i, a, "ledger", i));
      assertThat(x.duplicateOf()).isNull();
      stories.add(x.storyId());
    }
    assertThat(stories).doesNotHaveDuplicates();
    // and a real article carrying the same boilerplate joins none of them
    List<String> withBoiler = new ArrayList<>(boiler);
    Fixtures.file("wire-original").blocks().forEach(b -> withBoiler.add(b.text()));
    Assignment real =
        dedup.assign(Fixtures.ref("r", Fixtures.article("r", "Flood", withBoiler), "ledger", 9));
    assertThat(stories).doesNotContain(real.storyId());
  }

  @Test
  void twoSimilarEvents_areSeparatedByTheirNamesAndNumbers() {
    dedup.assign(
        Fixtures.ref("q1", quake("Varnholm", "Eskar Valley", "6.1", "12", "Tuesday"), "s1", 0));
    dedup.assign(Fixtures.ref("q2", quake2("Varnholm", "Eskar Valley", "6.1", "12"), "s2", 10));
    dedup.assign(
        Fixtures.ref("q3", quake("Drossa", "Lunet coast", "7.3", "48", "Friday"), "s3", 20));
    dedup.assign(Fixtures.ref("q4", quake2("Drossa", "Lunet coast", "7.3", "48"), "s4", 30));
    assertThat(dedup.storyOf("q2")).isEqualTo(dedup.storyOf("q1"));
    assertThat(dedup.storyOf("q4")).isEqualTo(dedup.storyOf("q3"));
    assertThat(dedup.storyOf("q3")).isNotEqualTo(dedup.storyOf("q1"));
    assertThat(dedup.duplicateOf("q2")).isNull();
    assertThat(dedup.duplicateOf("q3")).isNull();
  }

  @Test
  void restory_rebuildsTheSameStories_andKeepsDuplicateLinks() {
    List<ArticleRef> refs =
        List.of(
            Fixtures.ref("a", Fixtures.file("wire-original"), "s1", 0),
            Fixtures.ref("b", Fixtures.file("wire-farm-copy"), "s2", 10),
            Fixtures.ref("c", Fixtures.file("template-a"), "s3", 20),
            Fixtures.ref("d", Fixtures.file("template-b"), "s4", 30));
    refs.forEach(dedup::assign);
    long before = dedup.stories(Instant.EPOCH).size();
    assertThat(dedup.restory(refs)).isEqualTo(4);
    List<Story> after = dedup.stories(Instant.EPOCH);
    assertThat(after).hasSize((int) before);
    assertThat(after.stream().mapToInt(Story::size).sum()).isEqualTo(4);
    assertThat(dedup.duplicateOf("b")).isEqualTo("a");
    assertThat(dedup.storyOf("b")).isEqualTo(dedup.storyOf("a"));
  }

  @Test
  void remove_promotesTheNextCopy_andShrinksTheStory() {
    dedup.assign(Fixtures.ref("a", Fixtures.file("wire-original"), "s1", 0));
    dedup.assign(Fixtures.ref("b", Fixtures.file("wire-farm-copy"), "s2", 10));
    long story = dedup.storyOf("a");
    assertThat(dedup.remove("a")).containsExactly("b");
    assertThat(dedup.duplicateOf("b")).isNull();
    assertThat(dedup.story(story).size()).isEqualTo(1);
    assertThat(dedup.story(story).articles()).containsExactly("b");
  }

  @Test
  void veryLongArticles_areReadUpToTheCap() {
    StringBuilder para = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      para.append("Sentence number ").append(i).append(" of a very long report on harbour works. ");
    }
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      paragraphs.add(para.toString()); // about 1.4 MB of text
    }
    Article huge = Fixtures.article("huge", "Harbour works", paragraphs);
    long t0 = System.nanoTime();
    Assignment a = dedup.assign(Fixtures.ref("huge", huge, "s", 0));
    assertThat(a.duplicateOf()).isNull();
    assertThat(CleanText.of(huge).lines().stream().mapToInt(String::length).sum())
        .isLessThanOrEqualTo(CleanText.MAX_CHARS);
    assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
  }

  private static Article quake(
      String town, String region, String magnitude, String dead, String day) {
    return Fixtures.article(
        town,
        "Earthquake of magnitude " + magnitude + " strikes " + town,
        List.of(
            "An earthquake of magnitude "
                + magnitude
                + " struck near the town of "
                + town
                + " in the "
                + region
                + " on "
                + day
                + ", killing at least "
                + dead
                + " people and damaging hundreds of homes, officials said.",
            "Rescue teams searched collapsed buildings through the night in "
                + town
                + ", where the local hospital treated dozens of injured residents.",
            "The geological survey said the quake was shallow and was followed by several strong"
                + " aftershocks across the "
                + region
                + ".",
            "Schools in the " + region + " will stay closed while engineers inspect them."));
  }

  private static Article quake2(String town, String region, String magnitude, String dead) {
    return Fixtures.article(
        town + "2",
        town + " counts its dead after " + magnitude + " quake",
        List.of(
            "Residents of "
                + town
                + " spent a second night outdoors after the magnitude "
                + magnitude
                + " earthquake, which the authorities say killed "
                + dead
                + " people.",
            "Aid convoys reached the " + region + " on the main road, which reopened at noon.",
            "Survey scientists warned that more aftershocks were likely in the "
                + region
                + " over the coming days, and asked people to stay away from damaged buildings.",
            "The regional governor visited " + town + " and promised money to rebuild homes."));
  }
}
