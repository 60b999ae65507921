package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClauseCheckTest {
  // A story written for these tests: two rescues by different rescuers, two suspensions of
  // different lengths, one win.
  static final Article ARTICLE =
      Article.builder()
          .id("c1")
          .title("Over 900 migrants rescued off Ruritanian coast")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "On Friday, fishermen rescued over 700 migrants whose boat sank, and the"
                          + " Ruritanian Navy saved 200 more after they were found swimming near"
                          + " the coast."),
                  new Block.Paragraph(
                      "The league suspended Ron Harker for the rest of the season after the"
                          + " brawl. Ben Walters was suspended for six games."),
                  new Block.Paragraph(
                      "In the final, the Otters beat the Badgers 3-1 to take the title.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  private static List<Clauses.Triple> read(String s) {
    VariantFacts v = new VariantFacts(s);
    return Clauses.read(v.text, v.tokens, true);
  }

  @Test
  void read_turnsPassiveWithAgentActive() {
    List<Clauses.Triple> t = read("Harbour workers killed by falling crane");
    assertThat(t).hasSize(1);
    assertThat(t.get(0).verbClass()).isEqualTo("kill");
    assertThat(t.get(0).agent().stems()).contains("crane");
    assertThat(t.get(0).patient().stems()).contains("worker");
  }

  @Test
  void read_givesAuxiliaryPassiveItsPatientAndActiveClauseItsAgent() {
    VariantFacts v =
        new VariantFacts("The mayor was arrested on Monday. Police detained two aides.");
    List<Clauses.Triple> t = Clauses.read(v.text, v.tokens, false);
    assertThat(t).hasSize(2);
    assertThat(t.get(0).agent()).isNull();
    assertThat(t.get(0).patient().stems()).contains("mayor");
    assertThat(t.get(1).verbClass()).isEqualTo("arrest"); // "detain" is in the class of "arrest"
    assertThat(t.get(1).agent().stems()).contains("polic");
    assertThat(t.get(1).patient().numbers()).contains(2.0);
  }

  @Test
  void read_takesTheSubjectOfARelativeClauseFromTheNounBeforeIt() {
    List<Clauses.Triple> t = read("Thieves who stole golden statue from museum caught");
    assertThat(t).extracting(Clauses.Triple::verbClass).containsExactly("steal", "arrest");
    assertThat(t.get(0).agent().stems()).contains("thiev");
    assertThat(t.get(1).patient().stems()).contains("thiev");
  }

  @Test
  void read_takesNounsForNouns() {
    assertThat(read("Ruritania behind drone attacks on oil facilities")).isEmpty();
    assertThat(read("Vote on the budget delayed until spring")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Fishermen rescue over 700 migrants off Ruritanian coast",
        "Over 700 migrants rescued by fishermen",
        "Ruritanian Navy saves 200 migrants",
        "More than 900 migrants rescued near Ruritanian coast",
        "Ron Harker suspended for rest of season after brawl",
        "Ben Walters suspended for six games",
        "Otters beat Badgers 3-1 in final",
        "Badgers beaten by Otters in final",
      })
  void check_keepsVariantsWithTheArticlesRoles(String variant) {
    FaithfulnessGuard.Verdict v = guard.check(ARTICLE, variant);
    assertThat(v.accepted()).as(v.reasons().toString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Over 700 migrants rescued by Ruritanian Navy",
        "Ruritanian Navy rescues over 700 migrants",
        "Badgers beat Otters in final",
        "Otters beaten by Badgers in final",
        "Ben Walters suspended for rest of season",
      })
  void check_rejectsRolesTheArticleGivesToOthers(String variant) {
    FaithfulnessGuard.Verdict v = guard.check(ARTICLE, variant);
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).anyMatch(r -> r.contains("with these roles"));
  }

  // Written for these tests: two militaries named by their countries, a president named in
  // apposition.
  static final Article NAMED =
      Article.builder()
          .id("c2")
          .title("Ruritanian president rejects minister's resignation")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "Yesterday, Ruritanian President Anna Varga declined Finance Minister Otto"
                          + " Brenner's offer to resign after a leaked recording."),
                  new Block.Paragraph(
                      "The Borduvian military attacked a depot near the border on Monday. The"
                          + " Ruritanian military said it had not fired a shot.")))
          .build();

  @Test
  void agentsWithDifferentNames_doNotAgreeThroughASharedNoun() {
    assertThat(guard.check(NAMED, "Borduvian military attacks depot near border").accepted())
        .isTrue();
    assertThat(guard.check(NAMED, "Ruritanian military attacks depot near border").reasons())
        .anyMatch(r -> r.contains("with these roles"));
  }

  @Test
  void aNameTheArticlePutsBesideATitle_agreesWithTheTitle() {
    assertThat(guard.check(NAMED, "Varga rejects minister's resignation").accepted()).isTrue();
  }
}
