package dev.lede.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a raw byline ("By JANE DOE and John Roe, Staff Writers | Updated July 3, 2021", "Email the
 * author", "Reuters") into the people it names. Steps: cut at what follows names (dates, "Updated",
 * "Email", "Follow", separators), strip a leading "By"/"Von"/"Par"/"Por"/"Posted by" as a whole
 * word (so "Abby" and "Byron" keep their letters), split on "and", "&" and commas, drop job titles
 * ("Staff Writer", "Correspondent") and anything that is not a person: organisations and wire
 * services, the site's own name, handles, addresses, strings with digits. All-caps names are
 * title-cased. These are the failure modes newspaper and metascraper list in their trackers.
 */
final class Bylines {
  private static final Pattern LEAD =
      Pattern.compile(
          "(?iu)^(?:(?:posted|written|words|story|reported|text|report|reporting|compiled|"
              + "photos?\\s+and\\s+text)\\s+)?(?:by|von|par|por|door|av|przez)\\b[:\\s]*"
              + "|^(?:authors?|autor(?:in)?|auteur|writer|escrito por)\\s*:\\s*");
  private static final Pattern CUT =
      Pattern.compile(
          "(?iu)\\s*(?:[|•·—–]|\\s-\\s|\\bupdated\\b|\\bpublished\\b|\\bposted\\b|\\bon\\s+\\d|"
              + "\\blast\\s+updated\\b|\\bemail\\b|\\be-mail\\b|\\bfollow\\b|\\bcontact\\b|"
              + "\\bread\\s+more\\b|\\bmore\\s+from\\b|\\bview\\s+all\\b|\\bsee\\s+all\\b|\\bbio\\b|"
              + "@|https?:|\\(\\s*https?:|\\d{1,2}[:/.]\\d{1,2}|\\b(?:19|20)\\d\\d\\b|"
              + "\\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d).*$");
  private static final Pattern SPLIT =
      Pattern.compile("(?u)\\s*(?:,|;|&|\\s(?:and|And|AND|und|et|y|e|i)\\s)\\s*");
  private static final Pattern ROLE =
      Pattern.compile(
          "(?iu)\\b(?:(?:senior|chief|deputy|associate|assistant|contributing|special|staff|"
              + "national|foreign|political|business|sports?|science|health|tech(?:nology)?|"
              + "managing|executive|news|features?|investigative|white\\s+house|"
              + "washington|london|paris)\\s+)*(?:writers?|reporters?|correspondents?|"
              + "editors?|columnists?|contributors?|producers?|critic|photographers?|"
              + "journalists?|analysts?|bureau\\s+chief|staff)\\b.*$");
  private static final Set<String> ORGANISATIONS =
      Set.of(
          "reuters",
          "ap",
          "afp",
          "associated press",
          "the associated press",
          "bloomberg",
          "bloomberg news",
          "dpa",
          "xinhua",
          "upi",
          "pa",
          "press association",
          "cnn",
          "bbc",
          "bbc news",
          "staff",
          "staff reports",
          "staff report",
          "editors",
          "the editors",
          "editorial board",
          "editorial staff",
          "news desk",
          "newsroom",
          "web desk",
          "wire",
          "wires",
          "agencies",
          "agency",
          "news agencies",
          "admin",
          "administrator",
          "guest",
          "anonymous",
          "unknown",
          "team",
          "the team",
          "editorial",
          "redaktion",
          "rédaction",
          "redacción",
          "ansa",
          "efe",
          "kyodo",
          "yonhap",
          "aap",
          "ians",
          "pti",
          "tass",
          "nyt",
          "the new york times",
          "mac & i",
          "follow author",
          "contributors to wikimedia projects");
  private static final Pattern ORG_WORD =
      Pattern.compile(
          "(?iu)\\b(?:news|press|media|agency|wire|group|inc|ltd|llc|gmbh|corp|company|team|"
              + "staff|desk|magazine|times|post|journal|daily|tribune|herald|online|network|"
              + "channel|radio|tv|television|foundation|institute|university|association|"
              + "society|organization|organisation|department|ministry|works)\\b");

  private Bylines() {}

  /** The people a raw byline names, in order, without duplicates. */
  static List<String> people(String raw, String siteName) {
    String s = Texts.normalize(raw);
    if (s.isEmpty() || s.length() > 300) {
      return List.of();
    }
    s = LEAD.matcher(s).replaceFirst("");
    s = CUT.matcher(s).replaceFirst("");
    s = LEAD.matcher(s.strip()).replaceFirst("");
    Set<String> out = new LinkedHashSet<>();
    for (String part : SPLIT.split(s)) {
      String name = clean(part);
      if (isPerson(name, siteName)) {
        out.add(titleCaseIfShouting(name));
      }
    }
    return new ArrayList<>(out);
  }

  private static String clean(String part) {
    String p = ROLE.matcher(part.strip()).replaceFirst("");
    p = p.replaceAll("(?iu)\\s+for\\s+(?:the\\s+)?\\p{Lu}.*$", ""); // "Jane Doe for The Times"
    p = p.replaceAll("^[\\s\"'“”‘’(\\[:.\\-]+|[\\s\"'“”‘’)\\]:.,\\-]+$", "");
    return p.strip();
  }

  static boolean isPerson(String name, String siteName) {
    if (name.length() < 2 || name.length() > 60) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (ORGANISATIONS.contains(lower) || (!siteName.isEmpty() && sameName(lower, siteName))) {
      return false;
    }
    if (name.chars().anyMatch(c -> Character.isDigit(c) || c == '@' || c == '/' || c == '=')) {
      return false;
    }
    boolean latin = name.chars().anyMatch(c -> c < 0x250 && Character.isLetter(c));
    if (!latin) {
      return name.length() <= 20; // CJK names: short, no case to check
    }
    String[] words = name.split("\\s+");
    if (words.length > 5) {
      return false;
    }
    if (ORG_WORD.matcher(name).find()) {
      return false;
    }
    // A name has at least one capitalised word; "more stories" and "view profile" do not.
    for (String w : words) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameName(String lower, String siteName) {
    String a = lower.replaceAll("[^\\p{L}\\p{N}]", "");
    String b = siteName.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    return !a.isEmpty() && (a.equals(b) || b.equals(a + "com") || a.equals(b + "com"));
  }

  private static String titleCaseIfShouting(String name) {
    boolean hasLower = name.chars().anyMatch(Character::isLowerCase);
    if (hasLower || name.chars().noneMatch(Character::isLetter)) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length());
    boolean start = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      sb.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetter(c) && c != '\'';
    }
    return sb.toString();
  }
}
