package dev.lede.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Author strings from feeds to names: RSS writes {@code jane@example.com (Jane Doe)}, some feeds
 * prefix "By", some give a bare e-mail address (which is not a name and is dropped).
 */
final class Bylines {
  private static final Pattern EMAIL_THEN_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");
  private static final Pattern NAME_THEN_EMAIL = Pattern.compile("^(.+?)\\s*[<(]\\S+@\\S+[>)]$");
  private static final Pattern BY = Pattern.compile("(?i)^by\\s+");

  private Bylines() {}

  static String clean(@Nullable String raw) {
    String s = HtmlText.plain(raw);
    Matcher m = EMAIL_THEN_NAME.matcher(s);
    if (m.matches()) {
      s = m.group(1).strip();
    } else {
      m = NAME_THEN_EMAIL.matcher(s);
      if (m.matches()) {
        s = m.group(1).strip();
      }
    }
    if (s.matches("\\S+@\\S+")) {
      return "";
    }
    return BY.matcher(s).replaceFirst("").strip();
  }
}
