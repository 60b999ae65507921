package dev.lede.extract;

import dev.lede.model.Block;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Turns the kept blocks into the model's body: consecutive items of one list become a {@link
 * Block.ListBlock}, consecutive paragraphs of one {@code <blockquote>} one {@link Block.Quote}, the
 * cells of a table row one paragraph, headings keep their level, preformatted text its line breaks.
 * An image takes as caption the caption blocks of its {@code <figure>} (or, outside figures, the
 * caption-classed blocks right after it); a credit marked up as such is used as is, otherwise
 * {@link Credits#split} separates it from the caption text.
 */
final class BodyAssembler {
  private static final int CAPTION_REACH = 8;

  private BodyAssembler() {}

  static List<Block> assemble(List<TextBlock> blocks) {
    List<Block> out = new ArrayList<>();
    int i = 0;
    while (i < blocks.size()) {
      TextBlock b = blocks.get(i);
      if (!b.keep) {
        i++;
        continue;
      }
      switch (b.kind) {
        case IMAGE -> {
          out.add(image(blocks, i));
          i++;
        }
        case HEADING -> {
          out.add(new Block.Heading(Math.max(2, b.level), b.text));
          i++;
        }
        case ITEM -> {
          List<String> items = new ArrayList<>();
          Element list = b.list;
          int j = i;
          while (j < blocks.size() && (!blocks.get(j).keep || blocks.get(j).list == list)) {
            TextBlock x = blocks.get(j);
            if (x.keep && x.kind == TextBlock.Kind.ITEM) {
              items.add(x.text.replace('\n', ' '));
            } else if (x.keep) {
              break;
            }
            j++;
          }
          if (items.isEmpty()) {
            j = i + 1;
          } else {
            out.add(new Block.ListBlock(b.ordered, items));
          }
          i = j;
        }
        case QUOTE -> {
          StringBuilder sb = new StringBuilder(b.text);
          int j = i + 1;
          while (j < blocks.size()
              && blocks.get(j).keep
              && blocks.get(j).kind == TextBlock.Kind.QUOTE
              && blocks.get(j).quote == b.quote) {
            sb.append("\n\n").append(blocks.get(j).text);
            j++;
          }
          out.add(new Block.Quote(sb.toString()));
          i = j;
        }
        case CELL -> {
          Element row = row(b.owner);
          StringBuilder sb = new StringBuilder(b.text);
          int j = i + 1;
          while (row != null
              && j < blocks.size()
              && blocks.get(j).keep
              && blocks.get(j).kind == TextBlock.Kind.CELL
              && row(blocks.get(j).owner) == row) {
            sb.append(" ").append(blocks.get(j).text);
            j++;
          }
          out.add(new Block.Paragraph(sb.toString()));
          i = j;
        }
        case CAPTION -> i++;
        default -> {
          out.add(new Block.Paragraph(b.text));
          i++;
        }
      }
    }
    return out;
  }

  private static @Nullable Element row(Element cellOwner) {
    int hops = 0;
    for (Element e = cellOwner; e != null && hops < 6; e = e.parent(), hops++) {
      if (e.normalName().equals("tr")) {
        return e;
      }
    }
    return null;
  }

  private static Block.Image image(List<TextBlock> blocks, int at) {
    TextBlock img = blocks.get(at);
    StringBuilder caption = new StringBuilder();
    StringBuilder credit = new StringBuilder();
    int from = img.figure != null ? Math.max(0, at - CAPTION_REACH) : at + 1;
    for (int j = from; j < blocks.size() && j <= at + CAPTION_REACH; j++) {
      TextBlock c = blocks.get(j);
      if (j == at) {
        continue;
      }
      if (c.kind == TextBlock.Kind.IMAGE && j > at) {
        break;
      }
      if (c.kind != TextBlock.Kind.CAPTION) {
        if (img.figure == null && j > at) {
          break;
        }
        continue;
      }
      boolean mine =
          img.figure != null
              ? c.figure == img.figure
              : c.figure == null && near(img.owner, c.owner);
      if (!mine) {
        continue;
      }
      StringBuilder target = c.credit ? credit : caption;
      if (target.indexOf(c.text) < 0) {
        if (target.length() > 0) {
          target.append(' ');
        }
        target.append(c.text.replace('\n', ' '));
      }
    }
    String cap = caption.toString().strip();
    String cred = credit.toString().strip();
    if (cred.isEmpty()) {
      Credits.Split s = Credits.split(cap);
      cap = s.caption();
      cred = s.credit();
    } else {
      cred =
          cred.replaceFirst("(?i)^(?:photo(?:graph)?|image|picture|credit)s?\\s*(?:by|:)\\s*", "");
    }
    return new Block.Image(img.src, img.alt, cap, cred);
  }

  /** True when the two share an ancestor within three levels of the image. */
  private static boolean near(Element img, Element other) {
    Element a = img.parent();
    for (int hops = 0; a != null && hops < 3; hops++, a = a.parent()) {
      if (BlockSplitter.isAncestor(a, other)) {
        return true;
      }
    }
    return false;
  }
}
