package dev.lede.wikinews;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names and addresses of English Wikinews articles. An article's URL is built from its page title
 * the way the demo corpus was built (spaces become underscores; letters, digits and {@code _ - . ~
 * , ' : ( )} stay, everything else is percent-encoded as UTF-8), and its Lede id is {@code "wn-"}
 * plus the first 12 hex digits of the SHA-1 of that URL. So an article imported from the full dump
 * gets the same id as the same article in the bundled demo corpus, and loading both stores it once.
 */
public final class Wikinews {
  /** The site name shown with every Wikinews article. */
  public static final String SITE_NAME = "Wikinews";

  /** Where English Wikinews articles live. */
  public static final String BASE_URL = "https://en.wikinews.org/wiki/";

  private static final String SAFE = "_-.~,':()";

  private Wikinews() {}

  /**
   * The article URL for a page title ("Brazilian delegation returns" →
   * ".../Brazilian_delegation_returns").
   */
  public static String urlOf(String title) {
    String t = title.strip().replace(' ', '_');
    StringBuilder sb = new StringBuilder(BASE_URL.length() + t.length() + 16).append(BASE_URL);
    for (byte b : t.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || SAFE.indexOf(c) >= 0;
      if (plain) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** The Lede id of the article at this URL: {@code "wn-"} + 12 hex digits of SHA-1(url). */
  public static String idOf(String url) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(url.getBytes(StandardCharsets.UTF_8));
      return "wn-" + HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
  }
}
