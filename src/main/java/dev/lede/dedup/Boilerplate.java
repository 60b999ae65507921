package dev.lede.dedup;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the lines a site or a content farm adds around an article — share and follow bars,
 * newsletter and subscription prompts, "Advertisement", copyright lines, wire attribution, "Read
 * more" links, photo credits, bare URLs and date/time lines — so that they are left out of
 * fingerprints and story vectors.
 *
 * <p>Why: shared boilerplate is the classic cause of false near-duplicates (Henzinger, SIGIR 2006:
 * pages of one site look alike), and in a story clusterer it glues unrelated articles of one site
 * together. A changed attribution ("Reuters contributed …" replaced by "AP contributed …") must not
 * hide a copy either. The rules are general (keywords of the genre, short lines only), not a list
 * of particular sites: a long line is running text even when it mentions Twitter. Leading datelines
 * ("LONDON (Reuters) — ") are stripped from the first lines for the same reason.
 */
final class Boilerplate {
  private static final int SHORT = 16;
  private static final int MEDIUM = 40;

  private static final Pattern PLATFORM =
      Pattern.compile(
          "(?i)\\b(facebook|twitter|instagram|whatsapp|linkedin|pinterest|reddit|telegram|tiktok|"
              + "youtube|threads|bluesky|mastodon|opens in (a )?new window|rss)\\b|(^|\\s)@\\w{2,}");
  private static final Pattern SOCIAL_VERB =
      Pattern.compile("(?i)\\b(share|follow|like|join|tweet|find|connect|subscribe|click|tap)\\b");
  private static final Pattern SHARE_LINE =
      Pattern.compile(
          "(?i)^\\W*((share|email|print|save|send|bookmark)\\s+(this|the)\\s+(article|story|page|post)"
              + "|share\\s+(and|&)\\s+follow|share\\s+(on|via)\\s+\\w+( \\w+)?)\\W*$");
  private static final Pattern NEWSLETTER =
      Pattern.compile(
          "(?i)\\b(newsletters?|inbox|mailing list|unsubscribe|"
              + "subscribe( now| today| for free| to (our|the|this))|"
              + "sign up (for|to) (our|the|free|a free)|download (our|the) app)\\b");
  private static final Pattern WHOLE_LINE =
      Pattern.compile(
          "(?i)^\\W*(advertisement|advertising|sponsored( content)?|ad|"
              + "story continues below( this)?( advertisement| ad)?|continue reading( below)?|"
              + "scroll (down )?to continue.*|pin it|print|email|e-mail|comments?|"
              + "(\\d+ )?comments?|share|tweet|save|listen|watch|skip ad|close|menu|"
              + "related( articles| stories| content)?|more on this( story)?|top stories|"
              + "trending( now)?|most (read|popular|viewed)|you may also like)\\W*$");
  private static final Pattern COPYRIGHT =
      Pattern.compile("(?i)^\\W*(©|\\(c\\)|copyright\\b)|\\ball rights reserved\\b");
  private static final Pattern ATTRIBUTION =
      Pattern.compile(
          "(?i)\\b(contributed|contributing) (to )?(this|the) (report|story|article)\\b"
              + "|\\b(contributed|contributing) reporting\\b"
              + "|^\\W*(additional |with additional )?reporting (by|from)\\b"
              + "|^\\W*(writing|editing|compiled|written|reported|produced) by\\b"
              + "|\\b(editing|writing) by\\b"
              + "|^\\W*with (files|reporting) from\\b"
              + "|\\b(originally|first) appeared\\b"
              + "|^\\W*this (article|story|report|piece) (was )?(originally |first )?(published|appeared|ran)\\b"
              + "|^\\W*(source|sources|via|credit|credits)\\s*:"
              + "|^\\W*(the )?(associated press|reuters|afp|agence france-presse|ap|upi|dpa|"
              + "bloomberg)\\s+contributed\\b");
  private static final Pattern LINK_LINE =
      Pattern.compile(
          "(?i)^\\W*(read more|read also|read next|more:|see also|related:|also read|"
              + "recommended|click here|tap here|watch:|listen:|video:|photos?:|"
              + "image:|pictured:|gallery:)");
  private static final Pattern PHOTO_CREDIT =
      Pattern.compile(
          "(?i)^\\W*(photo|image|picture|file photo|video|graphic)s?\\s*(:|by\\b|credit\\b|courtesy\\b)"
              + "|\\((photo|image|file)\\b[^)]*\\)\\s*$|\\b(getty images|ap photo|afp photo)\\b");
  private static final Pattern URL =
      Pattern.compile("(?i)^\\W*(https?\\s*:\\s*//|www\\s*\\.)\\S*(\\s+\\S+){0,6}\\s*$");
  private static final Pattern DATELINE =
      Pattern.compile(
          "^(?:[A-Z][\\p{L}.'&-]*(?:[ ,]+[A-Z][\\p{L}.'&-]*){0,4}\\s*)?"
              + "(?:\\([\\p{L} .&-]{2,40}\\)\\s*)?[—–-]{1,2}\\s+(?=\\S)");
  private static final Set<String> DATE_WORDS =
      Set.of(
          "jan",
          "january",
          "feb",
          "february",
          "mar",
          "march",
          "apr",
          "april",
          "may",
          "jun",
          "june",
          "jul",
          "july",
          "aug",
          "august",
          "sep",
          "sept",
          "september",
          "oct",
          "october",
          "nov",
          "november",
          "dec",
          "december",
          "mon",
          "monday",
          "tue",
          "tues",
          "tuesday",
          "wed",
          "wednesday",
          "thu",
          "thur",
          "thurs",
          "thursday",
          "fri",
          "friday",
          "sat",
          "saturday",
          "sun",
          "sunday",
          "am",
          "pm",
          "a",
          "p",
          "m",
          "et",
          "edt",
          "est",
          "ct",
          "cdt",
          "cst",
          "pt",
          "pdt",
          "pst",
          "mt",
          "gmt",
          "utc",
          "bst",
          "cet",
          "cest",
          "ist",
          "aest",
          "updated",
          "posted",
          "published",
          "last",
          "modified",
          "on",
          "at",
          "by",
          "date",
          "time",
          "th",
          "st",
          "nd",
          "rd",
          "today",
          "yesterday",
          "ago",
          "hours",
          "hour",
          "minutes",
          "min",
          "mins",
          "h");

  /** Every pattern checked on medium lines needs one of these (lower-cased) in the line. */
  private static final String[] TRIGGERS = {
    ":",
    "newsletter",
    "inbox",
    "mailing list",
    "subscribe",
    "sign up",
    "sign-up",
    "download",
    "©",
    "(c)",
    "copyright",
    "rights reserved",
    "contribut",
    "reporting",
    "editing",
    "writing",
    "compiled",
    "written",
    "reported",
    "produced",
    "files from",
    "originally",
    "appeared",
    "published",
    " ran",
    "read",
    "see also",
    "related",
    "recommended",
    "click",
    "tap here",
    "photo",
    "image",
    "picture",
    "video",
    "graphic",
    "getty",
    "(file"
  };

  private Boilerplate() {}

  /** True when the whole line is boilerplate and should not count as content. */
  static boolean isBoilerplate(String line) {
    String s = line.strip();
    if (s.isEmpty()) {
      return true;
    }
    int words = words(s);
    if (words <= SHORT) {
      if (WHOLE_LINE.matcher(s).matches()
          || SHARE_LINE.matcher(s).matches()
          || (words <= 12 && PLATFORM.matcher(s).find() && SOCIAL_VERB.matcher(s).find())
          || URL.matcher(s).matches()
          || isDateLine(s)) {
        return true;
      }
    }
    if (words <= MEDIUM && mayBeFurniture(s.toLowerCase(Locale.ROOT))) {
      return (words <= 25 && NEWSLETTER.matcher(s).find())
          || COPYRIGHT.matcher(s).find()
          || ATTRIBUTION.matcher(s).find()
          || LINK_LINE.matcher(s).find()
          || PHOTO_CREDIT.matcher(s).find();
    }
    return false;
  }

  /**
   * A cheap first look: a line of running text holds none of the words the furniture patterns need,
   * and then the patterns need not run at all (this is called for every body line).
   */
  private static boolean mayBeFurniture(String lower) {
    for (String t : TRIGGERS) {
      if (lower.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The line without a leading dateline ("LONDON (Reuters) — ", "(AP) - "), if it has one. */
  static String stripDateline(String line) {
    var m = DATELINE.matcher(line);
    if (m.lookingAt() && m.end() <= 60 && m.end() < line.length()) {
      return line.substring(m.end());
    }
    return line;
  }

  static boolean isDateLine(String s) {
    int tokens = 0;
    boolean sawDigitOrMonth = false;
    for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (t.isEmpty()) {
        continue;
      }
      tokens++;
      boolean digits = t.chars().allMatch(Character::isDigit);
      if (!digits && !DATE_WORDS.contains(t)) {
        return false;
      }
      sawDigitOrMonth |= digits || t.length() >= 3;
    }
    return tokens > 0 && tokens <= 14 && sawDigitOrMonth;
  }

  private static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean w = !Character.isWhitespace(s.charAt(i));
      if (w && !in) {
        n++;
      }
      in = w;
    }
    return n;
  }
}
