package dev.lede.wikinews;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lede's section for a Wikinews article.
 *
 * <p>Wikinews files articles under topic categories ("Politics and conflicts", "Science and
 * technology", …) beside places and names. The section is the first category, in the article's own
 * order, that names a topic or a well-known subtopic ("Earthquakes" → Disasters and accidents,
 * "Basketball" → Sports): see {@link #CATEGORY_SECTIONS}. Places, people and organisations name no
 * section.
 *
 * <p>Most articles of the demo corpus lost their categories upstream, so without a topic category
 * the section falls back to a transparent keyword vote over the title (each cue counts 3) and the
 * first three paragraphs (at most 3,000 characters; each cue counts 1, at most 3 times per cue):
 * the section with the highest score wins when it reaches {@value #MIN_KEYWORD_SCORE}; otherwise
 * the article goes to {@value #WORLD}, Wikinews' default subject. The cue lists are short and
 * general (no rule for a particular article); they are documented in docs/demo-corpus.md and tested
 * on hand-written headlines.
 */
public final class WikinewsSections {
  public static final String POLITICS = "Politics";
  public static final String SCIENCE = "Science";
  public static final String SPORTS = "Sports";
  public static final String BUSINESS = "Business";
  public static final String HEALTH = "Health";
  public static final String CRIME = "Crime and law";
  public static final String DISASTERS = "Disasters and accidents";
  public static final String CULTURE = "Culture and entertainment";
  public static final String ENVIRONMENT = "Environment";
  public static final String WORLD = "World";

  /** Every section an article can get, in display order. */
  public static final List<String> SECTIONS =
      List.of(
          WORLD,
          POLITICS,
          BUSINESS,
          SCIENCE,
          HEALTH,
          ENVIRONMENT,
          CRIME,
          DISASTERS,
          SPORTS,
          CULTURE);

  static final int MIN_KEYWORD_SCORE = 3;
  static final int MAX_LEAD_CHARS = 3000;

  /** How a section was found. */
  public enum Basis {
    /** From a topic category of the article. */
    CATEGORY,
    /** From the keyword vote over title and lead. */
    KEYWORDS,
    /** Nothing decided: the default section. */
    DEFAULT
  }

  /** A section and how it was found. */
  public record Result(String section, Basis basis) {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

  /** Wikinews category (lower case) → section. */
  public static final Map<String, String> CATEGORY_SECTIONS = categoryTable();

  private static final Map<String, List<Cue>> CUES = cueTable();

  private WikinewsSections() {}

  /** The section of an article with these categories, title and body text. */
  public static Result of(List<String> categories, String title, String text) {
    for (String c : categories) {
      String s = CATEGORY_SECTIONS.get(c.strip().toLowerCase(Locale.ROOT));
      if (s != null) {
        return new Result(s, Basis.CATEGORY);
      }
    }
    Map<String, Integer> scores = keywordScores(title, lead(text));
    String best = null;
    int bestScore = 0;
    for (String s : SECTIONS) {
      int v = scores.getOrDefault(s, 0);
      if (v > bestScore) {
        best = s;
        bestScore = v;
      }
    }
    if (best != null && bestScore >= MIN_KEYWORD_SCORE) {
      return new Result(best, Basis.KEYWORDS);
    }
    return new Result(WORLD, Basis.DEFAULT);
  }

  /** The keyword score of each section for this title and lead (sections scoring 0 are absent). */
  static Map<String, Integer> keywordScores(String title, String lead) {
    List<String> t = words(title);
    List<String> l = words(lead);
    Map<String, Integer> scores = new HashMap<>();
    for (Map.Entry<String, List<Cue>> e : CUES.entrySet()) {
      int score = 0;
      for (Cue cue : e.getValue()) {
        score += 3 * Math.min(1, cue.count(t)) + Math.min(3, cue.count(l));
      }
      if (score > 0) {
        scores.put(e.getKey(), score);
      }
    }
    return scores;
  }

  /** The first three paragraphs, at most {@value #MAX_LEAD_CHARS} characters. */
  private static String lead(String text) {
    String head = text.length() > 4 * MAX_LEAD_CHARS ? text.substring(0, 4 * MAX_LEAD_CHARS) : text;
    String[] paras = head.split("\n\\s*\n", 4);
    String lead = String.join("\n", List.of(paras).subList(0, Math.min(3, paras.length)));
    return lead.length() > MAX_LEAD_CHARS ? lead.substring(0, MAX_LEAD_CHARS) : lead;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.endsWith("'s") || w.endsWith("’s")) {
        w = w.substring(0, w.length() - 2);
      }
      out.add(w);
    }
    return out;
  }

  /** A cue: one or more words that must follow each other. */
  private record Cue(List<String> words) {
    int count(List<String> text) {
      int n = 0;
      outer:
      for (int i = 0; i + words.size() <= text.size(); i++) {
        for (int j = 0; j < words.size(); j++) {
          if (!text.get(i + j).equals(words.get(j))) {
            continue outer;
          }
        }
        n++;
      }
      return n;
    }
  }

  private static Map<String, String> categoryTable() {
    Map<String, String> m = new HashMap<>();
    put(
        m,
        POLITICS,
        "Politics and conflicts",
        "Politics",
        "Elections",
        "Military",
        "War",
        "Human rights",
        "Protests",
        "Diplomacy",
        "Government",
        "Brexit",
        "Refugees",
        "Immigration");
    put(
        m,
        SCIENCE,
        "Science and technology",
        "Science",
        "Technology",
        "Space",
        "Physics",
        "Biology",
        "Chemistry",
        "Astronomy",
        "Internet",
        "Computing",
        "FLOSS",
        "Open source",
        "Mathematics",
        "Palaeontology",
        "Paleontology",
        "Archaeology",
        "Robotics",
        "Zoology",
        "Genetics");
    put(
        m,
        SPORTS,
        "Sports",
        "Sport",
        "Football (soccer)",
        "Football",
        "Association football",
        "Basketball",
        "Baseball",
        "Cricket",
        "Rugby union",
        "Rugby league",
        "Rugby",
        "Tennis",
        "Chess",
        "Olympics",
        "Olympic Games",
        "Paralympics",
        "Motorsport",
        "Formula One",
        "Cycling",
        "Golf",
        "Athletics",
        "Ice hockey",
        "American football",
        "Boxing",
        "Wrestling",
        "Swimming",
        "FIFA World Cup");
    put(
        m,
        BUSINESS,
        "Economy and business",
        "Economy",
        "Business",
        "Stock market",
        "Companies",
        "Banking",
        "Trade",
        "Finance",
        "Labour",
        "Agriculture");
    put(
        m,
        HEALTH,
        "Health",
        "Medicine",
        "Public health",
        "COVID-19",
        "Coronavirus",
        "Diseases",
        "Disease",
        "Ebola",
        "HIV/AIDS",
        "Mental health");
    put(
        m,
        CRIME,
        "Crime and law",
        "Law",
        "Crime",
        "Courts",
        "Death penalty",
        "Capital punishment",
        "Terrorism",
        "Police",
        "Corruption");
    put(
        m,
        DISASTERS,
        "Disasters and accidents",
        "Disasters",
        "Accidents",
        "Earthquakes",
        "Tsunamis",
        "Floods",
        "Hurricanes",
        "Tropical cyclones",
        "Fires",
        "Wildfires",
        "Aviation accidents and incidents",
        "Road accidents",
        "Weather",
        "Volcanoes");
    put(
        m,
        CULTURE,
        "Culture and entertainment",
        "Culture",
        "Entertainment",
        "Music",
        "Music videos",
        "Film",
        "Television",
        "Arts",
        "Art",
        "Religion",
        "Games",
        "Video games",
        "Books",
        "Literature",
        "Comics",
        "Celebrities",
        "Theatre",
        "Fashion",
        "Food",
        "Museums");
    put(
        m,
        ENVIRONMENT,
        "Environment",
        "Climate change",
        "Global warming",
        "Pollution",
        "Wildlife",
        "Conservation",
        "Endangered species");
    return Map.copyOf(m);
  }

  private static void put(Map<String, String> m, String section, String... categories) {
    for (String c : categories) {
      m.put(c.toLowerCase(Locale.ROOT), section);
    }
  }

  private static Map<String, List<Cue>> cueTable() {
    Map<String, List<Cue>> m = new LinkedHashMap<>();
    cues(
        m,
        POLITICS,
        "election, elections, elected, vote, votes, voters, voting, ballot, referendum, parliament,"
            + " parliamentary, senate, senator, congress, congressman, congresswoman, lawmakers,"
            + " legislature, legislative, prime minister, minister, ministers, cabinet, government,"
            + " opposition, campaign, candidate, candidates, nominee, nomination, primary, primaries,"
            + " caucus, caucuses, democratic party, republican party, republican, democrats,"
            + " republicans, impeachment, impeach, governor, mayor, protest, protests, protesters,"
            + " rally, troops, military, war, sanctions, diplomatic, brexit, treaty, coalition,"
            + " resigned, resignation, presidential");
    cues(
        m,
        CRIME,
        "police, arrested, arrest, court, judge, trial, sentenced, sentence, convicted, guilty,"
            + " murder, murdered, shooting, gunman, stabbed, lawsuit, sued, prosecutor, prosecutors,"
            + " charged, charges, prison, jail, crime, criminal, fraud, attorney, pardon, pardons,"
            + " terrorist, terror, terrorism, rape, suspect, verdict, jury, supreme court, ruling,"
            + " extradition, smuggling, robbery, bomb, bombs, bombing, bombings, bomber, stabbing,"
            + " shot dead, knife, gunmen");
    cues(
        m,
        DISASTERS,
        "earthquake, magnitude, tsunami, hurricane, typhoon, cyclone, storm, flood, floods,"
            + " flooding, wildfire, wildfires, fire, blaze, crash, crashed, collision, derailed,"
            + " derailment, explosion, exploded, collapse, collapsed, accident, landslide, volcano,"
            + " eruption, tornado, stampede, drowned, capsized, sank, disaster, rescue, rescuers,"
            + " evacuated, evacuation, crashes, plane crash, helicopter crash");
    cues(
        m,
        HEALTH,
        "health, disease, diseases, virus, coronavirus, covid-19, sars-cov-2, pandemic, outbreak,"
            + " vaccine, vaccines, vaccination, patients, medical, cancer, ebola, measles,"
            + " infections, infected, infection, epidemic, doctors, hospitals, public health,"
            + " world health organization, deficiency, diet, obesity, nutrition, clinical");
    cues(
        m,
        SCIENCE,
        "scientists, scientist, researchers, research, study, journal, published in, species,"
            + " fossil, fossils, dinosaur, dinosaurs, nasa, space, spacecraft, rocket, astronomers,"
            + " planet, mars, physics, biology, chemistry, technology, software, computer, internet,"
            + " open-source, robot, robots, robotics, spacex, satellite, telescope, genome,"
            + " evolution, evolved, laboratory, astronaut, astronauts, orbit, browser, microsoft,"
            + " google, apple, linux, developer, developers");
    cues(
        m,
        SPORTS,
        "match, tournament, championship, championships, league, world cup, football, soccer,"
            + " rugby, cricket, tennis, chess, olympic, olympics, olympiad, score, scored, goals,"
            + " coach, players, season, athletes, marathon, grand prix, basketball, baseball, fifa,"
            + " nba, nfl, medal, medals, defeated, semi-final, final, finals, stadium, grandmaster,"
            + " cup, race");
    cues(
        m,
        BUSINESS,
        "company, companies, shares, stock, stocks, market, markets, economy, economic, business,"
            + " investors, profit, profits, revenue, bank, banks, trade, tariffs, ceo, merger,"
            + " acquisition, acquire, sales, prices, imports, exports, gdp, inflation, employees,"
            + " bankruptcy, billion, industry, firm, retailer, corporation, inc, ltd, jobs, acquires,"
            + " acquired, supermarket, enterprise");
    cues(
        m,
        CULTURE,
        "film, films, movie, movies, actor, actress, music, singer, band, album, song, songs,"
            + " festival, convention, cosplay, cosplayers, comic, comics, anime, art, artist,"
            + " artists, museum, exhibit, exhibition, theatre, television, tv, award, awards, oscar,"
            + " celebrity, book, novel, author, video game, video games, church, cathedral, pope,"
            + " religious, royal, king, queen, princess, fans, concert, celebration, tradition, guitarist,"
            + " drummer, musician, singer-songwriter, rock band");
    cues(
        m,
        ENVIRONMENT,
        "climate, climate change, global warming, emissions, pollution, environmental,"
            + " environment, conservation, wildlife, endangered, forest, forests, deforestation,"
            + " rainforest, ozone, carbon, renewable, greenhouse, biodiversity, penguins, sharks,"
            + " whales, coral, habitat, extinction");
    return m;
  }

  private static void cues(Map<String, List<Cue>> m, String section, String list) {
    List<Cue> out = new ArrayList<>();
    for (String c : list.split(",")) {
      out.add(new Cue(words(c)));
    }
    m.put(section, List.copyOf(out));
  }
}
