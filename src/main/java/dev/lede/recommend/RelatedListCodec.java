package dev.lede.recommend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of a related list: one line of text, read back with one pass over its characters
 * and no intermediate tree. Serving a stored list from SQLite was mostly parsing its JSON form into
 * a tree and the tree into records (0.17–0.3 ms of 0.26–0.4 ms per list at 100k articles); this
 * form costs a few microseconds and is about a third shorter (fewer database pages per list).
 *
 * <p>Layout: values separated by U+001F, in a fixed order: a version tag, the list's id, {@code
 * computedAt} (epoch ms), {@code asOf}, the item count, then per item its id, headline, alternative
 * headline, excerpt, URL, published (epoch ms or empty), source, story (prefixed {@code 1}, or
 * {@code 0} for none), reason, fallback ({@code 0}/{@code 1}), thumbnail ({@code 0}, or {@code 1}
 * followed by its source and alt text), the ten numbers of the score breakdown (score, relevance,
 * text, entities, tags, section, freshness, engagement, embedding, story support; eight in the
 * version "l1", nine in "l2", both still read), and the count and values of its shared names. A
 * character U+001C–U+001F inside a value is written as U+001C followed by that character plus 0x40,
 * so every value reads back exactly. Another version tag reads as absent ({@link #decode} returns
 * null).
 */
public final class RelatedListCodec {
  private static final String VERSION = "l3";

  /** The version before the story-support part (9 numbers per item): still read. */
  private static final String VERSION_2 = "l2";

  /** The version before the embedding part (8 numbers per item): still read. */
  private static final String VERSION_1 = "l1";

  private static final char SEP = '\u001f';
  private static final char ESC = '\u001c';

  private RelatedListCodec() {}

  /** The stored line of a list (its {@code stored} flag is not kept). */
  public static String encode(RelatedList list) {
    StringBuilder sb = new StringBuilder(512 + list.items().size() * 512);
    sb.append(VERSION).append(SEP);
    value(sb, list.id());
    sb.append(list.computedAt().toEpochMilli()).append(SEP);
    sb.append(list.asOf()).append(SEP);
    sb.append(list.items().size()).append(SEP);
    for (RelatedList.Item i : list.items()) {
      value(sb, i.id());
      value(sb, i.headline());
      value(sb, i.altHeadline());
      value(sb, i.excerpt());
      value(sb, i.url());
      sb.append(i.published() == null ? "" : Long.toString(i.published().toEpochMilli()));
      sb.append(SEP);
      value(sb, i.source());
      if (i.story() == null) {
        sb.append('0').append(SEP);
      } else {
        sb.append('1');
        value(sb, i.story());
      }
      value(sb, i.reason());
      sb.append(i.fallback() ? '1' : '0').append(SEP);
      RelatedList.Thumbnail t = i.thumbnail();
      if (t == null) {
        sb.append('0').append(SEP);
      } else {
        sb.append('1').append(SEP);
        value(sb, t.src());
        value(sb, t.alt());
      }
      RelatedList.Breakdown b = i.breakdown();
      for (double d :
          new double[] {
            b.score(),
            b.relevance(),
            b.text(),
            b.entities(),
            b.tags(),
            b.section(),
            b.freshness(),
            b.engagement(),
            b.embedding(),
            b.support()
          }) {
        sb.append(d).append(SEP);
      }
      sb.append(b.shared().size()).append(SEP);
      for (String s : b.shared()) {
        value(sb, s);
      }
    }
    return sb.toString();
  }

  /** The list of a stored line, or null when the line is of another version or unreadable. */
  public static @Nullable RelatedList decode(String line) {
    Reader r = new Reader(line);
    try {
      String version = r.next();
      int numbers;
      if (VERSION.equals(version)) {
        numbers = 10;
      } else if (VERSION_2.equals(version)) {
        numbers = 9;
      } else if (VERSION_1.equals(version)) {
        numbers = 8;
      } else {
        return null;
      }
      String id = r.next();
      Instant computedAt = Instant.ofEpochMilli(Long.parseLong(r.next()));
      long asOf = Long.parseLong(r.next());
      int n = Integer.parseInt(r.next());
      List<RelatedList.Item> items = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        String itemId = r.next();
        String headline = r.next();
        String alt = r.next();
        String excerpt = r.next();
        String url = r.next();
        String pub = r.next();
        Instant published = pub.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(pub));
        String source = r.next();
        String story = r.next();
        String reason = r.next();
        boolean fallback = r.next().equals("1");
        RelatedList.Thumbnail thumb = null;
        if (r.next().equals("1")) {
          thumb = new RelatedList.Thumbnail(r.next(), r.next());
        }
        double[] d = new double[10];
        for (int j = 0; j < numbers; j++) {
          d[j] = Double.parseDouble(r.next());
        }
        int shared = Integer.parseInt(r.next());
        List<String> sh = new ArrayList<>(shared);
        for (int j = 0; j < shared; j++) {
          sh.add(r.next());
        }
        items.add(
            new RelatedList.Item(
                itemId,
                headline,
                alt,
                excerpt,
                url,
                published,
                source,
                story.startsWith("1") ? story.substring(1) : null,
                reason,
                fallback,
                thumb,
                new RelatedList.Breakdown(
                    d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], sh, d[8], d[9])));
      }
      if (!r.atEnd()) {
        return null;
      }
      return new RelatedList(id, items, computedAt, asOf, true);
    } catch (RuntimeException e) {
      return null; // unreadable: recomputed on demand
    }
  }

  private static void value(StringBuilder sb, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= ESC && c <= SEP) {
        sb.append(ESC).append((char) (c + 0x40));
      } else {
        sb.append(c);
      }
    }
    sb.append(SEP);
  }

  /** Reads the values of a line one after the other. */
  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos == s.length();
    }

    String next() {
      int end = s.indexOf(SEP, pos);
      if (end < 0) {
        throw new IllegalArgumentException("truncated related list");
      }
      boolean escaped = false;
      for (int i = pos; i < end; i++) {
        if (s.charAt(i) == ESC) {
          escaped = true;
          break;
        }
      }
      String v;
      if (!escaped) {
        v = s.substring(pos, end);
      } else {
        StringBuilder sb = new StringBuilder(end - pos);
        for (int i = pos; i < end; i++) {
          char c = s.charAt(i);
          if (c == ESC && i + 1 < end) {
            sb.append((char) (s.charAt(++i) - 0x40));
          } else {
            sb.append(c);
          }
        }
        v = sb.toString();
      }
      pos = end + 1;
      return v;
    }
  }
}
