package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which accuser and accused the accusation rules name, one made-up sentence at a time, as "KIND
 * source -> target" ("null" for an actor the claim does not name). Covers apostrophe-less
 * possessives, reciprocal blame with determiners, agents through their members or weapons,
 * coordinated speakers, "the Observatory" for a named organisation, condemned deeds, "forces loyal
 * to", participle adjuncts, "the president", "critics of", "X and his supporters", appositive
 * heads; deeds named as nouns with their perpetrator ("rebel shelling", "Russian air strikes") in
 * reported speech, holding responsibility, groups named by their side, multi-word anaphors; the
 * head of a noun phrase of proper-noun modifiers, adjectival "alleged", "attributed to" without a
 * wrongdoing, a pronoun that cannot be its own accuser, "X faced a complaint", a possessor before a
 * person's role, Title Case headlines, news nouns and name calling. The gazetteer is the small one
 * of {@link ClaimExtractorTest} plus a few made-up actors.
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

  @Test
  void theAccusedOfAThatClauseIsTheHeadOfItsNounPhrase() {
    assertThat(
            accusations(
                "The campaign answered allegations that Vermont Acme News anchor Dana Holt"
                    + " harassed a colleague."))
        .as("'Vermont' and 'Acme News' modify the anchor")
        .containsExactly("ACCUSATION null -> Dana Holt");
  }

  @Test
  void allegedBeforeANounIsAnAdjective() {
    assertThat(
            accusations(
                "Republicans want Acme News to investigate alleged payments to North Korea last"
                    + " year."))
        .isEmpty();
    assertThat(accusations("Acme News alleged North Korea hacked the bank."))
        .as("still a verb before a clause")
        .containsExactly("ACCUSATION Acme News -> North Korea");
  }

  @Test
  void attributedToNeedsAWrongdoing() {
    assertThat(accusations("It is an old saying attributed to Donald Trump by his friends."))
        .isEmpty();
    assertThat(accusations("The White House attributed the attack to North Korea."))
        .containsExactly("ACCUSATION United States -> North Korea");
  }

  @Test
  void aPronounAccusedIsNotTheAccuser() {
    assertThat(
            accusations(
                "Sen. Paul Ryker faces a new accusation. His accuser, Dr. Maria Lopez, alleges that"
                    + " he forced her to sign the papers."))
        .contains("ACCUSATION Maria Lopez -> Paul Ryker")
        .doesNotContain("ACCUSATION Maria Lopez -> Maria Lopez");
  }

  @Test
  void theSubjectOfFacedAComplaintIsAccused() {
    assertThat(
            accusations(
                "Sen. Paul Ryker faced a complaint filed with the ethics office over alleged fraud."))
        .containsExactly("ACCUSATION null -> Paul Ryker");
    assertThat(accusations("Sen. Paul Ryker was hit with new allegations of bribery on Monday."))
        .containsExactly("ACCUSATION null -> Paul Ryker");
    assertThat(accusations("Sen. Paul Ryker faced a difficult choice over the claims."))
        .as("'claims' with no wrongdoing word is no accusation")
        .isEmpty();
  }

  @Test
  void aPossessorBeforeARoleIsNotTheAccused() {
    assertThat(
            accusations(
                "Senators discussed allegations against Donald Trump's campaign manager, who"
                    + " pushed a reporter."))
        .isEmpty();
    assertThat(accusations("Senators discussed allegations against Donald Trump of fraud."))
        .containsExactly("ACCUSATION null -> Donald Trump");
  }

  @Test
  void capitalsInATitleCaseHeadlineNameNobody() {
    assertThat(
            accusations(
                "Local Officials Say Harbor Gate Was Behind Heavy Losses At City Docks Last Week"))
        .isEmpty();
  }

  @Test
  void aNewsNounStandsForANewsOutletAndABylineIsNoAntecedent() {
    assertThat(
            accusations(
                "WASHINGTON (Reuters) - Acme News sued the Trump administration. In its lawsuit"
                    + " filed in District Court, the cable news network said the White House"
                    + " violated the law."))
        .contains("ACCUSATION Acme News -> United States")
        .doesNotContain(
            "ACCUSATION Reuters -> United States", "ACCUSATION District Court -> United States");
  }

  @Test
  void nameCallingWithAnInsultIsAnAccusation() {
    assertThat(accusations("Donald Trump spoke. Later, Dana Holt called the president a racist."))
        .containsExactly("ACCUSATION Dana Holt -> Donald Trump");
    assertThat(accusations("Dana Holt called Donald Trump a \"serial liar\" on Monday."))
        .containsExactly("ACCUSATION Dana Holt -> Donald Trump");
    assertThat(accusations("Dana Holt called Donald Trump a friend."))
        .as("no insult, no accusation")
        .isEmpty();
    assertThat(accusations("Dana Holt did not call Donald Trump a liar.")).as("negated").isEmpty();
    assertThat(accusations("After a phone call Donald Trump a liar"))
        .as("the noun 'call'")
        .isEmpty();
  }
}
