package dev.lede.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntitiesTest {
  private static List<String> names(String title, String body) {
    return Entities.of(title, body).stream()
        .filter(e -> !e.number())
        .map(Entities.Entity::display)
        .toList();
  }

  @Test
  void of_findsMultiwordNamesAndNamesMentionedMidSentence() {
    List<String> n =
        names(
            "North Korean troops join Russian forces in Kursk",
            "North Korea has sent troops to the Kursk region, officials in Kyiv said. The Bank of"
                + " England was not involved, said Kim Jong Un's spokesman.");

    assertThat(n).contains("North Korea", "Kursk", "Kyiv", "Bank of England", "Kim Jong Un");
    assertThat(n).doesNotContain("The", "The Bank of England", "Kim Jong Un's");
  }

  @Test
  void of_ignoresCapitalisedWordsThatOnlyOpenSentences() {
    List<String> n =
        names(
            "Storm brings rain",
            "Officials said the storm was strong. Rain fell all day. \"Yeah, it was bad,\" one"
                + " said on Monday.");

    assertThat(n).doesNotContain("Officials", "Rain", "Yeah", "Monday");
  }

  @Test
  void of_keepsFiguresOfTwoDigitsOrMore_andWeighsTitleMentions() {
    List<Entities.Entity> e =
        Entities.of(
            "Magnitude 7.1 earthquake hits Mexico City",
            "The 7.1 quake killed 225 people in Mexico City and Puebla on 19 September 2017. It"
                + " was 1 of 3.");

    assertThat(e.stream().filter(Entities.Entity::number).map(Entities.Entity::key))
        .contains("7.1", "225", "2017")
        .doesNotContain("1", "3");
    assertThat(e.get(0).key()).isIn("mexico city", "7.1");
    assertThat(Entities.weights(e).get("mexico city"))
        .isGreaterThan(Entities.weights(e).get("puebla"));
  }

  @Test
  void of_titleCaseHeadlines_doNotMakeOneLongName() {
    List<String> n = names("North Korean Troops Seen Near Kursk Border", "Troops were seen.");

    assertThat(n).noneMatch(s -> s.contains("Troops Seen"));
  }

  @Test
  void of_hugeText_isReadUpToTheCap() {
    String body = "Officials in Kyiv met. ".repeat(5_000) + "Vladimir Putin spoke.";

    List<String> n = names("Talks", body);

    assertThat(n).contains("Kyiv").doesNotContain("Vladimir Putin");
  }
}
