package dev.lede.wikinews;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WikinewsTest {

  @Test
  void urlOf_encodesLikeTheWikinewsCorpus() {
    assertThat(Wikinews.urlOf("Kmart to buy Sears for US$11 billion"))
        .isEqualTo("https://en.wikinews.org/wiki/Kmart_to_buy_Sears_for_US%2411_billion");
    assertThat(Wikinews.urlOf("Police deactivate explosive device in Andalucía, Spain"))
        .isEqualTo(
            "https://en.wikinews.org/wiki/Police_deactivate_explosive_device_in_Andaluc%C3%ADa,_Spain");
    assertThat(Wikinews.urlOf("Brexit: 'a deal (maybe)'; talks/resume"))
        .isEqualTo("https://en.wikinews.org/wiki/Brexit:_'a_deal_(maybe)'%3B_talks%2Fresume");
  }

  @Test
  void idOf_isWnAndTwelveHexDigitsOfSha1() {
    assertThat(
            Wikinews.idOf(
                "https://en.wikinews.org/wiki/Brazilian_delegation_returns_from_Arafat_funeral"))
        .isEqualTo("wn-fb132e8654a4");
  }

  @Test
  void urlAndId_reproduceEveryArticleOfTheSharedCorpus() throws IOException {
    ObjectMapper m = new ObjectMapper();
    int n = 0;
    for (String file : new String[] {"articles.jsonl", "extra_undated.jsonl"}) {
      Path p = SharedData.require("data/wikinews/" + file);
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        JsonNode r = m.readTree(line);
        assertThat(Wikinews.urlOf(r.get("title").asText())).isEqualTo(r.get("url").asText());
        assertThat(Wikinews.idOf(r.get("url").asText())).isEqualTo(r.get("id").asText());
        n++;
      }
    }
    assertThat(n).isEqualTo(461);
  }

  @Test
  void licence_changesOn25September2005() {
    assertThat(WikinewsLicence.forDate(LocalDate.of(2005, 9, 24)))
        .isEqualTo(WikinewsLicence.PUBLIC_DOMAIN);
    assertThat(WikinewsLicence.forDate(LocalDate.of(2005, 9, 25)))
        .isEqualTo(WikinewsLicence.CC_BY_2_5);
    assertThat(WikinewsLicence.forDate(null)).isEqualTo(WikinewsLicence.CC_BY_2_5);
    assertThat(WikinewsLicence.fromLabel("Public domain (Wikinews, published before 2005-09-25)"))
        .isEqualTo(WikinewsLicence.PUBLIC_DOMAIN);
    assertThat(WikinewsLicence.CC_BY_2_5.attributionLine("https://en.wikinews.org/wiki/X"))
        .isEqualTo("From Wikinews, CC BY 2.5 — https://en.wikinews.org/wiki/X (text reformatted)");
    assertThat(WikinewsLicence.PUBLIC_DOMAIN.attributionLine("https://en.wikinews.org/wiki/X"))
        .isEqualTo("From Wikinews, public domain — https://en.wikinews.org/wiki/X");
  }
}
