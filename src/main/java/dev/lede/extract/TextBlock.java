package dev.lede.extract;

import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * One block of a page in reading order: a run of text between block-level boundaries (or an image),
 * with the features the classifier and the content locator need. Built by {@link BlockSplitter};
 * {@link #label} and {@link #keep} are set by the later steps.
 */
final class TextBlock {
  enum Kind {
    PARAGRAPH,
    HEADING,
    ITEM,
    QUOTE,
    PRE,
    CELL,
    CAPTION,
    IMAGE
  }

  enum Label {
    GOOD,
    NEAR_GOOD,
    SHORT,
    BAD
  }

  final int index;
  Kind kind;

  /** The kind this block has if it turns out not to be a caption. */
  final Kind baseKind;

  /** The caption-hinted element or figure around the block, if any. */
  final @Nullable Element captionScope;

  final Element owner;
  final String text;
  final int level;
  final @Nullable Element list;
  final boolean ordered;
  final @Nullable Element quote;
  final @Nullable Element figure;
  final @Nullable HintChain hints;
  final int length;
  final int linkLength;
  final int words;
  final int stopWords;
  final int punctuation;
  final boolean credit;
  final String src;
  final String alt;
  Label label = Label.SHORT;
  boolean keep;

  TextBlock(
      int index,
      Kind kind,
      Element owner,
      String text,
      int level,
      @Nullable Element list,
      boolean ordered,
      @Nullable Element quote,
      @Nullable Element figure,
      @Nullable HintChain hints,
      int linkLength,
      boolean credit,
      String src,
      String alt,
      Kind baseKind,
      @Nullable Element captionScope) {
    this.index = index;
    this.kind = kind;
    this.baseKind = baseKind;
    this.captionScope = captionScope;
    this.owner = owner;
    this.text = text;
    this.level = level;
    this.list = list;
    this.ordered = ordered;
    this.quote = quote;
    this.figure = figure;
    this.hints = hints;
    this.length = Texts.weightedLength(text);
    this.linkLength = Math.min(linkLength, length);
    this.credit = credit;
    this.src = src;
    this.alt = alt;
    int w = 0;
    int sw = 0;
    int p = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'')) {
          i++;
        }
        w++;
        if (i - start <= 12 && StopWords.isStopWord(text.substring(start, i))) {
          sw++;
        }
        continue;
      }
      if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == '。'
          || c == '，' || c == '、' || c == '！' || c == '？') {
        p++;
      }
      i++;
    }
    this.words = w;
    this.stopWords = sw;
    this.punctuation = p;
  }

  double linkDensity() {
    return length == 0 ? 0 : (double) linkLength / length;
  }

  double stopWordDensity() {
    return words == 0 ? 0 : (double) stopWords / words;
  }

  boolean isText() {
    return kind != Kind.IMAGE;
  }

  @Override
  public String toString() {
    return kind + "/" + label + (keep ? "+" : "-") + " " + text;
  }
}
