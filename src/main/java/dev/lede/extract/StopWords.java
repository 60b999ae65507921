package dev.lede.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Function words of the languages Lede meets most, merged into one set. Running prose is dense in
 * them (a third to a half of its words) while menus, labels and link lists are not, which is the
 * signal jusText (Pomikálek 2011) builds on. One merged set rather than per-language lists: the
 * density only has to separate prose from boilerplate, and pages often mix languages. Scripts
 * written without spaces have no entry; the classifier falls back to length and punctuation there.
 */
final class StopWords {
  private static final Set<String> WORDS = new HashSet<>();

  static {
    add(
        // English
        "a about above after again against all also am an and any are as at be because been"
            + " before being below between both but by can could did do does doing down during each"
            + " few for from further had has have having he her here hers him his how i if in into is"
            + " it its itself just me more most my no nor not now of off on once only or other our"
            + " out over own said same she should so some such than that the their them then there"
            + " these they this those through to too under until up very was we were what when"
            + " where which while who whom why will with would you your yours one two new like"
            + " may many much must might shall since still though us well",
        // German
        "aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dem den der"
            + " des die dies diese dieser doch dort du durch ein eine einem einen einer eines er es"
            + " für hat hatte ich ihr im in ist ja jetzt kann kein man mit nach nicht noch nur ob oder"
            + " sein sich sie sind so über um und uns unter vom von vor war was wenn werden wie wir"
            + " wird wurde zu zum zur",
        // French
        "au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais"
            + " me même mes moi mon ne nous on ou par pas plus pour qu que qui sa se ses son sont sur"
            + " ta te tes toi ton tu un une vous été être avait sont aussi entre",
        // Spanish, Portuguese, Italian
        "al como con de del el en es esta este ha la las le lo los más mi no nos o para pero por"
            + " que se si sin sobre su sus también un una uno y ya fue son entre cuando muy"
            + " ao as às da das do dos ela ele em está foi isso mais mas na nas no nos num numa os"
            + " ou pela pelo sem seu sua são também um uma você não"
            + " alla anche che chi col come con dal dalla dei del della delle di gli ha hanno il"
            + " in io la le lo ma nel nella non per più quando questo se si sono su sua suo tra una"
            + " è",
        // Dutch, Scandinavian
        "aan als bij dat de den der die dit door een en er het hij hoe ik in is je maar met naar"
            + " niet nog of om ook op over te tot uit van voor was wat we wel werd wordt ze zijn"
            + " och att det som en på är av för med till den har de inte om ett men var sig så"
            + " og er til på af med for ikke den det som har en jeg vi",
        // Polish, Czech, Hungarian
        "i w z na do nie się że to jest od po przez dla jak ale co tak jego już tylko może oraz"
            + " a v se na je že to s z do o ve jako by ale jak jsou pro tak za jeho také byl"
            + " a az és hogy nem is egy de meg van csak már el ha ki mint volt vagy ez azt",
        // Russian
        "и в не на я что с он как а то все она так его но да ты к у же вы за бы по только ее"
            + " мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть"
            + " был него до вас это для при");
  }

  private StopWords() {}

  private static void add(String... lists) {
    for (String list : lists) {
      for (String w : list.split(" ")) {
        if (!w.isEmpty()) {
          WORDS.add(w);
        }
      }
    }
  }

  /** True when the lower-cased word is a function word. */
  static boolean contains(String lowerWord) {
    return WORDS.contains(lowerWord);
  }

  /** Lower-cases with the root locale and tests membership. */
  static boolean isStopWord(String word) {
    return WORDS.contains(word.toLowerCase(Locale.ROOT));
  }
}
