package dev.lede.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One block of an article body, in reading order. Text in blocks is plain text (no markup):
 * whatever produced it has already stripped tags and normalised whitespace.
 */
public sealed interface Block {

  /** The block's text as it contributes to {@link Article#text()}; empty for images. */
  String text();

  /** A paragraph of running text. */
  record Paragraph(String text) implements Block {
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A subheading inside the body; {@code level} is 2–6 as in HTML. */
  record Heading(int level, String text) implements Block {
    public Heading {
      Objects.requireNonNull(text, "text");
      if (level < 1 || level > 6) {
        throw new IllegalArgumentException("heading level must be 1..6, was " + level);
      }
    }
  }

  /** A bulleted or numbered list. */
  record ListBlock(boolean ordered, List<String> items) implements Block {
    public ListBlock {
      items = List.copyOf(items);
    }

    @Override
    public String text() {
      return String.join("\n", items);
    }
  }

  /** A block quotation (a pull quote or a quoted passage). */
  record Quote(String text) implements Block {
    public Quote {
      Objects.requireNonNull(text, "text");
    }
  }

  /** An image with its alternative text, caption and credit, each possibly empty. */
  record Image(String src, String alt, String caption, String credit) implements Block {
    public Image {
      Objects.requireNonNull(src, "src");
      Objects.requireNonNull(alt, "alt");
      Objects.requireNonNull(caption, "caption");
      Objects.requireNonNull(credit, "credit");
    }

    @Override
    public String text() {
      return "";
    }

    /** An image with only a caption and credit known (as in text dumps). */
    public static Image captioned(@Nullable String src, String alt, String caption, String credit) {
      return new Image(src == null ? "" : src, alt, caption, credit);
    }
  }
}
