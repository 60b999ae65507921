package dev.lede.extract;

import java.util.regex.Pattern;

/**
 * Recognises attribution lines: the short lines at the end of a wire or shared story that credit
 * other reporters or agencies ("Reuters contributed to this report.", "Reporting by Jane Doe;
 * Editing by John Roe", "Additional reporting by …", "The Associated Press contributed.", "This
 * story originally appeared in …"). They are kept apart from the body.
 */
final class Attribution {
  private static final int MAX_LENGTH = 280;
  private static final Pattern PATTERNS =
      Pattern.compile(
          "(?i)^[\\s(\\[—–-]*(?:"
              + ".{2,160}\\b(?:contributed|contributing)\\s+(?:to\\s+(?:this|the)\\s+(?:report|story|article)|"
              + "(?:additional\\s+)?reporting|reporting\\s+to\\s+this\\s+(?:report|story))"
              + "|.{2,120}\\bcontributed\\s*\\.?\\s*[)\\]]?$"
              + "|(?:additional\\s+|with\\s+additional\\s+)?reporting\\s+(?:by|from)\\s+.{2,200}"
              + "|(?:writing|editing|compiled|written|reported)\\s+by\\s+.{2,200}"
              + "|with\\s+(?:reporting|files)\\s+from\\s+.{2,160}"
              + "|this\\s+(?:story|article|report)\\s+(?:was\\s+)?(?:originally\\s+)?"
              + "(?:appeared|published|first\\s+(?:appeared|published)|produced|written|reported)\\s+.{2,200}"
              + "|(?:originally\\s+)?(?:published|appeared)\\s+(?:on|in|at)\\s+.{2,100}\\s*\\.?$"
              + "|(?:source|sources|via)\\s*:\\s*(?:reuters|ap|afp|the associated press|bloomberg|"
              + "dpa|xinhua|upi|pa|ansa|efe|kyodo|yonhap|cnn|bbc)\\b.{0,60}"
              + "|[—–-]\\s*(?:reuters|ap|afp|the associated press|bloomberg|dpa|xinhua|upi)\\s*\\.?$"
              + ")[\\s.)\\]]*$");

  private Attribution() {}

  /** True when the whole line is an attribution line. */
  static boolean isAttribution(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return false;
    }
    return PATTERNS.matcher(s).matches();
  }
}
