package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the accusation rules that widen recall: apostrophe-less possessives, reciprocal
 * blame with determiners, agents through their members or weapons, coordinated speakers, "the
 * Observatory" for a named organisation, condemned deeds, "forces loyal to", participle adjuncts,
 * "the president", "critics of", "X and his supporters", and appositive heads. All sentences are
 * made up; the gazetteer is the small one of {@link ClaimExtractorTest} plus a few made-up actors.
 */
class AccusationActorsTest {

  private static final LocalDate DATE = LocalDate.of(2017, 12, 21);

  private static final List<String> ACTORS = actors();

  private static List<String> actors() {
    List<String> out = new ArrayList<>(ClaimExtractorTest.ACTORS);
    out.add(
        "person:omar-halabi\tOmar Halabi\tperson\tSYR\tOmar Halabi|Halabi|President Halabi"
            + "\t\t\t2000\t2024\thead of state");
    out.add("org:levant-front\tLevant Front\torg\t\tLevant Front\t\t\t\t\tmilitant group");
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

  /** "KIND source -> target" of each claim, without sentence, cue and pass. */
  private static List<String> pairs(String text) {
    return EXTRACTOR.extract(DOCS.document("r1", text, DATE)).stream()
        .map(c -> c.kind() + " " + c.sourceActor() + " -> " + c.targetActor())
        .collect(Collectors.toList());
  }

  private static List<String> accusations(String text) {
    return pairs(text).stream()
        .filter(p -> p.startsWith(Claim.ACCUSATION))
        .collect(Collectors.toList());
  }

  @Test
  void possessiveWithoutApostropheNamesTheActor() {
    assertThat(accusations("Washington blamed the shelling on Halabis forces."))
        .as("Halabis forces = Halabi's forces")
        .containsExactly("ACCUSATION United States -> Omar Halabi");
    assertThat(accusations("Washington blamed the shelling on Jenkins."))
        .as("a name ending in s that is no gazetteer name stays itself")
        .doesNotContain("ACCUSATION United States -> Omar Halabi");
  }

  @Test
  void reciprocalBlameSkipsDeterminers() {
    assertThat(
            accusations(
                "Syria is at war. Damascus denies any shelling. "
                    + "The government and the rebels have blamed each other for the shelling."))
        .as("the rebels are the Syrian rebels of the article's country")
        .contains("ACCUSATION Syria -> Syrian rebels", "ACCUSATION Syrian rebels -> Syria");
  }

  @Test
  void actorActsThroughItsMembersOrWeapons() {
    assertThat(accusations("Levant Front fighters kidnapped a priest, Acme News said."))
        .as("fighters of a named group: the group is accused by the speaker")
        .containsExactly("ACCUSATION Acme News -> Levant Front");
    assertThat(accusations("Levant Front fighters kidnapped a priest."))
        .as("no speaker, no accusation")
        .isEmpty();
  }

  @Test
  void theObservatoryNamesTheOneOrganisationWithThatWord() {
    assertThat(
            accusations(
                "The Aleppo Observatory for Civil Rights counts the dead. "
                    + "Levant Front fighters kidnapped a priest, the observatory said."))
        .containsExactly("ACCUSATION Aleppo Observatory for Civil Rights -> Levant Front");
  }

  @Test
  void coordinatedSpeakersEachAccuse() {
    assertThat(
            accusations(
                "The Aleppo Observatory for Civil Rights counts the dead. "
                    + "Acme News and the observatory said Levant Front fighters kidnapped a"
                    + " priest."))
        .containsExactlyInAnyOrder(
            "ACCUSATION Acme News -> Levant Front",
            "ACCUSATION Aleppo Observatory for Civil Rights -> Levant Front");
  }

  @Test
  void condemningAnActorsDeedAccusesIt() {
    assertThat(accusations("The United States condemned Russia's bombing of the hospital."))
        .containsExactly("ACCUSATION United States -> Russia");
    assertThat(accusations("The United States condemned the bombing of the hospital."))
        .as("a deed with no actor accuses nobody")
        .isEmpty();
    assertThat(accusations("The United States condemned Russia."))
        .as("condemning an actor without a deed or 'for' is criticism")
        .isEmpty();
  }

  @Test
  void forcesLoyalToAHeadOfStateAreTheState() {
    assertThat(accusations("Acme News accused forces loyal to President Halabi of shelling."))
        .containsExactly("ACCUSATION Acme News -> Syria");
  }

  @Test
  void participleAdjunctTakesTheSpeakerAsSubject() {
    assertThat(
            accusations(
                "Acme News said jets flew over the town after the shelling accusing the Syrian"
                    + " government of using chemical weapons."))
        .containsExactly("ACCUSATION Acme News -> Syria");
  }

  @Test
  void thePresidentIsTheHeadOfStateNamedBefore() {
    assertThat(
            accusations(
                "President Trump spoke on Monday. Acme News later called the president a liar."))
        .containsExactly("ACCUSATION Acme News -> Donald Trump");
  }

  @Test
  void criticsOfAnActorDoNotSpeakForIt() {
    assertThat(
            accusations(
                "Karim Nassar runs a clinic. "
                    + "Critics of Mr Nassar, however, have accused him of fraud."))
        .as("critics of X are unnamed accusers, not X, also with a title before X")
        .containsExactly("ACCUSATION null -> Karim Nassar");
  }

  @Test
  void actorAndHisSupportersAccuse() {
    assertThat(accusations("Trump and his supporters have accused Acme News of lying."))
        .containsExactly("ACCUSATION Donald Trump -> Acme News");
    assertThat(accusations("Some voters have accused Acme News of lying."))
        .as("no named actor coordinated with the unnamed subject")
        .containsExactly("ACCUSATION null -> Acme News");
  }

  @Test
  void appositiveHeadIsThePersonAfterTheRole() {
    assertThat(accusations("Acme News accused Levant Front commander Karim Nassar of torture."))
        .containsExactly("ACCUSATION Acme News -> Karim Nassar");
    assertThat(accusations("Acme News accused Levant Front of torture."))
        .containsExactly("ACCUSATION Acme News -> Levant Front");
    assertThat(
            accusations(
                "Acme News alleges that director Karim Nassar and volunteer Sami Haddad leaked"
                    + " the files."))
        .containsExactlyInAnyOrder(
            "ACCUSATION Acme News -> Karim Nassar", "ACCUSATION Acme News -> Sami Haddad");
  }

  @Test
  void denialNamingItsAccuserLinksToThatAccuser() {
    List<String> out =
        pairs(
            "Critics accused North Korea of the Harbor Gate hack. "
                + "North Korea rejected the allegations by the United States.");
    assertThat(out)
        .as("the denial answers the United States, named in it, not the unnamed critics")
        .contains("DENIAL North Korea -> United States");
  }
}
