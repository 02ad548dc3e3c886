package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the fourth round of accusation rules: the head of a noun phrase of proper-noun
 * modifiers, adjectival "alleged", "attributed to" without a wrongdoing, a pronoun that cannot be
 * its own accuser, "X faced a complaint", a possessor followed by a person's role, and headlines in
 * Title Case. All sentences are made up; the gazetteer is the small one of {@link
 * ClaimExtractorTest}.
 */
class AccusationRules4Test {

  private static final LocalDate DATE = LocalDate.of(2017, 12, 21);
  private static final Gazetteer GAZETTEER =
      Gazetteer.parse(ClaimExtractorTest.ACTORS, ClaimExtractorTest.INCIDENTS);
  private static final CueLexicon LEXICON = ClaimExtractorTest.lexicon();
  private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(GAZETTEER, LEXICON);
  private static final TestDocuments DOCS =
      new TestDocuments(GAZETTEER.phrases(), LEXICON.phrases());

  private static List<String> accusations(String text) {
    return EXTRACTOR.extract(DOCS.document("r4", text, DATE)).stream()
        .filter(c -> c.kind().equals(Claim.ACCUSATION))
        .map(c -> c.sourceActor() + " -> " + c.targetActor())
        .collect(Collectors.toList());
  }

  @Test
  void theAccusedOfAThatClauseIsTheHeadOfItsNounPhrase() {
    assertThat(
            accusations(
                "The campaign answered allegations that Vermont Acme News anchor Dana Holt"
                    + " harassed a colleague."))
        .as("'Vermont' and 'Acme News' modify the anchor")
        .containsExactly("null -> Dana Holt");
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
        .containsExactly("Acme News -> North Korea");
  }

  @Test
  void attributedToNeedsAWrongdoing() {
    assertThat(accusations("It is an old saying attributed to Donald Trump by his friends."))
        .isEmpty();
    assertThat(accusations("The White House attributed the attack to North Korea."))
        .containsExactly("United States -> North Korea");
  }

  @Test
  void aPronounAccusedIsNotTheAccuser() {
    assertThat(
            accusations(
                "Sen. Paul Ryker faces a new accusation. His accuser, Dr. Maria Lopez, alleges that"
                    + " he forced her to sign the papers."))
        .contains("Maria Lopez -> Paul Ryker")
        .doesNotContain("Maria Lopez -> Maria Lopez");
  }

  @Test
  void theSubjectOfFacedAComplaintIsAccused() {
    assertThat(
            accusations(
                "Sen. Paul Ryker faced a complaint filed with the ethics office over alleged fraud."))
        .containsExactly("null -> Paul Ryker");
    assertThat(accusations("Sen. Paul Ryker was hit with new allegations of bribery on Monday."))
        .containsExactly("null -> Paul Ryker");
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
        .containsExactly("null -> Donald Trump");
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
        .contains("Acme News -> United States")
        .doesNotContain("Reuters -> United States", "District Court -> United States");
  }

  @Test
  void nameCallingWithAnInsultIsAnAccusation() {
    assertThat(accusations("Donald Trump spoke. Later, Dana Holt called the president a racist."))
        .containsExactly("Dana Holt -> Donald Trump");
    assertThat(accusations("Dana Holt called Donald Trump a \"serial liar\" on Monday."))
        .containsExactly("Dana Holt -> Donald Trump");
    assertThat(accusations("Dana Holt called Donald Trump a friend."))
        .as("no insult, no accusation")
        .isEmpty();
    assertThat(accusations("Dana Holt did not call Donald Trump a liar.")).as("negated").isEmpty();
    assertThat(accusations("After a phone call Donald Trump a liar"))
        .as("the noun 'call'")
        .isEmpty();
  }
}
