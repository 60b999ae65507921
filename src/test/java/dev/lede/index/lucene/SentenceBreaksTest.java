package dev.lede.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  private static List<Integer> forward(String text) {
    SentenceBreaks b = new SentenceBreaks();
    b.setText(text);
    List<Integer> out = new ArrayList<>();
    for (int i = b.first(); i != BreakIterator.DONE; i = b.next()) {
      out.add(i);
    }
    return out;
  }

  @Test
  void breaksAfterSentenceEnds_notAfterAbbreviationsBeforeLowerCase() {
    String t = "U.S. officials met. \"It worked!\" She left? Yes… Done";
    // 0: "U.S. officials met. " 20: "\"It worked!\" " 33: "She left? " 43: "Yes… " 48: "Done"
    assertThat(forward(t)).containsExactly(0, 20, 33, 43, 48, t.length());
  }

  @Test
  void aLineBreakEndsASentence_evenWithoutPunctuation() {
    String t = "Headline without a stop\nbody starts here. And goes on";
    assertThat(forward(t)).containsExactly(0, 24, 42, t.length());
  }

  @Test
  void followingAndPreceding_returnTheNearestBoundariesStrictlyAround() {
    String t = "One. Two. Three.";
    SentenceBreaks b = new SentenceBreaks();
    b.setText(t);
    assertThat(b.following(0)).isEqualTo(5);
    assertThat(b.following(5)).isEqualTo(10);
    assertThat(b.following(12)).isEqualTo(t.length());
    assertThat(b.following(t.length())).isEqualTo(BreakIterator.DONE);
    assertThat(b.preceding(12)).isEqualTo(10);
    assertThat(b.current()).isEqualTo(10);
    assertThat(b.preceding(10)).isEqualTo(5);
    assertThat(b.preceding(3)).isZero();
    assertThat(b.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(b.isBoundary(5)).isTrue();
    assertThat(b.isBoundary(6)).isFalse();
    assertThat(b.last()).isEqualTo(t.length());
    assertThat(b.previous()).isEqualTo(10);
    assertThat(b.next(-2)).isZero();
    assertThatThrownBy(() -> b.following(t.length() + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyText_hasOneBoundary() {
    assertThat(forward("")).containsExactly(0);
  }
}
