package dev.lede.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named entities and numbers of a news text, found by shape rather than by a trained model: names
 * are runs of capitalised words ("North Korea", "Kim Jong Un", "Bank of England"), numbers are
 * figures with at least two digits ("7.1", "2,500", "2013").
 *
 * <p>Why shape: news English capitalises names and little else, so a run of capitalised words is a
 * name with few exceptions, and those are handled: a capitalised word that opens a sentence counts
 * only when it is part of a run or appears capitalised mid-sentence elsewhere in the text (so "The"
 * or "Officials" at a sentence start is not a name), a closed list of function and calendar words
 * never counts alone, a leading "The" is dropped, and "of"/"de"/"al" may join two capitalised
 * words. Numbers separate two events of one kind (two earthquakes, two rehab stories), the very
 * case where words alone mislead, so they are kept as entities too. This is the cheap half of what
 * Miranda et al. (EMNLP 2018) feed their story clustering as the entity view; a trained tagger
 * would find more but costs a model and milliseconds per article.
 *
 * <p>Each entity has a key (lower-case, possessive dropped) and the form first seen. Weight: the
 * number of mentions, plus two when the title mentions it. Texts are read up to {@link #MAX_CHARS}.
 */
public final class Entities {
  /** Characters of text read at most (a huge body costs no more than this). */
  public static final int MAX_CHARS = 20_000;

  /** A name or number in a text. */
  public record Entity(String key, String display, boolean number, double weight) {}

  private static final Pattern TOKEN =
      Pattern.compile(
          "\\p{Lu}[\\p{L}\\p{M}’'.\\-]*\\p{L}|\\p{Lu}|\\d[\\d,.]*\\d|[\\p{L}\\p{M}]+|[.!?:;\"“”()]");

  private static final Set<String> JOINERS =
      Set.of("of", "de", "al", "van", "von", "da", "del", "bin");

  /** Words that are capitalised for grammar, not because they name something. */
  private static final Set<String> NEVER_ALONE =
      Set.of(
          "the",
          "a",
          "an",
          "in",
          "on",
          "at",
          "for",
          "and",
          "or",
          "but",
          "he",
          "she",
          "it",
          "they",
          "we",
          "i",
          "you",
          "his",
          "her",
          "its",
          "their",
          "our",
          "this",
          "that",
          "these",
          "those",
          "there",
          "here",
          "when",
          "while",
          "after",
          "before",
          "as",
          "if",
          "so",
          "mr",
          "mrs",
          "ms",
          "dr",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "today",
          "yesterday",
          "tomorrow",
          "according",
          "also",
          "however",
          "meanwhile",
          "with",
          "from",
          "by",
          "to",
          "of",
          "not",
          "no",
          "yes",
          "one",
          "two",
          "three",
          "new",
          "said",
          "says",
          "what",
          "who",
          "why",
          "how",
          "where",
          "all",
          "some",
          "many",
          "more",
          "most",
          "other",
          "several",
          "photo",
          "image",
          "file",
          "update",
          "breaking",
          "watch",
          "report",
          "read",
          "share",
          "follow",
          "advertisement",
          "subscribe",
          "tweet");

  private Entities() {}

  /** Entities of a title and body, heaviest first (ties: first seen first). */
  public static List<Entity> of(String title, String body) {
    Map<String, Acc> acc = new LinkedHashMap<>();
    if (!titleCase(title)) {
      scan(title, acc, true);
    }
    String b = body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) : body;
    scan(b, acc, false);
    String lowerTitle = title.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Acc> e : acc.entrySet()) {
      if (!e.getValue().inTitle && lowerTitle.contains(e.getKey())) {
        e.getValue().inTitle = true;
      }
    }
    List<Entity> out = new ArrayList<>();
    for (Map.Entry<String, Acc> e : acc.entrySet()) {
      Acc a = e.getValue();
      boolean keep = a.number || a.multiword || a.midSentence;
      if (!keep) {
        continue;
      }
      out.add(new Entity(e.getKey(), a.display, a.number, a.count + (a.inTitle ? 2 : 0)));
    }
    out.sort(Comparator.comparingDouble(Entity::weight).reversed());
    return List.copyOf(out);
  }

  private static final class Acc {
    final String display;
    int count;
    boolean inTitle;
    boolean multiword;
    boolean midSentence;
    boolean number;

    Acc(String display) {
      this.display = display;
    }
  }

  private record Tok(String text, boolean cap, boolean punct, boolean sentenceStart) {}

  private static void scan(String text, Map<String, Acc> acc, boolean title) {
    List<Tok> toks = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    boolean start = true;
    while (m.find()) {
      String t = m.group();
      char c = t.charAt(0);
      boolean punct = t.length() == 1 && ".!?:;\"“”()".indexOf(c) >= 0;
      if (punct) {
        toks.add(new Tok(t, false, true, false));
        if (".!?:\"“".indexOf(c) >= 0) {
          start = true;
        }
        continue;
      }
      boolean cap = Character.isUpperCase(c);
      toks.add(new Tok(t, cap, false, start || title));
      start = false;
    }
    // Headlines capitalise most words: in a title only runs and numbers count as names.
    int i = 0;
    while (i < toks.size()) {
      Tok t = toks.get(i);
      if (!t.punct && Character.isDigit(t.text.charAt(0))) {
        String num = t.text.replaceAll("[.,]$", "");
        if (num.replaceAll("[^0-9]", "").length() >= 2) {
          Acc a = acc.computeIfAbsent(num, Acc::new);
          a.number = true;
          a.count++;
          a.inTitle |= title;
        }
        i++;
        continue;
      }
      if (!t.cap) {
        i++;
        continue;
      }
      // A run of capitalised words, possibly joined by "of", "de", …
      int j = i;
      List<String> words = new ArrayList<>();
      boolean opensSentence = t.sentenceStart;
      while (j < toks.size()) {
        Tok u = toks.get(j);
        if (u.cap && !u.punct) {
          words.add(clean(u.text));
          j++;
        } else if (!u.punct
            && !words.isEmpty()
            && JOINERS.contains(u.text)
            && j + 1 < toks.size()
            && toks.get(j + 1).cap) {
          words.add(u.text);
          j++;
        } else {
          break;
        }
      }
      // Drop leading grammar words ("The", "In", "When") from the run.
      while (!words.isEmpty() && NEVER_ALONE.contains(words.get(0).toLowerCase(Locale.ROOT))) {
        words.remove(0);
        opensSentence = false;
      }
      while (!words.isEmpty()
          && (JOINERS.contains(words.get(words.size() - 1))
              || NEVER_ALONE.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT)))) {
        words.remove(words.size() - 1);
      }
      if (!words.isEmpty()) {
        String display = String.join(" ", words);
        String key = display.toLowerCase(Locale.ROOT);
        if (key.length() >= 2) {
          Acc a = acc.computeIfAbsent(key, k -> new Acc(display));
          a.count++;
          a.inTitle |= title;
          a.multiword |= words.size() > 1;
          a.midSentence |= !opensSentence && !title;
        }
      }
      i = Math.max(j, i + 1);
    }
  }

  /** "North Korean Troops Seen In Kursk": every longer word capitalised, so case tells nothing. */
  private static boolean titleCase(String title) {
    int longWords = 0;
    for (String w : title.split("\\s+")) {
      if (w.length() > 3 && Character.isLetter(w.charAt(0))) {
        longWords++;
        if (Character.isLowerCase(w.charAt(0))) {
          return false;
        }
      }
    }
    return longWords >= 3;
  }

  private static String clean(String w) {
    String s = w;
    if (s.endsWith("’s") || s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    }
    while (s.endsWith(".") && s.length() > 1 && !s.matches("(\\p{Lu}\\.)+")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Entities shared by both lists, in the order (and display form) of {@code subject}. */
  public static List<Entity> shared(List<Entity> subject, Set<String> other) {
    List<Entity> out = new ArrayList<>();
    for (Entity e : subject) {
      if (other.contains(e.key())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Mentions per key, for tests and diagnostics. */
  static Map<String, Double> weights(List<Entity> entities) {
    Map<String, Double> out = new HashMap<>();
    for (Entity e : entities) {
      out.put(e.key(), e.weight());
    }
    return out;
  }
}
