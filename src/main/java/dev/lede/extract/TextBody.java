package dev.lede.extract;

import dev.lede.extract.TextItem.Kind;
import dev.lede.model.Block;
import dev.lede.model.Teaser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the body of a text dump into blocks, and the teaser blocks found in it into teasers.
 *
 * <p>Design: a two-state walk over the classified lines. In BODY state, running text becomes
 * paragraphs; a short line without final punctuation followed by prose becomes a subheading; runs
 * of list items become a list; quoted lines a block quote; an image is recognised from its caption
 * — a line whose credit {@link Credits#split} finds, optionally preceded by a short alt line, or a
 * line followed by a lone credit line. Attribution lines, bylines, dates and tags go to the
 * metadata wherever they are; furniture is dropped. A "related" heading switches to RELATED state,
 * as does, without any heading, a trailing run of teaser-shaped lines (two or more items cut with
 * an ellipsis, or three or more headlines after an attribution or share line); running prose of 30
 * words or two full sentences in a row switches back, since teaser blocks also sit inside bodies. A
 * heading is only taken as one when the next line is not prose (a subheading "More from the trial"
 * over a paragraph stays body).
 */
final class TextBody {
  private static final Pattern WIRE_ONLY =
      Pattern.compile(
          "(?i)(?:reuters|ap|afp|upi|dpa|xinhua|bloomberg|(?:the )?associated press|epa|cnn|bbc)");

  /** A sentence ending inside the line ("… confidence. (Northwire)"): not a heading. */
  private static final Pattern SENTENCE_BREAK =
      Pattern.compile("\\p{Ll}{2}[.!?][\"'”’)]*\\s+[\\p{Lu}(\"“]");

  private final List<TextItem> items;
  private final TextMeta meta;
  private final String title;
  private final List<Block> blocks = new ArrayList<>();
  private final List<TextTeasers.Entry> zone = new ArrayList<>();
  private boolean[] main = new boolean[0];

  private TextBody(List<TextItem> items, TextMeta meta, String title) {
    this.items = items;
    this.meta = meta;
    this.title = title;
  }

  /** The blocks of the body from {@code start}; teasers and metadata go to {@code meta}. */
  static List<Block> read(List<TextItem> items, int start, TextMeta meta, String title) {
    TextBody body = new TextBody(items, meta, title);
    body.walk(start);
    return body.blocks;
  }

  private void walk(int start) {
    int tail = tailStart(start);
    main = TextRegion.mainContent(items, start, tail);
    boolean related = false;
    int i = start;
    while (i < items.size()) {
      if (i == tail) {
        related = true;
      }
      TextItem it = items.get(i);
      switch (it.kind()) {
        case BOILER -> i++;
        case ATTRIBUTION -> {
          meta.attribution(it.text());
          i++;
        }
        case BYLINE -> {
          if (Attribution.isAttribution(it.text())) {
            meta.attribution(it.text());
          } else {
            meta.byline(it.text());
          }
          i++;
        }
        case DATE, TAGS, SECTION -> {
          TextHeader.metaLine(it, meta);
          i++;
        }
        case INLINE_RELATED -> {
          if (related) {
            zone.add(new TextTeasers.Entry(it.payload(), it.blankBefore(), false));
          } else {
            meta.related.add(new Teaser(it.payload(), "", "", ""));
          }
          i++;
        }
        case MARKER -> {
          if (related || confirmedMarker(i)) {
            flushZone();
            related = true;
            i++;
          } else {
            i = text(i); // a subheading that happens to read "More on the budget"
          }
        }
        default -> {
          if (related && !leavesRelated(i)) {
            zoneEntry(it);
            i++;
          } else {
            if (related) {
              flushZone();
              related = false;
              tail = items.size();
            }
            i = body(i);
          }
        }
      }
    }
    flushZone();
  }

  private void zoneEntry(TextItem it) {
    switch (it.kind()) {
      case URL -> zone.add(new TextTeasers.Entry(it.payload(), it.blankBefore(), true));
      case TEXT, LIST, QUOTE, HEADING -> {
        zone.add(new TextTeasers.Entry(it.payload(), it.blankBefore(), false));
        if (!it.url().isEmpty()) {
          zone.add(new TextTeasers.Entry(it.url(), false, true));
        }
      }
      default -> {}
    }
  }

  private void flushZone() {
    if (!zone.isEmpty()) {
      meta.related.addAll(TextTeasers.parse(zone));
      zone.clear();
    }
  }

  /** Running prose ends a teaser block: 30 words, or two full-stop sentences in a row. */
  private boolean leavesRelated(int i) {
    TextItem it = items.get(i);
    if (!it.is(Kind.TEXT) || TextShape.endsWithEllipsis(it.text())) {
      return false;
    }
    if (it.words() >= 30 && TextShape.endsSentence(it.text())) {
      return true;
    }
    TextItem next = next(i + 1);
    return sentence(it) && next != null && next.is(Kind.TEXT) && sentence(next);
  }

  /** A full sentence: headlines end in '?' or '!' at times, but rarely in a full stop. */
  private static boolean sentence(TextItem it) {
    return it.words() >= 12 && TextShape.endsWithStop(it.text());
  }

  private boolean confirmedMarker(int i) {
    int at = nextIndex(i + 1);
    if (at < 0 || !items.get(at).is(Kind.TEXT)) {
      return true;
    }
    TextItem next = items.get(at);
    return !leavesRelated(at) && !(TextShape.prose(next.text()) && next.words() >= 20);
  }

  /** One body item (or a run of them) at i; returns the index after it. */
  private int body(int i) {
    TextItem it = items.get(i);
    if (i < main.length && !main[i]) {
      return i + 1; // page furniture around the article (see TextRegion)
    }
    return switch (it.kind()) {
      case LIST -> list(i);
      case QUOTE -> quote(i);
      case TEXT -> text(i);
      case HEADING -> {
        blocks.add(new Block.Heading(Math.max(2, Math.min(6, it.level())), it.payload()));
        yield i + 1;
      }
      case IMAGE -> markedUpImage(i);
      case CAPTION -> {
        caption(it);
        yield i + 1;
      }
      case CREDIT -> {
        attachCredit(it);
        yield i + 1;
      }
      default -> {
        if (it.is(Kind.URL) && blocks.isEmpty()) {
          meta.canonical(it.payload());
        }
        yield i + 1; // URL lines and the like carry no body text
      }
    };
  }

  private int text(int i) {
    TextItem it = items.get(i);
    if (it.text().equals(title)) {
      return i + 1; // the headline repeated (page title and h1)
    }
    int used = image(i);
    if (used > 0) {
      return i + used;
    }
    if (headingLike(it.text())) {
      TextItem next = next(i + 1);
      if (next != null
          && (next.is(Kind.LIST)
              || next.is(Kind.QUOTE)
              || (next.is(Kind.TEXT) && TextShape.prose(next.text())))) {
        blocks.add(new Block.Heading(2, it.text()));
        return i + 1;
      }
    }
    blocks.add(new Block.Paragraph(it.text()));
    return i + 1;
  }

  static boolean headingLike(String s) {
    int w = TextShape.words(s);
    return w >= 1
        && !SENTENCE_BREAK.matcher(s).find()
        && w <= 14
        && s.length() <= 120
        && TextShape.startsLikeTitle(s)
        && !TextShape.endsWithStop(s)
        && !TextShape.endsWithEllipsis(s)
        && !TextShape.endsOpen(s)
        && (!TextShape.endsSentence(s) || w <= 12);
  }

  /** An image at i (alt line, caption, credit in one of four layouts); items used, or 0. */
  private int image(int i) {
    TextItem a = items.get(i);
    TextItem b = i + 1 < items.size() ? items.get(i + 1) : null;
    TextItem c = i + 2 < items.size() ? items.get(i + 2) : null;
    if (altLike(a) && b != null && captionLike(b) && c != null && photoCreditLine(c)) {
      blocks.add(
          Block.Image.captioned(null, a.text(), Credits.split(b.text()).caption(), c.payload()));
      return 3;
    }
    if (altLike(a) && b != null && creditedCaption(b, true) != null) {
      Credits.Split s = creditedCaption(b, true);
      blocks.add(Block.Image.captioned(null, a.text(), s.caption(), s.credit()));
      return 2;
    }
    boolean creditOpensNextImage = c != null && c.is(Kind.CAPTION); // "Image source, …" first
    if (captionLike(a) && b != null && photoCreditLine(b) && !creditOpensNextImage) {
      blocks.add(Block.Image.captioned(null, "", Credits.split(a.text()).caption(), b.payload()));
      return 2;
    }
    Credits.Split s = creditedCaption(a, false);
    if (s != null) {
      blocks.add(Block.Image.captioned(null, "", s.caption(), s.credit()));
      return 1;
    }
    return 0;
  }

  private static boolean altLike(TextItem t) {
    int w = t.words();
    return t.is(Kind.TEXT)
        && w >= 1
        && w <= 25
        && t.text().length() <= 200
        && !TextShape.endsOpen(t.text())
        && (w <= 12 || !TextShape.endsSentence(t.text()))
        && creditedCaption(t, false) == null;
  }

  private static boolean captionLike(TextItem t) {
    return t.is(Kind.TEXT) && t.text().length() <= 500;
  }

  private static boolean photoCreditLine(TextItem t) {
    return t.is(Kind.CREDIT) && TextPatterns.isPhotoCredit(t.text());
  }

  /**
   * The caption and credit of a caption line: its credit must name a photo source, or (when an alt
   * line precedes, {@code lenient}) be anything but a bare wire-agency name, which ends ordinary
   * paragraphs too ("… on Tuesday. (Reuters)").
   */
  private static Credits.@Nullable Split creditedCaption(TextItem t, boolean lenient) {
    if (!t.is(Kind.TEXT) || t.text().length() > (lenient ? 500 : 400)) {
      return null;
    }
    Credits.Split s = Credits.split(t.text());
    if (s.credit().isEmpty() || s.caption().isEmpty()) {
      return null;
    }
    String creditPart = t.text().replace(s.caption(), "");
    if (TextPatterns.isPhotoCredit(creditPart)) {
      return s;
    }
    return lenient && !WIRE_ONLY.matcher(s.credit()).matches() ? s : null;
  }

  /**
   * "![alt](src)", then a caption: the next line when it carries a credit, or when it sits right
   * under the image and is short; then optionally a credit line.
   */
  private int markedUpImage(int i) {
    TextItem img = items.get(i);
    int next = i + 1;
    String caption = "";
    String credit = "";
    if (next < items.size() && captionLike(items.get(next))) {
      TextItem c = items.get(next);
      if (creditedCaption(c, true) != null || (!c.blankBefore() && c.words() <= 30)) {
        Credits.Split s = Credits.split(c.text());
        caption = s.caption();
        credit = s.credit();
        next++;
      }
    }
    if (credit.isEmpty() && next < items.size() && photoCreditLine(items.get(next))) {
      credit = items.get(next).payload();
      next++;
    }
    blocks.add(new Block.Image(img.url(), img.payload(), caption, credit));
    return next;
  }

  /** A labelled caption: it completes the image whose credit came first, or starts one. */
  private void caption(TextItem it) {
    Credits.Split s = Credits.split(it.payload());
    if (!blocks.isEmpty()
        && blocks.get(blocks.size() - 1) instanceof Block.Image img
        && img.caption().isEmpty()) {
      String credit = img.credit().isEmpty() ? s.credit() : img.credit();
      blocks.set(blocks.size() - 1, new Block.Image(img.src(), img.alt(), s.caption(), credit));
    } else {
      blocks.add(Block.Image.captioned(null, "", s.caption(), s.credit()));
    }
  }

  private void attachCredit(TextItem it) {
    if (!blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Block.Image img) {
      if (img.credit().isEmpty()) {
        blocks.set(
            blocks.size() - 1, new Block.Image(img.src(), img.alt(), img.caption(), it.payload()));
      }
    } else if (TextPatterns.isPhotoCredit(it.text())) {
      blocks.add(Block.Image.captioned(null, "", "", it.payload()));
    }
  }

  private int list(int i) {
    boolean ordered = items.get(i).ordered();
    List<String> entries = new ArrayList<>();
    int j = i;
    while (j < items.size() && items.get(j).is(Kind.LIST) && items.get(j).ordered() == ordered) {
      entries.add(items.get(j).payload());
      j++;
    }
    blocks.add(new Block.ListBlock(ordered, entries));
    return j;
  }

  private int quote(int i) {
    StringBuilder sb = new StringBuilder(items.get(i).payload());
    int j = i + 1;
    while (j < items.size() && items.get(j).is(Kind.QUOTE) && !items.get(j).blankBefore()) {
      sb.append(' ').append(items.get(j).payload());
      j++;
    }
    blocks.add(new Block.Quote(sb.toString()));
    return j;
  }

  /**
   * Where a trailing block of teasers without a heading starts: the last lines, furniture aside,
   * when they are two or more items cut with an ellipsis (each under a headline), or three or more
   * headlines after an attribution, byline, tags or furniture line. {@code items.size()} when none.
   */
  private int tailStart(int start) {
    int n = items.size();
    int run = n;
    int excerpts = 0;
    int headlines = 0;
    boolean furniture = false;
    int i = n - 1;
    for (; i >= start; i--) {
      TextItem it = items.get(i);
      if (it.is(Kind.BOILER) || it.is(Kind.URL) || it.is(Kind.DATE)) {
        furniture |= it.is(Kind.BOILER) && run < n;
        continue;
      }
      if (!it.is(Kind.TEXT)) {
        break;
      }
      if (TextShape.endsWithEllipsis(it.text()) && it.words() >= 3) {
        excerpts++;
      } else if (TextShape.headlineLike(it.text())
          && it.words() >= 3
          && creditedCaption(it, false) == null) {
        headlines++;
      } else {
        break;
      }
      run = i;
      furniture = false;
    }
    if (run == n) {
      return n;
    }
    if (excerpts >= 2 && headlines >= excerpts) {
      return run;
    }
    boolean boundary =
        furniture
            || (i >= start
                && (items.get(i).is(Kind.ATTRIBUTION)
                    || items.get(i).is(Kind.BYLINE)
                    || items.get(i).is(Kind.TAGS)));
    return excerpts == 0 && headlines >= 3 && boundary ? run : n;
  }

  private @Nullable TextItem next(int from) {
    int k = nextIndex(from);
    return k < 0 ? null : items.get(k);
  }

  private int nextIndex(int from) {
    for (int k = from; k < items.size(); k++) {
      if (!items.get(k).is(Kind.BOILER)) {
        return k;
      }
    }
    return -1;
  }
}
