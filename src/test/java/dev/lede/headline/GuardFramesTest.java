package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ninth round (docs/benchmarks.md): editors' rewrites the guard used to reject. "X after Y" where Y
 * is the story's main event and X a later development the article reports; a name of the headline
 * used as a modifier ("Harbour Hall attacker"); "X says" on a claim the article states itself with
 * X as its subject; "no one"; "calls off"; "dies of X in Y". And the rejections that must stay: an
 * "after" that reverses the article's order, a cause the article never links, a claim another
 * speaker makes. A story written for these tests.
 */
class GuardFramesTest {
  static final Article ARTICLE =
      Article.builder()
          .id("f1")
          .title("Man stabs several people at Harbour Hall in Velden")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "On Friday, an attacker stabbed several people at Harbour Hall in Velden"
                          + " with a kitchen knife. Members of the public held him until officers"
                          + " arrived. Police later shot the attacker dead."),
                  new Block.Paragraph(
                      "Two of his victims died in hospital on Saturday. The attacker had been"
                          + " released from prison in 2018."),
                  new Block.Paragraph(
                      "The Velden Port Authority closed the harbour on Saturday. Nobody was hurt"
                          + " at the port. Mayor Ivo Dren said the harbour would reopen on Monday."),
                  new Block.Paragraph(
                      "The Velden city council called off the summer festival. A retired judge, Ana Reyes,"
                          + " died of COVID-19 on Sunday; she was 71."),
                  new Block.Paragraph("Separately, an earthquake shook the region at night.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Two dead after Harbour Hall stabbing in Velden",
        "Harbour Hall attacker had been released from prison in 2018",
        "Harbour closed on Saturday, Velden Port Authority says",
        "Velden harbour closed on Saturday; no one hurt at the port",
        "Velden city council calls off the summer festival",
        "Retired judge Ana Reyes dies of coronavirus in hospital",
      })
  void check_keepsAnEditorsRewriteOfTheArticlesOwnFrame(String variant) {
    assertThat(guard.check(ARTICLE, variant).reasons()).as(variant).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Attacker released from prison after Harbour Hall stabbing | with 'after'",
        "Velden harbour closed after earthquake | with 'after'",
        "Harbour to reopen on Monday, Velden Port Authority says | Velden Port Authority",
      })
  void check_rejectsAReversedOrInventedLinkAndAnotherSpeakersClaim(String variant, String reason) {
    FaithfulnessGuard.Verdict verdict = guard.check(ARTICLE, variant);
    assertThat(verdict.accepted()).as(variant).isFalse();
    assertThat(String.join("; ", verdict.reasons())).contains(reason);
  }
}
