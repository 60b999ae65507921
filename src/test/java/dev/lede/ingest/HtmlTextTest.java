package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.Block;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blocks of a feed item's HTML content: captions and credits as the page extractor has them.
 */
class HtmlTextTest {
  static final URI BASE = URI.create("https://gazette.example/news/park");

  @Test
  void aWordPressCaptionBox_isAnImageWithCaptionAndCredit_notAParagraph() {
    List<Block> blocks =
        HtmlText.blocks(
            "<p>The park reopened on Sunday.</p>"
                + "<div class=\"wp-caption alignnone\" style=\"width: 610px\">"
                + "<img src=\"/img/park.jpg\" alt=\"Park\" width=\"600\">"
                + "<p class=\"wp-caption-text\">The renovated park on Sunday. (Photo: Jane Doe)</p>"
                + "</div>"
                + "<p>Children played by the lake.</p>",
            BASE);
    assertThat(blocks)
        .containsExactly(
            new Block.Paragraph("The park reopened on Sunday."),
            new Block.Image(
                "https://gazette.example/img/park.jpg",
                "Park",
                "The renovated park on Sunday.",
                "Jane Doe"),
            new Block.Paragraph("Children played by the lake."));
  }

  @Test
  void aCreditElementInAFigcaption_isTheCredit() {
    List<Block> blocks =
        HtmlText.blocks(
            "<figure><img src=\"https://cdn.example/lake.jpg\" alt=\"Lake\">"
                + "<figcaption><span>Children play near the lake.</span> "
                + "<span class=\"photo-credit\">Jane Doe/The Daily</span></figcaption></figure>",
            BASE);
    assertThat(blocks)
        .containsExactly(
            new Block.Image(
                "https://cdn.example/lake.jpg",
                "Lake",
                "Children play near the lake.",
                "Jane Doe/The Daily"));
    // a <cite> too; a caption that is all credit element keeps the text-based split
    assertThat(
            HtmlText.blocks(
                "<figure><img src=\"https://cdn.example/a.jpg\" alt=\"\"><figcaption>Dawn over the"
                    + " bay. <cite>Ola Berg</cite></figcaption></figure>",
                BASE))
        .containsExactly(
            new Block.Image("https://cdn.example/a.jpg", "", "Dawn over the bay.", "Ola Berg"));
  }

  @Test
  void anOrdinaryDivWithAnImage_staysAsItWas() {
    List<Block> blocks =
        HtmlText.blocks(
            "<div class=\"entry\"><p>First paragraph.</p><img src=\"https://cdn.example/b.jpg\""
                + " alt=\"B\"><p>Second paragraph.</p></div>",
            BASE);
    assertThat(blocks)
        .containsExactly(
            new Block.Paragraph("First paragraph."),
            new Block.Image("https://cdn.example/b.jpg", "B", "", ""),
            new Block.Paragraph("Second paragraph."));
  }
}
