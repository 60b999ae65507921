package dev.lede.wikinews;

import dev.lede.model.Block;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Photo captions as Wikinews writes them: the credit follows a label at the end ("Fire in the frame
 * of Notre Dame. Image: Remi Mathis.", "Sirhan in 1969 (Image: CDCR)"), or older captions end with
 * a parenthesised agency credit ("President Lula and President Roh. (J. Freitas/ABr)").
 */
final class Captions {
  /** A caption and its credit; either may be empty. */
  record Split(String caption, String credit) {}

  private static final Pattern MEDIA_LABEL =
      Pattern.compile("(?:^|(?<=[\\s.(]))(Image|Photo|Picture|Video|Audio)s?:\\s*");
  private static final Pattern TRAILING_PAREN_CREDIT =
      Pattern.compile("^(.*?)\\s*\\(([^()]{2,60})\\)\\.?$");
  private static final int MAX_LENGTH = 600;

  private Captions() {}

  /**
   * The caption with a labelled credit at its end ("… Image: Paul Budd."), or null when the text
   * has no such credit. {@code Video:} and {@code Audio:} labels count as well (see {@link
   * #isVideoOrAudio}).
   */
  static @Nullable Split labelled(String text) {
    Matcher m = MEDIA_LABEL.matcher(text);
    int start = -1;
    int end = -1;
    while (m.find()) {
      start = m.start();
      end = m.end();
    }
    if (start < 0 || text.length() > MAX_LENGTH) {
      return null;
    }
    String credit = text.substring(end).strip();
    String caption = text.substring(0, start).strip();
    if (caption.endsWith("(") && credit.endsWith(")")) {
      caption = caption.substring(0, caption.length() - 1).strip();
      credit = credit.substring(0, credit.length() - 1).strip();
    }
    credit = credit.replaceFirst("\\.$", "").strip();
    if (credit.isEmpty()
        || credit.length() > 100
        || credit.split("\\s+").length > 12
        || credit.matches(".*\\p{Ll}{2}[.!?]\\s+\\p{Lu}.*")) {
      return null;
    }
    return new Split(caption, credit);
  }

  /** True when the text is the caption of a video or an audio recording ("… Video: X."). */
  static boolean isVideoOrAudio(String text) {
    Matcher m = MEDIA_LABEL.matcher(text);
    String kind = "";
    while (m.find()) {
      kind = m.group(1);
    }
    return (kind.equals("Video") || kind.equals("Audio")) && labelled(text) != null;
  }

  /** The caption split from a labelled or a parenthesised agency credit, if it has one. */
  static Split split(String text) {
    Split labelled = labelled(text);
    if (labelled != null) {
      return labelled;
    }
    Matcher m = TRAILING_PAREN_CREDIT.matcher(text);
    if (m.matches() && m.group(2).contains("/") && !m.group(2).matches(".*\\d{4}.*")) {
      return new Split(m.group(1).strip(), m.group(2).strip());
    }
    return new Split(text, "");
  }

  /** An image block for this caption. */
  static Block.Image image(String src, String alt, String caption) {
    Split s = split(caption);
    return new Block.Image(src, alt, s.caption(), s.credit());
  }
}
