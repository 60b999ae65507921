package dev.lede.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a text dump (which, unlike a web page, declares none) from its most
 * frequent function words, for the languages whose news Lede is most likely to read: English,
 * German, French, Spanish, Italian, Dutch and Portuguese.
 *
 * <p>Design: the stop-word method (Grefenstette 1995; as in jusText's language check): count the
 * tokens of the first {@value #MAX_TOKENS} words that are among each language's most frequent short
 * function words, and answer only when the winner has at least {@value #MIN_HITS} hits, 10% of the
 * tokens, and twice the hits of the runner-up. The most ambiguous words ("a", "de", "la", "en",
 * "die") are left out; the few shared ones that remain ("que", "del", "e") count for each language
 * that has them, which the twofold margin absorbs. Unsure means "" (the schema's "unknown"), never
 * a wrong tag.
 */
final class TextLanguage {
  private static final int MAX_TOKENS = 2000;
  private static final int MIN_HITS = 8;

  private static final Map<String, Set<String>> STOPWORDS =
      Map.of(
          "en",
          Set.of(
              "the", "and", "of", "to", "is", "was", "that", "for", "with", "it", "on", "said",
              "he", "she", "they", "have", "has", "are", "were", "this", "from", "by", "which"),
          "de",
          Set.of(
              "der", "und", "das", "ist", "nicht", "mit", "sich", "auf", "für", "dem", "den", "ein",
              "eine", "auch", "wird", "wurde", "sagte", "nach", "bei", "zu", "im", "sind"),
          "fr",
          Set.of(
              "le", "les", "et", "est", "une", "des", "du", "pour", "dans", "qui", "que", "sur",
              "pas", "au", "avec", "ce", "il", "elle", "été", "sont", "ont", "aux"),
          "es",
          Set.of(
              "el", "los", "las", "y", "del", "que", "por", "una", "con", "para", "es", "se", "su",
              "al", "lo", "como", "más", "pero", "fue", "ha", "sus", "dijo"),
          "it",
          Set.of(
              "il", "di", "che", "e", "è", "per", "una", "gli", "della", "sono", "con", "non",
              "del", "nel", "alla", "anche", "ha", "si", "ai", "delle", "questo", "dei"),
          "nl",
          Set.of(
              "het", "een", "van", "en", "is", "dat", "op", "voor", "met", "zijn", "niet", "ook",
              "aan", "bij", "werd", "heeft", "naar", "wordt", "maar", "deze", "er", "hij"),
          "pt",
          Set.of(
              "o", "os", "e", "do", "da", "que", "em", "um", "uma", "para", "com", "não", "no",
              "na", "dos", "das", "foi", "ao", "mais", "seu", "sua", "pelo"));

  private TextLanguage() {}

  /** An ISO 639-1 code, or "" when the text is too short or too mixed to say. */
  static String guess(String text) {
    String[] tokens =
        text.substring(0, Math.min(text.length(), MAX_TOKENS * 8))
            .toLowerCase(Locale.ROOT)
            .split("[^\\p{L}]+", MAX_TOKENS + 1);
    int n = Math.min(tokens.length, MAX_TOKENS);
    String best = "";
    int bestHits = 0;
    int second = 0;
    for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
      int hits = 0;
      for (int i = 0; i < n; i++) {
        if (e.getValue().contains(tokens[i])) {
          hits++;
        }
      }
      if (hits > bestHits) {
        second = bestHits;
        bestHits = hits;
        best = e.getKey();
      } else if (hits > second) {
        second = hits;
      }
    }
    boolean sure = bestHits >= MIN_HITS && bestHits * 10 >= n && bestHits >= 2 * second;
    return sure ? best : "";
  }
}
