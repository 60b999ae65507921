package dev.lede.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a photo caption into the caption proper and its credit. Recognises a trailing
 * parenthesised credit ("… sacrifices. (Sputnik/Mikhail Metzel/Kremlin via Reuters/File Photo)"),
 * labelled credits anywhere at the end or start ("Photo: …", "Credit: …", "Photograph by …", "Image
 * courtesy of …"), and a bare trailing agency credit after the last sentence ("… on Monday. AP
 * Photo/Evan Vucci"). A parenthesised remark that does not look like a credit (a date, a
 * translation, a long clause) stays in the caption.
 */
final class Credits {
  /** A caption split into its text and credit; either may be empty. */
  record Split(String caption, String credit) {}

  private static final Pattern LABELLED_END =
      Pattern.compile(
          "(?i)^(.*?)[\\s|–—\\-,;:]*[(\\[]?\\s*(?:photo(?:graph)?s?|images?|pictures?|credits?|"
              + "illustrations?|graphics?|video|source|foto)\\s*(?:by|credit|courtesy(?: of)?|:)\\s*"
              + "([^()\\[\\]]{2,160}?)\\s*[)\\]]?\\s*\\.?$");
  private static final Pattern LABELLED_START =
      Pattern.compile(
          "(?i)^(?:photo(?:graph)?|image|picture|credit|illustration)\\s*(?:by|:)\\s*"
              + "([^.|]{2,100}?)\\s*(?:[|.–—]\\s+)(.+)$");
  private static final Pattern TRAILING_PARENS =
      Pattern.compile("^(.*?)\\s*[(\\[]([^()\\[\\]]{2,160})[)\\]]\\s*\\.?$");
  private static final Pattern BARE_AGENCY_TAIL =
      Pattern.compile(
          // possessive word match: one way to split words, or a long capitalised token backtracks
          // for minutes ("End. ABCDEFGHIJ…" of 200 letters took 26 s)
          "^(.*[.!?\"”’])\\s+((?:[A-Z][\\w.&'-]*+\\s?){0,4}(?:Photo|Images|Image|Pictures|"
              + "Press|Getty|Reuters|AFP|AP|EPA|Shutterstock|Alamy|Pool)\\b[^.]{0,100})$");
  private static final Pattern CREDITISH =
      Pattern.compile(
          "(?i)\\b(photo|photos|photograph|images?|getty|reuters|afp|associated press|\\bap\\b|epa|"
              + "xinhua|shutterstock|alamy|pool|file|courtesy|handout|via|credit|staff|"
              + "wire|press|agency|news|/)");

  private Credits() {}

  static Split split(String captionText) {
    String c = captionText.strip().replaceAll("\\s+", " ");
    if (c.isEmpty()) {
      return new Split("", "");
    }
    Matcher m = TRAILING_PARENS.matcher(c);
    if (m.matches() && looksLikeCredit(m.group(2))) {
      return new Split(m.group(1).strip(), cleanCredit(m.group(2)));
    }
    m = LABELLED_END.matcher(c);
    if (m.matches() && !m.group(2).isBlank()) {
      return new Split(trimTail(m.group(1)), cleanCredit(m.group(2)));
    }
    m = LABELLED_START.matcher(c);
    if (m.matches()) {
      return new Split(m.group(2).strip(), cleanCredit(m.group(1)));
    }
    m = BARE_AGENCY_TAIL.matcher(c);
    if (m.matches()) {
      return new Split(m.group(1).strip(), cleanCredit(m.group(2)));
    }
    return new Split(c, "");
  }

  /** A short run of words that reads like a credit rather than a remark. */
  static boolean looksLikeCredit(String s) {
    String t = s.strip();
    int words = t.split("\\s+").length;
    if (words > 14 || t.isEmpty()) {
      return false;
    }
    if (t.matches("(?i).*\\b(19|20)\\d\\d\\b.*") && !CREDITISH.matcher(t).find()) {
      return false; // "(2019)", "(March 3, 2021)"
    }
    if (CREDITISH.matcher(t).find()) {
      return true;
    }
    // "Jane Doe" or "Jane Doe for The Times": capitalised short name-like run
    return words <= 6
        && t.matches(
            "[\\p{Lu}][\\p{L}.'’-]+(?:\\s+(?:[\\p{Lu}][\\p{L}.'’-]*|for|of|the|de|van|von))+");
  }

  private static String cleanCredit(String s) {
    String t = s.strip();
    t = t.replaceFirst("(?i)^(photo(?:graph)?|image|picture|credit)s?\\s*(?:by|:)\\s*", "");
    if (t.endsWith(".") && !t.toLowerCase(Locale.ROOT).endsWith("inc.")) {
      t = t.substring(0, t.length() - 1);
    }
    return t.strip();
  }

  private static String trimTail(String s) {
    return s.strip().replaceFirst("[\\s|–—\\-,;:]+$", "").strip();
  }
}
