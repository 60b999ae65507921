package dev.lede.wikinews;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The licence of a Wikinews article. Text published on or after 25 September 2005 is under Creative
 * Commons Attribution 2.5; earlier articles were released into the public domain. Whoever shows an
 * article must credit Wikinews and link the original: {@link #attributionLine} is that credit, and
 * it travels with the article as an attribution line.
 */
public enum WikinewsLicence {
  /** Creative Commons Attribution 2.5 (articles from 2005-09-25 on). */
  CC_BY_2_5("CC BY 2.5", "https://creativecommons.org/licenses/by/2.5/"),
  /** Released into the public domain (articles before 2005-09-25). */
  PUBLIC_DOMAIN("Public domain", "");

  /** The first day of the CC BY 2.5 licence on Wikinews. */
  public static final LocalDate CC_BY_SINCE = LocalDate.of(2005, 9, 25);

  private final String label;
  private final String url;

  WikinewsLicence(String label, String url) {
    this.label = label;
    this.url = url;
  }

  /** The licence's short name, "CC BY 2.5" or "Public domain". */
  public String label() {
    return label;
  }

  /** The licence text's address; empty for the public domain. */
  public String url() {
    return url;
  }

  /**
   * The licence of an article published on this date; an unknown date gets CC BY 2.5, which asks
   * for the attribution the public domain would not need (the safe side).
   */
  public static WikinewsLicence forDate(@Nullable LocalDate published) {
    return published != null && published.isBefore(CC_BY_SINCE) ? PUBLIC_DOMAIN : CC_BY_2_5;
  }

  /** Reads a licence label as written in the data ("CC BY 2.5", "Public domain (…)"). */
  public static WikinewsLicence fromLabel(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    if (l.startsWith("public domain")) {
      return PUBLIC_DOMAIN;
    }
    if (l.startsWith("cc by 2.5") || l.startsWith("cc-by-2.5") || l.contains("attribution 2.5")) {
      return CC_BY_2_5;
    }
    throw new IllegalArgumentException("unknown Wikinews licence '" + label + "'");
  }

  /**
   * The credit to show with the article: "From Wikinews, CC BY 2.5 — URL (text reformatted)" or
   * "From Wikinews, public domain — URL".
   */
  public String attributionLine(String articleUrl) {
    return this == PUBLIC_DOMAIN
        ? "From Wikinews, public domain — " + articleUrl
        : "From Wikinews, " + label + " — " + articleUrl + " (text reformatted)";
  }
}
