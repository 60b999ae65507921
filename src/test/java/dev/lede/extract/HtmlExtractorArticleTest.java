package dev.lede.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Article;
import dev.lede.model.Block;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A whole news page of our own, with every kind of boilerplate around a split article body. */
class HtmlExtractorArticleTest {
  private static Article article;

  @BeforeAll
  static void extract() {
    article =
        HtmlFixtures.extract(
            "news-article.html",
            "https://courier.example/news/2024/03/12/harbour-sea-wall?ref=rss");
  }

  @Test
  void extract_readsMetadataFromJsonLdGraphFirst() {
    assertThat(article.title()).isEqualTo("Harbour town votes to rebuild its old sea wall");
    assertThat(article.bylines()).containsExactly("Mara Lindqvist", "Tom Okafor");
    assertThat(article.published()).isEqualTo(Instant.parse("2024-03-12T07:30:00Z"));
    assertThat(article.modified()).isEqualTo(Instant.parse("2024-03-12T10:05:00Z"));
    assertThat(article.section()).isEqualTo("Local");
    assertThat(article.tags()).containsExactly("sea wall", "flooding", "council");
    assertThat(article.siteName()).isEqualTo("The Coastal Courier");
    assertThat(article.language()).isEqualTo("en-GB");
    assertThat(article.description()).startsWith("Councillors approved a four-year plan");
    assertThat(article.canonicalUrl())
        .isEqualTo("https://courier.example/news/2024/03/12/harbour-sea-wall");
  }

  @Test
  void extract_keepsBodySplitAcrossSectionsInOrder() {
    String text = article.text();
    assertThat(text).startsWith("Councillors in the harbour town voted on Monday night");
    assertThat(text).contains("The four-year plan, which the council estimates");
    assertThat(text).contains("Residents packed the council chamber");
    assertThat(text).endsWith("according to the engineers who drew up the plan.");
    assertThat(text.indexOf("four-year plan")).isLessThan(text.indexOf("Residents packed"));
  }

  @Test
  void extract_keepsSubheadingListAndQuoteAsBlocks() {
    assertThat(HtmlFixtures.blocks(article, Block.Heading.class))
        .containsExactly(new Block.Heading(2, "What the plan includes"));
    assertThat(HtmlFixtures.blocks(article, Block.ListBlock.class))
        .containsExactly(
            new Block.ListBlock(
                false,
                java.util.List.of(
                    "A new concrete core behind the existing stone",
                    "Three flood gates at the slipways used by the fishing fleet",
                    "A walkway on top, reopened to the public once work ends")));
    assertThat(HtmlFixtures.blocks(article, Block.Quote.class))
        .extracting(Block.Quote::text)
        .containsExactly(
            "We have patched this wall for forty years. Patching is over, and the sea has made"
                + " that decision for us.");
  }

  @Test
  void extract_dropsEveryKindOfBoilerplate() {
    assertThat(article.text())
        .doesNotContain("cookies")
        .doesNotContain("Share this article")
        .doesNotContain("Facebook")
        .doesNotContain("Advertisement")
        .doesNotContain("Sign up for our free morning briefing")
        .doesNotContain("Lifeboat crew")
        .doesNotContain("About time")
        .doesNotContain("Twelve million pounds seems")
        .doesNotContain("All rights reserved")
        .doesNotContain("Topics:")
        .doesNotContain("Weather")
        .doesNotContain("By Mara Lindqvist")
        .doesNotContain("12 March 2024")
        .doesNotContain("tracking pixel")
        .doesNotContain("font-family");
  }

  @Test
  void extract_doesNotRepeatTheHeadlineInTheBody() {
    assertThat(article.text()).doesNotContain("Harbour town votes");
  }

  @Test
  void extract_keepsTheLazyLoadedFigureWithCaptionAndCreditOutOfTheText() {
    assertThat(article.images())
        .containsExactly(
            new Block.Image(
                "https://courier.example/images/sea-wall-breach.jpg",
                "Waves breaking over a damaged stone wall",
                "Waves break over the damaged section of the wall in January.",
                "Ines Varga/Coastal Courier"));
    assertThat(article.text()).doesNotContain("Waves break over").doesNotContain("Ines Varga");
  }

  @Test
  void extract_movesTheWireAttributionOutOfTheBody() {
    assertThat(article.attribution()).containsExactly("Reuters contributed to this report.");
    assertThat(article.text()).doesNotContain("Reuters contributed");
  }

  @Test
  void extract_readsTheYouMayAlsoLikeBlockIntoTeasers() {
    assertThat(article.related()).hasSize(2);
    assertThat(article.related().get(0).headline())
        .isEqualTo("Lifeboat crew rescues three from drifting yacht");
    assertThat(article.related().get(0).excerpt()).startsWith("The volunteers were called out");
    assertThat(article.related().get(0).url())
        .isEqualTo("https://courier.example/news/2024/03/10/lifeboat-crew-rescue");
    assertThat(article.related().get(1).altHeadline())
        .isEqualTo("Ferry timetable to change in April");
  }
}
