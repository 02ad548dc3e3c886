package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the third round of accusation rules: deeds named as nouns with their perpetrator
 * ("rebel shelling", "Russian air strikes") in reported speech. All sentences are made up; the
 * gazetteer is the small one of {@link ClaimExtractorTest} plus a made-up monitor.
 */
class AccusationRecallRules3Test {

  private static final LocalDate DATE = LocalDate.of(2017, 12, 21);

  private static final List<String> ACTORS = actors();

  private static List<String> actors() {
    List<String> out = new ArrayList<>(ClaimExtractorTest.ACTORS);
    out.add(
        "org:aleppo-observatory\tAleppo Observatory for Civil Rights\torg\t"
            + "\tAleppo Observatory for Civil Rights\t\t\t\t\tngo");
    return out;
  }

  private static final Gazetteer GAZETTEER = Gazetteer.parse(ACTORS, ClaimExtractorTest.INCIDENTS);
  private static final CueLexicon LEXICON = ClaimExtractorTest.lexicon();
  private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(GAZETTEER, LEXICON);
  private static final TestDocuments DOCS =
      new TestDocuments(GAZETTEER.phrases(), LEXICON.phrases());

  private static List<String> pairs(String text) {
    return EXTRACTOR.extract(DOCS.document("r3", text, DATE)).stream()
        .map(c -> c.kind() + " " + c.sourceActor() + " -> " + c.targetActor())
        .collect(Collectors.toList());
  }

  private static List<String> accusations(String text) {
    return pairs(text).stream()
        .filter(p -> p.startsWith(Claim.ACCUSATION))
        .collect(Collectors.toList());
  }

  private static final String SYRIA = "Syria is at war. Damascus says little. ";

  @Test
  void deedNounWithItsPerpetratorInReportedSpeech() {
    assertThat(
            accusations(
                SYRIA
                    + "Five people died in rebel shelling of a market on Monday,"
                    + " the Aleppo Observatory for Civil Rights said."))
        .as("'rebel' as a modifier names the Syrian rebels")
        .containsExactly("ACCUSATION Aleppo Observatory for Civil Rights -> Syrian rebels");
    assertThat(
            accusations(
                SYRIA
                    + "Syrian and Russian air strikes hit the town, according to the Aleppo"
                    + " Observatory for Civil Rights."))
        .as("coordinated demonyms: both states")
        .containsExactlyInAnyOrder(
            "ACCUSATION Aleppo Observatory for Civil Rights -> Russia",
            "ACCUSATION Aleppo Observatory for Civil Rights -> Syria");
  }

  @Test
  void deedNounNeedsASpeakerAndAPerpetrator() {
    assertThat(accusations(SYRIA + "Five people died in rebel shelling of a market on Monday."))
        .as("the journalist's own narrative accuses no one")
        .isEmpty();
    assertThat(
            accusations(
                SYRIA
                    + "Five people died in heavy shelling of a market,"
                    + " the Aleppo Observatory for Civil Rights said."))
        .as("no perpetrator before the deed noun")
        .isEmpty();
    assertThat(accusations(SYRIA + "Russian air strikes hit the town, Moscow said."))
        .as("a state reporting its own strikes accuses no one")
        .isEmpty();
    assertThat(
            accusations(
                SYRIA
                    + "Five people died in no Russian air strikes at all,"
                    + " the Aleppo Observatory for Civil Rights said."))
        .as("negated deed")
        .isEmpty();
  }

  @Test
  void holdingOrBearingResponsibilityAccusesTheSubject() {
    assertThat(accusations("Acme News said that Russia bears responsibility for the strike."))
        .containsExactly("ACCUSATION Acme News -> Russia");
    assertThat(pairs("Russia did not bear responsibility for the strike, Moscow said."))
        .as("negated: a denial by the speaker")
        .containsExactly("DENIAL Russia -> null");
    assertThat(accusations("Who bears responsibility for the strike is unclear, Acme News said."))
        .as("no actor bears it")
        .isEmpty();
  }

  @Test
  void groupNamedByTheSideItTakes() {
    assertThat(
            accusations(
                SYRIA + "Anti-Damascus militants blamed the Syrian government for the shelling."))
        .as("anti-X armed group: the rebels of X's state")
        .containsExactly("ACCUSATION Syrian rebels -> Syria");
    assertThat(accusations(SYRIA + "Pro-government forces shelled the town, Acme News said."))
        .as("pro-government forces: the dominant state")
        .containsExactly("ACCUSATION Acme News -> Syria");
    assertThat(accusations(SYRIA + "Pro-Russian separatists shelled the town, Acme News said."))
        .as("a demonym side names no one")
        .isEmpty();
    assertThat(accusations(SYRIA + "Anti-war protesters blamed the government, Acme News said."))
        .as("a side that is no actor")
        .doesNotContain("ACCUSATION Syrian rebels -> Syria");
  }

  @Test
  void multiWordAnaphorKeepsItsActorType() {
    assertThat(
            accusations(
                SYRIA
                    + "Anti-government rebels attacked an army post on Monday, state media said."))
        .as("'state media' speaks for a state, never for the rebels mentioned just before")
        .containsExactly("ACCUSATION Syria -> Syrian rebels");
    assertThat(
            accusations(
                "Anti-government rebels attacked an army post on Monday, state media said."))
        .as("no state in the text: the speaker stays unresolved")
        .doesNotContain("ACCUSATION Syrian rebels -> Syrian rebels");
  }
}
