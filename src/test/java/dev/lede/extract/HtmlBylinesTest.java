package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Byline cleaning: people only, names intact. */
class HtmlBylinesTest {
  @Test
  void people_stripsByAndSplitsOnAnd() {
    assertThat(Bylines.people("By Jane Doe and John Roe", ""))
        .containsExactly("Jane Doe", "John Roe");
    assertThat(Bylines.people("by: Jane Doe, John Roe & Ana Ruiz", ""))
        .containsExactly("Jane Doe", "John Roe", "Ana Ruiz");
  }

  @Test
  void people_keepsNamesThatStartWithBy() {
    assertThat(Bylines.people("Abby Wambach", "")).containsExactly("Abby Wambach");
    assertThat(Bylines.people("Byron Lee", "")).containsExactly("Byron Lee");
    assertThat(Bylines.people("By Abby Lee", "")).containsExactly("Abby Lee");
  }

  @Test
  void people_dropsJobTitlesDatesAndContactLinks() {
    assertThat(Bylines.people("Jane Doe, Staff Writer", "")).containsExactly("Jane Doe");
    assertThat(Bylines.people("By Jane Doe | Updated July 3, 2021 at 4:05 pm", ""))
        .containsExactly("Jane Doe");
    assertThat(Bylines.people("Jane Doe Email the author", "")).containsExactly("Jane Doe");
    assertThat(Bylines.people("Jane Doe @janedoe", "")).containsExactly("Jane Doe");
    assertThat(Bylines.people("Jane Doe, Senior Political Correspondent", ""))
        .containsExactly("Jane Doe");
    assertThat(Bylines.people("Jane Doe for The Daily Planet", "")).containsExactly("Jane Doe");
  }

  @Test
  void people_dropsOrganisationsAndTheSiteItself() {
    assertThat(Bylines.people("Reuters", "")).isEmpty();
    assertThat(Bylines.people("The Associated Press", "")).isEmpty();
    assertThat(Bylines.people("Jane Doe, Associated Press", "")).containsExactly("Jane Doe");
    assertThat(Bylines.people("By Jane Doe and Reuters", "")).containsExactly("Jane Doe");
    assertThat(Bylines.people("Valley News", "Valley News")).isEmpty();
    assertThat(Bylines.people("Bloomberg News Staff", "")).isEmpty();
    assertThat(Bylines.people("Email the author", "")).isEmpty();
  }

  @Test
  void people_titleCasesShoutedNames() {
    assertThat(Bylines.people("By GILLIAN MOHNEY", "")).containsExactly("Gillian Mohney");
    assertThat(Bylines.people("BY SEAN O'NEILL", "")).containsExactly("Sean O'neill");
  }

  @Test
  void people_keepsNamesInScriptsWithoutCase() {
    assertThat(Bylines.people("肖春芳", "")).containsExactly("肖春芳");
  }
}
