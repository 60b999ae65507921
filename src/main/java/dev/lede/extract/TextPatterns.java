package dev.lede.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The wordings of page furniture in text dumps: share and follow bars, newsletter prompts, ads,
 * navigation and footer links, "related" headings, tag lists, list bullets, quote marks and photo
 * credits.
 *
 * <p>Design: every boilerplate rule matches a WHOLE short line (after lower-casing and trimming
 * arrows and colons), never a phrase inside a sentence, so "He urged them to follow us on the
 * march." stays body text while "Follow us on X" goes. Calls to action (newsletters, subscriptions,
 * donations) must both start like a prompt and name what they sell. The wordings are generic web
 * vocabulary gathered from many sites, not any one publisher's strings; they are what jusText and
 * trafilatura users report as leaking into extracted text (jusText #54, trafilatura #584, #811).
 */
final class TextPatterns {
  /** Lines longer than this are never furniture. */
  private static final int MAX_FURNITURE = 300;

  private static final String SOCIAL =
      "facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|messenger|flipboard|bluesky"
          + "|threads|instagram|youtube|tiktok|mastodon|snapchat|tumblr|email|e-mail|mail|sms|print"
          + "|copy|copy link|link|tweet|share|pin|pin it|save|gift";

  private static final Set<String> SOCIAL_WORDS =
      Set.of(
          "facebook",
          "twitter",
          "x",
          "linkedin",
          "whatsapp",
          "reddit",
          "pinterest",
          "telegram",
          "messenger",
          "flipboard",
          "bluesky",
          "threads",
          "instagram",
          "youtube",
          "tiktok",
          "mastodon",
          "snapchat",
          "tumblr",
          "email",
          "e-mail",
          "mail",
          "sms",
          "print",
          "copy",
          "link",
          "tweet",
          "share",
          "pin",
          "save",
          "comments",
          "comment");

  /** Words that join network names on one share line ("Share on Facebook Share via Email"). */
  private static final Set<String> SOCIAL_FILLERS =
      Set.of("on", "via", "to", "with", "and", "&", "or", "this", "article", "story", "page", "us");

  private static final Pattern BOILERPLATE =
      Pattern.compile(
          String.join(
              "|",
              // share bars
              "share(?: (?:this|the|our))?(?: (?:article|story|post|page|video|link|gallery))?",
              "share (?:and|&) follow|follow (?:and|&) share",
              "share (?:on|via|to|with|this on) .{1,40}",
              "(?:" + SOCIAL + ")",
              "[\\d.,]+[km]? (?:shares?|comments?|reactions?|views?|likes?)",
              "copy (?:link|url|article link)|link copied(?: to clipboard)?|copied",
              "save (?:article|story|for later|to reading list)|saved|bookmark|gift(?: this)? article",
              "(?:more )?sharing options|share options",
              // follow prompts
              "follow(?: us)?",
              "follow us(?: (?:on|at|@)\\s?.{1,80})?",
              "follow @\\S+.{0,60}",
              "follow [\\p{L}.'’ -]{1,40} on (?:"
                  + SOCIAL
                  + "|google news|social media|"
                  + "apple news).{0,60}",
              "follow (?:our |the )?(?:live (?:updates|coverage|blog)|latest (?:updates|news|"
                  + "coverage)).{0,80}",
              "(?:email|e-mail|contact|message) the (?:author|reporter|writer|editor)",
              // comments and audio/video widgets
              "comments?(?: \\(\\d+\\))?|view comments|show comments|hide comments"
                  + "|(?:leave|post|add|write) a comment|join the (?:conversation|discussion)"
                  + "|comments are (?:closed|open)|be the first to comment",
              "listen(?: to (?:this|the) (?:article|story|podcast))?(?:[ ·|:-]+[\\d:]+(?: ?min(?:utes?)?)?)?",
              // reading-time ranges and relative times: "7–9 minutes", "2 hours ago", "5h",
              // "Yesterday"
              "\\d+ ?[–-] ?\\d+ (?:min|mins|minutes)",
              "(?:(?:updated|published|posted|last updated) )?(?:\\d+ ?(?:s|sec|secs|seconds?|m|min"
                  + "|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?|mo|months?) ago|\\d+ ?[mhd]"
                  + "|just now|yesterday|today|an? (?:minute|hour|day|week) ago)",
              "\\d+ ?(?:min|mins|minutes?) (?:read|listen|watch)|reading time:? .{1,20}"
                  + "|(?:estimated )?read(?:ing)? time.{0,20}",
              "(?:play|watch) (?:video|now|the video|live)|watch|video|play|pause|mute|unmute"
                  + "|(?:\\d+:)?\\d{1,2}:\\d\\d",
              // ads and promotions
              "(?:advertisement|advertising|advert|ads?)(?:[ ·|:–—-]+(?:scroll|continue|story|article"
                  + "|content).{0,40})?|sponsored(?: (?:content|post|links?|by .{1,40}))?"
                  + "|promoted(?: content)?|paid (?:content|post|partner content)|partner content"
                  + "|presented by .{1,40}",
              "(?:story|article|text|content) continues (?:below|after)(?: (?:this )?"
                  + "(?:advertisement|ad))?",
              "continue reading(?: (?:below|the (?:main )?(?:story|article)|after"
                  + " (?:the )?(?:advertisement|ad)))?",
              "scroll (?:down )?to (?:continue|read)(?: (?:reading|with content))?|scroll to top"
                  + "|back to top|top of (?:the )?page|go to top",
              // navigation and chrome
              "skip to (?:the )?(?:main )?(?:content|navigation|search|footer|article)"
                  + "|skip navigation|jump to (?:content|navigation)",
              "menu|main menu|open menu|close menu|toggle (?:menu|navigation)|navigation|search"
                  + "|search for|sign in|sign out|log ?in|log ?out|register|my account|account"
                  + "|profile|settings|notifications|edition|change edition",
              "subscribe(?: (?:now|today|here))?|subscribers? only|premium|exclusive to subscribers",
              "sign up(?: (?:now|here|today))?|newsletters?|get (?:the|our) newsletters?"
                  + "|newsletter sign ?-?up|manage newsletters",
              "close|dismiss|ok|got it|accept|accept all(?: cookies)?|reject all"
                  + "|manage (?:cookies|preferences|consent)|cookie (?:settings|preferences|policy)"
                  + "|we use cookies.{0,200}|this (?:site|website) uses cookies.{0,200}",
              "home|next|previous|prev|more|less|show more|load more|see more|see all|view all"
                  + "|expand|collapse|hide|show|open|back|go back|return to (?:top|home)",
              // galleries and image widgets
              "enlarge(?: this)? (?:image|photo)|click to (?:enlarge|expand)|view (?:gallery"
                  + "|slideshow|image|photo|full image|larger image)|open (?:gallery|image)"
                  + "|expand (?:image|gallery)|(?:image|photo|picture|slide) \\d+ (?:of|/) \\d+"
                  + "|\\d+ (?:of|/) \\d+|\\d+ ?/ ?\\d+|gallery|photos?|images?|pictures?|audio",
              // footer
              "privacy(?: (?:policy|notice|settings|centre|center))?|terms(?: (?:of (?:use|"
                  + "service|sale)|and conditions|& conditions))?|about(?: us)?|contact(?: us)?"
                  + "|careers|jobs|advertise(?: with us)?|site ?map|help(?: (?:center|centre))?|faqs?"
                  + "|accessibility(?: statement)?|cookies|imprint|impressum|legal(?: notice)?"
                  + "|corrections(?: policy)?|ethics policy|editorial (?:standards|policy)|rss"
                  + "|rss feeds?|archives?|store|shop|do not sell my (?:personal )?info(?:rmation)?",
              "(?:©|\\(c\\)|copyright (?:©|\\(c\\)|\\d{4})).{0,300}|.{0,200}all rights reserved",
              "(?:click|tap) here\\b.{0,160}",
              // the same furniture in de, fr, es, it, nl, pt
              "teilen|artikel teilen|anzeige|werbung|weiterlesen|weiterlesen nach der anzeige"
                  + "|kommentare|folgen sie uns.{0,60}|newsletter abonnieren|partager|partager cet"
                  + " article|publicité|lire la suite|suivez-nous.{0,60}|abonnez-vous.{0,60}"
                  + "|s'abonner|commentaires|compartir|compartir en .{1,30}|publicidad|seguir leyendo"
                  + "|síguenos.{0,60}|suscríbete.{0,60}|comentarios|condividi|pubblicità|continua a"
                  + " leggere|seguici.{0,60}|iscriviti.{0,60}|commenti|delen|advertentie|lees verder"
                  + "|volg ons.{0,60}|reacties|compartilhar|partilhar|publicidade|continua após a"
                  + " publicidade|siga-nos.{0,60}|comentários",
              "report (?:an error|a correction|a typo|this ad)|suggest a correction"
                  + "|(?:have|got) a (?:news )?tip\\??.{0,80}|send us (?:a|your) tips?.{0,60}",
              "[-*_=~#•·. ]{3,}"));

  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          "(?:sign up|sign-up|subscribe|get|receive|join|don't miss|never miss|want|like (?:this"
              + "|what you)|enjoy(?:ed)?|love|stay (?:informed|up to date|up-to-date|in the know"
              + "|connected|ahead)|be the first|by (?:signing up|subscribing|clicking|entering"
              + "|submitting)|thank(?:s| you) for (?:signing up|subscribing|reading|your support)"
              + "|enter your email|your email|you(?:'re| are) (?:now )?(?:subscribed|signed up"
              + "|all set)|already (?:a subscriber|have an account|subscribed)|this (?:article"
              + "|story|content) is (?:for|only available to|exclusive to) subscribers|support"
              + " (?:our |independent |quality )?(?:journalism|reporting|newsroom)|invalid email"
              + "|we (?:care about|respect) your privacy|you can unsubscribe|unsubscribe at any"
              + " time|become a (?:member|subscriber|supporter)|make a (?:donation|contribution)"
              + "|donate|to continue reading)\\b.*\\b(?:newsletters?|inbox|email|e-mail|subscri\\w*"
              + "|sign(?:ing)? up|journalism|members?(?:hip)?|donat\\w*|support|unsubscribe"
              + "|privacy|account|updates|alerts|delivered|discussions?|conversation|comments?|log ?in"
              + "|login)\\b.*");

  /** Body sentences quoting a prompt ("…, the union's email said") are not prompts. */
  private static final Pattern REPORTED_SPEECH =
      Pattern.compile("\\b(?:said|says|told|according to|wrote|announced)\\b");

  private static final Pattern NEWSLETTER_MENTION =
      Pattern.compile(".*\\bnewsletters?\\b.*\\b(?:sign up|sign-up|subscribe|inbox)\\b.*");

  private static final Pattern RELATED_MARKER =
      Pattern.compile(
          "(?:you (?:may|might|will|could|'ll|'d) (?:also )?(?:like|love|enjoy|be interested in)"
              + "|(?:you )?may also like|also of interest|related(?: (?:stories|articles|news"
              + "|content|coverage|links|reading|posts|videos|reads|items|stories and videos))?"
              + "|more (?:from|in|on|about) .{1,40}|more (?:like this|stories|news|to read"
              + "|top stories|coverage|headlines|on this story|for you)"
              + "|recommended(?: (?:for you|stories|articles|reading|content|videos|for you today))?"
              + "|most (?:read|popular|viewed|shared|watched|emailed|commented)(?: .{1,30})?"
              + "|trending(?: (?:now|stories|news|articles|today|on .{1,30}))?"
              + "|popular (?:now|stories|articles|on .{1,30})|top stories|latest (?:news|stories"
              + "|headlines)|up next|read (?:more|next|this next)|what to read next|keep reading"
              + "|also read|also on .{1,30}|don't miss(?: this)?|see also|further reading"
              + "|editor's picks?|(?:our )?top picks|around the web|elsewhere on .{1,30}"
              + "|from (?:our|the) (?:partners|network|web)|(?:sponsored|promoted|partner)"
              + " (?:stories|links|content)|in other news|you might have missed|must read"
              + "|(?:other|more) stories|next (?:story|article|up)|explore more|more to explore"
              + "|also in .{1,30}|in case you missed it|icymi|top (?:headlines|news)|read these next"
              + "|suggested (?:for you|reading|stories|articles)|around the site|popular|latest"
              + "|what others are reading|people also read|readers also (?:read|liked)"
              + "|related (?:topics|searches)"
              // the same headings in de, fr, es, it, nl, pt
              + "|mehr zum thema|lesen sie auch|auch interessant|das könnte sie (?:auch )?interessieren"
              + "|weitere artikel|ähnliche artikel|meistgelesen|meistgelesene artikel|mehr aus .{1,30}"
              + "|à lire aussi|a lire aussi|lire aussi|sur le même sujet|les plus lus|articles similaires"
              + "|vous aimerez aussi|à voir aussi|dans la même rubrique|te puede interesar|también te"
              + " puede interesar|lee también|lea también|noticias relacionadas|más noticias"
              + "|lo más leído|leggi anche|potrebbe interessarti|ti potrebbe interessare|articoli correlati"
              + "|i più letti|lees ook|meest gelezen|gerelateerde artikelen|ook interessant|leia também"
              + "|veja também|mais lidas|notícias relacionadas|você também pode gostar)");

  private static final Pattern INLINE_RELATED =
      Pattern.compile(
          "(?i)^(?:read more|related|see also|also read|read also|read next|recommended|must read"
              + "|don['’]t miss|related (?:story|article|coverage|content)|more on this|more"
              + "|watch|listen)\\s*[:|»›>→–—-]\\s*(.{3,200})$");

  private static final Pattern TAGS =
      Pattern.compile(
          "(?i)^(?:tags|topics|related topics|filed under|keywords|categories|subjects?)\\s*[:|]"
              + "\\s*(.{1,400})$");
  private static final Pattern SECTION =
      Pattern.compile("(?i)^(?:section|category|department|desk)\\s*:\\s*(.{1,60})$");
  private static final Pattern URL =
      Pattern.compile(
          "(?i)^(?:(?:url|link|source|canonical|permalink|original(?: url)?)\\s*:\\s*)?"
              + "((?:https?://|www\\.)\\S+)$");
  private static final Pattern QUOTE = Pattern.compile("^>+\\s?(.*)$");
  private static final Pattern STRONG_BULLET = Pattern.compile("^[•·▪◦●○■□►▸‣⁃∙◆◇✓✔→]\\s*(\\S.*)$");
  private static final Pattern WEAK_BULLET = Pattern.compile("^([*+\\-–—])\\s+(\\S.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\(?(\\d{1,3})[.)]\\s+(\\S.*)$");
  private static final Pattern LABELLED_CREDIT =
      Pattern.compile(
          "(?i)^[(\\[]?\\s*(?:photo(?:graph)?s?|images?|pictures?|credits?|illustrations?"
              + "|graphics?|video|foto)(?:\\s+(?:source|credit))?\\s*(?:by|credit:?|courtesy(?: of)?"
              + "|:|,)\\s*(.{2,120}?)\\s*[)\\]]?\\.?$");
  private static final Pattern LABELLED_CAPTION =
      Pattern.compile(
          "(?i)^(?:(?:image|photo|picture|media|video|figure)\\s+)?caption\\s*[,:]\\s*(\\S.{1,600})$");
  private static final Pattern SLASH_CREDIT =
      Pattern.compile(
          "^[(\\[]?([\\p{L}\\p{N} .,&'’-]{1,60}(?:/[\\p{L}\\p{N} .,&'’-]{1,60})+)[)\\]]?$");
  private static final Pattern AGENCY_CREDIT =
      Pattern.compile(
          "(?i)^[(\\[]?((?:[\\p{L}.&'’-]+ ){0,4}(?:getty images|shutterstock|alamy(?: stock photo)?"
              + "|istock(?:photo)?|ap photo|afp photo|file photo|handout|pool photo|wireimage"
              + "|nurphoto|zuma press|sipa usa|anadolu(?: agency)?)(?: [\\p{L}.&'’-]+){0,4})[)\\]]?$");
  private static final Pattern PHOTOISH =
      Pattern.compile(
          "(?i)(/|\\bphoto|\\bimage|getty|shutterstock|alamy|istock|\\bpool\\b|\\bfile\\b"
              + "|handout|courtesy|credit|illustration|graphic|screenshot|screengrab|\\bvia\\b"
              + "|photographer|archive|wireimage|nurphoto|zuma|sipa|abaca|anadolu)");

  /** A list item: the text after the marker, whether numbered, the number, the marker. */
  record ListItem(String text, boolean ordered, int number, char marker, boolean strong) {}

  private TextPatterns() {}

  /** The line as compared with the wordings: lower case, straight apostrophes, no decoration. */
  static String key(String line) {
    String k = line.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
    int start = 0;
    int end = k.length();
    while (start < end && "»›>→▸▶•·|:-–— ".indexOf(k.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && "»›>→▸▶•·|:-–—!. ".indexOf(k.charAt(end - 1)) >= 0) {
      end--;
    }
    return k.substring(start, end);
  }

  /** Share/follow bars, newsletter prompts, ads, navigation and footer lines. */
  static boolean isBoilerplate(String line) {
    if (line.length() > MAX_FURNITURE) {
      return false;
    }
    String k = key(line);
    if (k.isEmpty()) {
      return !line.isBlank() && line.chars().noneMatch(Character::isLetterOrDigit);
    }
    if (BOILERPLATE.matcher(k).matches() || onlySocialWords(k)) {
      return true;
    }
    int words = TextShape.words(k);
    return words <= 45
        && !REPORTED_SPEECH.matcher(k).find()
        && (CALL_TO_ACTION.matcher(k).matches()
            || (words <= 30 && NEWSLETTER_MENTION.matcher(k).matches()));
  }

  private static boolean onlySocialWords(String k) {
    String[] tokens = k.split("[\\s,|/·•]+");
    if (tokens.length < 2 || tokens.length > 16) {
      return false;
    }
    int social = 0;
    for (String t : tokens) {
      if (SOCIAL_WORDS.contains(t)) {
        social++;
      } else if (!t.isEmpty() && !SOCIAL_FILLERS.contains(t)) {
        return false;
      }
    }
    return social >= 2;
  }

  /** A heading that opens a block of teasers: "You May Also Like", "Related stories", … */
  static boolean isRelatedMarker(String line) {
    return line.length() <= 80
        && TextShape.words(line) <= 8
        && RELATED_MARKER.matcher(key(line)).matches();
  }

  /** The headline of an inline "Read more: …" / "RELATED: …" link, or null. */
  static @Nullable String inlineRelated(String line) {
    if (line.length() > 240 || !hasAny(line, ":|»›>→–—-")) {
      return null;
    }
    Matcher m = INLINE_RELATED.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String h = m.group(1).strip().replaceFirst("\\s*[»›>→]+$", "");
    return TextShape.startsLikeTitle(h) && TextShape.words(h) >= 2 ? h : null;
  }

  /** The tags of a "Tags: a, b, c" line, or null. */
  static @Nullable List<String> tags(String line) {
    if (line.length() > 420 || !hasAny(line, ":|")) {
      return null;
    }
    Matcher m = TAGS.matcher(line);
    if (!m.matches()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String t : m.group(1).split("[,;|•·]")) {
      String s = t.strip();
      if (!s.isEmpty() && TextShape.words(s) <= 6 && !out.contains(s)) {
        out.add(s);
      }
    }
    return out.isEmpty() ? null : out;
  }

  /** The section of a "Section: World" line, or null. */
  static @Nullable String section(String line) {
    Matcher m = line.length() > 80 || line.indexOf(':') < 0 ? null : SECTION.matcher(line);
    return m != null && m.matches() ? m.group(1).strip() : null;
  }

  /** The URL of a line that is only a URL (optionally labelled "URL:", "Source:"), or null. */
  static @Nullable String url(String line) {
    if (line.length() > 2048
        || (line.indexOf(' ') >= 0 && !line.contains(": "))
        || (!line.contains("://") && !line.contains("www."))) {
      return null;
    }
    Matcher m = URL.matcher(line);
    return m.matches() ? m.group(1) : null;
  }

  /** The text of a '>'-quoted line, or null. */
  static @Nullable String quoted(String line) {
    if (line.isEmpty() || line.charAt(0) != '>') {
      return null;
    }
    Matcher m = QUOTE.matcher(line);
    return m.matches() && !m.group(1).isBlank() ? m.group(1).strip() : null;
  }

  /** A bulleted or numbered list item, or null. */
  static @Nullable ListItem listItem(String line) {
    if (line.length() < 2 || Character.isLetter(line.charAt(0))) {
      return null;
    }
    Matcher m = STRONG_BULLET.matcher(line);
    if (m.matches()) {
      return new ListItem(m.group(1).strip(), false, 0, line.charAt(0), true);
    }
    m = WEAK_BULLET.matcher(line);
    if (m.matches()) {
      return new ListItem(m.group(2).strip(), false, 0, m.group(1).charAt(0), false);
    }
    m = NUMBERED.matcher(line);
    if (m.matches()) {
      return new ListItem(m.group(2).strip(), true, Integer.parseInt(m.group(1)), '1', false);
    }
    return null;
  }

  /** True when a line starts a block of its own (list item, quote): never a wrapped tail. */
  static boolean startsBlock(String line) {
    return listItem(line) != null || line.startsWith(">");
  }

  /**
   * The credit of a line that is a photo credit alone ("Photo: Jane Smith", "(AP Photo/Evan
   * Vucci)", "Getty Images"), or null.
   */
  static @Nullable String standaloneCredit(String line) {
    if (line.length() > 160 || TextShape.words(line) > 14) {
      return null;
    }
    Matcher m = LABELLED_CREDIT.matcher(line);
    if (m.matches() && TextShape.words(m.group(1)) <= 8 && !TextShape.endsSentence(m.group(1))) {
      return m.group(1).strip();
    }
    m = line.indexOf('/') < 0 ? null : SLASH_CREDIT.matcher(line);
    if (m != null && m.matches() && !line.contains("://") && everyPartCapitalised(m.group(1))) {
      return m.group(1).strip();
    }
    m = AGENCY_CREDIT.matcher(line);
    if (m.matches()) {
      return m.group(1).strip();
    }
    if (line.startsWith("(")) {
      Credits.Split s = Credits.split(line);
      if (s.caption().isEmpty() && !s.credit().isEmpty()) {
        return s.credit();
      }
    }
    return null;
  }

  private static boolean hasAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean everyPartCapitalised(String slashed) {
    for (String part : slashed.split("/")) {
      if (part.chars().noneMatch(Character::isUpperCase)) {
        return false;
      }
    }
    return true;
  }

  /** The caption of a labelled caption line ("Image caption, …", "Caption: …"), or null. */
  static @Nullable String labelledCaption(String line) {
    if (line.length() > 620 || !hasAny(line, ",:")) {
      return null;
    }
    Matcher m = LABELLED_CAPTION.matcher(line);
    return m.matches() ? m.group(1).strip() : null;
  }

  /** A credit that names a photo source (a slash path, "Photo", "Getty", "File", …). */
  static boolean isPhotoCredit(String credit) {
    return PHOTOISH.matcher(credit).find();
  }
}
