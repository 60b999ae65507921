package dev.lede.dedup;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which sources are news agencies ("wire" sources): an article published by one of them wins a tie
 * for the canonical original of a duplicate group. A source is wire when its name or the article's
 * site name is one of the agencies' names or domains (case and punctuation ignored). The default
 * list holds the large international and national agencies; a deployment passes its own with {@link
 * #of}. An attribution line on a newspaper's site ("Reuters contributed to this report") does not
 * make that site a wire source: it marks a copy, not the original.
 */
public final class WireSources {
  /** The major agencies. */
  public static final WireSources DEFAULT =
      of(
          "Reuters",
          "reuters.com",
          "Associated Press",
          "The Associated Press",
          "AP",
          "apnews.com",
          "AFP",
          "Agence France-Presse",
          "Agence France Presse",
          "afp.com",
          "Bloomberg",
          "Bloomberg News",
          "dpa",
          "Deutsche Presse-Agentur",
          "Xinhua",
          "Xinhua News Agency",
          "UPI",
          "United Press International",
          "PA Media",
          "Press Association",
          "ANSA",
          "EFE",
          "Agencia EFE",
          "Kyodo",
          "Kyodo News",
          "Yonhap",
          "Anadolu Agency",
          "The Canadian Press",
          "Canadian Press",
          "AAP",
          "Australian Associated Press",
          "TASS",
          "Interfax",
          "PTI",
          "Press Trust of India",
          "Jiji Press",
          "Europa Press",
          "ANP",
          "Belga",
          "NTB",
          "Ritzau");

  private final Set<String> names;

  private WireSources(Set<String> names) {
    this.names = names;
  }

  /** A list of agency names or domains. */
  public static WireSources of(String... names) {
    return new WireSources(
        Arrays.stream(names)
            .map(WireSources::key)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet()));
  }

  /** True when any of the given names (source name, site name) is an agency's. */
  public boolean isWire(@Nullable String... candidates) {
    for (String c : candidates) {
      if (c != null && names.contains(key(c))) {
        return true;
      }
    }
    return false;
  }

  public List<String> names() {
    return names.stream().sorted().toList();
  }

  private static String key(String name) {
    String s = name.strip().toLowerCase(Locale.ROOT);
    s = s.replaceFirst("^(https?://)?(www\\.)?", "").replaceFirst("/.*$", "");
    return s.replaceAll("[^\\p{L}\\p{N}.]+", " ").strip();
  }
}
