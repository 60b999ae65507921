package dev.lede.wikinews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.wikinews.WikinewsSections.Basis;
import dev.lede.wikinews.WikinewsSections.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WikinewsSectionsTest {

  @Test
  void firstTopicCategoryWins_placesAndNamesAreSkipped() {
    assertThat(
            WikinewsSections.of(
                List.of("Brazil", "Luiz Inácio Lula da Silva", "Politics and conflicts", "Sports"),
                "",
                ""))
        .isEqualTo(new Result("Politics", Basis.CATEGORY));
    assertThat(WikinewsSections.of(List.of("Japan", "Earthquakes"), "", ""))
        .isEqualTo(new Result("Disasters and accidents", Basis.CATEGORY));
    assertThat(WikinewsSections.of(List.of("science and technology"), "", "").section())
        .isEqualTo("Science");
  }

  @Test
  void withoutTopicOrCues_theSectionIsWorld() {
    assertThat(WikinewsSections.of(List.of("Norway", "Oslo"), "A day in Oslo", "It was sunny."))
        .isEqualTo(new Result("World", Basis.DEFAULT));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Opposition candidate wins presidential election in Examplestan | Politics",
        "Magnitude 6.1 earthquake strikes coastal town, hundreds evacuated | Disasters and accidents",
        "Former mayor sentenced to ten years in prison for fraud | Crime and law",
        "Scientists find water on distant planet using space telescope | Science",
        "Hometown team defeated in cup final after extra time | Sports",
        "Retailer shares fall as company reports loss for the year | Business",
        "Measles outbreak: health officials urge vaccination | Health",
        "Singer releases album after film festival award | Culture and entertainment",
        "Deforestation in the rainforest threatens endangered wildlife | Environment",
      })
  void keywordVote_onHandWrittenHeadlines(String headline, String section) {
    Result r = WikinewsSections.of(List.of(), headline, "");
    assertThat(r.section()).isEqualTo(section);
    assertThat(r.basis()).isEqualTo(Basis.KEYWORDS);
  }

  @Test
  void keywordVote_needsMoreThanOneStrayWordInTheText() {
    assertThat(
            WikinewsSections.of(List.of(), "A quiet week", "The police were not needed.").basis())
        .isEqualTo(Basis.DEFAULT);
  }
}
