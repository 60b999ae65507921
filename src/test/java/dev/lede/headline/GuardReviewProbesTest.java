package dev.lede.headline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eleventh round's review probes (docs/benchmarks.md, F1–F5), reworded on a story written for
 * them: a claim a speaker only reports given to the speaker as an act (F1), a listener given the
 * speaker's words (F2), a negation lifted by a "until" that is not its scope (F3), a crowd's chant
 * given to a speaker of the same sentence (F4), a quotation given to the previous paragraph's
 * speaker though its own speaker follows it (F5). Every variant here says something the story does
 * not; any reading of speakers, quotations or negation must keep rejecting them.
 */
class GuardReviewProbesTest {
  static final Article ARTICLE =
      Article.builder()
          .id("probes")
          .title("Flood closes Marrow valley roads after Orla dam fails")
          .blocks(
              List.of(
                  new Block.Paragraph(
                      "Mayor Hedda Stahl spoke to reporters on Tuesday. \"We lost power first. Then"
                          + " the water came. The dam broke on Monday night. Water reached the lower"
                          + " town within an hour,\" she said."),
                  new Block.Paragraph(
                      "Surveyor Tomas Berg told Lena Ortiz of the valley council that the roads were"
                          + " closed. \"The east bridge is unsafe. It cannot reopen this year. We need"
                          + " new piers,\" Berg said."),
                  new Block.Paragraph(
                      "Stahl has not resigned. She will stay in office until the inquiry ends, and"
                          + " she has not signed the relief decree."),
                  new Block.Paragraph(
                      "Stahl said the works would go on. Outside the hall a crowd chanted for an"
                          + " hour. \"Close the quarry now,\" the protesters shouted."),
                  new Block.Paragraph("Stahl said: \"The lower town will be cleared by Friday.\""),
                  new Block.Paragraph(
                      "\"The valley was warned about the dam in 2019,\" said Berg, who had surveyed"
                          + " it for the council.")))
          .build();

  private final FaithfulnessGuard guard = new FaithfulnessGuard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        // F1: the mayor reports, in a quotation that runs on, that the dam broke; she did not break
        // it.
        "Stahl broke the dam on Monday",
        // F2: Ortiz is the listener, Berg the speaker.
        "Lena Ortiz: east bridge cannot reopen this year",
        "Lena Ortiz: 'It cannot reopen this year'",
        "Ortiz says east bridge cannot reopen this year",
        // F3: "not ... until" lifts no negation.
        "Mayor Stahl resigns",
        "Stahl signs relief decree",
        // F4: the crowd chants, not the mayor who spoke before it.
        "Stahl: 'Close the quarry now'",
        "Mayor Stahl calls to close the quarry now",
        // F5: Berg speaks the quotation that follows Stahl's paragraph.
        "Stahl: 'The valley was warned about the dam in 2019'",
        "Valley was warned about the dam in 2019, Mayor Stahl says",
      })
  void check_rejectsTheReviewProbes(String variant) {
    assertThat(guard.check(ARTICLE, variant).accepted()).as(variant).isFalse();
  }
}
